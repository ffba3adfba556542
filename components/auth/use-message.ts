"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/schemas/auth";

/**
 * Translates a message key that arrived as data (a zod error, an action's `code`); unknown keys become
 * the generic "errors.unexpected" rather than a raw key on screen.
 */
export function useMessageKey() {
  const t = useTranslations();
  return useCallback(
    (key: string | undefined | null): string => {
      const values = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };
      const k = key as Parameters<typeof t>[0];
      return key && t.has(k) ? (t as (k: string, v: typeof values) => string)(key, values) : t("errors.unexpected");
    },
    [t],
  );
}
