import type { Metadata } from "next";
import Link from "next/link";
import { HydrationMarker } from "@/components/hydration-marker";

// Reached only for requests that never got a locale (the middleware prefixes every page path), e.g.
// a missing static file. No locale is known, so it says it in both languages.
export const metadata: Metadata = { title: "Pagina niet gevonden · Page not found" };

export default function GlobalNotFound() {
  return (
    <html lang="nl">
      <body className="min-h-dvh bg-canvas text-ink">
        <main id="main" className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
          <h1 className="text-2xl font-bold">Pagina niet gevonden</h1>
          <p lang="en" className="text-lg text-muted">
            Page not found
          </p>
          <p className="flex gap-4">
            <Link className="font-medium text-brand-700 underline" href="/nl">
              Naar de startpagina
            </Link>
            <Link lang="en" className="font-medium text-brand-700 underline" href="/en">
              Go to the home page
            </Link>
          </p>
        </main>
        <HydrationMarker />
      </body>
    </html>
  );
}
