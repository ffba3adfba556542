import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/types";
import type { GroupSummary } from "@/lib/db/shell";
import { AppShell } from "./app-shell";
import type { NavItem } from "./nav-links";

/** The staff shell: their groups, the requests queue and messages; for planners and admins the content they publish. */
export function StaffShell({
  userName,
  role,
  groups,
  unreadMessages = 0,
  children,
}: {
  userName: string;
  role: Role;
  groups: GroupSummary[];
  /** Threads of their groups with unread messages from families: a number on "Berichten". */
  unreadMessages?: number;
  children: ReactNode;
}) {
  const t = useTranslations("Nav");
  const tMessages = useTranslations("Messages");
  const tSettings = useTranslations("NotificationSettings");
  const items: NavItem[] = [
    { href: "/staff", label: t("staffHome"), icon: "groups", alsoActiveFor: ["/staff/groups"] },
    { href: "/staff/requests", label: t("staffRequests"), icon: "requests" },
    {
      href: "/staff/messages",
      label: t("staffMessages"),
      icon: "messages",
      badge: { count: unreadMessages, label: tMessages("navUnread", { count: unreadMessages }) },
    },
    ...(role === "PLANNER" || role === "ADMIN"
      ? [{ href: "/staff/content", label: t("staffContent"), icon: "content", alsoActiveFor: ["/staff/admin"] } satisfies NavItem]
      : []),
    { href: "/staff/settings/notifications", label: tSettings("title"), icon: "bell", alsoActiveFor: ["/staff/settings"] },
  ];
  const sideLinks = groups.map((g) => ({ href: `/staff/groups/${g.id}`, label: g.name, detail: g.locationName }));
  return (
    <AppShell
      homeHref="/staff"
      badge={t("staffArea")}
      userName={userName}
      navLabel={t("staffMenu")}
      navItems={items}
      sideLabel={t("staffHome")}
      sideLinks={sideLinks}
    >
      {children}
    </AppShell>
  );
}
