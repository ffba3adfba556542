"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** Reloads the page the user wanted; on /<locale>/offline itself (opened directly) goes to the start page. */
function retry(locale: string) {
  // Full page loads on purpose: the service worker decides per page load between network and offline page.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
  if (/\/offline\/?$/.test(window.location.pathname)) window.location.assign(`/${locale}`);
  else window.location.reload();
}

/**
 * "Opnieuw proberen" on the offline page. The service worker shows that page in place of the page that
 * failed, so the address bar still holds the wanted URL. It also retries by itself once the browser is
 * back online.
 */
export function OfflineRetry({ locale }: { locale: string }) {
  const t = useTranslations("Pwa");
  useEffect(() => {
    const onOnline = () => retry(locale);
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [locale]);
  return (
    <div>
      <Button onClick={() => retry(locale)}>{t("offline.retry")}</Button>
    </div>
  );
}
