import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ChildSummary } from "@/lib/db/shell";
import { AppShell } from "./app-shell";
import type { NavItem } from "./nav-links";

/**
 * The parent's shell: Mijn kind · Berichten · Agenda · Mijn locatie · Overig, and the family's children.
 * An account open for documents only (care ended, lib/domain/post-contract.ts) has Overig alone.
 */
export function ParentShell({
  userName,
  familyChildren,
  unreadNotifications,
  unreadMessages = 0,
  documentsOnly = false,
  children,
}: {
  userName: string;
  documentsOnly?: boolean;
  familyChildren: ChildSummary[];
  unreadNotifications: number;
  /** Threads with unread messages: a number on "Berichten". */
  unreadMessages?: number;
  children: ReactNode;
}) {
  const t = useTranslations("Nav");
  const tMessages = useTranslations("Messages");
  const more: NavItem = { href: "/more", label: t("more"), icon: "more" };
  const items: NavItem[] = documentsOnly ? [more] : [
    { href: "/", label: t("myChild"), icon: "home", alsoActiveFor: ["/children"] },
    {
      href: "/messages",
      label: t("messages"),
      icon: "messages",
      badge: { count: unreadMessages, label: tMessages("navUnread", { count: unreadMessages }) },
    },
    { href: "/agenda", label: t("agenda"), icon: "agenda" },
    { href: "/location", label: t("location"), icon: "location" },
    more,
  ];
  const sideLinks = (documentsOnly ? [] : familyChildren).map((c) => ({
    href: `/children/${c.id}`,
    label: c.firstName,
    detail: c.currentGroups.map((g) => g.name).join(", ") || undefined,
  }));
  return (
    <AppShell
      homeHref={documentsOnly ? "/more" : "/"}
      userName={userName}
      navLabel={t("mainMenu")}
      navItems={items}
      sideLabel={t("myChildren")}
      sideLinks={sideLinks}
      notifications={documentsOnly ? undefined : { href: "/notifications", unread: unreadNotifications }}
    >
      {children}
    </AppShell>
  );
}
