import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueueFilters } from "@/components/queue/queue-filters";
import { QueueList } from "@/components/queue/queue-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/guards";
import { getAssessmentQueue } from "@/lib/db/queue";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";
import { parseQueueFilters } from "@/lib/schemas/assess";

type Props = { params: LocaleParams; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Queue" });
  return { title: t("title") };
}

// The planner's queue (issue 3 item 7). STAFF see their own groups read-only; planners assess.
export default async function StaffRequestsPage({ params, searchParams }: Props) {
  await readLocale(params);
  const user = await requireStaff();
  const filters = parseQueueFilters(await searchParams);
  const [t, queue] = await Promise.all([getTranslations("Queue"), getAssessmentQueue(user, filters)]);
  const filtered = Boolean(filters.locationId || filters.groupId || filters.from || filters.to);

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-6">
        {queue.canAssess ? null : (
          <p className="rounded-lg border border-line bg-canvas p-3" data-testid="read-only-note">
            {t("readOnlyNote")}
          </p>
        )}
        <QueueFilters values={filters} locations={queue.options.locations} groups={queue.options.groups} />
        <p className="font-medium">{t("count", { count: queue.total })}</p>
        {queue.total === 0 ? <p className="text-muted">{filtered ? t("emptyFiltered") : t("empty")}</p> : null}
        <QueueList locations={queue.locations} canAssess={queue.canAssess} />
      </div>
    </>
  );
}
