"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { clearPrivateCaches } from "@/lib/pwa/clear-caches";
import { Icon } from "./icons";

/** Ends the next-auth session and returns to the log-in page in the current language. */
export function LogoutButton() {
  const t = useTranslations("Nav");
  const locale = useLocale();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={buttonClasses("ghost", "sm")}
      disabled={pending}
      aria-busy={pending || undefined}
      title={t("logout")}
      onClick={async () => {
        setPending(true);
        try {
          // No redirect through next-auth: its callback URL is built from NEXTAUTH_URL, which may name
          // another host than the one in the address bar. A full page load also drops the client cache.
          // The service worker's cached photo thumbnails belong to this user: gone before the session is.
          await clearPrivateCaches();
          await signOut({ redirect: false });
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose
          window.location.assign(`/${locale}/login`);
        } catch {
          setPending(false);
        }
      }}
    >
      <Icon name="logout" className="size-5" />
      {/* On narrow phones only the icon shows; the text stays the button's accessible name. */}
      <span className="sr-only sm:not-sr-only">{pending ? t("loggingOut") : t("logout")}</span>
    </button>
  );
}
