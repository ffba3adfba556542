import { notFound } from "next/navigation";

// Unknown paths under a locale render the translated app/[locale]/not-found.tsx instead of the
// global one (next-intl's App Router pattern).
export default function CatchAllPage(): never {
  notFound();
}
