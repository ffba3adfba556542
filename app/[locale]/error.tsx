"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";

// Unexpected errors (expected failures are values returned by actions, see house-style.md). The
// message of a server error is never shown: production only forwards a digest for the logs.
export default function LocaleError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("Error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-6 py-16">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="text-muted">{t("description")}</p>
      {digest ? <p className="font-mono text-xs text-muted">{digest}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => retry()}>
          {t("retry")}
        </Button>
        <LinkButton href="/">{t("home")}</LinkButton>
      </div>
    </main>
  );
}
