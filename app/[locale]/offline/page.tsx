import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OfflineRetry } from "@/components/pwa/offline-retry";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";
import { routing } from "@/lib/i18n/routing";

type Props = { params: LocaleParams };

// The page the service worker shows when a page cannot be loaded without a network (scripts/build-sw.ts
// precaches /nl/offline and /en/offline). Static and without personal data: it is shown to whoever
// uses the device, and it is public (middleware.ts) so the worker can fetch it without a session.
export const dynamic = "force-static";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Pwa" });
  return { title: t("offline.title"), robots: { index: false } };
}

export default async function OfflinePage({ params }: Props) {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Pwa" });
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-6 py-16" data-testid="offline-page">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("offline.title")}</h1>
      <p className="text-ink">{t("offline.description")}</p>
      <p className="text-muted">{t("offline.hint")}</p>
      <OfflineRetry locale={locale} />
    </main>
  );
}
