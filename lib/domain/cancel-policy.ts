// May a parent cancel (part of) a request? Seed 000/001 (help page), seed 002 §5.2 "Aanvragen
// annuleren", §5.4, domain.md "Cancelling".
//
// - "Aanvragen doe je op gezinsniveau. Annuleren gaat per kind individueel" — seed 002 §5.2: the
//   rule takes the items of ONE child in ONE request.
// - "Zolang een aanvraag de status 'Optie extra' heeft, kun je de aanvraag nog annuleren" and only
//   "wanneer dit binnen het planningsbeleid… toegestaan is" — seed 002 §5.2: PENDING items, until
//   policy.pendingCancelMinHours before the start.
// - "Annuleren van goedgekeurde extra opvang is niet mogelijk" — seed 001 (000: "Extra childcare
//   that's approved cannot be cancelled").
// - "Een aanvraag kan uit meerdere boekingen bestaan" (each "Dag toevoegen … Toevoegen" adds one: a
//   date or a period) and "Annuleer je een aanvraag die je gedaan hebt voor een periode, dan wordt de
//   annulering toegepast op de gehele aangevraagde periode" — seed 002 §5.2: an extra day is cancelled
//   per booking of the child, a booking over several dates as a whole.
// - Absences: "once the child has been reported as absent, you cannot register them again through
//   the parent portal" — seed 000 (policy NEVER); "wil je binnen 30 dagen een geannuleerde dag weer
//   aanmelden? Neem dan contact op met de locatie" — seed 001 (policy OUTSIDE_WINDOW, 30 days).

import { diffDays } from "./dates";
import { amsterdamInstant } from "./requests";
import type { IsoDate, ItemDirection, ItemStatus, Policy, RequestKind } from "./types";

export const CANCEL_REFUSALS = [
  "ALREADY_FINAL",
  "APPROVED_EXTRA_CARE",
  "APPROVED_SWAP",
  "IN_THE_PAST",
  "TOO_LATE",
  "ABSENCE_NEVER",
  "ABSENCE_WITHIN_WINDOW",
] as const;
export type CancelRefusal = (typeof CANCEL_REFUSALS)[number];

/** What the rule needs of an item (a RequestItemDef has all of it but the booking). */
export interface CancelItem {
  id: string;
  requestId: string;
  childId: string;
  date: IsoDate;
  startMinute: number;
  status: ItemStatus;
  direction?: ItemDirection;
  /** The booking within the request (RequestItem.booking); default 0. Only extra days use it. */
  booking?: number;
}

/**
 * What a parent cancels in one go (seed 002 §5.2), always within one child's part of one request:
 * - an extra day: one booking — what one "Dag toevoegen … Toevoegen" added for the child, a date or a
 *   period (one or more day parts per date);
 * - an absence or a swap: the child's whole part (a swap's given-up and wanted day parts belong
 *   together, one without the other would forfeit care; an absence is reported for a date or a period).
 */
export interface CancelUnit<T extends CancelItem = CancelItem> {
  /** The booking number for an extra day; 0 for an absence or a swap. */
  booking: number;
  /** In the order given. */
  items: T[];
  /** The unit's dates, sorted, without duplicates. */
  dates: IsoDate[];
  /** More than one date: cancelled as a whole, "de gehele aangevraagde periode" (seed 002 §5.2). */
  isPeriod: boolean;
}

const bookingOf = (item: CancelItem) => item.booking ?? 0;

/**
 * The cancel units of one child's items in one request (see CancelUnit), by booking number. Throws
 * when the items mix children or requests (the caller loads one child's items of one request).
 */
export function cancelUnits<T extends CancelItem>(kind: RequestKind, items: readonly T[]): CancelUnit<T>[] {
  assertOneChild(items);
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const booking = kind === "EXTRA_DAY" ? bookingOf(item) : 0;
    const list = groups.get(booking);
    if (list) list.push(item);
    else groups.set(booking, [item]);
  }
  return [...groups]
    .sort(([a], [b]) => a - b)
    .map(([booking, unitItems]) => {
      const dates = [...new Set(unitItems.map((i) => i.date))].sort();
      return { booking, items: unitItems, dates, isPeriod: dates.length > 1 };
    });
}

export type UnitLookup<T extends CancelItem> =
  | { ok: true; unit: CancelUnit<T> }
  /** BOOKING_REQUIRED: the request has several bookings and none was named; UNKNOWN_BOOKING: not one of the child's. */
  | { ok: false; error: "BOOKING_REQUIRED" | "UNKNOWN_BOOKING" };

/**
 * The unit a cancel takes of one child's items in one request. For an extra day whose request holds
 * more than one booking (`requestBookings`: the number of distinct booking numbers in the whole
 * request, all children) the booking must be named and must be one of the child's; otherwise — one
 * booking, an absence, a swap — `booking` is ignored and the unit is the child's whole part.
 * Returns UNKNOWN_BOOKING when there are no items at all.
 */
export function cancelUnitFor<T extends CancelItem>(
  kind: RequestKind,
  items: readonly T[],
  selection: { booking?: number; requestBookings: number },
): UnitLookup<T> {
  const units = cancelUnits(kind, items);
  if (units.length === 0) return { ok: false, error: "UNKNOWN_BOOKING" };
  if (units.length === 1 && (kind !== "EXTRA_DAY" || selection.requestBookings <= 1)) return { ok: true, unit: units[0]! };
  if (selection.booking === undefined) return { ok: false, error: "BOOKING_REQUIRED" };
  const unit = units.find((u) => u.booking === selection.booking);
  return unit ? { ok: true, unit } : { ok: false, error: "UNKNOWN_BOOKING" };
}

