"use client";

import { usePathname } from "@/lib/i18n/navigation";
import { cn } from "@/components/ui/cn";
import { Link } from "@/lib/i18n/navigation";
import { Icon, type IconName } from "./icons";

export interface NavItem {
  href: string;
  label: string;
  icon: IconName;
  /** Other path prefixes that belong to this item (e.g. child pages under "Mijn kind"). */
  alsoActiveFor?: string[];
  /**
   * A number on the item (unread messages), with its words for screen readers: the link then reads
   * "Berichten, 2 ongelezen". Nothing is shown for 0.
   */
  badge?: { count: number; label: string };
}

/** The badge's number, for the eye only: the link's accessible name says it in words (badgedName). */
function BadgeNumber({ badge, className }: { badge: NavItem["badge"]; className?: string }) {
  if (!badge || badge.count <= 0) return null;
  return (
    <span
      aria-hidden="true"
      className={cn("min-w-5 rounded-full bg-accent-700 px-1 text-center text-xs leading-5 font-semibold text-white", className)}
    >
      {badge.count > 99 ? "99+" : badge.count}
    </span>
  );
}

/**
 * "Berichten, 2 ongelezen" as the link's name when there is a number (an aria-label that starts with the
 * visible label, so voice control still finds "Berichten"); otherwise the link's own text.
 */
function badgedName(item: NavItem): string | undefined {
  return item.badge && item.badge.count > 0 ? `${item.label}, ${item.badge.label}` : undefined;
}

function matches(pathname: string, base: string): boolean {
  return base === "/" ? pathname === "/" : pathname === base || pathname.startsWith(`${base}/`);
}

/**
 * The item the page belongs to: of the items whose path (or alsoActiveFor) contains the page, the most
 * specific one — so "/staff/messages" is "Berichten", not also "Mijn groepen" at "/staff".
 */
function activeHref(pathname: string, items: readonly NavItem[]): string | null {
  let best: { href: string; length: number } | null = null;
  for (const item of items) {
    for (const base of [item.href, ...(item.alsoActiveFor ?? [])]) {
      if (matches(pathname, base) && (!best || base.length > best.length)) best = { href: item.href, length: base.length };
    }
  }
  return best?.href ?? null;
}

/** The main menu: a bottom tab bar on phones, a vertical list in the side bar on larger screens. */
export function NavLinks({ items, label, variant }: { items: NavItem[]; label: string; variant: "bar" | "side" }) {
  const pathname = usePathname();
  const current = activeHref(pathname, items);
  if (variant === "bar") {
    return (
      <nav
        aria-label={label}
        className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface pr-[env(safe-area-inset-right)] pb-[env(safe-area-inset-bottom)] pl-[env(safe-area-inset-left)] lg:hidden"
      >
        <ul className="mx-auto flex max-w-xl">
          {items.map((item) => {
            const active = item.href === current;
            return (
              <li key={item.href} className="flex-1">
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  aria-label={badgedName(item)}
                  className={cn(
                    "flex min-h-14 flex-col items-center justify-center gap-0.5 px-1 py-1.5 text-center text-xs leading-tight font-medium",
                    active ? "text-brand-800" : "text-muted hover:text-brand-700",
                  )}
                >
                  <span className={cn("relative rounded-full px-3 py-0.5", active && "bg-brand-100")}>
                    <Icon name={item.icon} className="size-6" />
                    <BadgeNumber badge={item.badge} className="absolute -top-1 right-0" />
                  </span>
                  <span>{item.label}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label={label} className="hidden lg:block">
      <ul className="flex flex-col gap-1">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                aria-label={badgedName(item)}
                className={cn(
                  "flex min-h-11 items-center gap-3 rounded-lg px-3 py-2 font-medium",
                  active ? "bg-brand-100 text-brand-900" : "text-ink hover:bg-brand-50 hover:text-brand-800",
                )}
              >
                <Icon name={item.icon} className="size-5 shrink-0" />
                <span>{item.label}</span>
                <BadgeNumber badge={item.badge} className="ml-auto" />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export interface SideLink {
  href: string;
  label: string;
  detail?: string;
}

/**
 * A secondary list in the shell (the family's children, the staff member's groups): chips in a
 * scrollable row on phones, a list in the side bar on larger screens.
 */
export function SideLinks({ links, label }: { links: SideLink[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="w-full">
      <h2 className="sr-only text-xs font-semibold tracking-wide text-muted uppercase lg:not-sr-only lg:mb-2 lg:px-3">
        {label}
      </h2>
      <ul className="flex gap-2 overflow-x-auto px-4 pb-2 lg:flex-col lg:gap-1 lg:overflow-visible lg:px-0 lg:pb-0">
        {links.map((link) => {
          const active = pathname === link.href;
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex min-h-9 flex-col justify-center rounded-full border px-3 py-1 text-sm lg:min-h-11 lg:rounded-lg lg:border-0 lg:py-1.5",
                  active
                    ? "border-brand-600 bg-brand-100 text-brand-900"
                    : "border-line bg-surface text-ink hover:bg-brand-50 lg:bg-transparent",
                )}
              >
                <span className="font-medium">{link.label}</span>
                {link.detail ? <span className="hidden text-xs text-muted lg:block">{link.detail}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
