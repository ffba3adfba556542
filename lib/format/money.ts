import { intlLocale } from "./locale";

// Money is stored as integer euro cents (prisma/schema.prisma); it becomes a string only here.
const cache = new Map<string, Intl.NumberFormat>();

/** Euro cents for display: 1250 → "€ 12,50" (nl) / "€12.50" (en). */
export function formatEuro(cents: number, locale: string): string {
  if (!Number.isInteger(cents)) throw new RangeError(`Euro amounts are whole cents: ${cents}`);
  const tag = intlLocale(locale);
  let f = cache.get(tag);
  if (!f) {
    f = new Intl.NumberFormat(tag, { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });
    cache.set(tag, f);
  }
  return f.format(cents / 100);
}

/** A duration in minutes as a number of hours for display: 390 → "6,5" (nl) / "6.5" (en). */
export function formatHours(minutes: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(minutes / 60);
}
