import "server-only";
import { randomUUID } from "node:crypto";
import { nextAllowedMoment } from "@/lib/domain/quiet-hours";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryChannel, NotificationEvent } from "@/lib/generated/prisma/enums";
import { serverEnv } from "@/lib/server/env";
import { kickDeliveries } from "./kick";
import { loadPreferences } from "./preferences";
import { vapidConfig } from "./vapid";

// The one seam through which features announce events to users (issue 5; domain.md "Notifications").
// notify() runs in the caller's transaction, so an event exists exactly when its change does, and
// writes:
// - the in-app Notification per user (the list on /notifications and the bell);
// - a NotificationDelivery per user and channel the user's preferences switch on for the event
//   (lib/notify/preferences.ts: stored switches, else the role's defaults). PUSH only when push is
//   configured (VAPID keys) and the user has at least one PushSubscription. notBefore = the end of the
//   user's quiet hours when now falls inside them (lib/domain/quiet-hours.ts), else now.
// Nothing is sent here: the delivery worker (lib/notify/worker.ts) renders and sends after the commit,
// woken by kickDeliveries() (debounced, fire-and-forget) or its interval. Disabled accounts get the
// in-app row only.
//
// Series (`batch`): a notification with the same batch key for the same user and event is merged
// (batch.merge gets its data), marked unread again and moved to the top; its deliveries stay one per
// channel, due NOTIFY_PHOTO_BATCH_SECONDS after the latest merge (sliding, but at most
// BATCH_MAX_WAIT_MS after the series' first one), so one e-mail/push announces the whole series with
// its final count. A series that continues after its push went out is announced once more, with the
// new total (the delivery is re-armed). A transaction-level advisory lock per batch key serialises
// concurrent merges, so they never create two notifications for one user.

export interface NotifyInput {
  event: NotificationEvent;
  userIds: readonly string[];
  /** Where a click (or a push) opens the app, without locale: "/agenda/requests/…". */
  url: string;
  /** What the UI and the mail/push need to render the notification in the user's language. */
  data: Prisma.InputJsonValue;
  /**
   * Of `userIds`, who also gets e-mail/push (default: all). The others only get the in-app row, e.g.
   * the absence confirmation mail goes to the guardian who reported it, the app tells both.
   */
  deliverTo?: readonly string[];
  /** Merge into the user's notification of this series instead of adding one (data must be an object). */
  batch?: { key: string; merge: (previous: Record<string, unknown>) => Prisma.InputJsonObject };
  /** The moment of the event (default: now). */
  now?: Date;
}

/** The longest a series' announcement waits for further photos. */
export const BATCH_MAX_WAIT_MS = 10 * 60 * 1000;

interface Written {
  id: string;
  userId: string;
  merged: boolean;
}

export async function notify(tx: Prisma.TransactionClient, input: NotifyInput): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return;
  const now = input.now ?? new Date();
  const written = input.batch ? await writeBatched(tx, input, input.batch, userIds, now) : await writeNew(tx, input, userIds);
  const deliverTo = input.deliverTo ? new Set(input.deliverTo) : null;
  await planDeliveries(
    tx,
    input.event,
    written.filter((n) => !deliverTo || deliverTo.has(n.userId)),
    now,
    input.batch ? serverEnv().NOTIFY_PHOTO_BATCH_SECONDS * 1000 : 0,
  );
  kickDeliveries();
}

export { kickDeliveries } from "./kick";

/** The users of a family (its guardians), who receive the family's request notifications. */
export async function familyUserIds(tx: Prisma.TransactionClient, familyId: string): Promise<string[]> {
  const guardians = await tx.guardian.findMany({ where: { familyId }, select: { userId: true } });
  return guardians.map((g) => g.userId);
}

async function writeNew(tx: Prisma.TransactionClient, input: NotifyInput, userIds: string[]): Promise<Written[]> {
  const rows = await tx.notification.createManyAndReturn({
    data: userIds.map((userId) => ({ userId, event: input.event, url: input.url, data: input.data, ...(input.now ? { createdAt: input.now } : {}) })),
    select: { id: true, userId: true },
  });
  return rows.map((r) => ({ ...r, merged: false }));
}

