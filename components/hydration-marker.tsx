"use client";

import { useEffect } from "react";

/**
 * Marks the document as hydrated (`<html data-hydrated>`) once React has taken over the page. Until then
 * buttons and links are the server's plain HTML, and Next's router is still settling the history entry
 * (its `replaceState`, which WebDriver BiDi reports as a navigation). The e2e tests wait for the mark
 * before they judge or drive a page (e2e/support.ts).
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
