// Credits (tegoeden, "ruil- en inhaaluren"), make-up hours for absences, and flex hours.
// Seed 002 §5.2 ("Tegoeden zijn kindgebonden… niet gecombineerd betalen"), seed 003 ("Dag aanvragen",
// "Flexopvang aanvragen", "Openingsdagen"), domain.md "Requests".

import { addDays, addMonths, assertIsoDate, diffDays, isoDate, isWithin, startOfMonth } from "./dates";
import { dayPartMinutes, type MinuteRange } from "./pricing";
import { amsterdamInstant } from "./requests";
import type { AbsenceReason, CreditDef, CreditKind, CreditRestriction, IsoDate, PlacementDef, Policy } from "./types";

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Paying a day part with a credit

export const CREDIT_INELIGIBILITY = ["OTHER_CHILD", "NOT_VALID_ON_DATE", "INSUFFICIENT", "RESTRICTION"] as const;
export type CreditIneligibility = (typeof CREDIT_INELIGIBILITY)[number];

export interface CreditUse {
  /** The child the day part is for. */
  childId: string;
  /** The date of the day part. */
  date: IsoDate;
  /** Minutes of the one day part to pay (pricing.dayPartMinutes). */
  minutes: number;
  /** True on school-holiday dates (for HOLIDAYS_ONLY / SCHOOL_WEEKS_ONLY credits). */
  isSchoolHoliday: (date: IsoDate) => boolean;
}

/** Minutes still on a credit (never below 0). */
export function remainingMinutes(credit: Pick<CreditDef, "minutes" | "usedMinutes">): number {
  return Math.max(0, credit.minutes - credit.usedMinutes);
}

/** Whether a restriction allows use on `date`: "alleen geldig in vakanties… niet inzetbaar in schoolweken" — seed 002 §5.2. */
export function restrictionFits(
  restriction: CreditRestriction,
  date: IsoDate,
  isSchoolHoliday: (date: IsoDate) => boolean,
): boolean {
  switch (restriction) {
    case "NONE":
      return true;
    case "HOLIDAYS_ONLY":
      return isSchoolHoliday(date);
    case "SCHOOL_WEEKS_ONLY":
      return !isSchoolHoliday(date);
  }
}

/**
 * Why a credit cannot pay one day part, or null when it can:
 * - OTHER_CHILD: "Tegoeden zijn kindgebonden en niet overdraagbaar" — seed 002 §5.2.
 * - NOT_VALID_ON_DATE: the date lies outside validFrom…validUntil (both inclusive) — seed 003
 *   "een passende geldigheidstermijn".
 * - INSUFFICIENT: the remaining minutes do not cover the *whole* day part. No mixing: "wanneer het
 *   tegoed niet toereikend meer is… kan niet gedeeltelijk betaald worden" — seed 002 §5.2; "niet
 *   deels ruil- en inhaaluren en deels op factuur" — seed 003.
 * - RESTRICTION: a holidays-only credit outside school holidays, or a school-weeks-only credit in them.
 */
export function creditIneligibility(credit: CreditDef, use: CreditUse): CreditIneligibility | null {
  if (credit.childId !== use.childId) return "OTHER_CHILD";
  if (!isWithin(use.date, credit.validFrom, credit.validUntil)) return "NOT_VALID_ON_DATE";
  if (remainingMinutes(credit) < use.minutes) return "INSUFFICIENT";
  if (!restrictionFits(credit.restriction, use.date, use.isSchoolHoliday)) return "RESTRICTION";
  return null;
}

/** True when the credit can pay the whole day part (see {@link creditIneligibility}). */
export function isCreditUsable(credit: CreditDef, use: CreditUse): boolean {
  return creditIneligibility(credit, use) === null;
}

/**
 * The credits to offer for one day part — "De tegoeden die zichtbaar zijn, zijn ook bruikbaar voor
 * de gevraagde opvang" (seed 002 §5.2) — soonest expiry first (validUntil), so the credit that would
 * be lost first is on top; ties by fewest remaining minutes, then id, for a stable order.
 */
