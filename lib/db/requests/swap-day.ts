import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { loadPolicyWith } from "@/lib/db/calendar-data";
import { isWithin } from "@/lib/domain/dates";
import { canAssessAsWhole, requestDates, swapBalance, validateExpiresOn, type SwapBalance } from "@/lib/domain/requests";
import { scheduleDay } from "@/lib/domain/schedule";
import type { IsoDate } from "@/lib/domain/types";
import { amsterdamIsoDate, parseIsoDate } from "@/lib/format/date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { swapDaySchema, type SwapDayData } from "@/lib/schemas/swap-day";
import {
  checkWanted,
  existingByKey,
  fail,
  isP2002,
  loadFamilyContext,
  lockFamily,
  requestItemsDto,
  schemaFailure,
  TX_OPTIONS,
  windowError,
  type FamilyContext,
  type RequestActor,
  type SubmitResult,
  type SubmittedItem,
} from "./extra-day";

// Submitting "Ruildag aanvragen" (seed 002 §5.3, domain.md "Requests"): per child, scheduled contract
// day parts are given up (REMOVE items) for wanted day parts (ADD items, payment SWAP, no price), all
// PENDING in one SWAP_DAY request. The form warns when a wanted day part is already scheduled; the
// server refuses it. Wanted care longer than what is given up is refused (that is an extra day); the
// shorter remainder is forfeited ("dan vervalt de restanttijd") — computed and returned per child,
// not stored (the items hold the times, so it can always be recomputed). Same locking and
// idempotency as extra days (lib/db/requests/extra-day.ts).

export interface SwapDayResult {
  requestId: string;
  duplicate: boolean;
  /** REMOVE items first, then ADD items. */
  items: SubmittedItem[];
  /** Per child: minutes given up, wanted, and forfeited (given up − wanted). */
  balances: ({ childId: string } & SwapBalance)[];
}

const code = (c: string) => `SwapDay.errors.${c}`;

const SWAP_CODES = {
  SWAP_NOTHING_GIVEN_UP: "nothingGivenUp",
  SWAP_NOTHING_WANTED: "nothingWanted",
  SWAP_WANTED_EXCEEDS_GIVEN_UP: "wantedExceedsGivenUp",
} as const;

function balancesOf(items: readonly SubmittedItem[]): SwapDayResult["balances"] {
  const byChild = new Map<string, SwapBalance>();
  for (const i of items) {
    const b = byChild.get(i.childId) ?? { givenUpMinutes: 0, wantedMinutes: 0, forfeitedMinutes: 0 };
    if (i.direction === "REMOVE") b.givenUpMinutes += i.endMinute - i.startMinute;
    else b.wantedMinutes += i.endMinute - i.startMinute;
    b.forfeitedMinutes = Math.max(0, b.givenUpMinutes - b.wantedMinutes);
    byChild.set(i.childId, b);
  }
  return [...byChild].map(([childId, b]) => ({ childId, ...b }));
}

type GiveUpError = "alreadyAbsent" | "alreadyGivenUp" | "notScheduled" | "notContractCare";

