import type { MetadataRoute } from "next";
import type { Locale } from "@/lib/i18n/routing";
import { PWA_ICONS, pwaIconUrl } from "./icons";
import { PWA_BACKGROUND_COLOR, PWA_THEME_COLOR } from "./theme";

/** The translated texts of the manifest (messages namespace "Pwa", keys manifest.*). */
export type ManifestTexts = {
  name: string;
  shortName: string;
  description: string;
  agenda: string;
  agendaDescription: string;
  messages: string;
  messagesDescription: string;
};

/**
 * One identity for the app in every language: the id does not depend on the locale, so installing
 * from /nl or /en is the same app, and its start URL and texts follow the language of the page the
 * browser last read the manifest from (/<locale>/manifest.webmanifest). The scope is the whole origin
 * because every page lives under /<locale>/ and a language switch must stay inside the app.
 */
export const PWA_ID = "/";

export function manifestUrl(locale: Locale): string {
  return `/${locale}/manifest.webmanifest`;
}

export function buildManifest(locale: Locale, text: ManifestTexts): MetadataRoute.Manifest {
  return {
    id: PWA_ID,
    name: text.name,
    short_name: text.shortName,
    description: text.description,
    lang: locale,
    dir: "ltr",
    start_url: `/${locale}`,
    scope: "/",
    display: "standalone",
    theme_color: PWA_THEME_COLOR,
    background_color: PWA_BACKGROUND_COLOR,
    categories: ["education", "lifestyle"],
    icons: PWA_ICONS.filter((icon) => icon.kind === "any" || icon.kind === "maskable").map((icon) => ({
      src: pwaIconUrl(icon.file),
      sizes: `${icon.size}x${icon.size}`,
      type: "image/png",
      purpose: icon.kind,
    })),
    shortcuts: [
      { name: text.agenda, description: text.agendaDescription, url: `/${locale}/agenda` },
      { name: text.messages, description: text.messagesDescription, url: `/${locale}/messages` },
    ].map((shortcut) => ({
      ...shortcut,
      icons: [{ src: pwaIconUrl("icon-192.png"), sizes: "192x192", type: "image/png" }],
    })),
  };
}
