// Dutch national holidays on which the locations are closed, computed per year.
//
// The list follows seed 003 "Openingsdagen" exactly: "Op nationale feestdagen is je opvanglocatie
// gesloten … Nieuwjaarsdag, Tweede paasdag, Koningsdag, Bevrijdingsdag (eens per 5 jaar),
// Hemelvaartsdag, Tweede pinksterdag, Eerste en tweede kerstdag". Goede Vrijdag is therefore NOT a
// closing day, and Eerste paasdag / Eerste pinksterdag (always Sundays) are not listed either.
// Days are listed even when they fall in a weekend (Nieuwjaarsdag on a Saturday is still closed).

import { addDays, isoDate, weekday, yearOf } from "./dates";
import type { IsoDate } from "./types";

/** Stable codes the UI translates (messages namespace of the agenda). */
export const HOLIDAY_CODES = [
  "NEW_YEAR",
  "EASTER_MONDAY",
  "KINGS_DAY",
  "LIBERATION_DAY",
  "ASCENSION_DAY",
  "WHIT_MONDAY",
  "CHRISTMAS_DAY",
  "BOXING_DAY",
] as const;

export type HolidayCode = (typeof HOLIDAY_CODES)[number];

export interface Holiday {
  date: IsoDate;
  code: HolidayCode;
}

export interface HolidayOptions {
  /**
   * Bevrijdingsdag (5 May) is a closing day in the years divisible by this number: 5 → 2025, 2030, …
   * ("Bevrijdingsdag (eens per 5 jaar)" — seed 003 Openingsdagen); 1 = every year; 0 = never.
   * Organisation policy `liberationDayEveryYears`.
   */
  liberationDayEveryYears: number;
}

const MIN_YEAR = 1583; // first full year of the Gregorian calendar
const MAX_YEAR = 9999;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year out of range: ${year}`);
  }
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 * Hemelvaartsdag and Pinksteren are counted from it.
 */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/**
 * Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday (Wet viering Koningsdag).
 * This is the rule since 2014; earlier years had Koninginnedag and are not modelled.
 */
export function kingsDay(year: number): IsoDate {
  assertYear(year);
  const april27 = isoDate(year, 4, 27);
  return weekday(april27) === 7 ? isoDate(year, 4, 26) : april27;
}

/** Whether Bevrijdingsdag is a closing day in `year` under the organisation's policy (see {@link HolidayOptions}). */
export function isLiberationDayClosed(year: number, everyYears: number): boolean {
  if (!Number.isInteger(everyYears) || everyYears < 0) {
    throw new RangeError(`liberationDayEveryYears must be a whole number ≥ 0: ${everyYears}`);
  }
  return everyYears > 0 && year % everyYears === 0;
}

/**
 * The national holidays of `year` on which locations are closed (seed 003 Feestdagen/Openingsdagen),
 * sorted by date. Two holidays may share a date (Hemelvaartsdag fell on 5 May in 2005); both are listed.
 */
export function dutchHolidays(year: number, options: HolidayOptions): Holiday[] {
  assertYear(year);
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: isoDate(year, 1, 1), code: "NEW_YEAR" },
    { date: addDays(easter, 1), code: "EASTER_MONDAY" },
    { date: kingsDay(year), code: "KINGS_DAY" },
    { date: addDays(easter, 39), code: "ASCENSION_DAY" },
    { date: addDays(easter, 50), code: "WHIT_MONDAY" },
    { date: isoDate(year, 12, 25), code: "CHRISTMAS_DAY" },
    { date: isoDate(year, 12, 26), code: "BOXING_DAY" },
  ];
  if (isLiberationDayClosed(year, options.liberationDayEveryYears)) {
    list.push({ date: isoDate(year, 5, 5), code: "LIBERATION_DAY" });
  }
  // Stable sort: on a shared date the order of HOLIDAY_CODES decides.
  return list.sort(
    (x, y) =>
      (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || HOLIDAY_CODES.indexOf(x.code) - HOLIDAY_CODES.indexOf(y.code),
  );
}

/** The holidays of every year that overlaps [from, to], limited to that range, sorted by date. */
export function dutchHolidaysBetween(from: IsoDate, to: IsoDate, options: HolidayOptions): Holiday[] {
  const first = yearOf(from);
  const last = yearOf(to);
  const out: Holiday[] = [];
  for (let y = first; y <= last; y++) {
    for (const h of dutchHolidays(y, options)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out;
}