export interface CancelInput {
  kind: RequestKind;
  /** The items of ONE cancel unit (cancelUnits / cancelUnitFor): one child, one request, for an extra day one booking. */
  items: readonly CancelItem[];
  now: Date;
  /** Today in Amsterdam. */
  today: IsoDate;
  policy: Pick<Policy, "pendingCancelMinHours" | "absenceCancelRule" | "absenceCancelWindowDays">;
}

export type CancelDecision =
  | {
      allowed: true;
      /** The items to set to CANCELLED. */
      itemIds: string[];
      /** Items in scope that stay as they are: approved care (never cancelled) and final items. */
      keptItemIds: string[];
    }
  | { allowed: false; reason: CancelRefusal };

/**
 * Whether one cancel unit (see CancelUnit) may be cancelled, and which of its items that cancels. The
 * unit is taken whole: a booking over several dates is a period and is cancelled as a whole (seed 002
 * §5.2), a swap with both its sides; other bookings of the child in the same request are not touched.
 *
 * Within the unit the "live" items are cancelled — PENDING for extra days and swaps, REGISTERED for
 * absences — and approved or already final items are kept: approved care can never be cancelled, but
 * it does not stop the parent from withdrawing the still-pending rest of a partly assessed period. A
 * swap is the exception: the child's given-up and wanted day parts are one unit (the planner assesses
 * them together), so cancelling the pending rest of a partly approved swap would leave half an
 * exchange. Refusals, first match wins:
 * - a swap with any APPROVED item of the child: APPROVED_SWAP (the seeds only allow cancelling while
 *   "Optie extra", so an approved swap is final, also when a part of it is still pending);
 * - nothing live, something APPROVED: APPROVED_EXTRA_CARE (seed 000/001);
 * - nothing live: ALREADY_FINAL (rejected, cancelled, expired);
 * - absence with policy NEVER: ABSENCE_NEVER (seed 000);
 * - the earliest live day part has started (Amsterdam wall-clock start ≤ now): IN_THE_PAST;
 * - extra/swap: now is later than policy.pendingCancelMinHours before that start: TOO_LATE
 *   (exactly at the limit is still allowed);
 * - absence with OUTSIDE_WINDOW: the earliest live date is at most policy.absenceCancelWindowDays
 *   days after today ("binnen 30 dagen", inclusive — seed 001): ABSENCE_WITHIN_WINDOW.
 * The checks run on the earliest live item of the unit: a period is cancelled as a whole or not at
 * all, and one booking being too late does not block another booking of the same request.
 *
 * Throws when the items are empty, mix children or requests, or (extra day) mix bookings: the caller
 * passes one unit, so that is a bug or tampering upstream.
 */
export function cancelDecision(input: CancelInput): CancelDecision {
  const { kind, items, policy, now, today } = input;
  const first = items[0];
  if (!first) throw new RangeError("No items to cancel");
  assertOneChild(items);
  if (kind === "EXTRA_DAY" && items.some((i) => bookingOf(i) !== bookingOf(first))) {
    throw new RangeError("An extra day is cancelled per booking");
  }

  const liveStatus: ItemStatus = kind === "ABSENCE" ? "REGISTERED" : "PENDING";
  const live = items.filter((i) => i.status === liveStatus);
  const kept = items.filter((i) => i.status !== liveStatus);

  // A child's swap is one unit: once any part of it is approved, the rest cannot be withdrawn.
  if (kind === "SWAP_DAY" && kept.some((i) => i.status === "APPROVED")) return { allowed: false, reason: "APPROVED_SWAP" };

  if (live.length === 0) {
    if (kept.some((i) => i.status === "APPROVED")) return { allowed: false, reason: "APPROVED_EXTRA_CARE" };
    return { allowed: false, reason: "ALREADY_FINAL" };
  }

  if (kind === "ABSENCE" && policy.absenceCancelRule === "NEVER") return { allowed: false, reason: "ABSENCE_NEVER" };

  const starts = live.map((i) => ({ item: i, at: amsterdamInstant(i.date, i.startMinute).getTime() }));
  const earliest = starts.reduce((a, b) => (b.at < a.at ? b : a));
  if (earliest.at <= now.getTime()) return { allowed: false, reason: "IN_THE_PAST" };

  if (kind === "ABSENCE") {
    if (
      policy.absenceCancelRule === "OUTSIDE_WINDOW" &&
      diffDays(today, earliest.item.date) <= policy.absenceCancelWindowDays
    ) {
      return { allowed: false, reason: "ABSENCE_WITHIN_WINDOW" };
    }
  } else if (now.getTime() > earliest.at - policy.pendingCancelMinHours * 3_600_000) {
    return { allowed: false, reason: "TOO_LATE" };
  }

  return { allowed: true, itemIds: live.map((i) => i.id), keptItemIds: kept.map((i) => i.id) };
}

function assertOneChild(items: readonly CancelItem[]): void {
  const first = items[0];
  if (first && items.some((i) => i.childId !== first.childId || i.requestId !== first.requestId)) {
    throw new RangeError("Cancelling is per child and per request");
  }
}
