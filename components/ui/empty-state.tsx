import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A calm panel for "nothing here (yet)": an empty list, or a section that is not built yet. It states
 * plainly what is (not) there; it never shows made-up data.
 */
export function EmptyState({
  title,
  description,
  items,
  itemsLabel,
  headingLevel = "h2",
  className,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  /** What the section will offer, as a bulleted list. */
  items?: ReactNode[];
  itemsLabel?: ReactNode;
  headingLevel?: "h2" | "h3";
  className?: string;
  children?: ReactNode;
}) {
  const Heading = headingLevel;
  return (
    <section className={cn("rounded-xl border border-dashed border-brand-200 bg-brand-50 p-5 sm:p-6", className)}>
      <div className="flex items-start gap-3">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-0.5 size-6 shrink-0 text-brand-700" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v5l3 2" />
        </svg>
        <div className="min-w-0">
          <Heading className="text-lg font-semibold text-brand-900">{title}</Heading>
          {description ? <p className="mt-1 text-ink">{description}</p> : null}
          {items && items.length > 0 ? (
            <>
              {itemsLabel ? <p className="mt-3 font-medium text-ink">{itemsLabel}</p> : null}
              <ul className="mt-2 list-disc space-y-1 pl-5 text-ink marker:text-brand-600">
                {items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
          {children}
        </div>
      </div>
    </section>
  );
}
