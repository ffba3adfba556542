import { cn } from "@/components/ui/cn";
import { Link } from "@/lib/i18n/navigation";

export interface ChildFilterOption {
  id: string;
  firstName: string;
}

/**
 * Chips that narrow a page to one child (`?child=`), keeping the page's other query parameters; plain
 * links, so they work without JavaScript. Used by the agenda and by "Mijn kind".
 */
export function ChildFilter({
  items,
  selectedChildId,
  pathname,
  keepQuery = {},
  label,
  allLabel,
  scroll,
}: {
  items: readonly ChildFilterOption[];
  selectedChildId: string | null;
  pathname: "/" | "/agenda";
  /** Parameters to keep on every chip, e.g. the agenda's `weeks`. */
  keepQuery?: Record<string, string>;
  /** The navigation's accessible name. */
  label: string;
  /** The chip for every child. */
  allLabel: string;
  scroll?: boolean;
}) {
  const options = [{ id: null, label: allLabel }, ...items.map((c) => ({ id: c.id, label: c.firstName }))];
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {options.map((option) => {
          const active = option.id === selectedChildId;
          const query = option.id ? { ...keepQuery, child: option.id } : keepQuery;
          return (
            <li key={option.id ?? "all"}>
              <Link
                href={Object.keys(query).length > 0 ? { pathname, query } : pathname}
                aria-current={active ? "true" : undefined}
                scroll={scroll}
                className={cn(
                  "inline-flex min-h-11 items-center rounded-full border px-4 py-2 text-sm font-medium",
                  active
                    ? "border-brand-700 bg-brand-700 text-white"
                    : "border-line bg-surface text-brand-800 hover:bg-brand-50",
                )}
              >
                {option.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
