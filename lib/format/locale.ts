// The BCP 47 tag used for Intl formatting per UI locale. English uses British conventions
// (day before month, 24-hour clock) because the audience lives in the Netherlands.
const INTL_LOCALES = { nl: "nl-NL", en: "en-GB" } as const;

export type UiLocale = keyof typeof INTL_LOCALES;

export function intlLocale(locale: string): string {
  return locale in INTL_LOCALES ? INTL_LOCALES[locale as UiLocale] : INTL_LOCALES.nl;
}
