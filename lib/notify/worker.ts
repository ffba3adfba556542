import "server-only";
import { db } from "@/lib/db/client";
import { effectivePreferences } from "@/lib/domain/notification-preferences";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { serverEnv } from "@/lib/server/env";
import { sendMail } from "@/lib/server/mail";
import { MAX_ATTEMPTS, nextRetry } from "./backoff";
import { renderNotificationMail, renderPushPayload, type NotificationContent } from "./content";
import { sendPush } from "./push";
import { vapidConfig } from "./vapid";

// The delivery worker: sends the e-mails and pushes that notify() planned (NotificationDelivery rows),
// never inside a request. Run by lib/server/jobs/notifications.ts in every app instance (interval
// NOTIFY_INTERVAL_SECONDS, and soon after notify() through kickDeliveries()).
//
// Claiming: one UPDATE … FROM (SELECT … WHERE status = 'PENDING' AND notBefore <= now … FOR UPDATE
// SKIP LOCKED LIMIT n) takes a batch of due deliveries, counts the attempt and moves notBefore to
// now + LEASE_MS. Several instances (or two runs in one) never take the same row, and a row whose
// worker died is taken again when its lease has passed. The claimed notBefore is the claim's token:
// every later update of the row is "WHERE id AND status = PENDING AND notBefore = token", so only the
// claim that is still current writes (a photo series merged meanwhile moves notBefore: the row stays
// PENDING and is announced again with the new count).
//
// At-least-once, never twice once SENT: the row is marked SENT right after the SMTP server or push
// service accepted it; a SENT row is never claimed again. The one window for a duplicate is a crash
// (or lost database connection) between that acceptance and the SENT update: the lease runs out and
// the message is sent a second time. Losing a message is worse than a rare duplicate.
//
// Per delivery, at send time:
// - SKIPPED when the account is disabled, the user has switched the channel off for the event since,
//   and for PUSH: push is not configured, the user has no subscription (left), or the notification was
//   read in the app already (a push only says "there is something new"; the e-mail still goes, it is
//   the record — an absence confirmation, an assessed request).
// - Rendered in the recipient's language of that moment (lib/notify/content.ts).
// - PUSH goes to every subscription of the user; 404/410 deletes that subscription, another failure
//   counts failureCount; SENT when at least one device's push service accepted it (a retry would
//   repeat it on the devices that got it), retried when none did, SKIPPED when all were gone.
// - A failure (SMTP error, push service 5xx, timeout) is retried with exponential backoff
//   (lib/notify/backoff.ts) up to MAX_ATTEMPTS, recording lastError; then FAILED.
// Finished rows are deleted after KEEP_FINISHED_MS (the in-app notifications are not).

/** Longer than a send can take (nodemailer's socket timeout is 10 minutes, a push times out after 15 s). */
export const LEASE_MS = 15 * 60 * 1000;
/** Finished deliveries (SENT, SKIPPED, FAILED) are kept this long for inspection, then deleted. */
export const KEEP_FINISHED_MS = 30 * 24 * 3600 * 1000;
export const BATCH_SIZE = 50;
const CONCURRENCY = 4;
const MAX_BATCHES_PER_RUN = 20;

export interface Claimed {
  id: string;
  attempts: number;
  notBefore: Date;
}

export type DeliveryResult = "sent" | "retried" | "failed" | "skipped" | "lost";

export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** Claims that were no longer current when the result was written (or errored internally). */
  lost: number;
}

/** Takes up to `limit` due PENDING deliveries (see the top of this file). */
export async function claimDeliveries(now: Date = new Date(), limit = BATCH_SIZE): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db.$queryRaw<Claimed[]>`
    UPDATE "NotificationDelivery" d SET attempts = d.attempts + 1, "notBefore" = ${leaseUntil}
    FROM (
      SELECT id FROM "NotificationDelivery"
      WHERE status = 'PENDING' AND "notBefore" <= ${now} AND attempts < ${MAX_ATTEMPTS}
      ORDER BY "notBefore", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) c
    WHERE d.id = c.id
    RETURNING d.id, d.attempts, d."notBefore"`;
}

