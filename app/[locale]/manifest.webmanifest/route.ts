import { getTranslations } from "next-intl/server";
import { buildManifest } from "@/lib/pwa/manifest";
import { isLocale, routing } from "@/lib/i18n/routing";

// The web app manifest per language: /nl/manifest.webmanifest and /en/manifest.webmanifest, built at
// `next build` (static). Linked from app/[locale]/layout.tsx. The middleware leaves it alone (its
// matcher skips paths with a file extension), so browsers fetch it without a session or redirect.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response(null, { status: 404 });
  const t = await getTranslations({ locale, namespace: "Pwa.manifest" });
  const manifest = buildManifest(locale, {
    name: t("name"),
    shortName: t("shortName"),
    description: t("description"),
    agenda: t("agenda"),
    agendaDescription: t("agendaDescription"),
    messages: t("messages"),
    messagesDescription: t("messagesDescription"),
  });
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8" },
  });
}
