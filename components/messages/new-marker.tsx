"use client";

import { useState } from "react";

/**
 * "Nieuw" on a message that was unread when the thread was opened. Opening the thread marks it read and
 * refreshes the page (the menu's number follows); the marker keeps what was new for this visit.
 */
export function NewMarker({ unread, label }: { unread: boolean; label: string }) {
  const [shown] = useState(unread);
  if (!shown) return null;
  return <span className="rounded-full bg-accent-700 px-2 py-0.5 text-xs font-semibold text-white">{label}</span>;
}
