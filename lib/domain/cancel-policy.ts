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
// - "Annuleer je een aanvraag die je gedaan hebt voor een periode, dan wordt de annulering toegepast
//   op de gehele aangevraagde periode" — seed 002 §5.2.
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

/** What the rule needs of an item (a RequestItemDef has all of it). */
export interface CancelItem {
  id: string;
  requestId: string;
  childId: string;
  date: IsoDate;
  startMinute: number;
  status: ItemStatus;
  direction?: ItemDirection;
}

export interface CancelInput {
  kind: RequestKind;
  /** All items of one child in one request (cancelling is per child). */
  items: readonly CancelItem[];
  /**
   * The items the parent picked (one booking of a multi-booking request, one day part). Ignored —
   * the child's whole set is taken — for a period request and for a swap (see below). Default: all.
   */
  selectedItemIds?: readonly string[];
  /** The request was made for a period (Request.periodStart < periodEnd), not single dates. */
  periodRequest: boolean;
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
 * Whether one child's part of a request may be cancelled, and which items that cancels.
 *
 * Scope: a period request and a swap always cancel all of the child's items in the request (a
 * period as a whole — seed 002 §5.2; a swap's given-up and wanted day parts belong together, one
 * without the other would forfeit care). Otherwise the selected items.
 *
 * Within the scope the "live" items are cancelled — PENDING for extra days and swaps, REGISTERED
 * for absences — and approved or already final items are kept: approved care can never be cancelled,
 * but it does not stop the parent from withdrawing the still-pending rest of a partly assessed
 * period. A swap is the exception: the child's given-up and wanted day parts are one unit (the
 * planner assesses them together), so cancelling the pending rest of a partly approved swap would
 * leave half an exchange. Refusals, first match wins:
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
 * The checks run on the earliest live item: a period is cancelled as a whole or not at all.
 *
 * Throws when the items are empty, mix children or requests, or a selected id is not among them:
 * the caller loads one child's items of one request, so that is a bug or tampering upstream.
 */
export function cancelDecision(input: CancelInput): CancelDecision {
  const { kind, items, policy, now, today } = input;
  const first = items[0];
  if (!first) throw new RangeError("No items to cancel");
  if (items.some((i) => i.childId !== first.childId || i.requestId !== first.requestId)) {
    throw new RangeError("Cancelling is per child and per request");
  }

  let scope: readonly CancelItem[] = items;
  if (!input.periodRequest && kind !== "SWAP_DAY" && input.selectedItemIds !== undefined) {
    const wanted = new Set(input.selectedItemIds);
    scope = items.filter((i) => wanted.has(i.id));
    if (scope.length !== wanted.size || scope.length === 0) throw new RangeError("Unknown item selected");
  }

  const liveStatus: ItemStatus = kind === "ABSENCE" ? "REGISTERED" : "PENDING";
  const live = scope.filter((i) => i.status === liveStatus);
  const kept = scope.filter((i) => i.status !== liveStatus);

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
