// Quiet hours ("niet storen"): a daily period in which no e-mail or push goes out; what happens in it
// is delivered when it ends. Times are minutes since local midnight in Europe/Amsterdam (22:00 = 1320),
// whatever the server's zone. start > end spans midnight (22:00–07:00); start = end is not a period.
//
// The end of a quiet period is a wall-clock time, so its instant depends on daylight saving: on the
// last Sunday of March the night is an hour shorter, on the last Sunday of October an hour longer.
// Wall times that do not exist (02:30 in March) end at the first moment after the gap (03:00 CEST);
// wall times that occur twice (02:30 in October) end at the first occurrence after `now`.

import { amsterdamWallClock } from "@/lib/format/date";

export interface QuietHours {
  /** Minutes since local midnight, 0–1439. */
  start: number;
  /** Minutes since local midnight, 0–1439; before `start` when the period spans midnight. */
  end: number;
}

export const MINUTES_PER_DAY = 24 * 60;
/** The settings page offers times in steps of a quarter of an hour. */
export const QUIET_HOURS_STEP = 15;
/** What the settings page proposes when quiet hours are switched on. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: 22 * 60, end: 7 * 60 };

const MS_PER_MINUTE = 60_000;

export type QuietHoursProblem = "notMinuteOfDay" | "notOnStep" | "empty";

/**
 * Why `quiet` is not a valid setting, or null when it is: both times whole minutes of the day, on the
 * quarter-hour steps the page offers, and not the same (a period of zero or 24 hours is not quiet hours).
 */
export function quietHoursProblem(quiet: QuietHours, step: number = QUIET_HOURS_STEP): QuietHoursProblem | null {
  for (const m of [quiet.start, quiet.end]) {
    if (!Number.isInteger(m) || m < 0 || m >= MINUTES_PER_DAY) return "notMinuteOfDay";
  }
  if (quiet.start % step !== 0 || quiet.end % step !== 0) return "notOnStep";
  if (quiet.start === quiet.end) return "empty";
  return null;
}

export function isValidQuietHours(quiet: QuietHours, step: number = QUIET_HOURS_STEP): boolean {
  return quietHoursProblem(quiet, step) === null;
}

/** Stored columns (both null = none) → a setting; anything half-set or invalid counts as none. */
export function quietHoursFromColumns(start: number | null | undefined, end: number | null | undefined): QuietHours | null {
  if (start == null || end == null) return null;
  const quiet = { start, end };
  // Stored values are validated on save; a stray value from elsewhere must not block deliveries.
  return quietHoursProblem(quiet, 1) === null ? quiet : null;
}

/** All the times of day the page offers, 00:00 … 23:45. */
export function quietHoursOptions(step: number = QUIET_HOURS_STEP): number[] {
  const out: number[] = [];
  for (let m = 0; m < MINUTES_PER_DAY; m += step) out.push(m);
  return out;
}

// ─── Wall clock in Europe/Amsterdam ─────────────────────────────────────────

interface WallTime {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight. */
  minute: number;
  second: number;
}

function wallTime(instant: Date): WallTime {
  const w = amsterdamWallClock(instant);
  return { year: Number(w.year), month: Number(w.month), day: Number(w.day), minute: Number(w.hour) * 60 + Number(w.minute), second: Number(w.second) };
}

/** UTC offset (ms) of Amsterdam at `ms`: the wall clock read as if it were UTC, minus the instant. */
function offsetAt(ms: number): number {
  const w = wallTime(new Date(ms));
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, 0, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Minutes since local midnight in Amsterdam at `instant` (seconds dropped). */
export function localMinuteOfDay(instant: Date): number {
  return wallTime(instant).minute;
}

/**
 * The instants at which Amsterdam's wall clock shows `minute` on the local day (year, month, day):
 * one on an ordinary day, two in the hour repeated in October, none in the hour skipped in March.
 */
function instantsOfWallTime(year: number, month: number, day: number, minute: number): number[] {
  const asUtc = Date.UTC(year, month - 1, day, 0, minute);
  const offsets = new Set([offsetAt(asUtc - 12 * 3_600_000), offsetAt(asUtc + 12 * 3_600_000)]);
  const out: number[] = [];
  for (const offset of offsets) {
    const ms = asUtc - offset;
    const w = wallTime(new Date(ms));
    if (w.year === year && w.month === month && w.day === day && w.minute === minute) out.push(ms);
  }
  return out.sort((a, b) => a - b);
}

/**
 * The first instant at which the wall clock on local day (year, month, day) reads `minute` or later:
 * the wall time itself, or — when it falls in the hour skipped in March — the end of that gap.
 */
function firstInstantAtOrAfterWallTime(year: number, month: number, day: number, minute: number): number[] {
  const exact = instantsOfWallTime(year, month, day, minute);
  if (exact.length > 0) return exact;
  // In the gap: the clock jumps from before `minute` to after it. Reading the wall time with the offsets
  // before and after the jump brackets the jump; search it to the minute.
  const asUtc = Date.UTC(year, month - 1, day, 0, minute);
  let lo = asUtc - offsetAt(asUtc + 12 * 3_600_000); // still before the jump
  let hi = asUtc - offsetAt(asUtc - 12 * 3_600_000); // already after it
  while (hi - lo > MS_PER_MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    const w = wallTime(new Date(mid));
    const reached = w.year > year || w.month > month || w.day > day || w.minute >= minute;
    if (reached) hi = mid;
    else lo = mid;
  }
  return [hi];
}

/** The local calendar day `days` after (year, month, day). */
function addLocalDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function inPeriod(minute: number, quiet: QuietHours): boolean {
  return quiet.start < quiet.end
    ? minute >= quiet.start && minute < quiet.end
    : minute >= quiet.start || minute < quiet.end;
}

/** True when `now` lies in the quiet period (start inclusive, end exclusive) on Amsterdam's wall clock. */
export function isQuiet(now: Date, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  return inPeriod(localMinuteOfDay(now), quiet);
}

/**
 * When a notification created at `now` may go out: `now` itself outside quiet hours, otherwise the
 * instant the quiet period ends (its end time on Amsterdam's wall clock, DST-correct).
 */
export function nextAllowedMoment(now: Date, quiet: QuietHours | null): Date {
  if (!isQuiet(now, quiet)) return now;
  const q = quiet!;
  const w = wallTime(now);
  // The end lies today or tomorrow (local days); the first end instant after `now` is the one.
  for (const offset of [0, 1, 2]) {
    const d = addLocalDays(w.year, w.month, w.day, offset);
    for (const ms of firstInstantAtOrAfterWallTime(d.year, d.month, d.day, q.end)) {
      if (ms > now.getTime()) return new Date(ms);
    }
  }
  // Unreachable for a valid period (its end comes within a day); never hold a notification forever.
  return now;
}
