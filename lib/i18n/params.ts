import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "./routing";

export type LocaleParams = Promise<{ locale: string }>;

/**
 * Reads and validates the [locale] segment in a page or layout, and enables next-intl for this request.
 * Unknown locales are a 404 (the [locale] layout already guarantees this; the check narrows the type).
 */
export async function readLocale(params: LocaleParams): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