async function writeBatched(
  tx: Prisma.TransactionClient,
  input: NotifyInput,
  batch: NonNullable<NotifyInput["batch"]>,
  userIds: string[],
  now: Date,
): Promise<Written[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`notify-batch:${input.event}:${batch.key}`}, 0))`;
  const existing = await tx.notification.findMany({
    where: { userId: { in: userIds }, event: input.event, data: { path: ["batchKey"], equals: batch.key } },
    select: { id: true, userId: true, data: true },
  });
  const byUser = new Map(existing.map((n) => [n.userId, n]));
  const written: Written[] = [];
  const fresh: string[] = [];
  for (const userId of userIds) {
    const found = byUser.get(userId);
    if (!found) {
      fresh.push(userId);
      continue;
    }
    const previous = found.data !== null && typeof found.data === "object" && !Array.isArray(found.data) ? (found.data as Record<string, unknown>) : {};
    await tx.notification.update({
      where: { id: found.id },
      data: { data: { ...batch.merge(previous), batchKey: batch.key }, readAt: null, createdAt: now },
    });
    written.push({ id: found.id, userId, merged: true });
  }
  if (fresh.length > 0) {
    const data = { ...(input.data as Prisma.InputJsonObject), batchKey: batch.key };
    const rows = await tx.notification.createManyAndReturn({
      data: fresh.map((userId) => ({ userId, event: input.event, url: input.url, data, createdAt: now })),
      select: { id: true, userId: true },
    });
    written.push(...rows.map((r) => ({ ...r, merged: false })));
  }
  return written;
}

interface Wanted {
  notificationId: string;
  userId: string;
  channel: DeliveryChannel;
  notBefore: Date;
  quiet: { start: number; end: number } | null;
}

async function planDeliveries(tx: Prisma.TransactionClient, event: NotificationEvent, notes: Written[], now: Date, delayMs: number): Promise<void> {
  if (notes.length === 0) return;
  const userIds = [...new Set(notes.map((n) => n.userId))];
  const [settings, accounts] = await Promise.all([
    loadPreferences(tx, userIds),
    tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, disabledAt: true, _count: { select: { pushSubscriptions: true } } } }),
  ]);
  const account = new Map(accounts.map((a) => [a.id, a]));
  const pushOn = vapidConfig() !== null;
  const wanted: Wanted[] = [];
  for (const note of notes) {
    const s = settings.get(note.userId);
    const a = account.get(note.userId);
    if (!s || !a || a.disabledAt) continue;
    const pref = s.prefs[event];
    const notBefore = nextAllowedMoment(new Date(now.getTime() + delayMs), s.quietHours);
    const base = { notificationId: note.id, userId: note.userId, notBefore, quiet: s.quietHours };
    if (pref.email) wanted.push({ ...base, channel: "EMAIL" });
    if (pref.push && pushOn && a._count.pushSubscriptions > 0) wanted.push({ ...base, channel: "PUSH" });
  }
  if (wanted.length === 0) return;

  const merged = new Set(notes.filter((n) => n.merged).map((n) => n.id));
  const existing = merged.size
    ? await tx.notificationDelivery.findMany({
        where: { notificationId: { in: [...merged] } },
        select: { id: true, notificationId: true, channel: true, status: true, createdAt: true },
      })
    : [];
  const found = new Map(existing.map((d) => [`${d.notificationId}:${d.channel}`, d]));

  const create: Wanted[] = [];
  // Updates grouped by what they set, so a series to a whole group costs a few statements.
  const slide = new Map<number, string[]>();
  const rearm = new Map<number, string[]>();
  const add = (map: Map<number, string[]>, at: Date, id: string) => {
    const list = map.get(at.getTime());
    if (list) list.push(id);
    else map.set(at.getTime(), [id]);
  };
  for (const w of wanted) {
    const d = found.get(`${w.notificationId}:${w.channel}`);
    if (!d) {
      create.push(w);
    } else if (d.status === "PENDING") {
      // Waiting (or being sent right now: changing notBefore makes the worker leave it PENDING, and
      // it goes out again with the new count). Slide, but not past the series' maximum wait.
      const latest = Math.max(now.getTime(), d.createdAt.getTime() + BATCH_MAX_WAIT_MS);
      add(slide, nextAllowedMoment(new Date(Math.min(now.getTime() + delayMs, latest)), w.quiet), d.id);
    } else {
      // Announced (or given up) already and the series goes on: announce it once more.
      add(rearm, w.notBefore, d.id);
    }
  }
  if (create.length > 0) {
    await tx.notificationDelivery.createMany({
      data: create.map((w) => ({ id: randomUUID(), notificationId: w.notificationId, userId: w.userId, channel: w.channel, notBefore: w.notBefore, createdAt: now })),
    });
  }
  for (const [at, ids] of slide) {
    // No status condition: one the worker marked SENT since it was read above is announced again.
    await tx.notificationDelivery.updateMany({ where: { id: { in: ids } }, data: { status: "PENDING", sentAt: null, notBefore: new Date(at) } });
  }
  for (const [at, ids] of rearm) {
    await tx.notificationDelivery.updateMany({
      where: { id: { in: ids } },
      data: { status: "PENDING", attempts: 0, lastError: null, sentAt: null, createdAt: now, notBefore: new Date(at) },
    });
  }
}
