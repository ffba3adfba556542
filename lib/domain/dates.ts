// Calendar-day arithmetic on ISO day strings ("YYYY-MM-DD").
//
// A calendar day is a Dutch day without a time of day (see types.ts). All arithmetic runs on UTC
// midnights, where every day has exactly 24 hours, so daylight-saving changes in Europe/Amsterdam
// can never shift a day. Formatting for people lives in lib/format/date.ts; parsing and validation
// are reused from there.

import { parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { IsoDate, Weekday } from "./types";

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar day written as "YYYY-MM-DD" (so "2025-02-29" is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !ISO_DAY.test(value)) return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Returns `value` unchanged when it is a valid ISO day; throws a RangeError otherwise. */
export function assertIsoDate(value: string): IsoDate {
  parseIsoDate(value);
  return value;
}

/** The ISO day for a year, month (1–12) and day of month. Throws when the day does not exist. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return assertIsoDate(value);
}

/** Days since 1970-01-01 (negative before). Handy as a map key or an array index. */
export function dayNumber(date: IsoDate): number {
  return parseIsoDate(date).getTime() / MS_PER_DAY;
}

/** Inverse of {@link dayNumber}. */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a day number: ${n}`);
  return toIsoDate(new Date(n * MS_PER_DAY));
}

/** `date` moved by `days` calendar days (negative = back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Calendar days from `from` to `to` (`to − from`): diffDays("2025-01-01", "2025-01-31") = 30,
 * negative when `to` lies before `from`.
 */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): Weekday {
  const js = parseIsoDate(date).getUTCDay(); // 0 = Sunday
  return (js === 0 ? 7 : js) as Weekday;
}

/** True on Saturday and Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 6;
}

/** Every day from `from` to `to`, both inclusive; empty when `to` lies before `from`. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  const days: IsoDate[] = [];
  for (let n = start; n <= end; n++) days.push(fromDayNumber(n));
  return days;
}

/** The first day of the month `date` lies in. */
export function startOfMonth(date: IsoDate): IsoDate {
  assertIsoDate(date);
  return `${date.slice(0, 8)}01`;
}

/** The last day of the month `date` lies in. */
export function endOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(startOfMonth(date), 1), -1);
}

/**
 * `date` moved by whole months. A day that does not exist in the target month is clamped to that
 * month's last day: addMonths("2025-01-31", 1) = "2025-02-28".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const d = parseIsoDate(date);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDate(year, month + 1, Math.min(d.getUTCDate(), lastDay));
}

/** The year of an ISO day. */
export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).getUTCFullYear();
}

/** −1, 0 or 1 as `a` lies before, on or after `b`; usable as an Array.prototype.sort comparator. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Four-digit years: the string order is the calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `date` lies in [from, to], both inclusive; `to` null = open-ended. */
export function isWithin(date: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return date >= from && (to === null || date <= to);
}

/** The earliest of the given days. */
export function minIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let min = first;
  for (const d of rest) if (d < min) min = d;
  return min;
}

/** The latest of the given days. */
export function maxIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let max = first;
  for (const d of rest) if (d > max) max = d;
  return max;
}

/** The first day of the month of `value` (any ISO day), clamped to the months of first…last; else first's month. */
export function clampMonth(value: unknown, first: string, last: string): string {
  const wanted = typeof value === "string" && isIsoDate(value) ? startOfMonth(value) : startOfMonth(first);
  if (wanted < startOfMonth(first)) return startOfMonth(first);
  if (wanted > startOfMonth(last)) return startOfMonth(last);
  return wanted;
}
