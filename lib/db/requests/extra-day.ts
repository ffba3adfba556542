import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { loadPolicyWith, loadSchoolHolidaysWith } from "@/lib/db/calendar-data";
import { closingLookupByGroup, type ClosingLookup } from "@/lib/domain/closing-days";
import { creditIneligibility, canSpendFlex, flexBalance, isFlexRequestInTime, type CreditIneligibility } from "@/lib/domain/credits";
import { isWithin, yearOf } from "@/lib/domain/dates";
import { dayPartMinutes, dayPartPrice } from "@/lib/domain/pricing";
import { canAssessAsWhole, validateExpiresOn, validateRequestDate, type RequestDateError } from "@/lib/domain/requests";
import { scheduleDay, scheduleForChildren, type ChildSchedule } from "@/lib/domain/schedule";
import { schoolHolidayLookupByGroup } from "@/lib/domain/school-holidays";
import type { CreditDef, DayPartDef, IsoDate, PaymentMethod, PlacementDef, Policy, RequestItemDef, RequestKind } from "@/lib/domain/types";
import { amsterdamIsoDate, parseIsoDate, toIsoDate } from "@/lib/format/date";
import { toDayPartDef, toPlacementDef, toRequestItemDef } from "../mappers";
import { Prisma } from "@/lib/generated/prisma/client";
import { extraDaySchema, type ExtraDayData } from "@/lib/schemas/extra-day";

// Submitting "Dag aanvragen" (seed 002 §5.2, seed 003, domain.md "Requests"): one EXTRA_DAY request
// with a PENDING ADD item per (child, date, day part), written in one transaction. Each item keeps the
// number of the booking it was added with ("Een aanvraag kan uit meerdere boekingen bestaan"),
// renumbered densely 0..n-1 in the order of the numbers sent: a parent cancels per child and booking.
//
// Concurrency: every submit of a family runs behind a row lock on its Family row (FOR UPDATE), so two
// submits of the same family — a double click, two guardians, two tabs — are serialised: the second
// one sees the first one's request (idempotency key), its items (no second request for the same day
// part), its flex minutes and its credit use. Credits are also locked FOR UPDATE (the planner's
// rejection and the expiry job give minutes back) and re-checked after the lock. The unique index on
// (createdById, idempotencyKey) stays the last line of defence (P2002 → the first request).
//
// A credit restricted to school holidays (or to school weeks) is checked against the school holidays
// of the location of the booked day part's group — the group of the child's placement on that date —
// exactly as the form offers it (options.ts, lib/domain/school-holidays.ts).

/** Same shape as lib/actions/result's ActionResult (kept local: lib/db does not import lib/actions). */
export type SubmitFailure = { ok: false; code: string; fieldErrors?: Partial<Record<string, string[]>> };
export type SubmitResult<T> = { ok: true; data: T } | SubmitFailure;

export type RequestActor = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId">;

export interface SubmittedItem {
  id: string;
  childId: string;
  date: IsoDate;
  dayPartId: string;
  groupId: string;
  direction: "ADD" | "REMOVE";
  startMinute: number;
  endMinute: number;
  /** The booking within the request (0 for absences and swaps). */
  booking: number;
  payment: PaymentMethod | null;
  priceCents: number | null;
  creditId: string | null;
}

export interface ExtraDayResult {
  requestId: string;
  /** True when this idempotency key had already been submitted: nothing new was written. */
  duplicate: boolean;
  items: SubmittedItem[];
  totals: { minutes: number; valueCents: number; invoicedCents: number };
}

export function fail(code: string, fieldErrors?: Partial<Record<string, string[]>>): SubmitFailure {
  return fieldErrors ? { ok: false, code, fieldErrors } : { ok: false, code };
}

/** A zod failure as a result: the first issue's key is the code, every issue a field error. */
export function schemaFailure(issues: readonly { path: PropertyKey[]; message: string }[]): SubmitFailure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fail(issues[0]?.message ?? "errors.validation", fieldErrors);
}

const DATE_CODES: Record<RequestDateError, string> = { PAST: "past", TODAY: "today", TOO_FAR: "tooFar", CLOSED: "closed" };
const CREDIT_CODES: Record<CreditIneligibility, string> = {
  OTHER_CHILD: "creditOtherChild",
  NOT_VALID_ON_DATE: "creditNotValidOnDate",
  INSUFFICIENT: "creditInsufficient",
  RESTRICTION: "creditRestricted",
};

