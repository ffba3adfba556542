"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/**
 * "Herladen" (seed 002 §5): fetches the newest planning from the server without a full page load.
 * The status line tells screen-reader users when the reload starts and when it is done.
 */
export function ReloadButton() {
  const t = useTranslations("Agenda");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [done, setDone] = useState(false);

  const reload = () => {
    setDone(false);
    startTransition(() => {
      router.refresh();
      // Committed together with the refreshed page, so "up to date" only shows once it is.
      setDone(true);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={reload} aria-describedby="agenda-reload-status">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className={isPending ? "size-5 animate-spin motion-reduce:animate-none" : "size-5"}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M20 11a8 8 0 1 0-2.3 5.7" />
          <path d="M20 4v7h-7" />
        </svg>
        {t("reload")}
      </Button>
      <p id="agenda-reload-status" role="status" className="text-sm text-muted">
        {isPending ? t("reloading") : done ? t("reloaded") : ""}
      </p>
    </div>
  );
}
