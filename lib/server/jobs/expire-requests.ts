import "server-only";
import { db } from "@/lib/db/client";
import { itemsToExpire } from "@/lib/domain/requests";
import { amsterdamIsoDate, parseIsoDate, toIsoDate } from "@/lib/format/date";
import { familyUserIds, notify } from "@/lib/server/notify";

// "Aanvraag vervalt automatisch op" (seed 002 §5.2): pending items of a request whose expiry date has
// come, or whose care date has gone by without an assessment, are withdrawn (VERVALLEN; the rules are
// lib/domain/requests.ts itemsToExpire) and the parent is told. Runs periodically in every app instance
// (lib/server/jobs/scheduler.ts); a transaction-level advisory lock makes one instance do the work
// while the others skip, and the conditional update makes a run that races anyway harmless.

const EXPIRY_LOCK = 724_100_001; // any constant shared by all instances

export interface ExpiryRun {
  /** false when another instance held the lock. */
  ran: boolean;
  expiredItems: number;
  requests: number;
}

export async function expirePendingRequests(now: Date = new Date()): Promise<ExpiryRun> {
  const today = amsterdamIsoDate(now);
  return db.$transaction(
    async (tx) => {
      const lock = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${EXPIRY_LOCK}::bigint) AS locked`;
      if (!lock[0]?.locked) return { ran: false, expiredItems: 0, requests: 0 };

      const day = parseIsoDate(today);
      const due = await tx.request.findMany({
        where: {
          OR: [
            { expiresOn: { lte: day }, items: { some: { status: "PENDING" } } },
            { items: { some: { status: "PENDING", date: { lt: day } } } },
          ],
        },
        include: {
          items: {
            where: { status: "PENDING" },
            select: { id: true, status: true, childId: true, date: true, creditId: true, startMinute: true, endMinute: true },
          },
        },
      });
      let expiredItems = 0;
      for (const request of due) {
        const expiresOn = request.expiresOn ? toIsoDate(request.expiresOn) : null;
        const items = request.items.map((i) => ({ ...i, date: toIsoDate(i.date) }));
        const expire = itemsToExpire(items, { kind: request.kind, assessAsWhole: request.assessAsWhole, expiresOn, today });
        if (expire.length === 0) continue;
        const { count } = await tx.requestItem.updateMany({
          where: { id: { in: expire.map((i) => i.id) }, status: "PENDING" },
          data: { status: "EXPIRED", updatedAt: now },
        });
        expiredItems += count;
        // Credits reserved by withdrawn items are free again.
        for (const item of expire) {
          if (!item.creditId) continue;
          await tx.credit.update({ where: { id: item.creditId }, data: { usedMinutes: { decrement: item.endMinute - item.startMinute } } });
          await tx.requestItem.update({ where: { id: item.id }, data: { creditId: null } });
        }
        await notify(tx, {
          event: "REQUEST_EXPIRED",
          userIds: await familyUserIds(tx, request.familyId),
          url: `/agenda/requests/${request.id}`,
          data: {
            requestId: request.id,
            kind: request.kind,
            items: count,
            expiresOn,
            reason: expiresOn !== null && today >= expiresOn ? "EXPIRES_ON" : "DATE_PASSED",
          },
        });
      }
      return { ran: true, expiredItems, requests: due.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
