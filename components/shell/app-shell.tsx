import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { Link } from "@/lib/i18n/navigation";
import { Icon } from "./icons";
import { LogoutButton } from "./logout-button";
import { NavLinks, SideLinks, type NavItem, type SideLink } from "./nav-links";

/**
 * Layout shared by the parent and the staff shell. Phones: a top bar (brand, language, log out), a
 * row of secondary links, the page, and a bottom tab bar. From `lg`: one side bar with brand, menu,
 * secondary links and account controls, the page beside it.
 */
export function AppShell({
  homeHref,
  badge,
  userName,
  navLabel,
  navItems,
  sideLabel,
  sideLinks,
  notifications,
  children,
}: {
  homeHref: string;
  /** The bell: a link to the notification list with the number of unread ones. */
  notifications?: { href: string; unread: number };
  badge?: string;
  userName: string;
  navLabel: string;
  navItems: NavItem[];
  sideLabel: string;
  sideLinks: SideLink[];
  children: ReactNode;
}) {
  const t = useTranslations();
  return (
    // Safe areas (viewport-fit=cover, app/[locale]/layout.tsx): as an installed app on a phone with a
    // notch or rounded corners, nothing may sit under them. In-flow content (the top bar, the page) keeps
    // clear through this padding; the fixed bars (side bar, bottom tab bar) pad themselves.
    <div className="min-h-dvh pr-[env(safe-area-inset-right)] pl-[env(safe-area-inset-left)]">
      <a href="#main" className="skip-link">
        {t("App.skipToContent")}
      </a>
      <header className="sticky top-0 z-20 flex flex-wrap items-center border-b border-line bg-surface pt-[env(safe-area-inset-top)] lg:fixed lg:inset-y-0 lg:left-0 lg:w-[calc(18rem+env(safe-area-inset-left))] lg:flex-col lg:flex-nowrap lg:items-stretch lg:gap-6 lg:overflow-y-auto lg:border-r lg:border-b-0 lg:pt-[max(1.25rem,env(safe-area-inset-top))] lg:pr-4 lg:pb-[max(1.25rem,env(safe-area-inset-bottom))] lg:pl-[max(1rem,env(safe-area-inset-left))]">
        <Link
          href={homeHref}
          className="order-1 flex min-h-11 items-center gap-2 px-4 py-2 font-bold text-brand-800 lg:px-3"
        >
          <Icon name="logo" className="size-7 text-brand-600" />
          <span className="text-lg max-[389px]:sr-only">{t("App.name")}</span>
          {badge ? (
            <span className="rounded-md bg-accent-50 px-1.5 py-0.5 text-xs font-semibold text-accent-700">{badge}</span>
          ) : null}
        </Link>
        <div className="order-2 ml-auto flex items-center gap-1 pr-2 lg:order-4 lg:mt-auto lg:ml-0 lg:flex-col lg:items-stretch lg:gap-3 lg:border-t lg:border-line lg:pt-4 lg:pr-0">
          <p className="hidden px-3 text-sm text-muted lg:block">{t("Nav.signedInAs", { name: userName })}</p>
          <div className="flex items-center gap-1 lg:justify-between lg:px-1">
            {notifications ? (
              <Link
                href={notifications.href}
                className="relative inline-flex size-11 items-center justify-center rounded-lg text-brand-800 hover:bg-brand-50"
                aria-label={t("Notifications.bell", { count: notifications.unread })}
              >
                <Icon name="bell" className="size-6" />
                {notifications.unread > 0 ? (
                  <span
                    aria-hidden="true"
                    className="absolute top-1 right-1 min-w-5 rounded-full bg-accent-700 px-1 text-center text-xs leading-5 font-semibold text-white"
                  >
                    {notifications.unread > 99 ? "99+" : notifications.unread}
                  </span>
                ) : null}
              </Link>
            ) : null}
            <LanguageSwitch />
            <LogoutButton />
          </div>
        </div>
        <div className="order-2 lg:order-2">
          <NavLinks variant="side" items={navItems} label={navLabel} />
        </div>
        {sideLinks.length > 0 ? (
          <div className="order-3 w-full lg:order-3">
            <SideLinks links={sideLinks} label={sideLabel} />
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="px-4 pt-6 pb-[calc(7rem+env(safe-area-inset-bottom))] focus:outline-none sm:px-6 lg:ml-72 lg:px-10 lg:pt-10 lg:pb-12">
        <div className="mx-auto w-full max-w-4xl">{children}</div>
      </main>
      <NavLinks variant="bar" items={navItems} label={navLabel} />
    </div>
  );
}
