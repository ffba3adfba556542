import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Link } from "@/lib/i18n/navigation";

/** Chips that narrow "Mijn kind" to one child (`?child=`); plain links, so they work without JavaScript. */
export function TimelineFilter({
  items,
  selectedChildId,
}: {
  items: readonly { id: string; firstName: string }[];
  selectedChildId: string | null;
}) {
  const t = useTranslations("Timeline");
  const options = [{ id: null, label: t("allChildren") }, ...items.map((c) => ({ id: c.id, label: c.firstName }))];
  return (
    <nav aria-label={t("filterLabel")} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {options.map((option) => {
          const active = option.id === selectedChildId;
          return (
            <li key={option.id ?? "all"}>
              <Link
                href={option.id ? { pathname: "/", query: { child: option.id } } : "/"}
                aria-current={active ? "true" : undefined}
                scroll={false}
                className={cn(
                  "inline-flex min-h-11 items-center rounded-full border px-4 py-2 text-sm font-medium",
                  active ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-surface text-brand-800 hover:bg-brand-50",
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
