import type { Metadata, Viewport } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { HydrationMarker } from "@/components/hydration-marker";
import { ServiceWorkerRegistration } from "@/components/pwa/sw-register";
import { routing } from "@/lib/i18n/routing";
import { pwaIconUrl } from "@/lib/pwa/icons";
import { manifestUrl } from "@/lib/pwa/manifest";
import { PWA_THEME_COLOR } from "@/lib/pwa/theme";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "App" });
  return {
    title: { template: `%s · ${t("name")}`, default: t("name") },
    description: t("description"),
    applicationName: t("name"),
    // Installable app (lib/pwa): the manifest in this language, and for iOS, which ignores most of the
    // manifest, a home screen icon, title and status bar. "default" keeps the status bar above the page,
    // so the top of the shell is never under it.
    manifest: manifestUrl(locale),
    // Setting `icons` replaces the link Next makes for app/icon.svg, so the favicon is listed here too.
    icons: {
      icon: [
        { url: "/icon.svg", type: "image/svg+xml", sizes: "any" },
        { url: pwaIconUrl("icon-192.png"), type: "image/png", sizes: "192x192" },
      ],
      apple: [{ url: pwaIconUrl("apple-touch-icon.png"), sizes: "180x180", type: "image/png" }],
    },
    appleWebApp: { capable: true, title: t("name"), statusBarStyle: "default" },
  };
}

export const viewport: Viewport = {
  themeColor: PWA_THEME_COLOR,
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
};

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-canvas font-sans text-ink">
        {/* In next-intl 4 the provider inherits locale, messages, time zone and formats from the request. */}
        <NextIntlClientProvider>
          {children}
          <ServiceWorkerRegistration />
          <HydrationMarker />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
