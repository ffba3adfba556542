import { defineRouting } from "next-intl/routing";

// Every URL carries its locale (/nl/…, /en/…); Dutch is the default. A visitor to "/" is sent to the
// locale their browser prefers (Accept-Language, then the NEXT_LOCALE cookie set on switching).
export const routing = defineRouting({
  locales: ["nl", "en"],
  defaultLocale: "nl",
  localePrefix: "always",
  localeDetection: true,
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (routing.locales as readonly string[]).includes(value);
}
