"use client";

import { useRef } from "react";
import { newIdempotencyKey } from "@/components/requests/hours";

/**
 * One client key per message the person writes: the same text sent again (a double click, a retry after
 * a lost answer) keeps its key, so the server writes it once; a changed text gets a new key.
 */
export function useClientKey() {
  const last = useRef<{ fingerprint: string; key: string } | null>(null);
  return {
    keyFor(values: unknown): string {
      const fingerprint = JSON.stringify(values);
      if (last.current?.fingerprint !== fingerprint) last.current = { fingerprint, key: newIdempotencyKey() };
      return last.current.key;
    },
    /** After a message was sent: the next one, even with the same text, is a new message. */
    forget() {
      last.current = null;
    },
  };
}