export const TX_OPTIONS = { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000, maxWait: 20_000 };

// ————————————————————————————————————————————————————————————————————————————————————————————————
// What the rules need, read inside the transaction (after the family lock)

export interface FamilyContext {
  today: IsoDate;
  policy: Policy;
  familyChildIds: Set<string>;
  placements: PlacementDef[];
  dayParts: Map<string, DayPartDef>;
  items: RequestItemDef[];
  schedules: Map<string, ChildSchedule>;
  closing: ClosingLookup;
  /** The location of every group the children are placed in (within the range). */
  locationOfGroup: Map<string, string>;
}

/** Locks the family row; false when the family is not the actor's (or not in their organisation). */
export async function lockFamily(tx: Prisma.TransactionClient, actor: RequestActor): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Family" WHERE id = ${actor.familyId}::uuid AND "organisationId" = ${actor.organisationId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

export async function loadFamilyContext(
  tx: Prisma.TransactionClient,
  actor: RequestActor & { familyId: string },
  today: IsoDate,
  policy: Policy,
  from: IsoDate,
  to: IsoDate,
): Promise<FamilyContext> {
  const fromDate = parseIsoDate(from);
  const toDate = parseIsoDate(to);
  const children = await tx.child.findMany({ where: { familyId: actor.familyId }, select: { id: true } });
  const childIds = children.map((c) => c.id);
  const [placementRows, itemRows, closingRows] = await Promise.all([
    tx.placement.findMany({
      where: { childId: { in: childIds }, startDate: { lte: toDate }, OR: [{ endDate: null }, { endDate: { gte: fromDate } }] },
      include: {
        days: { select: { weekday: true, dayPartId: true } },
        group: { select: { locationId: true, location: { select: { organisationId: true } }, dayParts: true } },
      },
    }),
    tx.requestItem.findMany({
      where: { childId: { in: childIds }, date: { gte: fromDate, lte: toDate } },
      include: { request: { select: { kind: true } } },
    }),
    tx.closingDay.findMany({ where: { organisationId: actor.organisationId, date: { gte: fromDate, lte: toDate } } }),
  ]);
  // A placement in a group of another organisation cannot exist for a family of this one, but stay scoped.
  const placementsInOrg = placementRows.filter((p) => p.group.location.organisationId === actor.organisationId);
  const dayParts = new Map<string, DayPartDef>();
  const locationOfGroup = new Map<string, string>();
  for (const p of placementsInOrg) {
    locationOfGroup.set(p.groupId, p.group.locationId);
    for (const dp of p.group.dayParts) {
      dayParts.set(dp.id, toDayPartDef(dp));
    }
  }
  const placements: PlacementDef[] = placementsInOrg.map(toPlacementDef);
  // Items whose day part is not loaded (a group the child is no longer placed in) cannot affect these groups.
  const items: RequestItemDef[] = itemRows
    .filter((i) => dayParts.has(i.dayPartId))
    .map(toRequestItemDef);
  const closing = closingLookupByGroup(from, to, {
    organisationDays: closingRows.map((c) => ({ date: toIsoDate(c.date), name: c.name, locationId: c.locationId })),
    liberationDayEveryYears: policy.liberationDayEveryYears,
    locationOfGroup,
  });
  const schedules = scheduleForChildren({ childIds, from, to, placements, dayParts: [...dayParts.values()], items, closing });
  return { today, policy, familyChildIds: new Set(childIds), placements, dayParts, items, schedules, closing, locationOfGroup };
}

export type WantedError =
  | "childNotFound"
  | "dayPartNotAvailable"
  | "past"
  | "today"
  | "tooFar"
  | "closed"
  | "alreadyScheduled"
  | "alreadyAbsent"
  | "alreadyRequested";

/** The booking window alone (no database): past, today, beyond the horizon. */
export function windowError(date: IsoDate, today: IsoDate, policy: Policy, kind: RequestKind): WantedError | null {
  const check = validateRequestDate(date, { today, policy, closed: false, kind });
  return check.ok ? null : (DATE_CODES[check.code] as WantedError);
}

