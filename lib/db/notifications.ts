import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import type { NotificationEvent } from "@/lib/generated/prisma/enums";

// The in-app notifications of one user (written through lib/notify): the list on
// /notifications and the unread count on the bell. A user only ever reaches their own rows.

/** How many the list shows: notifications are short-lived news, older ones are in the overviews. */
export const NOTIFICATION_LIST_LIMIT = 50;

export interface NotificationDto {
  id: string;
  event: NotificationEvent;
  /** In-app path without locale, e.g. "/agenda/requests/…". */
  url: string;
  createdAt: string;
  read: boolean;
  /** What the event recorded (ids, dates, counts, kind) for its sentence. */
  data: Record<string, unknown>;
}

type Owner = Pick<SessionUser, "id">;

export async function listNotifications(user: Owner, limit = NOTIFICATION_LIST_LIMIT): Promise<NotificationDto[]> {
  const rows = await db.notification.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((n) => ({
    id: n.id,
    event: n.event,
    url: n.url,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
    data: n.data !== null && typeof n.data === "object" && !Array.isArray(n.data) ? (n.data as Record<string, unknown>) : {},
  }));
}

export async function countUnreadNotifications(user: Owner): Promise<number> {
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}

/**
 * Marks the user's notifications up to and including `seenUntil` as read: what the list showed. A
 * notification that arrived after the list was rendered stays unread.
 */
export async function markNotificationsRead(user: Owner, seenUntil: Date, now: Date = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId: user.id, readAt: null, createdAt: { lte: seenUntil } },
    data: { readAt: now },
  });
  return count;
}
