import "server-only";
import { db } from "@/lib/db/client";
import { itemsToExpire } from "@/lib/domain/requests";
import { amsterdamIsoDate, parseIsoDate, toIsoDate } from "@/lib/format/date";
import { Prisma } from "@/lib/generated/prisma/client";
import { familyUserIds, notify } from "@/lib/notify";

// "Aanvraag vervalt automatisch op" (seed 002 §5.2): pending items of a request whose expiry date has
// come, or whose care date has gone by without an assessment, are withdrawn (VERVALLEN; the rules are
// lib/domain/requests.ts itemsToExpire) and the parent is told. Runs periodically in every app instance
// (lib/server/jobs/scheduler.ts); a transaction-level advisory lock makes one instance do the work
// while the others skip.
//
// A planner assessing or a parent cancelling the same items at the same moment: the candidates are
// found without locks, then their rows are locked (FOR UPDATE, id order) and read again, and the rule
// is applied to that fresh state. Only items that are still PENDING after the lock are withdrawn, only
// their reserved credit minutes come back (a rejection or cancel that came first already gave them
// back; an approval keeps them spent), and a request is announced only when something in it expired,
// with the real count. Lock order as in lib/db/assessment.ts and lib/db/requests/cancel.ts: request
// items (id order) → credits (id order), so none of them wait for each other in a circle.

const EXPIRY_LOCK = 724_100_001; // any constant shared by all instances

export interface ExpiryRun {
  /** false when another instance held the lock. */
  ran: boolean;
  expiredItems: number;
  /** Requests in which at least one item expired (and whose family was told). */
  requests: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function expirePendingRequests(now: Date = new Date()): Promise<ExpiryRun> {
  const today = amsterdamIsoDate(now);
  return db.$transaction(
    async (tx) => {
      const lock = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${EXPIRY_LOCK}::bigint) AS locked`;
      if (!lock[0]?.locked) return { ran: false, expiredItems: 0, requests: 0 };

      const day = parseIsoDate(today);
      const candidates = await tx.requestItem.findMany({
        where: {
          status: "PENDING",
          request: {
            OR: [
              { expiresOn: { lte: day }, items: { some: { status: "PENDING" } } },
              { items: { some: { status: "PENDING", date: { lt: day } } } },
            ],
          },
        },
        select: { id: true },
      });
      if (candidates.length === 0) return { ran: true, expiredItems: 0, requests: 0 };

      // Lock, then read again: a concurrent assessment or cancel of these items has committed by now.
      const ids = candidates.map((c) => c.id).sort(byId);
      await tx.$queryRaw`SELECT id FROM "RequestItem" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
      const pending = await tx.requestItem.findMany({
        where: { id: { in: ids }, status: "PENDING" },
        select: {
          id: true,
          status: true,
          childId: true,
          date: true,
          creditId: true,
          startMinute: true,
          endMinute: true,
          request: { select: { id: true, familyId: true, kind: true, assessAsWhole: true, expiresOn: true } },
        },
        orderBy: [{ date: "asc" }, { startMinute: "asc" }],
      });
      const byRequest = new Map<string, typeof pending>();
      for (const item of pending) byRequest.set(item.request.id, [...(byRequest.get(item.request.id) ?? []), item]);

      let expiredItems = 0;
      let requests = 0;
      const giveBack = new Map<string, number>();
      const freed: string[] = [];
      for (const [requestId, items] of byRequest) {
        const request = items[0]!.request;
        const expiresOn = request.expiresOn ? toIsoDate(request.expiresOn) : null;
        const expire = itemsToExpire(
          items.map((i) => ({ ...i, date: toIsoDate(i.date) })),
          { kind: request.kind, assessAsWhole: request.assessAsWhole, expiresOn, today },
        );
        if (expire.length === 0) continue;
        // Still guarded by status: only the rows this statement really changes give credits back.
        const expired = await tx.$queryRaw<{ id: string; creditId: string | null; startMinute: number; endMinute: number }[]>`
          UPDATE "RequestItem" SET status = 'EXPIRED', "updatedAt" = ${now}
          WHERE id = ANY(${expire.map((i) => i.id)}::uuid[]) AND status = 'PENDING'
          RETURNING id, "creditId", "startMinute", "endMinute"`;
        if (expired.length === 0) continue;
        expiredItems += expired.length;
        requests += 1;
        // Credits reserved by withdrawn items are free again.
        for (const item of expired) {
          if (!item.creditId) continue;
          giveBack.set(item.creditId, (giveBack.get(item.creditId) ?? 0) + item.endMinute - item.startMinute);
          freed.push(item.id);
        }
        await notify(tx, {
          event: "REQUEST_EXPIRED",
          userIds: await familyUserIds(tx, request.familyId),
          url: `/agenda/requests/${requestId}`,
          data: {
            requestId,
            kind: request.kind,
            items: expired.length,
            expiresOn,
            reason: expiresOn !== null && today >= expiresOn ? "EXPIRES_ON" : "DATE_PASSED",
          },
        });
      }
      for (const [creditId, minutes] of [...giveBack].sort(([a], [b]) => byId(a, b))) {
        await tx.credit.update({ where: { id: creditId }, data: { usedMinutes: { decrement: minutes } } });
      }
      if (freed.length > 0) await tx.requestItem.updateMany({ where: { id: { in: freed } }, data: { creditId: null, updatedAt: now } });
      return { ran: true, expiredItems, requests };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 60_000, maxWait: 10_000 },
  );
}
