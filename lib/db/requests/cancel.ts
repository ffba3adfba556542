import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { loadPolicyWith } from "@/lib/db/calendar-data";
import { db } from "@/lib/db/client";
import { notifyIfRequestAssessed } from "@/lib/db/requests/completion";
import { cancelDecision, cancelUnitFor, type CancelRefusal } from "@/lib/domain/cancel-policy";
import type { ItemStatus, Policy, RequestKind } from "@/lib/domain/types";
import { amsterdamIsoDate, toIsoDate } from "@/lib/format/date";
import { Prisma } from "@/lib/generated/prisma/client";

// Cancelling one child's part of a request (seed 002 §5.2 "Annuleren gaat per kind individueel",
// seed 000/001, domain.md "Cancelling"). The rule is lib/domain/cancel-policy (`cancelUnitFor`,
// `cancelDecision`); this file loads, locks and writes:
// - the unit is (request, child, booking) for an extra day — one booking of the child, a booking over
//   several dates as a whole period — and the child's whole part for an absence or a swap; the booking
//   number is needed only when the extra-day request holds more than one booking (missing → a
//   validation error, one that is not the child's → not found), and ignored otherwise;
// - the child's items of the request are locked (FOR UPDATE, id order) before deciding, so a planner
//   approving the same item or a second cancel click waits and then sees the result;
// - allowed: the live items become CANCELLED (cancelledBy/At); a credit reserved by a cancelled pending
//   item is given back (usedMinutes − the item's minutes, creditId cleared, as rejection and expiry do);
//   make-up credits earned by a cancelled absence item are deleted;
// - when that leaves no item of the request PENDING and something in it was approved or rejected, the
//   family gets the one "request assessed" notification (lib/db/requests/completion.ts), as after the
//   planner's last assessment;
// - lock order, as in lib/db/assessment.ts and the expiry job: request items (id order) → credits (id
//   order) → the Request row;
// - a make-up credit that has been (partly) spent or reserved cannot be taken back without leaving a
//   paid extra day unpaid, so the cancel is refused with MAKE_UP_CREDIT_USED and the parent is sent to
//   the location (as the seeds do for absences inside the window);
// - another family's request, a child without items in it, a malformed id or booking → errors.notFound.

/** Refusals of cancelDecision plus the one this layer adds. */
export type CancelReason = CancelRefusal | "MAKE_UP_CREDIT_USED";

export type CancelCode = "errors.forbidden" | "errors.notFound" | "errors.validation" | `Cancel.reasons.${CancelReason}`;

export type CancelResult =
  | { ok: true; data: { requestId: string; childId: string; booking: number; cancelled: number; kept: number; creditsRemoved: number } }
  | { ok: false; code: CancelCode };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** What the rule and the credit check need of one item. */
export interface CancelCheckItem {
  id: string;
  requestId: string;
  childId: string;
  date: Date;
  startMinute: number;
  status: ItemStatus;
  direction: "ADD" | "REMOVE";
  booking: number;
  /** Make-up credit earned by this (absence) item, if any. */
  earnedCredit: { id: string; usedMinutes: number } | null;
}

/** The policy's view of an item (an ISO date instead of a Date). */
export function toCancelItem<T extends CancelCheckItem>(i: T) {
  return {
    id: i.id,
    requestId: i.requestId,
    childId: i.childId,
    date: toIsoDate(i.date),
    startMinute: i.startMinute,
    status: i.status,
    direction: i.direction,
    booking: i.booking,
    source: i,
  };
}

/**
 * The cancel decision for one cancel unit (the items of one unit from cancelUnits / cancelUnitFor),
 * including the make-up-credit check; shared by the cancel itself and the overview's "may I cancel"
 * answer, so both always agree.
 */
export function unitCancelDecision(
  kind: RequestKind,
  items: readonly CancelCheckItem[],
  policy: Policy,
  now: Date,
):
  | { allowed: true; itemIds: string[]; keptItemIds: string[]; creditIds: string[] }
  | { allowed: false; reason: CancelReason } {
  const decision = cancelDecision({ kind, items: items.map(toCancelItem), now, today: amsterdamIsoDate(now), policy });
  if (!decision.allowed) return decision;
  const cancelled = new Set(decision.itemIds);
  const earned = items.filter((i) => cancelled.has(i.id) && i.earnedCredit !== null).map((i) => i.earnedCredit!);
  if (earned.some((c) => c.usedMinutes > 0)) return { allowed: false, reason: "MAKE_UP_CREDIT_USED" };
  return { ...decision, creditIds: earned.map((c) => c.id) };
}

type User = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId">;

/**
 * Cancels one unit of the child's part of the request if policy allows it (see the comment at the
 * top): for an extra day the booking `booking` (needed when the request holds several), otherwise
 * the child's whole part (`booking` ignored).
 */
