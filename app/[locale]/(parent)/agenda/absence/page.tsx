import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AbsenceForm, type AbsenceFormChild, type AbsenceFormDay } from "@/components/requests/absence-form";
import { EmptyState } from "@/components/ui/empty-state";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { getParentAgenda } from "@/lib/db/agenda";
import { addDays, diffDays, isIsoDate } from "@/lib/domain/dates";
import { amsterdamIsoDate } from "@/lib/format/date";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";
import { MAX_ABSENCE_PERIOD_DAYS } from "@/lib/schemas/absence";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: LocaleParams; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Absence" });
  return { title: t("title") };
}

/** The period from the query (?from=&to=), clamped to today … today + horizon and at most the longest period. */
function readPeriod(query: Record<string, string | string[] | undefined>, today: string): { from: string; to: string } {
  const rawFrom = typeof query.from === "string" && isIsoDate(query.from) ? query.from : today;
  const from = rawFrom < today ? today : rawFrom;
  const rawTo = typeof query.to === "string" && isIsoDate(query.to) ? query.to : from;
  let to = rawTo < from ? from : rawTo;
  if (diffDays(from, to) + 1 > MAX_ABSENCE_PERIOD_DAYS) to = addDays(from, MAX_ABSENCE_PERIOD_DAYS - 1);
  return { from, to };
}

// "Afwezigheid doorgeven" (seed 002 §5.4): the form lists, for the period in the URL, the day parts each
// child is scheduled for (the agenda's own schedule); changing the dates reloads this page.
export default async function AbsencePage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const t = await getTranslations("Absence");
  const today = amsterdamIsoDate();
  const { from, to } = readPeriod(await searchParams, today);

  const back = (
    <BackLink href="/agenda">{t("back")}</BackLink>
  );
  const header = <PageHeader title={t("title")} description={t("intro")} before={back} />;

  const weeks = Math.ceil((diffDays(from, to) + 1) / 7);
  const agenda = user.familyId
    ? await getParentAgenda({ organisationId: user.organisationId, familyId: user.familyId }, { from, weeks })
    : null;
  if (!agenda || agenda.children.length === 0) {
    const ta = await getTranslations("Agenda");
    return (
      <>
        {header}
        <EmptyState title={ta("noChildren")} />
      </>
    );
  }

  const children: AbsenceFormChild[] = agenda.children.map((c) => ({ id: c.id, firstName: c.firstName }));
  const days: AbsenceFormDay[] = agenda.days
    .filter((d) => d.date >= from && d.date <= to)
    .map((d) => ({
      date: d.date,
      children: d.children.map((c) => ({
        childId: c.childId,
        dayParts: c.scheduled.map((s) => ({
          dayPartId: s.dayPartId,
          code: s.code,
          startMinute: s.startMinute,
          endMinute: s.endMinute,
          groupName: s.groupName,
          pendingSwapAway: s.pendingSwapAway,
        })),
      })),
    }));

  return (
    <>
      {header}
      <AbsenceForm locale={locale} today={today} from={from} to={to} childrenList={children} days={days} />
    </>
  );
}
