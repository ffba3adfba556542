import { intlLocale } from "./locale";
import { APP_TIME_ZONE } from "./time-zone";

// Two kinds of time values, never mixed:
// - calendar days ("2025-04-27"): Postgres `date` columns, which Prisma hands over as a Date at UTC
//   midnight. They are formatted in UTC so that the day never shifts.
// - instants (createdAt, sent at): formatted in Europe/Amsterdam.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as "YYYY-MM-DD", from a `@db.Date` value (UTC midnight). */
export function toIsoDate(day: Date): string {
  if (Number.isNaN(day.getTime())) throw new RangeError("Invalid date");
  return day.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → Date at UTC midnight, the shape Prisma expects for `@db.Date`. Throws on nonsense. */
export function parseIsoDate(value: string): Date {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`Not an ISO date: ${value}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${value}`);
  }
  return date;
}

const partsFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: APP_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Amsterdam at the given instant, as "YYYY-MM-DD". */
export function amsterdamIsoDate(instant: Date = new Date()): string {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today in Amsterdam as a `@db.Date`-shaped value, for comparing with placement periods and the like. */
export function amsterdamToday(now: Date = new Date()): Date {
  return parseIsoDate(amsterdamIsoDate(now));
}

const wallClockFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: APP_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

export interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** "+01:00" or "+02:00". */
  offset: string;
}

/** The Amsterdam wall clock of an instant, as zero-padded parts and its UTC offset. */
export function amsterdamWallClock(instant: Date): WallClock {
  const p = Object.fromEntries(wallClockFormatter.formatToParts(instant).map((x) => [x.type, x.value]));
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(p.timeZoneName ?? "")?.[1] ?? "+00:00";
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second!, offset };
}

export type DayStyle = "long" | "medium" | "short" | "weekday";

const DAY_OPTIONS: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  long: { day: "numeric", month: "long", year: "numeric" },
  medium: { day: "numeric", month: "short", year: "numeric" },
  short: { day: "2-digit", month: "2-digit", year: "numeric" },
  weekday: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
};

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${intlLocale(locale)}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), options);
    cache.set(id, f);
  }
  return f;
}

/** A calendar day ("YYYY-MM-DD" or a `@db.Date` value) for display: "27 april 2025" / "27 April 2025". */
export function formatDay(day: string | Date, locale: string, style: DayStyle = "long"): string {
  const date = typeof day === "string" ? parseIsoDate(day) : day;
  return formatter(locale, `day-${style}`, { ...DAY_OPTIONS[style], timeZone: "UTC" }).format(date);
}

/** Wall-clock time of an instant in Amsterdam: "14:05". */
export function formatTime(instant: Date | string, locale: string): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  return formatter(locale, "time", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: APP_TIME_ZONE }).format(
    date,
  );
}

/** Date and time of an instant in Amsterdam: "27 april 2025 14:05". */
export function formatDateTime(instant: Date | string, locale: string): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  return `${formatDay(amsterdamIsoDate(date), locale, "long")} ${formatTime(date, locale)}`;
}

/** Minutes since local midnight (how day parts store times) as "07:00"; 1440 is shown as "24:00". */
export function formatMinuteOfDay(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60) {
    throw new RangeError(`Not a minute of the day: ${minutes}`);
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** A day part's span: "07:00–13:00". */
export function formatMinuteRange(start: number, end: number): string {
  return `${formatMinuteOfDay(start)}–${formatMinuteOfDay(end)}`;
}