export async function cancelRequestItems(
  user: User,
  input: { requestId: string; childId: string; booking?: number },
  now: Date = new Date(),
): Promise<CancelResult> {
  if (user.role !== "PARENT" || !user.familyId) return { ok: false, code: "errors.forbidden" };
  if (!isUuid(input.requestId) || !isUuid(input.childId)) return { ok: false, code: "errors.notFound" };
  if (input.booking !== undefined && !(Number.isSafeInteger(input.booking) && input.booking >= 0)) return { ok: false, code: "errors.notFound" };
  const familyId = user.familyId;

  return db.$transaction(
    async (tx) => {
      const request = await tx.request.findFirst({
        where: { id: input.requestId, familyId, family: { organisationId: user.organisationId } },
        select: { id: true, kind: true },
      });
      if (!request) return { ok: false, code: "errors.notFound" } as const;

      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "RequestItem" WHERE "requestId" = ${request.id}::uuid AND "childId" = ${input.childId}::uuid ORDER BY id FOR UPDATE`;
      if (locked.length === 0) return { ok: false, code: "errors.notFound" } as const;

      const items = await tx.requestItem.findMany({
        where: { requestId: request.id, childId: input.childId },
        select: {
          id: true,
          requestId: true,
          childId: true,
          date: true,
          startMinute: true,
          endMinute: true,
          status: true,
          direction: true,
          booking: true,
          creditId: true,
          earnedCredit: { select: { id: true, usedMinutes: true } },
        },
      });
      // Lock the earned credits too: a concurrent booking paid with one waits, or we see its use.
      const earnedIds = items.flatMap((i) => (i.earnedCredit ? [i.earnedCredit.id] : [])).sort();
      if (earnedIds.length > 0) {
        const fresh = await tx.$queryRaw<{ id: string; usedMinutes: number }[]>`
          SELECT id, "usedMinutes" FROM "Credit" WHERE id = ANY(${earnedIds}::uuid[]) ORDER BY id FOR UPDATE`;
        const used = new Map(fresh.map((c) => [c.id, c.usedMinutes]));
        for (const i of items) if (i.earnedCredit) i.earnedCredit.usedMinutes = used.get(i.earnedCredit.id) ?? 0;
      }

      // The unit: one booking of an extra day, the child's whole absence or swap.
      const requestBookings =
        request.kind === "EXTRA_DAY"
          ? (await tx.requestItem.findMany({ where: { requestId: request.id }, distinct: ["booking"], select: { booking: true } })).length
          : 1;
      const lookup = cancelUnitFor(request.kind, items.map(toCancelItem), { booking: input.booking, requestBookings });
      if (!lookup.ok) return { ok: false, code: lookup.error === "BOOKING_REQUIRED" ? "errors.validation" : "errors.notFound" } as const;
      const unit = lookup.unit.items.map((i) => i.source);

      const policy = await loadPolicyWith(tx, user.organisationId);
      const decision = unitCancelDecision(request.kind, unit, policy, now);
      if (!decision.allowed) return { ok: false, code: `Cancel.reasons.${decision.reason}` } as const;

      const liveStatus: ItemStatus = request.kind === "ABSENCE" ? "REGISTERED" : "PENDING";
      const { count } = await tx.requestItem.updateMany({
        where: { id: { in: decision.itemIds }, status: liveStatus },
        data: { status: "CANCELLED", cancelledById: user.id, cancelledAt: now },
      });
      // Credits reserved by cancelled pending items are free again (one update per credit, in id order).
      const cancelled = new Set(decision.itemIds);
      const reserved = unit.filter((i) => cancelled.has(i.id) && i.creditId !== null);
      const giveBack = new Map<string, number>();
      for (const i of reserved) giveBack.set(i.creditId!, (giveBack.get(i.creditId!) ?? 0) + i.endMinute - i.startMinute);
      for (const [creditId, minutes] of [...giveBack].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        await tx.credit.update({ where: { id: creditId }, data: { usedMinutes: { decrement: minutes } } });
      }
      if (reserved.length > 0) {
        await tx.requestItem.updateMany({ where: { id: { in: reserved.map((i) => i.id) } }, data: { creditId: null } });
      }
      // Make-up hours earned by a cancelled (unused) absence go away with it.
      const { count: creditsRemoved } =
        decision.creditIds.length > 0
          ? await tx.credit.deleteMany({ where: { id: { in: decision.creditIds }, usedMinutes: 0 } })
          : { count: 0 };

      // Cancelling the last pending part of a request whose other parts were assessed completes it.
      if (count > 0) await notifyIfRequestAssessed(tx, request.id, now);

      return {
        ok: true,
        data: {
          requestId: request.id,
          childId: input.childId,
          booking: lookup.unit.booking,
          cancelled: count,
          kept: decision.keptItemIds.length,
          creditsRemoved,
        },
      } as const;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 15_000, maxWait: 15_000 },
  );
}
