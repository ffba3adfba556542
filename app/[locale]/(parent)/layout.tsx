import type { ReactNode } from "react";
import { ParentShell } from "@/components/shell/parent-shell";
import { requireParent } from "@/lib/auth/guards";
import { countUnreadFamilyThreads } from "@/lib/db/messages";
import { countUnreadNotifications } from "@/lib/db/notifications";
import { getFamilyChildren } from "@/lib/db/shell";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

// The parent's shell. The guard here protects the shell's own data; every page below calls its guard
// again, because a layout is not re-run on every client-side navigation.
export default async function ParentLayout({ children, params }: { children: ReactNode; params: LocaleParams }) {
  await readLocale(params);
  const user = await requireParent();
  const [familyChildren, unread, unreadMessages] = await Promise.all([
    getFamilyChildren(user),
    countUnreadNotifications(user),
    countUnreadFamilyThreads(user),
  ]);
  return (
    <ParentShell userName={user.name} familyChildren={familyChildren} unreadNotifications={unread} unreadMessages={unreadMessages}>
      {children}
    </ParentShell>
  );
}
