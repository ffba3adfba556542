import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

export interface QueueFilterValues {
  locationId?: string;
  groupId?: string;
  from?: string;
  to?: string;
}

const fieldClass = "mt-1 block min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 text-base";

/** A plain GET form: the filters live in the URL, so they work without JavaScript and can be shared. */
export function QueueFilters({
  values,
  locations,
  groups,
}: {
  values: QueueFilterValues;
  locations: { id: string; name: string }[];
  groups: { id: string; name: string; locationId: string }[];
}) {
  const t = useTranslations("Queue.filters");
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  return (
    <form method="get" aria-label={t("heading")} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="block text-sm font-medium">
          {t("location")}
          <select name="location" defaultValue={values.locationId ?? ""} className={fieldClass}>
            <option value="">{t("allLocations")}</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("group")}
          <select name="group" defaultValue={values.groupId ?? ""} className={fieldClass}>
            <option value="">{t("allGroups")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {locations.length > 1 ? `${g.name} (${locationName.get(g.locationId) ?? ""})` : g.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("from")}
          <input type="date" name="from" defaultValue={values.from ?? ""} className={fieldClass} />
        </label>
        <label className="block text-sm font-medium">
          {t("to")}
          <input type="date" name="to" defaultValue={values.to ?? ""} className={fieldClass} />
        </label>
      </div>
      <div className="mt-3 flex flex-wrap gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          {t("apply")}
        </button>
        <Link href="/staff/requests" className={buttonClasses("secondary")}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
