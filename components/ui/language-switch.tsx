"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing, type Locale } from "@/lib/i18n/routing";
import { cn } from "./cn";

/**
 * Switches between Dutch and English on the same page: same path, same query (a reset link's token
 * survives), only the locale prefix changes.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("LanguageSwitch");
  return (
    <nav aria-label={t("label")} className={className}>
      {/* useSearchParams needs a Suspense boundary; until it resolves the links keep the path only. */}
      <Suspense fallback={<LocaleLinks query={undefined} />}>
        <LocaleLinksWithQuery />
      </Suspense>
    </nav>
  );
}

function LocaleLinksWithQuery() {
  const searchParams = useSearchParams();
  const query = searchParams.size > 0 ? Object.fromEntries(searchParams.entries()) : undefined;
  return <LocaleLinks query={query} />;
}

function LocaleLinks({ query }: { query: Record<string, string> | undefined }) {
  const t = useTranslations("LanguageSwitch");
  const current = useLocale();
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {routing.locales.map((locale: Locale) => {
        const active = locale === current;
        return (
          <li key={locale}>
            <Link
              href={query ? { pathname, query } : pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={active ? "true" : undefined}
              className={cn(
                "inline-flex min-h-9 min-w-9 items-center justify-center rounded-md px-2 text-sm font-semibold uppercase",
                active ? "bg-brand-100 text-brand-900" : "text-brand-700 hover:bg-brand-50",
              )}
            >
              <span aria-hidden="true">{locale}</span>
              <span className="sr-only">{t(locale)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
