"use client";

import { useEffect } from "react";
import { markThreadReadAction } from "@/lib/actions/messages/read";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * Once a thread is on screen, it counts as read up to the newest message shown (`seenUntil`), not up to
 * "now": a message that arrived meanwhile stays unread. The menu's count follows on refresh.
 */
export function MarkThreadRead({ threadId, seenUntil }: { threadId: string; seenUntil: string }) {
  const router = useRouter();
  useEffect(() => {
    let active = true;
    markThreadReadAction({ threadId, seenUntil })
      .then((result) => {
        if (active && result.ok && result.data.marked) router.refresh();
      })
      .catch(() => undefined); // Not being marked read is harmless: the next visit tries again.
    return () => {
      active = false;
    };
  }, [threadId, seenUntil, router]);
  return null;
}
