import type { ComponentProps } from "react";
import { Link } from "@/lib/i18n/navigation";

/** The "Terug naar …" link above a page title (PageHeader's `before`), with a 44 px touch target. */
export function BackLink({ href, children }: { href: ComponentProps<typeof Link>["href"]; children: string }) {
  return (
    <Link href={href} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
      {children}
    </Link>
  );
}
