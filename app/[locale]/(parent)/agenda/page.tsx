import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgendaActions } from "@/components/agenda/agenda-actions";
import { AgendaDays } from "@/components/agenda/agenda-days";
import { ChildFilter } from "@/components/agenda/child-filter";
import { ReloadButton } from "@/components/agenda/reload-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { AGENDA_MAX_WEEKS, AGENDA_WEEKS_STEP, getParentAgenda, parseAgendaWeeks } from "@/lib/db/agenda";
import { addDays, isWeekend } from "@/lib/domain/dates";
import { amsterdamIsoDate, formatDay } from "@/lib/format/date";
import { Link } from "@/lib/i18n/navigation";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: LocaleParams; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Agenda" });
  return { title: t("title") };
}

// The parent's agenda (seed 002 §5, §5.1): the children's scheduled days from today, a day opens with
// its details, "Herladen", and the actions to request a day, a swap day, report absence and the overview.
export default async function AgendaPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const query = await searchParams;
  const t = await getTranslations("Agenda");

  const weeks = parseAgendaWeeks(query.weeks);
  const childParam = typeof query.child === "string" ? query.child : null;
  const today = amsterdamIsoDate();
  const agenda = user.familyId
    ? await getParentAgenda(
        { organisationId: user.organisationId, familyId: user.familyId },
        { from: today, weeks, childId: childParam },
      )
    : null;

  const header = <PageHeader title={t("title")} description={t("intro")} actions={<ReloadButton />} />;
  if (!agenda || agenda.children.length === 0) {
    return (
      <>
        {header}
        <EmptyState title={t("noChildren")} />
      </>
    );
  }

  const weeksQuery = query.weeks === undefined ? null : String(weeks);
  const moreWeeks = Math.min(weeks + AGENDA_WEEKS_STEP, AGENDA_MAX_WEEKS);
  // Land on the first newly shown day: the first weekday after the range (weekdays are always listed).
  let firstNew = addDays(agenda.to, 1);
  while (isWeekend(firstNew)) firstNew = addDays(firstNew, 1);
  const moreQuery: Record<string, string> = { weeks: String(moreWeeks) };
  if (agenda.selectedChildId) moreQuery.child = agenda.selectedChildId;

  return (
    <>
      {header}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_17rem] lg:items-start">
        <div className="lg:col-start-2 lg:row-start-1">
          <AgendaActions />
        </div>
        <section aria-labelledby="agenda-days-heading" className="min-w-0 lg:col-start-1 lg:row-start-1">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3">
            <h2 id="agenda-days-heading" className="text-lg font-semibold">
              {t("daysHeading")}
            </h2>
            <p className="text-sm text-muted">
              {t("range", { from: formatDay(agenda.from, locale, "long"), to: formatDay(agenda.to, locale, "long") })}
            </p>
          </div>
          {agenda.children.length > 1 ? (
            <ChildFilter
              items={agenda.children}
              selectedChildId={agenda.selectedChildId}
              pathname="/agenda"
              keepQuery={weeksQuery ? { weeks: weeksQuery } : {}}
              label={t("filterLabel")}
              allLabel={t("allChildren")}
            />
          ) : null}
          <AgendaDays days={agenda.days} locale={locale} today={today} />
          <div className="mt-4">
            {weeks < AGENDA_MAX_WEEKS ? (
              <Link
                href={{ pathname: "/agenda", query: moreQuery, hash: `day-${firstNew}` }}
                className="inline-flex min-h-11 items-center rounded-lg border border-line bg-surface px-4 py-2 font-medium text-brand-700 hover:bg-brand-50"
              >
                {t("showMoreWeeks")}
              </Link>
            ) : (
              <p className="text-sm text-muted">{t("maxWeeksReached", { date: formatDay(agenda.to, locale, "long") })}</p>
            )}
          </div>
        </section>
      </div>
    </>
  );
}
