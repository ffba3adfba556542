import type { ReactNode } from "react";
import { StaffShell } from "@/components/shell/staff-shell";
import { requireStaff } from "@/lib/auth/guards";
import { countUnreadStaffThreads } from "@/lib/db/messages";
import { getStaffGroups } from "@/lib/db/shell";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

// The staff shell (STAFF, PLANNER, ADMIN). Pages below call their own guard as well.
export default async function StaffLayout({ children, params }: { children: ReactNode; params: LocaleParams }) {
  await readLocale(params);
  const user = await requireStaff();
  const [groups, unreadMessages] = await Promise.all([getStaffGroups(user), countUnreadStaffThreads(user)]);
  return (
    <StaffShell userName={user.name} role={user.role} groups={groups} unreadMessages={unreadMessages}>
      {children}
    </StaffShell>
  );
}
