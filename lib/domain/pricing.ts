// Price of requested care — parent manual §5.2 ("vervolgens berekent het systeem de waarde van de
// aangevraagde opvang"): minutes of the day part × the placement's hourly rate.
//
// Money is integer euro cents, durations integer minutes (types.ts). Only integer maths is used, so
// there is no floating-point drift: cents = minutes × rate / 60, rounded half-up on the exact
// fraction (x.5 cent and above rounds up). Each item is priced and rounded on its own (its price is
// stored per item, RequestItem.priceCents); totals are sums of those rounded item prices, so a
// total always equals the sum of the lines the parent sees.

import type { PaymentMethod } from "./types";

/** The times of one day part (or a snapshot of them on an item), minutes since local midnight. */
export interface MinuteRange {
  startMinute: number;
  endMinute: number;
}

/** Minutes of a day part: end − start. Throws on a range that is empty, reversed or off the clock. */
export function dayPartMinutes(range: MinuteRange): number {
  const { startMinute, endMinute } = range;
  if (!Number.isInteger(startMinute) || !Number.isInteger(endMinute)) {
    throw new RangeError(`Day part times must be whole minutes: ${startMinute}–${endMinute}`);
  }
  if (startMinute < 0 || endMinute > 24 * 60 || endMinute <= startMinute) {
    throw new RangeError(`Not a day part: ${startMinute}–${endMinute}`);
  }
  return endMinute - startMinute;
}

/**
 * Price in cents of `minutes` of care at `hourlyRateCents` per hour: minutes × rate / 60, rounded
 * half-up to whole cents (integer maths: ⌊(minutes × rate + 30) / 60⌋).
 * E.g. 330 min at €8.73/h = 288 090 / 60 = 4801.5 → 4802 cents.
 */
export function priceForMinutes(minutes: number, hourlyRateCents: number): number {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`Not a number of minutes: ${minutes}`);
  if (!Number.isInteger(hourlyRateCents) || hourlyRateCents < 0) {
    throw new RangeError(`Not an hourly rate in cents: ${hourlyRateCents}`);
  }
  const product = minutes * hourlyRateCents;
  if (!Number.isSafeInteger(product + 30)) throw new RangeError("Price out of range");
  return Math.floor((product + 30) / 60);
}

/** Price in cents of one extra day part (its minutes × the placement's hourly rate). */
export function dayPartPrice(range: MinuteRange, hourlyRateCents: number): number {
  return priceForMinutes(dayPartMinutes(range), hourlyRateCents);
}

/** One priced line of a request: a (child, date, day part) with the rate of the child's placement. */
export interface PriceLine extends MinuteRange {
  childId: string;
  hourlyRateCents: number;
  /**
   * How the line is paid. Only INVOICE (or no choice yet) is invoiced; CREDIT, FLEX and SWAP lines
   * still have a value but cost nothing extra (seed 002 §5.2, seed 003 "ruil- en inhaaluren").
   */
  payment?: PaymentMethod;
}

export interface PriceTotals {
  minutes: number;
  /** Value of the care: sum of the lines' rounded prices. */
  valueCents: number;
  /** What will be invoiced: the value of the lines paid by invoice. */
  invoicedCents: number;
}

export interface PriceSummary extends PriceTotals {
  /** Per child id, in the order children first appear in the lines. */
  perChild: Map<string, PriceTotals>;
  /** Each line's own price, in line order. */
  lineCents: number[];
}

/** True when a line with this payment method is invoiced. */
export function isInvoiced(payment: PaymentMethod | undefined): boolean {
  return payment === undefined || payment === "INVOICE";
}

/** Totals per child and for the whole request (each line rounded first, then summed). */
export function priceSummary(lines: readonly PriceLine[]): PriceSummary {
  const perChild = new Map<string, PriceTotals>();
  const total: PriceTotals = { minutes: 0, valueCents: 0, invoicedCents: 0 };
  const lineCents: number[] = [];
  for (const line of lines) {
    const minutes = dayPartMinutes(line);
    const cents = priceForMinutes(minutes, line.hourlyRateCents);
    const invoiced = isInvoiced(line.payment) ? cents : 0;
    lineCents.push(cents);
    const child = perChild.get(line.childId) ?? { minutes: 0, valueCents: 0, invoicedCents: 0 };
    child.minutes += minutes;
    child.valueCents += cents;
    child.invoicedCents += invoiced;
    perChild.set(line.childId, child);
    total.minutes += minutes;
    total.valueCents += cents;
    total.invoicedCents += invoiced;
  }
  return { ...total, perChild, lineCents };
}
