"use client";

import { useEffect } from "react";
import { markNotificationsReadAction } from "@/lib/actions/notifications";
import { useRouter } from "@/lib/i18n/navigation";

/** Once the list is on screen, what it shows counts as read; the bell's count follows on refresh. */
export function MarkNotificationsSeen({ seenUntil }: { seenUntil: string }) {
  const router = useRouter();
  useEffect(() => {
    let active = true;
    markNotificationsReadAction({ seenUntil })
      .then((result) => {
        if (active && result.ok && result.data.marked > 0) router.refresh();
      })
      .catch(() => undefined); // Not being marked read is harmless: the next visit tries again.
    return () => {
      active = false;
    };
  }, [seenUntil, router]);
  return null;
}
