// Calendar arithmetic and the app's own formats for the end-to-end tests, so that tests compute the
// dates they look for and the texts the app shows for them (lib/format) without importing app code.
import type { Locale } from "./support";

const TAGS: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/** Today in Amsterdam as "YYYY-MM-DD". */
export function amsterdamToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
export const isWeekend = (iso: string) => isoWeekday(iso) >= 6;

/** As formatDay(iso, locale, "weekday") renders it: "vrijdag 4 december 2026" / "Friday, 4 December 2026". */
export const weekdayDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(TAGS[locale], { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/** As formatDay(iso, locale, "long") renders it: "4 december 2026" / "4 December 2026". */
export const longDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(TAGS[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/** As formatHours renders minutes: 690 → "11,5" (nl) / "11.5" (en). */
export const hours = (minutes: number, locale: Locale) => new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 2 }).format(minutes / 60);

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
