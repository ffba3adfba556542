import "server-only";
import { createTranslator } from "next-intl";
import { routing, type Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

// The "Export" messages outside a request (the job runs without one): in the user's own language.
const MESSAGES: Record<Locale, typeof nl> = { nl, en };

export function exportTranslator(locale: string) {
  const l: Locale = (routing.locales as readonly string[]).includes(locale) ? (locale as Locale) : routing.defaultLocale;
  return { locale: l, t: createTranslator({ locale: l, messages: MESSAGES[l], namespace: "Export" }) };
}
