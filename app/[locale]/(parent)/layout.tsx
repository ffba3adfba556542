import type { ReactNode } from "react";
import { ParentShell } from "@/components/shell/parent-shell";
import { DocumentsOnlyNotice } from "@/components/shell/post-contract-notices";
import { requireParent } from "@/lib/auth/guards";
import { countUnreadFamilyThreads } from "@/lib/db/messages";
import { countUnreadNotifications } from "@/lib/db/notifications";
import { getFamilyChildren } from "@/lib/db/shell";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

// The parent's shell. The guard here protects the shell's own data; every page below calls its guard
// again, because a layout is not re-run on every client-side navigation.
export default async function ParentLayout({ children, params }: { children: ReactNode; params: LocaleParams }) {
  await readLocale(params);
  // The shell of an account open for documents only still frames the pages that stay (requireParent).
  const user = await requireParent(undefined, { documentsOnly: true });
  const [familyChildren, unread, unreadMessages] = await Promise.all([
    getFamilyChildren(user),
    countUnreadNotifications(user),
    countUnreadFamilyThreads(user),
  ]);
  return (
    <ParentShell
      userName={user.name}
      familyChildren={familyChildren}
      unreadNotifications={unread}
      unreadMessages={unreadMessages}
      documentsOnly={Boolean(user.documentsOnlyUntil)}
    >
      {user.documentsOnlyUntil ? <DocumentsOnlyNotice until={user.documentsOnlyUntil} /> : null}
      {children}
    </ParentShell>
  );
}