/** Whether (child, date, day part) is scheduled contract care that can still be given up. */
function checkGiveUp(
  ctx: FamilyContext,
  slot: { childId: string; date: IsoDate; dayPartId: string },
): { ok: true; startMinute: number; endMinute: number; groupId: string } | { ok: false; code: string } {
  if (!ctx.familyChildIds.has(slot.childId)) return { ok: false, code: "childNotFound" };
  const early = windowError(slot.date, ctx.today, ctx.policy, "SWAP_DAY");
  if (early) return { ok: false, code: early };
  const dayPart = ctx.dayParts.get(slot.dayPartId);
  const placed = dayPart && ctx.placements.some((p) => p.childId === slot.childId && p.groupId === dayPart.groupId && isWithin(slot.date, p.startDate, p.endDate));
  if (!dayPart || !placed) return { ok: false, code: "dayPartNotAvailable" };
  if (ctx.closing(slot.date, dayPart.groupId)) return { ok: false, code: "closed" };
  const schedule = ctx.schedules.get(slot.childId);
  const day = schedule ? scheduleDay(schedule, slot.date) : null;
  const scheduled = day?.scheduled.find((s) => s.dayPartId === slot.dayPartId);
  let error: GiveUpError | null = null;
  if (!scheduled) {
    const removed = day?.removed.find((r) => r.dayPartId === slot.dayPartId);
    error = removed?.reason === "ABSENCE" ? "alreadyAbsent" : removed?.reason === "SWAPPED_AWAY" ? "alreadyGivenUp" : "notScheduled";
  } else if (scheduled.source !== "CONTRACT") {
    // Care that came from an earlier extra day or swap is not contract care to swap again.
    error = "notContractCare";
  } else if (scheduled.pendingRemovalItemId !== null) {
    error = "alreadyGivenUp";
  }
  if (error) return { ok: false, code: error };
  return { ok: true, startMinute: scheduled!.startMinute, endMinute: scheduled!.endMinute, groupId: scheduled!.groupId };
}

/**
 * Submits a swap request for the actor's family. Expected failures come back as a code
 * ("SwapDay.errors.*", "errors.*") with the offending slot in
 * `fieldErrors["children.<i>.giveUp.<j>"]` / `["children.<i>.want.<j>"]`; nothing is written then.
 */