/**
 * Whether care may be requested for (child, date, day part): the child is the family's, placed in the
 * day part's group on that date, the date is in the booking window and open, the day part is not
 * scheduled ("reeds gepland"), not reported absent and not already requested (a PENDING or APPROVED
 * ADD item).
 */
export function checkWanted(
  ctx: FamilyContext,
  slot: { childId: string; date: IsoDate; dayPartId: string },
  kind: RequestKind,
): { ok: true; placement: PlacementDef; dayPart: DayPartDef } | { ok: false; code: WantedError } {
  if (!ctx.familyChildIds.has(slot.childId)) return { ok: false, code: "childNotFound" };
  const early = windowError(slot.date, ctx.today, ctx.policy, kind);
  if (early) return { ok: false, code: early };
  const dayPart = ctx.dayParts.get(slot.dayPartId);
  const placement = dayPart
    ? ctx.placements.find((p) => p.childId === slot.childId && p.groupId === dayPart.groupId && isWithin(slot.date, p.startDate, p.endDate))
    : undefined;
  if (!dayPart || !placement) return { ok: false, code: "dayPartNotAvailable" };
  if (ctx.closing(slot.date, dayPart.groupId)) return { ok: false, code: "closed" };
  const schedule = ctx.schedules.get(slot.childId);
  const day = schedule ? scheduleDay(schedule, slot.date) : null;
  if (day?.scheduled.some((s) => s.dayPartId === slot.dayPartId)) return { ok: false, code: "alreadyScheduled" };
  // Reported absent: the care is still the child's; cancelling the absence brings it back, a request
  // would sell it a second time (perhaps paid with that absence's own make-up hours).
  if (day?.removed.some((r) => r.dayPartId === slot.dayPartId && r.reason === "ABSENCE")) return { ok: false, code: "alreadyAbsent" };
  const requested = ctx.items.some(
    (i) =>
      i.childId === slot.childId &&
      i.date === slot.date &&
      i.dayPartId === slot.dayPartId &&
      i.direction === "ADD" &&
      (i.status === "PENDING" || i.status === "APPROVED"),
  );
  if (requested) return { ok: false, code: "alreadyRequested" };
  return { ok: true, placement, dayPart };
}

/** Minutes of PENDING + APPROVED FLEX care per child and year ("childId|year"). */
export async function flexUsedMinutes(
  client: Pick<Prisma.TransactionClient, "$queryRaw">,
  childIds: readonly string[],
): Promise<Map<string, number>> {
  if (childIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ childId: string; year: number; minutes: number }[]>`
    SELECT "childId"::text AS "childId", EXTRACT(YEAR FROM date)::int AS year, SUM("endMinute" - "startMinute")::int AS minutes
    FROM "RequestItem"
    WHERE "childId" = ANY(${[...childIds]}::uuid[]) AND payment = 'FLEX' AND direction = 'ADD' AND status IN ('PENDING', 'APPROVED')
    GROUP BY 1, 2`;
  return new Map(rows.map((r) => [`${r.childId}|${r.year}`, r.minutes]));
}

/** The items of a stored request, as returned to the form. */
export async function requestItemsDto(client: Pick<Prisma.TransactionClient, "requestItem">, requestId: string): Promise<SubmittedItem[]> {
  const rows = await client.requestItem.findMany({
    where: { requestId },
    orderBy: [{ direction: "desc" }, { date: "asc" }, { startMinute: "asc" }, { childId: "asc" }],
  });
  return rows.map((i) => ({
    id: i.id,
    childId: i.childId,
    date: toIsoDate(i.date),
    dayPartId: i.dayPartId,
    groupId: i.groupId,
    direction: i.direction,
    startMinute: i.startMinute,
    endMinute: i.endMinute,
    booking: i.booking,
    payment: i.payment,
    priceCents: i.priceCents,
    creditId: i.creditId,
  }));
}

function totalsOf(items: readonly SubmittedItem[]): ExtraDayResult["totals"] {
  const adds = items.filter((i) => i.direction === "ADD");
  return {
    minutes: adds.reduce((s, i) => s + (i.endMinute - i.startMinute), 0),
    valueCents: adds.reduce((s, i) => s + (i.priceCents ?? 0), 0),
    invoicedCents: adds.filter((i) => i.payment === "INVOICE").reduce((s, i) => s + (i.priceCents ?? 0), 0),
  };
}

