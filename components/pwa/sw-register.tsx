"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { Workbox } from "workbox-window";
import { Button } from "@/components/ui/button";

/**
 * Registers the service worker (public/sw.js, built by scripts/build-sw.ts) in production builds, and
 * shows "Nieuwe versie beschikbaar — Herladen" when a new version of the worker is installed and
 * waiting: the button tells it to take over (Workbox's SKIP_WAITING message) and reloads once it does.
 * In development no worker runs (`next dev` serves changing code); one left over from a production run
 * on the same address is removed so it cannot serve stale files.
 */
export function ServiceWorkerRegistration() {
  const t = useTranslations("Pwa");
  const workbox = useRef<Workbox | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [reloading, setReloading] = useState(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (process.env.NODE_ENV !== "production") {
      void navigator.serviceWorker.getRegistrations().then((registrations) => registrations.forEach((r) => void r.unregister()));
      return;
    }
    let cancelled = false;
    void import("workbox-window").then(({ Workbox }) => {
      if (cancelled) return;
      const wb = new Workbox("/sw.js", { scope: "/" });
      wb.addEventListener("waiting", () => setWaiting(true));
      workbox.current = wb;
      wb.register().catch(() => undefined);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (!waiting) return null;
  return (
    <div
      role="status"
      className="fixed inset-x-0 top-0 z-50 flex justify-center px-4 pt-[max(0.75rem,env(safe-area-inset-top))]"
      data-testid="sw-update"
    >
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-surface px-4 py-2 shadow-lg">
        <p className="text-ink">{t("sw.updateAvailable")}</p>
        <Button
          disabled={reloading}
          aria-busy={reloading || undefined}
          onClick={() => {
            const wb = workbox.current;
            if (!wb) return;
            setReloading(true);
            wb.addEventListener("controlling", () => window.location.reload());
            wb.messageSkipWaiting();
          }}
        >
          {t("sw.reload")}
        </Button>
      </div>
    </div>
  );
}