export async function submitSwapDay(actor: RequestActor, input: unknown, now: Date = new Date()): Promise<SubmitResult<SwapDayResult>> {
  if (actor.role !== "PARENT" || !actor.familyId) return fail("errors.forbidden");
  const parsed = swapDaySchema.safeParse(input);
  if (!parsed.success) return schemaFailure(parsed.error.issues);
  const data: SwapDayData = parsed.data;
  const familyActor = { ...actor, familyId: actor.familyId };
  const today = amsterdamIsoDate(now);

  try {
    return await db.$transaction(async (tx): Promise<SubmitResult<SwapDayResult>> => {
      // Nothing is written before the last check passed, so returning a failure leaves no trace.
      if (!(await lockFamily(tx, familyActor))) return fail("errors.forbidden");
      const existing = await existingByKey(tx, actor, data.idempotencyKey);
      if (existing) {
        if (existing.kind !== "SWAP_DAY") return fail("errors.conflict");
        const items = await requestItemsDto(tx, existing.id);
        return { ok: true, data: { requestId: existing.id, duplicate: true, items, balances: balancesOf(items) } };
      }
      const policy = await loadPolicyWith(tx, actor.organisationId);

      const slots = data.children.flatMap((c, ci) => [
        ...c.giveUp.map((s, si) => ({ ...s, childId: c.childId, field: `children.${ci}.giveUp.${si}` })),
        ...c.want.map((s, si) => ({ ...s, childId: c.childId, field: `children.${ci}.want.${si}` })),
      ]);
      for (const s of slots) {
        const early = windowError(s.date, today, policy, "SWAP_DAY");
        if (early) return fail(code(early), { [s.field]: [code(early)] });
      }
      const allDates = [...new Set(slots.map((s) => s.date))].sort();
      const first = allDates[0]!;
      const last = allDates[allDates.length - 1]!;
      const removeDates = requestDates(
        "SWAP_DAY",
        data.children.flatMap((c) => c.giveUp.map((s) => ({ date: s.date, direction: "REMOVE" as const }))),
      );
      if (data.assessAsWhole && !canAssessAsWhole(removeDates).ok) {
        return fail(code("assessAsWholeMultipleDates"), { assessAsWhole: [code("assessAsWholeMultipleDates")] });
      }
      if (data.expiresOn !== undefined) {
        const check = validateExpiresOn(data.expiresOn, { today, firstDate: first });
        if (!check.ok) {
          const c = code(check.code === "EXPIRES_NOT_AFTER_TODAY" ? "expiresNotAfterToday" : "expiresAfterFirstDate");
          return fail(c, { expiresOn: [c] });
        }
      }

      const ctx = await loadFamilyContext(tx, familyActor, today, policy, first, last);
      const creates: Prisma.RequestItemCreateManyRequestInput[] = [];
      const seenChildren = new Set<string>();
      for (const [ci, child] of data.children.entries()) {
        if (seenChildren.has(child.childId)) return fail(code("duplicateChild"), { [`children.${ci}.childId`]: [code("duplicateChild")] });
        seenChildren.add(child.childId);
        if (!ctx.familyChildIds.has(child.childId)) return fail(code("childNotFound"), { [`children.${ci}.childId`]: [code("childNotFound")] });
        const givenUp: { startMinute: number; endMinute: number }[] = [];
        const wanted: { startMinute: number; endMinute: number }[] = [];
        const seen = new Set<string>();
        for (const [si, slot] of child.giveUp.entries()) {
          const field = `children.${ci}.giveUp.${si}`;
          const key = `R|${slot.date}|${slot.dayPartId}`;
          if (seen.has(key)) return fail(code("duplicateDayPart"), { [field]: [code("duplicateDayPart")] });
          seen.add(key);
          const check = checkGiveUp(ctx, { ...slot, childId: child.childId });
          if (!check.ok) return fail(code(check.code), { [field]: [code(check.code)] });
          givenUp.push(check);
          creates.push({
            id: randomUUID(),
            childId: child.childId,
            groupId: check.groupId,
            dayPartId: slot.dayPartId,
            date: parseIsoDate(slot.date),
            direction: "REMOVE",
            startMinute: check.startMinute,
            endMinute: check.endMinute,
            status: "PENDING",
            payment: null,
            priceCents: null,
          });
        }
        for (const [si, slot] of child.want.entries()) {
          const field = `children.${ci}.want.${si}`;
          const key = `A|${slot.date}|${slot.dayPartId}`;
          if (seen.has(key)) return fail(code("duplicateDayPart"), { [field]: [code("duplicateDayPart")] });
          seen.add(key);
          const check = checkWanted(ctx, { ...slot, childId: child.childId }, "SWAP_DAY");
          if (!check.ok) return fail(code(check.code), { [field]: [code(check.code)] });
          wanted.push(check.dayPart);
          creates.push({
            id: randomUUID(),
            childId: child.childId,
            groupId: check.dayPart.groupId,
            dayPartId: check.dayPart.id,
            date: parseIsoDate(slot.date),
            direction: "ADD",
            startMinute: check.dayPart.startMinute,
            endMinute: check.dayPart.endMinute,
            status: "PENDING",
            payment: "SWAP",
            priceCents: null,
          });
        }
        const balance = swapBalance(givenUp, wanted);
        if (!balance.ok) return fail(code(SWAP_CODES[balance.code]), { [`children.${ci}`]: [code(SWAP_CODES[balance.code])] });
      }

      const request = await tx.request.create({
        data: {
          familyId: familyActor.familyId,
          kind: "SWAP_DAY",
          createdById: actor.id,
          idempotencyKey: data.idempotencyKey,
          assessAsWhole: data.assessAsWhole,
          expiresOn: data.expiresOn ? parseIsoDate(data.expiresOn) : null,
          comment: data.comment ?? null,
          periodStart: parseIsoDate(first),
          periodEnd: parseIsoDate(last),
          items: { createMany: { data: creates } },
        },
        select: { id: true },
      });
      const items = await requestItemsDto(tx, request.id);
      return { ok: true, data: { requestId: request.id, duplicate: false, items, balances: balancesOf(items) } };
    }, TX_OPTIONS);
  } catch (error) {
    if (!isP2002(error)) throw error;
    const existing = await existingByKey(db, actor, data.idempotencyKey);
    if (!existing) throw error;
    if (existing.kind !== "SWAP_DAY") return fail("errors.conflict");
    const items = await requestItemsDto(db, existing.id);
    return { ok: true, data: { requestId: existing.id, duplicate: true, items, balances: balancesOf(items) } };
  }
}
