// Request-level rules for extra days, swap days and absences — parent manual §5.2–5.5 (seed 002/004),
// seed 003 ("Dag aanvragen", "Afwezigheid"), domain.md "Requests".
//
// Every failure is a reason code; codes are message keys in the making ("Requests.errors.<code>").

import { addDays, assertIsoDate, compareIsoDates, diffDays } from "./dates";
import { dayPartMinutes, type MinuteRange } from "./pricing";
import type { IsoDate, ItemDirection, ItemStatus, Policy, RequestKind } from "./types";
import { APP_TIME_ZONE } from "@/lib/format/time-zone";

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Wall clock → instant

const offsetFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: APP_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Offset of Europe/Amsterdam from UTC at `instantMs`, in ms (+1 h in winter, +2 h in summer). */
function amsterdamOffsetMs(instantMs: number): number {
  const p = Object.fromEntries(
    offsetFormatter.formatToParts(new Date(instantMs)).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/**
 * The instant at which the Amsterdam wall clock shows `minuteOfDay` on `date` — e.g. the start of a
 * day part. Day parts are Dutch wall-clock times, so "24 hours before 07:00" on the Sunday of the
 * daylight-saving change is 23 or 25 real hours before the same wall time on Saturday; notice and
 * cancel windows are measured against this real instant. A wall time skipped in spring
 * (02:00–03:00) maps to the instant one hour later; a repeated one in autumn to its first (summer
 * time) occurrence. Nobody's day part starts then, but the function is total.
 */
export function amsterdamInstant(date: IsoDate, minuteOfDay: number): Date {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > 24 * 60) {
    throw new RangeError(`Not a minute of the day: ${minuteOfDay}`);
  }
  const [y, m, d] = assertIsoDate(date).split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  // The offsets in force half a day before and after that wall time (Amsterdam changes at most
  // once a day); keep the candidates that read back as the same wall time.
  const candidates = [wall - amsterdamOffsetMs(wall - 12 * 3_600_000), wall - amsterdamOffsetMs(wall + 12 * 3_600_000)];
  const matching = candidates.filter((t) => t + amsterdamOffsetMs(t) === wall);
  // Repeated in autumn: the first occurrence. Skipped in spring: read with the winter offset.
  return new Date(matching.length > 0 ? Math.min(...matching) : candidates[0]!);
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Assess as a whole

export const ASSESS_AS_WHOLE_ERRORS = ["NO_DATES", "MULTIPLE_DATES"] as const;
export type AssessAsWholeError = (typeof ASSESS_AS_WHOLE_ERRORS)[number];

/**
 * "Assess as a whole" is only possible for a request for one single date: "alleen van toepassing op
 * aanvragen voor 1 specifieke dag. Aanvragen voor meerdere dagen worden altijd individueel
 * beoordeeld" — seed 002 §5.2. Several children and several day parts on that one date are fine.
 * Pass the request's dates from {@link requestDates}.
 */
export function canAssessAsWhole(
  dates: readonly IsoDate[],
): { ok: true } | { ok: false; code: AssessAsWholeError } {
  const distinct = new Set(dates);
  if (distinct.size === 0) return { ok: false, code: "NO_DATES" };
  if (distinct.size > 1) return { ok: false, code: "MULTIPLE_DATES" };
  return { ok: true };
}

/**
 * The dates a request is "for", in calendar order, without duplicates. For a swap these are the
 * dates given up (the day or period the parent starts from, seed 002 §5.3: "Wanneer je de aanvraag
 * start voor enkele dag…"); the target date is where that care goes, so a one-date swap to another
 * date still counts as a single-date request. For extra days and absences: every item's date.
 */
export function requestDates(
  kind: RequestKind,
  items: readonly { date: IsoDate; direction: ItemDirection }[],
): IsoDate[] {
  const relevant = kind === "SWAP_DAY" ? items.filter((i) => i.direction === "REMOVE") : items;
  return [...new Set(relevant.map((i) => i.date))].sort(compareIsoDates);
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Booking window

export const REQUEST_DATE_ERRORS = ["PAST", "TODAY", "TOO_FAR", "CLOSED"] as const;
export type RequestDateError = (typeof REQUEST_DATE_ERRORS)[number];

export interface RequestDateContext {
  /** Today in Amsterdam. */
  today: IsoDate;
  policy: Pick<Policy, "bookingHorizonDays">;
  /** The date is a closing day for the child's location (lib/domain/closing-days). */
  closed: boolean;
  /** Default EXTRA_DAY. Swap dates (given up and target) follow the same rules as extra days. */
  kind?: RequestKind;
}

/**
 * Whether one date may be requested.
 * - PAST: before today. "Closed days and past dates cannot be requested" — issue 3.
 * - TODAY: extra and swap care must lie after today. The seeds never show a same-day request (the
 *   overview in seed 004 shows one made the day before) and the group needs time to staff it, so a
 *   same-day request goes through the location. An ABSENCE may be reported for today: a child falls
 *   ill in the morning (seed 003: "is je kind ziek? Laat het ons graag tijdig weten").
 * - TOO_FAR: more than policy.bookingHorizonDays after today (today + horizon itself is allowed).
 *   Not applied to absences: the horizon limits how far ahead care may be *requested*; an absence
 *   gives care back (a holiday months ahead), limited only by the child's schedule.
 * - CLOSED: a closing day — no care, so nothing to request, swap to or report absent.
 */
export function validateRequestDate(
  date: IsoDate,
  ctx: RequestDateContext,
): { ok: true } | { ok: false; code: RequestDateError } {
  const days = diffDays(ctx.today, date);
  const kind = ctx.kind ?? "EXTRA_DAY";
  if (days < 0) return { ok: false, code: "PAST" };
  if (days === 0 && kind !== "ABSENCE") return { ok: false, code: "TODAY" };
  if (kind !== "ABSENCE" && days > ctx.policy.bookingHorizonDays) return { ok: false, code: "TOO_FAR" };
  if (ctx.closed) return { ok: false, code: "CLOSED" };
  return { ok: true };
}

/** The last date that may be requested (extra/swap): today + policy.bookingHorizonDays. */
export function lastRequestableDate(today: IsoDate, policy: Pick<Policy, "bookingHorizonDays">): IsoDate {
  return addDays(today, policy.bookingHorizonDays);
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Expires on

export const EXPIRES_ON_ERRORS = ["EXPIRES_NOT_AFTER_TODAY", "EXPIRES_AFTER_FIRST_DATE"] as const;
export type ExpiresOnError = (typeof EXPIRES_ON_ERRORS)[number];

/**
 * "Aanvraag vervalt automatisch op": the parent picks until which date the request may stay on the
 * list, so that they can arrange something else in time ("Wanneer je twee dagen van tevoren nog
 * niet weet…" — seed 002 §5.2). It must lie after today (otherwise it would expire at once, see
 * {@link itemsToExpire}) and no later than the request's first date (later would withdraw care
 * that has already taken place).
 */
export function validateExpiresOn(
  expiresOn: IsoDate,
  ctx: { today: IsoDate; firstDate: IsoDate },
): { ok: true } | { ok: false; code: ExpiresOnError } {
  if (expiresOn <= ctx.today) return { ok: false, code: "EXPIRES_NOT_AFTER_TODAY" };
  if (expiresOn > ctx.firstDate) return { ok: false, code: "EXPIRES_AFTER_FIRST_DATE" };
  return { ok: true };
}

/**
 * Items to mark EXPIRED (VERVALLEN), two rules:
 *
 * 1. The request's `expiresOn` has been reached: every PENDING item. "Wanneer op de gekozen datum geen
 *    beoordeling heeft plaatsgevonden, wordt de aanvraag automatisch teruggetrokken" — seed 002 §5.2,
 *    and seed 003: the expiry date is the moment the parent wants it withdrawn so they can arrange
 *    something else. So items still pending when the expiry date begins are withdrawn (today ≥ expiresOn).
 * 2. The care date of a PENDING item has gone by without an assessment (date < today): that care can no
 *    longer be given, so the item lapses instead of staying "in aanvraag" for ever. The parts of a swap
 *    belong together — giving up a day is only agreed in exchange for the new day — so when one pending
 *    item of a child's swap lapses, that child's other pending swap items lapse with it; likewise every
 *    pending item of a request assessed as a whole.
 *
 * Assessed, cancelled or registered items are left alone.
 */
export function itemsToExpire<T extends { status: ItemStatus; date: IsoDate; childId: string }>(
  items: readonly T[],
  ctx: { kind: RequestKind; assessAsWhole: boolean; expiresOn: IsoDate | null; today: IsoDate },
): T[] {
  const pending = items.filter((i) => i.status === "PENDING");
  if (ctx.expiresOn !== null && ctx.today >= ctx.expiresOn) return pending;
  const lapsed = pending.filter((i) => i.date < ctx.today);
  if (lapsed.length === 0) return [];
  if (ctx.assessAsWhole) return pending;
  if (ctx.kind === "SWAP_DAY") {
    const children = new Set(lapsed.map((i) => i.childId));
    return pending.filter((i) => children.has(i.childId));
  }
  return lapsed;
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Swap remainder

export const SWAP_ERRORS = ["SWAP_NOTHING_GIVEN_UP", "SWAP_NOTHING_WANTED", "SWAP_WANTED_EXCEEDS_GIVEN_UP"] as const;
export type SwapError = (typeof SWAP_ERRORS)[number];

export interface SwapBalance {
  givenUpMinutes: number;
  wantedMinutes: number;
  /** Given up − wanted: "Is de gewenste aanwezigheid kleiner dan de ingeleverde afwezigheid, dan vervalt de restanttijd" — seed 002 §5.3. */
  forfeitedMinutes: number;
}

/**
 * Minutes given up and wanted in a swap (per child), and the remainder that is forfeited.
 * The manual only covers wanted < given up (the rest is forfeited, shown before submitting). A swap
 * exchanges care; more care than given up would be extra care, which is requested (and paid) via
 * "Dag aanvragen", so wanted > given up is SWAP_WANTED_EXCEEDS_GIVEN_UP. The balance is returned
 * with the error too, so the form can show both numbers.
 */
export function swapBalance(
  givenUp: readonly MinuteRange[],
  wanted: readonly MinuteRange[],
): ({ ok: true } & SwapBalance) | ({ ok: false; code: SwapError } & SwapBalance) {
  const givenUpMinutes = givenUp.reduce((sum, r) => sum + dayPartMinutes(r), 0);
  const wantedMinutes = wanted.reduce((sum, r) => sum + dayPartMinutes(r), 0);
  const balance = { givenUpMinutes, wantedMinutes, forfeitedMinutes: Math.max(0, givenUpMinutes - wantedMinutes) };
  if (givenUp.length === 0) return { ok: false, code: "SWAP_NOTHING_GIVEN_UP", ...balance };
  if (wanted.length === 0) return { ok: false, code: "SWAP_NOTHING_WANTED", ...balance };
  if (wantedMinutes > givenUpMinutes) return { ok: false, code: "SWAP_WANTED_EXCEEDS_GIVEN_UP", ...balance };
  return { ok: true, ...balance };
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Assessment

export type AssessAction = "APPROVE" | "REJECT";

export const ASSESS_ERRORS = [
  "NOTHING_PENDING",
  "NOT_PENDING",
  "REASON_REQUIRED",
  "ASSESS_AS_WHOLE_REQUIRED",
  "NOT_ASSESS_AS_WHOLE",
  "NOT_ASSESSABLE",
  "SWAP_AS_UNIT_REQUIRED",
] as const;
export type AssessError = (typeof ASSESS_ERRORS)[number];

export interface ItemUpdate {
  id: string;
  status: Extract<ItemStatus, "APPROVED" | "REJECTED">;
  rejectionReason: string | null;
}

function normaliseReason(action: AssessAction, reason: string | null | undefined): string | null | false {
  if (action === "APPROVE") return null;
  const trimmed = (reason ?? "").trim();
  return trimmed === "" ? false : trimmed;
}

/**
 * Assessing one item of a request. Items are assessed individually (seed 002 §5.2 "per individu
 * beoordeeld"), except in an assess-as-whole request (ASSESS_AS_WHOLE_REQUIRED — use
 * {@link wholeRequestDecision}) and in a swap, where a child's items go as one unit
 * (SWAP_AS_UNIT_REQUIRED — use {@link assessDecision}). Only PENDING items can be assessed
 * (NOT_PENDING); absences are registered at once and never assessed (NOT_ASSESSABLE). A rejection
 * needs a reason, shown to the parent ("AFGEKEURD" with a reason — domain.md).
 */
export function itemDecision(
  item: { id: string; status: ItemStatus },
  request: { kind: RequestKind; assessAsWhole: boolean },
  action: AssessAction,
  rejectionReason?: string | null,
): { ok: true; update: ItemUpdate } | { ok: false; code: AssessError } {
  if (request.kind === "ABSENCE") return { ok: false, code: "NOT_ASSESSABLE" };
  if (request.assessAsWhole) return { ok: false, code: "ASSESS_AS_WHOLE_REQUIRED" };
  if (request.kind === "SWAP_DAY") return { ok: false, code: "SWAP_AS_UNIT_REQUIRED" };
  if (item.status !== "PENDING") return { ok: false, code: "NOT_PENDING" };
  const reason = normaliseReason(action, rejectionReason);
  if (reason === false) return { ok: false, code: "REASON_REQUIRED" };
  return { ok: true, update: { id: item.id, status: action === "APPROVE" ? "APPROVED" : "REJECTED", rejectionReason: reason } };
}

/**
 * Assess-as-whole outcome: "een akkoord voor alle kinderen binnen het gezin een voorwaarde is" —
 * seed 002 §5.2/§5.3. Every still-PENDING item is approved, or every one is rejected; approving
 * part of it is not possible. Items the parent already cancelled for one child (cancelling is per
 * child) or that expired are left as they are. No pending item left: NOTHING_PENDING. An item
 * already APPROVED/REJECTED means the request was assessed: NOT_PENDING (double submit by two
 * planners).
 */
export function wholeRequestDecision(
  items: readonly { id: string; status: ItemStatus }[],
  request: { kind: RequestKind; assessAsWhole: boolean },
  action: AssessAction,
  rejectionReason?: string | null,
): { ok: true; updates: ItemUpdate[] } | { ok: false; code: AssessError } {
  if (request.kind === "ABSENCE") return { ok: false, code: "NOT_ASSESSABLE" };
  if (!request.assessAsWhole) return { ok: false, code: "NOT_ASSESS_AS_WHOLE" };
  if (items.some((i) => i.status === "APPROVED" || i.status === "REJECTED")) return { ok: false, code: "NOT_PENDING" };
  const pending = items.filter((i) => i.status === "PENDING");
  if (pending.length === 0) return { ok: false, code: "NOTHING_PENDING" };
  const reason = normaliseReason(action, rejectionReason);
  if (reason === false) return { ok: false, code: "REASON_REQUIRED" };
  const status = action === "APPROVE" ? "APPROVED" : "REJECTED";
  return { ok: true, updates: pending.map((i) => ({ id: i.id, status, rejectionReason: reason })) };
}

/**
 * The items one assessment through `itemId` decides together, of those still PENDING:
 * - an assess-as-whole request: every pending item of the request (seed 002 §5.2/§5.3);
 * - a swap: every pending item of that child in the request. The day parts given up are only given
 *   up in exchange for the wanted ones ("Selecteer alle dagdelen die je deze dag wilt inruilen…
 *   Geef vervolgens de dag op waarnaartoe je de opvang wilt ruilen" — seed 002 §5.3), so approving
 *   the give-up and rejecting the target would take the child's care away, and approving only the
 *   target would be free extra care. Cancelling and expiring treat a child's swap as one as well
 *   ({@link itemsToExpire}, cancel-policy.ts);
 * - otherwise the item itself.
 * Empty when the item is unknown, or (but for an assess-as-whole request) not pending.
 */
export function assessmentUnit<T extends { id: string; status: ItemStatus; childId: string }>(
  items: readonly T[],
  itemId: string,
  request: { kind: RequestKind; assessAsWhole: boolean },
): T[] {
  const item = items.find((i) => i.id === itemId);
  if (!item) return [];
  if (request.assessAsWhole) return items.filter((i) => i.status === "PENDING");
  if (item.status !== "PENDING") return [];
  if (request.kind === "SWAP_DAY") return items.filter((i) => i.status === "PENDING" && i.childId === item.childId);
  return [item];
}

/**
 * Assessing through one item of a request, whatever item that is: an assess-as-whole request as a
 * whole ({@link wholeRequestDecision}), a child's swap as one unit (every pending item of that child,
 * see {@link assessmentUnit}: all approved or all rejected, one reason for all), any other item on its
 * own ({@link itemDecision}). Throws when `itemId` is not among `items` (the caller loads the item's
 * own request, so that is a bug upstream).
 */
export function assessDecision(
  items: readonly { id: string; status: ItemStatus; childId: string }[],
  itemId: string,
  request: { kind: RequestKind; assessAsWhole: boolean },
  action: AssessAction,
  rejectionReason?: string | null,
): { ok: true; updates: ItemUpdate[] } | { ok: false; code: AssessError } {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new RangeError("The item is not part of the request");
  if (request.kind === "ABSENCE") return { ok: false, code: "NOT_ASSESSABLE" };
  if (request.assessAsWhole) return wholeRequestDecision(items, request, action, rejectionReason);
  if (request.kind === "SWAP_DAY") {
    if (item.status !== "PENDING") return { ok: false, code: "NOT_PENDING" };
    const reason = normaliseReason(action, rejectionReason);
    if (reason === false) return { ok: false, code: "REASON_REQUIRED" };
    const status = action === "APPROVE" ? "APPROVED" : "REJECTED";
    return { ok: true, updates: assessmentUnit(items, itemId, request).map((i) => ({ id: i.id, status, rejectionReason: reason })) };
  }
  const one = itemDecision(item, request, action, rejectionReason);
  return one.ok ? { ok: true, updates: [one.update] } : one;
}

/**
 * True when no item of the request is PENDING any more: the moment for the one notification "wanneer
 * alle individuele aanvragen beoordeeld zijn" — seed 002 §5.2. Cancelled and expired items count as
 * done. An empty list is false (nothing was assessed). Absences (REGISTERED) are true at once; the
 * caller sends the absence confirmation instead.
 */
export function isFullyAssessed(items: readonly { status: ItemStatus }[]): boolean {
  return items.length > 0 && items.every((i) => i.status !== "PENDING");
}