/** Rows whose last attempt never reported back (the worker died) once its lease passed: FAILED. */
async function giveUpAbandoned(now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE "NotificationDelivery"
    SET status = 'FAILED', "lastError" = left(coalesce("lastError" || ' / ', '') || 'no result of the last attempt', 1000)
    WHERE status = 'PENDING' AND attempts >= ${MAX_ATTEMPTS} AND "notBefore" <= ${now}`;
}

/** Deletes finished deliveries older than KEEP_FINISHED_MS (at most `limit` per run; the in-app rows stay). */
export async function purgeFinished(now: Date, limit = 5000): Promise<number> {
  const before = new Date(now.getTime() - KEEP_FINISHED_MS);
  return db.$executeRaw`
    DELETE FROM "NotificationDelivery" WHERE id IN (
      SELECT id FROM "NotificationDelivery"
      WHERE status IN ('SENT', 'SKIPPED', 'FAILED') AND "notBefore" < ${before}
      LIMIT ${limit}
    )`;
}

const short = (message: string) => message.slice(0, 1000);

/** Sends one claimed delivery and records the outcome (only while the claim is current). */
export async function processDelivery(claimed: Claimed, now: Date = new Date()): Promise<DeliveryResult> {
  const mine = { id: claimed.id, status: "PENDING" as const, notBefore: claimed.notBefore };
  const finish = async (status: DeliveryStatus, extra: { lastError?: string | null; sentAt?: Date; notBefore?: Date } = {}) => {
    const { count } = await db.notificationDelivery.updateMany({ where: mine, data: { status, ...extra } });
    return count === 1;
  };
  const skip = async (reason: string): Promise<DeliveryResult> => ((await finish("SKIPPED", { lastError: reason })) ? "skipped" : "lost");
  const fail = async (error: string): Promise<DeliveryResult> => {
    const retryAt = nextRetry(claimed.attempts, now);
    if (retryAt) return (await finish("PENDING", { lastError: short(error), notBefore: retryAt })) ? "retried" : "lost";
    return (await finish("FAILED", { lastError: short(error) })) ? "failed" : "lost";
  };

  const delivery = await db.notificationDelivery.findUnique({
    where: { id: claimed.id },
    select: {
      channel: true,
      notification: { select: { id: true, event: true, url: true, data: true, readAt: true } },
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          locale: true,
          role: true,
          disabledAt: true,
          organisation: { select: { name: true } },
          notificationPrefs: { select: { event: true, email: true, push: true } },
        },
      },
    },
  });
  if (!delivery) return "lost";
  const { notification, user, channel } = delivery;
  const content: NotificationContent = { id: notification.id, event: notification.event, url: notification.url, data: notification.data };

  if (user.disabledAt) return skip("account disabled");
  const pref = effectivePreferences(user.role, user.notificationPrefs)[notification.event];
  if (!(channel === "EMAIL" ? pref.email : pref.push)) return skip("switched off by the user");

  if (channel === "EMAIL") {
    try {
      const mail = renderNotificationMail(content, user, { appUrl: serverEnv().APP_URL, organisationName: user.organisation.name });
      await sendMail({ to: user.email, ...mail });
    } catch (error) {
      return fail(`mail: ${(error as Error).message}`);
    }
    return (await finish("SENT", { sentAt: new Date(), lastError: null })) ? "sent" : "lost";
  }

  if (notification.readAt) return skip("read in the app before the push went out");
  const vapid = vapidConfig();
  if (!vapid) return skip("push is not configured (no VAPID keys)");
  const subscriptions = await db.pushSubscription.findMany({
    where: { userId: user.id },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
    orderBy: { createdAt: "asc" },
  });
  if (subscriptions.length === 0) return skip("no push subscription");

  let payload: ReturnType<typeof renderPushPayload>;
  try {
    payload = renderPushPayload(content, user);
  } catch (error) {
    return fail(`push: ${(error as Error).message}`);
  }
  const topic = notification.id.replace(/-/g, "");
  let delivered = 0;
  let gone = 0;
  const errors: string[] = [];
  for (const subscription of subscriptions) {
    const outcome = await sendPush(subscription, payload, notification.event, vapid, topic);
    if (outcome.kind === "sent") {
      delivered += 1;
      await db.pushSubscription.updateMany({ where: { id: subscription.id }, data: { lastSuccessAt: new Date(), failureCount: 0 } });
    } else if (outcome.kind === "gone") {
      gone += 1;
      await db.pushSubscription.deleteMany({ where: { id: subscription.id, endpoint: subscription.endpoint } });
    } else {
      errors.push(outcome.error);
      await db.pushSubscription.updateMany({ where: { id: subscription.id }, data: { failureCount: { increment: 1 } } });
    }
  }
  if (delivered > 0) {
    const note = errors.length ? short(`${errors.length} of ${subscriptions.length} device(s) failed: ${errors[0]}`) : null;
    return (await finish("SENT", { sentAt: new Date(), lastError: note })) ? "sent" : "lost";
  }
  if (gone === subscriptions.length) return skip("every push subscription has expired (404/410): removed");
  return fail(`push: ${errors[0] ?? "no device accepted it"}`);
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}

export interface RunOptions {
  /** The clock (tests); default the real time at each step. */
  now?: Date;
  batchSize?: number;
}

/** Sends everything due, batch after batch (bounded per run). */
export async function runDeliveries(opts: RunOptions = {}): Promise<DeliveryRun> {
  const clock = () => opts.now ?? new Date();
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0, skipped: 0, lost: 0 };
  run.failed += await giveUpAbandoned(clock());
  await purgeFinished(clock());
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const claimed = await claimDeliveries(clock(), batchSize);
    if (claimed.length === 0) break;
    await inPool(claimed, CONCURRENCY, async (c) => {
      try {
        run[await processDelivery(c, clock())] += 1;
      } catch (error) {
        // The database hiccupped: the lease runs out and the delivery is tried again.
        console.error(`[notify] delivery ${c.id} failed internally`, error);
        run.lost += 1;
      }
    });
    if (claimed.length < batchSize) break;
  }
  return run;
}

/** How many deliveries a run handled (the kick's "was there anything?"). */
export function handled(run: DeliveryRun): number {
  return run.sent + run.retried + run.failed + run.skipped + run.lost;
}
