import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Link } from "@/lib/i18n/navigation";

/** The staff inbox's group filter: "Alle groepen" and each group, with its number of unread threads. */
export function GroupTabs({
  label,
  allLabel,
  groups,
  current,
}: {
  label: string;
  allLabel: string;
  groups: readonly { id: string; name: string; unread: number }[];
  current: string | null;
}) {
  const t = useTranslations("Messages");
  const total = groups.reduce((sum, g) => sum + g.unread, 0);
  const tabs = [{ id: null, name: allLabel, unread: total }, ...groups];
  return (
    <nav aria-label={label} className="mb-4 max-w-3xl">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const active = tab.id === current;
          return (
            <li key={tab.id ?? "all"}>
              <Link
                href={tab.id ? { pathname: "/staff/messages", query: { group: tab.id } } : "/staff/messages"}
                aria-current={active ? "page" : undefined}
                aria-label={tab.unread > 0 ? `${tab.name}, ${t("navUnread", { count: tab.unread })}` : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center gap-2 rounded-full border px-4 py-1.5 font-medium",
                  active ? "border-brand-600 bg-brand-100 text-brand-900" : "border-line bg-surface text-ink hover:bg-brand-50",
                )}
              >
                <span>{tab.name}</span>
                {tab.unread > 0 ? (
                  <span aria-hidden="true" className="min-w-6 rounded-full bg-accent-700 px-1.5 text-center text-xs leading-6 font-semibold text-white">
                    {tab.unread > 99 ? "99+" : tab.unread}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
