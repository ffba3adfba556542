import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExtraDayForm } from "@/components/requests/extra-day-form";
import { EmptyState } from "@/components/ui/empty-state";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { requestOptions } from "@/lib/db/requests/options";
import { addDays, clampMonth, endOfMonth } from "@/lib/domain/dates";
import { amsterdamIsoDate } from "@/lib/format/date";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: LocaleParams; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "ExtraDay" });
  return { title: t("title") };
}

// "Dag aanvragen" (seed 002 §5.2): the page loads, for the month shown in the calendar, what each child
// of the family can request per date (lib/db/requests/options.ts); the form keeps the bookings added
// so far while the parent moves through the months (the URL changes, the form stays mounted).
export default async function RequestDayPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const t = await getTranslations("ExtraDay");
  const query = await searchParams;

  const back = (
    <BackLink href="/agenda">{t("back")}</BackLink>
  );
  const header = <PageHeader title={t("title")} description={t("intro")} before={back} />;
  if (!user.familyId) {
    const ta = await getTranslations("Agenda");
    return (
      <>
        {header}
        <EmptyState title={ta("noChildren")} />
      </>
    );
  }

  // The booking window comes with the options: ask for the wanted month (not before tomorrow's), and
  // once more for the window's last month when the wanted one lies beyond it.
  const tomorrow = addDays(amsterdamIsoDate(), 1);
  let month = clampMonth(query.month, tomorrow, addDays(tomorrow, 3 * 366));
  let options = await requestOptions(user, { from: month, to: endOfMonth(month) });
  const inWindow = clampMonth(month, options.window.firstDate, options.window.lastDate);
  if (inWindow !== month) {
    month = inWindow;
    options = await requestOptions(user, { from: month, to: endOfMonth(month) });
  }

  if (options.children.length === 0) {
    const ta = await getTranslations("Agenda");
    return (
      <>
        {header}
        <EmptyState title={ta("noChildren")} />
      </>
    );
  }

  return (
    <>
      {header}
      <ExtraDayForm locale={locale} month={month} window={options.window} childrenOptions={options.children} />
    </>
  );
}