/** The earlier request with this key, or null; a key used for another kind of request is a conflict. */
export async function existingByKey(
  client: Pick<Prisma.TransactionClient, "request">,
  actor: RequestActor,
  key: string,
): Promise<{ id: string; kind: RequestKind } | null> {
  return client.request.findUnique({ where: { createdById_idempotencyKey: { createdById: actor.id, idempotencyKey: key } }, select: { id: true, kind: true } });
}

async function duplicateResult(actor: RequestActor, key: string): Promise<SubmitResult<ExtraDayResult>> {
  const existing = await existingByKey(db, actor, key);
  if (!existing) throw new Error("Unique violation without a stored request");
  if (existing.kind !== "EXTRA_DAY") return fail("errors.conflict");
  const items = await requestItemsDto(db, existing.id);
  return { ok: true, data: { requestId: existing.id, duplicate: true, items, totals: totalsOf(items) } };
}

// ————————————————————————————————————————————————————————————————————————————————————————————————

const code = (c: string) => `ExtraDay.errors.${c}`;

/**
 * Submits an extra-day request for the actor's family. Expected failures come back as a code
 * ("ExtraDay.errors.*", "errors.*") with the offending booking in `fieldErrors["bookings.<i>"]`;
 * nothing is written then. The price is always computed here from the placement's rate.
 */
