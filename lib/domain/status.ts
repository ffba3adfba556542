// Display statuses of request items and requests — domain.md "Statuses of an item", seed 004 §5.5
// (the overview shows "IN AANVRAAG", "AFGEKEURD", "GOEDGEKEURD"), seed 002 §5.2 ("Optie extra" in
// the calendar). The keys are message keys in the making ("Requests.status.<key>"); the words live
// in messages/{nl,en}.json, never here:
//   PENDING    IN AANVRAAG / PENDING          (calendar: OPTION_EXTRA "Optie extra" / "Extra (option)")
//   APPROVED   GOEDGEKEURD / APPROVED
//   REJECTED   AFGEKEURD / REJECTED (+ reason)
//   CANCELLED  GEANNULEERD / CANCELLED
//   EXPIRED    VERVALLEN / EXPIRED
//   REGISTERED AFGEMELD / REPORTED ABSENT

import type { ItemDirection, ItemStatus, RequestKind } from "./types";

export const ITEM_DISPLAY_STATUSES = ["PENDING", "APPROVED", "REJECTED", "CANCELLED", "EXPIRED", "REGISTERED"] as const;
export type ItemDisplayStatus = (typeof ITEM_DISPLAY_STATUSES)[number];

/** The overview's status key of an item (one-to-one with ItemStatus, kept separate so the UI vocabulary can grow). */
export function itemDisplayStatus(status: ItemStatus): ItemDisplayStatus {
  switch (status) {
    case "PENDING":
      return "PENDING";
    case "APPROVED":
      return "APPROVED";
    case "REJECTED":
      return "REJECTED";
    case "CANCELLED":
      return "CANCELLED";
    case "EXPIRED":
      return "EXPIRED";
    case "REGISTERED":
      return "REGISTERED";
  }
}

export const CALENDAR_MARKS = ["OPTION_EXTRA", "OPTION_SWAP_AWAY", "EXTRA", "SWAPPED_AWAY", "ABSENT"] as const;
export type CalendarMark = (typeof CALENDAR_MARKS)[number];

/**
 * How an item marks its day in the agenda, or null when it leaves no mark (rejected, cancelled,
 * expired: the day is as scheduled). Pending added care is "Optie extra" — "De status van de
 * aanvraag staat bij aanvang op 'Optie extra'" — seed 002 §5.2/§5.3. A pending give-up of a swap
 * still shows the scheduled day, marked OPTION_SWAP_AWAY; once approved it is SWAPPED_AWAY (the
 * schedule drops it). Approved added care (extra day or swap target) is EXTRA; an absence is ABSENT.
 */
export function calendarMark(item: { kind: RequestKind; status: ItemStatus; direction: ItemDirection }): CalendarMark | null {
  switch (item.status) {
    case "PENDING":
      return item.direction === "ADD" ? "OPTION_EXTRA" : "OPTION_SWAP_AWAY";
    case "APPROVED":
      return item.direction === "ADD" ? "EXTRA" : "SWAPPED_AWAY";
    case "REGISTERED":
      return "ABSENT";
    case "REJECTED":
    case "CANCELLED":
    case "EXPIRED":
      return null;
  }
}

export const REQUEST_SUMMARY_STATUSES = [...ITEM_DISPLAY_STATUSES, "PARTIALLY_APPROVED"] as const;
export type RequestSummaryStatus = (typeof REQUEST_SUMMARY_STATUSES)[number];

/**
 * One status for a whole request (or one child's part of it), for the overview's list line:
 * - any item PENDING → PENDING (it is still "in aanvraag");
 * - all items the same → that status;
 * - some APPROVED among other final items → PARTIALLY_APPROVED ("individueel beoordeeld", seed 002 §5.2);
 * - otherwise the mixed final items rank REGISTERED > REJECTED > EXPIRED > CANCELLED: an absence
 *   partly re-registered is still an absence, and a rejection is what the parent must learn about
 *   before an expiry or their own cancellation.
 * Throws on an empty list: a request always has items.
 */
export function requestSummaryStatus(items: readonly { status: ItemStatus }[]): RequestSummaryStatus {
  if (items.length === 0) throw new RangeError("A request has at least one item");
  const statuses = new Set(items.map((i) => i.status));
  if (statuses.has("PENDING")) return "PENDING";
  if (statuses.size === 1) return itemDisplayStatus(items[0]!.status);
  if (statuses.has("APPROVED")) return "PARTIALLY_APPROVED";
  for (const s of ["REGISTERED", "REJECTED", "EXPIRED", "CANCELLED"] as const) if (statuses.has(s)) return s;
  /* c8 ignore next */
  throw new Error("unreachable");
}

/** True for statuses that will not change any more (nothing left to assess or cancel but absences). */
export function isFinalStatus(status: ItemStatus): boolean {
  return status === "APPROVED" || status === "REJECTED" || status === "CANCELLED" || status === "EXPIRED";
}
