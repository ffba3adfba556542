// Calendar helpers for the demo seed. A calendar day is a Date at UTC midnight, which is what Prisma
// reads and writes for `@db.Date` columns; instants (createdAt, takenAt, …) are real moments computed
// from a wall-clock time in Europe/Amsterdam.
import { dutchHolidays } from "../../lib/domain/holidays";
import { amsterdamInstant as domainAmsterdamInstant } from "../../lib/domain/requests";

export const TIME_ZONE = "Europe/Amsterdam";
const DAY_MS = 86_400_000;

/** "2026-03-11" → Date at UTC midnight. */
export function parseDay(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new Error(`Not a calendar date (YYYY-MM-DD): ${value}`);
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (formatDay(day) !== value) throw new Error(`Not a calendar date: ${value}`);
  return day;
}

export function formatDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The calendar day in Europe/Amsterdam at `instant`. */
export function amsterdamDay(instant: Date = new Date()): Date {
  return parseDay(dayFormat.format(instant));
}

// en-CA formats as YYYY-MM-DD.
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** First day of the month of `day`, shifted by `months`. */
export function firstOfMonth(day: Date, months = 0): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
}

/** `day` shifted by whole months, clamped to the end of a shorter month (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(day: Date, months: number): Date {
  const target = firstOfMonth(day, months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day.getUTCDate(), lastDay)));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Date): number {
  return ((day.getUTCDay() + 6) % 7) + 1;
}

/** The instant at wall-clock `minuteOfDay` (e.g. 16 * 60 + 30) on `day` in Europe/Amsterdam. */
export function amsterdamInstant(day: Date, minuteOfDay: number): Date {
  return domainAmsterdamInstant(formatDay(day), minuteOfDay);
}

/**
 * Dutch national holidays on which childcare closes, as the app computes them (lib/domain/holidays),
 * with the demo organisation's policy (Bevrijdingsdag every 5 years). The seed only needs them to keep
 * demo requests off closed days.
 */
export function isDutchHoliday(day: Date): boolean {
  const iso = formatDay(day);
  return dutchHolidays(day.getUTCFullYear(), { liberationDayEveryYears: 5 }).some((h) => h.date === iso);
}