export async function submitExtraDay(actor: RequestActor, input: unknown, now: Date = new Date()): Promise<SubmitResult<ExtraDayResult>> {
  if (actor.role !== "PARENT" || !actor.familyId) return fail("errors.forbidden");
  const parsed = extraDaySchema.safeParse(input);
  if (!parsed.success) return schemaFailure(parsed.error.issues);
  const data: ExtraDayData = parsed.data;
  const familyActor = { ...actor, familyId: actor.familyId };
  const today = amsterdamIsoDate(now);

  try {
    return await db.$transaction(async (tx): Promise<SubmitResult<ExtraDayResult>> => {
      // Nothing is written before the last check passed, so returning a failure leaves no trace.
      if (!(await lockFamily(tx, familyActor))) return fail("errors.forbidden");
      const existing = await existingByKey(tx, actor, data.idempotencyKey);
      if (existing) {
        if (existing.kind !== "EXTRA_DAY") return fail("errors.conflict");
        const items = await requestItemsDto(tx, existing.id);
        return { ok: true, data: { requestId: existing.id, duplicate: true, items, totals: totalsOf(items) } };
      }
      const policy = await loadPolicyWith(tx, actor.organisationId);

      // The booking window first: it bounds the dates the context is loaded for.
      for (const [index, b] of data.bookings.entries()) {
        const early = windowError(b.date, today, policy, "EXTRA_DAY");
        if (early) return fail(code(early), { [`bookings.${index}`]: [code(early)] });
      }
      const dates = [...new Set(data.bookings.map((b) => b.date))].sort();
      const first = dates[0]!;
      const last = dates[dates.length - 1]!;
      if (data.assessAsWhole && !canAssessAsWhole(dates).ok) {
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

      // Credits: lock, then read scoped to the family (an id of another family is simply not found).
      const creditIds = [...new Set(data.bookings.flatMap((b) => (b.payment.method === "CREDIT" ? [b.payment.creditId] : [])))].sort();
      const credits = new Map<string, CreditDef>();
      if (creditIds.length > 0) {
        await tx.$queryRaw`SELECT id FROM "Credit" WHERE id = ANY(${creditIds}::uuid[]) ORDER BY id FOR UPDATE`;
        const rows = await tx.credit.findMany({ where: { id: { in: creditIds }, child: { familyId: familyActor.familyId } } });
        for (const c of rows) {
          credits.set(c.id, {
            id: c.id,
            childId: c.childId,
            kind: c.kind,
            minutes: c.minutes,
            usedMinutes: c.usedMinutes,
            validFrom: toIsoDate(c.validFrom),
            validUntil: toIsoDate(c.validUntil),
            restriction: c.restriction,
          });
        }
      }
      // School holidays decide where HOLIDAYS_ONLY and SCHOOL_WEEKS_ONLY credits fit; read only when a credit pays.
      const schoolHoliday =
        creditIds.length > 0
          ? schoolHolidayLookupByGroup(
              await loadSchoolHolidaysWith(tx, actor.organisationId, first, last, [...new Set(ctx.locationOfGroup.values())]),
              ctx.locationOfGroup,
            )
          : null;
      const flexUsed = await flexUsedMinutes(tx, [...ctx.familyChildIds]);

      const seen = new Set<string>();
      const bookingNumber = denseBookingNumbers(data.bookings.map((b) => b.booking));
      const creates: Prisma.RequestItemCreateManyRequestInput[] = [];
      const spent = new Map<string, number>();
      for (const [index, b] of data.bookings.entries()) {
        const refuse = (c: string, extra?: Record<string, string[]>) => fail(code(c), { [`bookings.${index}`]: [code(c)], ...extra });
        const key = `${b.childId}|${b.date}|${b.dayPartId}`;
        if (seen.has(key)) return refuse("duplicateBooking");
        seen.add(key);
        const wanted = checkWanted(ctx, b, "EXTRA_DAY");
        if (!wanted.ok) return refuse(wanted.code);
        const { placement, dayPart } = wanted;
        const minutes = dayPartMinutes(dayPart);
        let payment: PaymentMethod;
        let priceCents: number | null;
        let creditId: string | null = null;
        if (placement.contractType === "FLEX") {
          // Flex hours, never an invoice or a credit (seed 003 "Flexopvang aanvragen").
          if (b.payment.method === "CREDIT") return refuse("paymentNotAllowed");
          if (!isFlexRequestInTime(b.date, today, policy.flexRequestMonthsAhead)) return refuse("flexTooLate");
          const year = yearOf(b.date);
          const usedKey = `${b.childId}|${year}`;
          const used = flexUsed.get(usedKey) ?? 0;
          if (!canSpendFlex(flexBalance(placement, year, used), minutes)) return refuse("flexInsufficient");
          flexUsed.set(usedKey, used + minutes);
          payment = "FLEX";
          priceCents = null;
        } else {
          priceCents = dayPartPrice(dayPart, placement.hourlyRateCents);
          if (b.payment.method === "FLEX") return refuse("paymentNotAllowed");
          if (b.payment.method === "CREDIT") {
            const credit = credits.get(b.payment.creditId);
            if (!credit) return refuse("creditNotFound");
            const isSchoolHoliday = (date: IsoDate) => schoolHoliday!(date, dayPart.groupId); // a credit pays: loaded above
            const why = creditIneligibility(credit, { childId: b.childId, date: b.date, minutes, isSchoolHoliday });
            if (why) return refuse(CREDIT_CODES[why]);
            credit.usedMinutes += minutes; // a second booking on the same credit sees what this one took
            spent.set(credit.id, (spent.get(credit.id) ?? 0) + minutes);
            payment = "CREDIT";
            creditId = credit.id;
          } else {
            payment = "INVOICE";
          }
        }
        creates.push({
          id: randomUUID(),
          childId: b.childId,
          groupId: dayPart.groupId,
          dayPartId: dayPart.id,
          date: parseIsoDate(b.date),
          direction: "ADD",
          startMinute: dayPart.startMinute,
          endMinute: dayPart.endMinute,
          booking: bookingNumber.get(b.booking)!,
          status: "PENDING",
          payment,
          priceCents,
          creditId,
        });
      }

      const request = await tx.request.create({
        data: {
          familyId: familyActor.familyId,
          kind: "EXTRA_DAY",
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
      for (const [creditId, minutes] of spent) {
        await tx.credit.update({ where: { id: creditId }, data: { usedMinutes: { increment: minutes } } });
      }
      const items = await requestItemsDto(tx, request.id);
      return { ok: true, data: { requestId: request.id, duplicate: false, items, totals: totalsOf(items) } };
    }, TX_OPTIONS);
  } catch (error) {
    if (isP2002(error)) return duplicateResult(actor, data.idempotencyKey);
    throw error;
  }
}

/** The booking numbers sent, mapped in ascending order onto 0..n-1 (gaps left by removed rows closed). */
export function denseBookingNumbers(sent: readonly number[]): Map<number, number> {
  return new Map([...new Set(sent)].sort((a, b) => a - b).map((n, index) => [n, index]));
}

export function isP2002(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
