import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Link } from "@/lib/i18n/navigation";

export interface ChildFilterOption {
  id: string;
  firstName: string;
}

/** Links that narrow the agenda to one child (`?child=`), keeping the number of weeks shown. */
export function ChildFilter({
  items,
  selectedChildId,
  weeksQuery,
}: {
  items: readonly ChildFilterOption[];
  selectedChildId: string | null;
  /** The `weeks` parameter to keep, or null for the default. */
  weeksQuery: string | null;
}) {
  const t = useTranslations("Agenda");
  const options = [{ id: null, label: t("allChildren") }, ...items.map((c) => ({ id: c.id, label: c.firstName }))];
  return (
    <nav aria-label={t("filterLabel")} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {options.map((option) => {
          const active = option.id === selectedChildId;
          const query: Record<string, string> = {};
          if (option.id) query.child = option.id;
          if (weeksQuery) query.weeks = weeksQuery;
          return (
            <li key={option.id ?? "all"}>
              <Link
                href={{ pathname: "/agenda", query }}
                aria-current={active ? "true" : undefined}
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
