import type { ReactNode } from "react";
import "./globals.css";

// The document (<html lang=…>) is rendered by app/[locale]/layout.tsx, which knows the locale. This
// root layout only exists because app/not-found.tsx needs one (next-intl's App Router setup).
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