export function usableCredits<C extends CreditDef>(credits: readonly C[], use: CreditUse): C[] {
  return credits
    .filter((c) => isCreditUsable(c, use))
    .sort(
      (a, b) =>
        diffDays(b.validUntil, a.validUntil) ||
        remainingMinutes(a) - remainingMinutes(b) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/**
 * The credit after paying `minutes` with it. Re-checks the rule on the server: throws when the
 * credit is not usable for this use (a tampered or stale credit id must never be half-spent).
 */
export function spendCredit<C extends CreditDef>(credit: C, use: CreditUse): C {
  const reason = creditIneligibility(credit, use);
  if (reason !== null) throw new RangeError(`Credit ${credit.id} cannot pay this day part: ${reason}`);
  return { ...credit, usedMinutes: credit.usedMinutes + use.minutes };
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Make-up hours for a timely absence

export const MAKE_UP_REFUSALS = ["DISABLED", "NOT_CONTRACT", "REASON", "SHORT_NOTICE", "CLOSING_DAY"] as const;
export type MakeUpRefusal = (typeof MAKE_UP_REFUSALS)[number];

export interface MakeUpInput {
  /** The day the child is reported absent. */
  absenceDate: IsoDate;
  /** The scheduled day part reported absent (its start is where notice is measured to). */
  dayPart: MinuteRange;
  /** When the parent reported the absence. */
  reportedAt: Date;
  reason: AbsenceReason;
  policy: Pick<Policy, "makeUpCreditsEnabled" | "makeUpNoticeHours" | "makeUpValidityDays" | "makeUpReasons">;
  /** The absence date is a closing day for the child's location. */
  closed: boolean;
  /**
   * Where the absent care came from: contract care and care swapped to this day earn make-up hours;
   * an extra day (invoiced, paid with a credit or with flex hours) does not.
   */
  source: "CONTRACT" | "SWAP" | "EXTRA";
}

export interface NewCredit {
  kind: Extract<CreditKind, "MAKE_UP">;
  minutes: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  restriction: Extract<CreditRestriction, "NONE">;
}

/**
 * Whether a reported absence of one day part earns make-up hours, and why not:
 * - DISABLED: the organisation grants none (policy.makeUpCreditsEnabled).
 * - NOT_CONTRACT: the absent care is an extra day. Make-up hours make up for contract care the child
 *   misses (a swapped day is contract care moved); an extra day that is not used is not care owed,
 *   and a credit for it would turn an unused paid day — or one paid with a credit — into new credit.
 * - REASON: the absence reason is not in policy.makeUpReasons.
 * - SHORT_NOTICE: reported less than policy.makeUpNoticeHours before the day part's start. The start
 *   is Amsterdam wall-clock time, so across a daylight-saving change "24 hours" is measured in real
 *   hours, not wall-clock hours. Exactly the notice period is enough.
 * - CLOSING_DAY: "Voor deze dagen krijg je geen ruil- en inhaaluren" — seed 003 "Openingsdagen".
 * A granted credit is the day part's minutes, valid from the absence date up to and including
 * absenceDate + policy.makeUpValidityDays, without restriction.
 */
export function makeUpCreditDecision(
  input: MakeUpInput,
): { granted: true; credit: NewCredit } | { granted: false; reason: MakeUpRefusal } {
  const { absenceDate, dayPart, reportedAt, reason, policy, closed, source } = input;
  const minutes = dayPartMinutes(dayPart);
  assertIsoDate(absenceDate);
  if (!policy.makeUpCreditsEnabled) return { granted: false, reason: "DISABLED" };
  if (source === "EXTRA") return { granted: false, reason: "NOT_CONTRACT" };
  if (closed) return { granted: false, reason: "CLOSING_DAY" };
  if (!policy.makeUpReasons.includes(reason)) return { granted: false, reason: "REASON" };
  const start = amsterdamInstant(absenceDate, dayPart.startMinute).getTime();
  if (start - reportedAt.getTime() < policy.makeUpNoticeHours * 3_600_000) {
    return { granted: false, reason: "SHORT_NOTICE" };
  }
  return {
    granted: true,
    credit: {
      kind: "MAKE_UP",
      minutes,
      validFrom: absenceDate,
      validUntil: addDays(absenceDate, policy.makeUpValidityDays),
      restriction: "NONE",
    },
  };
}

/** The make-up credit for one absent day part, or null when policy grants none (see {@link makeUpCreditDecision}). */
export function makeUpCreditFor(input: MakeUpInput): NewCredit | null {
  const decision = makeUpCreditDecision(input);
  return decision.granted ? decision.credit : null;
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Flex hours

export interface FlexBalance {
  /** The year's pot: flexMinutesPerYear for the part of the year the placement runs. */
  totalMinutes: number;
  usedMinutes: number;
  /** total − used; negative would mean overspent (never allowed by {@link canSpendFlex}). */
  remainingMinutes: number;
}

/**
 * The flex pot of a placement for one calendar year — "voor de start van het contract of voor het
 * nieuwe kalenderjaar het totaal aantal flexuren van het kalenderjaar/de contractperiode in een
 * flexuren-pot" — seed 003. The pot is flexMinutesPerYear for a placement that runs the whole year;
 * for a contract period covering only part of the year it is pro rata by calendar days
 * (flexMinutesPerYear × days in the year covered / days in the year, rounded half-up to whole
 * minutes). A fixed contract, or a placement outside the year, has an empty pot.
 * `usedMinutes` is what the caller counted as spent that year (pending + approved FLEX items).
 */
export function flexBalance(
  placement: Pick<PlacementDef, "contractType" | "flexMinutesPerYear" | "startDate" | "endDate">,
  year: number,
  usedMinutes: number,
): FlexBalance {
  if (!Number.isInteger(usedMinutes) || usedMinutes < 0) throw new RangeError(`Not a number of minutes: ${usedMinutes}`);
  let totalMinutes = 0;
  const perYear = placement.flexMinutesPerYear ?? 0;
  if (placement.contractType === "FLEX" && perYear > 0) {
    const yearStart = isoDate(year, 1, 1);
    const yearEnd = isoDate(year, 12, 31);
    const from = placement.startDate > yearStart ? placement.startDate : yearStart;
    const to = placement.endDate !== null && placement.endDate < yearEnd ? placement.endDate : yearEnd;
    const covered = Math.max(0, diffDays(from, to) + 1);
    const daysInYear = diffDays(yearStart, yearEnd) + 1;
    totalMinutes = covered === daysInYear ? perYear : Math.floor((2 * perYear * covered + daysInYear) / (2 * daysInYear));
  }
  return { totalMinutes, usedMinutes, remainingMinutes: totalMinutes - usedMinutes };
}

/** Whether the pot still holds the whole day part (no mixing with invoice, as with credits). */
export function canSpendFlex(balance: FlexBalance, minutes: number): boolean {
  return minutes > 0 && balance.remainingMinutes >= minutes;
}

/**
 * The last day on which a flex day on `date` can be requested. Seed 003: "De gewenste opvangdagen
 * geef je minimaal één maand van tevoren door. Als voorbeeld: vóór 1 januari laat je ons weten op
 * welke dagen in februari je opvang nodig hebt. Voor 1 februari laat je dit weten voor de maand
 * maart." So days in month M must be requested before the 1st of month M − n
 * (n = policy.flexRequestMonthsAhead, 1 in seed 003): the deadline is the day before that, the last
 * day of month M − n − 1. With n = 1: any day in March → 31 January; any day in February → 31
 * December. n = 0 means "before the month starts".
 */
export function flexDeadline(date: IsoDate, monthsAhead: number): IsoDate {
  if (!Number.isInteger(monthsAhead) || monthsAhead < 0) throw new RangeError(`Not a number of months: ${monthsAhead}`);
  return addDays(addMonths(startOfMonth(date), -monthsAhead), -1);
}

/** Whether a flex day on `date` may still be requested `today` (today ≤ {@link flexDeadline}). */
export function isFlexRequestInTime(date: IsoDate, today: IsoDate, monthsAhead: number): boolean {
  return today <= flexDeadline(date, monthsAhead);
}
