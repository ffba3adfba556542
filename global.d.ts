import type { routing } from "@/lib/i18n/routing";
import type messages from "./messages/nl.json";

// Typed message keys and locales: `t("Nav.myChild")` is checked by the compiler, a typo fails tsc.
// Dutch is the source of truth; tests/unit/messages.test.ts keeps en.json's keys identical.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
