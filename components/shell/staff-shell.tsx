import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { GroupSummary } from "@/lib/db/shell";
import { AppShell } from "./app-shell";
import type { NavItem } from "./nav-links";

/** The staff shell: their groups, the requests queue and messages. */
export function StaffShell({
  userName,
  groups,
  children,
}: {
  userName: string;
  groups: GroupSummary[];
  children: ReactNode;
}) {
  const t = useTranslations("Nav");
  const items: NavItem[] = [
    { href: "/staff", label: t("staffHome"), icon: "groups", alsoActiveFor: ["/staff/groups"] },
    { href: "/staff/requests", label: t("staffRequests"), icon: "requests" },
    { href: "/staff/messages", label: t("staffMessages"), icon: "messages" },
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
