import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SwapDayForm } from "@/components/requests/swap-day-form";
import type { SwapDayOption } from "@/components/requests/swap-day-model";
import { EmptyState } from "@/components/ui/empty-state";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { requestOptions, type RequestOptions } from "@/lib/db/requests/options";
import { addDays, clampMonth, endOfMonth } from "@/lib/domain/dates";
import { amsterdamIsoDate } from "@/lib/format/date";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: LocaleParams; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "SwapDay" });
  return { title: t("title") };
}

/** The plain per-child, per-date options the form needs (no prices or credits: a swap pays with care). */
function toSwapOptions(options: RequestOptions): SwapDayOption[] {
  return options.children.flatMap((child) =>
    child.days.map((day) => ({
      childId: child.id,
      date: day.date,
      blocked: day.blocked,
      scheduled: day.scheduled.map((s) => ({
        dayPartId: s.dayPartId,
        code: s.code,
        startMinute: s.startMinute,
        endMinute: s.endMinute,
        canGiveUp: s.canGiveUp,
        reason: s.reason,
      })),
      dayParts: day.dayParts.map((p) => ({
        dayPartId: p.dayPartId,
        code: p.code,
        groupName: p.groupName,
        startMinute: p.startMinute,
        endMinute: p.endMinute,
        alreadyScheduled: p.alreadyScheduled,
        pending: p.pending,
        absent: p.absent,
        closed: p.closed,
      })),
    })),
  );
}

// "Ruildag aanvragen" (seed 002 §5.3): the page loads, for the two months shown in the form's calendars
// (?giveUpMonth= for the care given up, ?targetMonth= for the wanted day), what each child of the family
// is scheduled for and could want (lib/db/requests/options.ts). The form stays mounted while the
// months change (the URL is replaced), so what was ticked survives.
export default async function SwapDayPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const t = await getTranslations("SwapDay");
  const ta = await getTranslations("Agenda");
  const query = await searchParams;

  const back = (
    <BackLink href="/agenda">{t("back")}</BackLink>
  );
  const header = <PageHeader title={t("title")} description={t("intro")} before={back} />;
  const empty = (
    <>
      {header}
      <EmptyState title={ta("noChildren")} />
    </>
  );
  if (!user.familyId) return empty;

  // The booking window comes with the options: a first call for tomorrow's month tells it.
  const loaded = new Map<string, RequestOptions>();
  const load = async (month: string) => {
    let options = loaded.get(month);
    if (!options) {
      options = await requestOptions(user, { from: month, to: endOfMonth(month) });
      loaded.set(month, options);
    }
    return options;
  };
  const tomorrow = addDays(amsterdamIsoDate(), 1);
  const first = await load(clampMonth(tomorrow, tomorrow, tomorrow));
  const { window } = first;
  const giveUpMonth = clampMonth(query.giveUpMonth, window.firstDate, window.lastDate);
  const targetMonth = clampMonth(query.targetMonth ?? query.giveUpMonth, window.firstDate, window.lastDate);
  const giveUp = await load(giveUpMonth);
  const target = await load(targetMonth);
  if (giveUp.children.length === 0) return empty;

  const children = giveUp.children.map((c) => ({ id: c.id, firstName: c.firstName }));
  const options = [...toSwapOptions(giveUp), ...(targetMonth === giveUpMonth ? [] : toSwapOptions(target))];

  return (
    <>
      {header}
      <p className="mb-6 max-w-3xl rounded-lg border border-line bg-canvas p-3 text-sm">{ta("contractNote")}</p>
      <SwapDayForm
        locale={locale}
        window={window}
        giveUpMonth={giveUpMonth}
        targetMonth={targetMonth}
        loadedMonths={[...new Set([giveUpMonth, targetMonth])]}
        childrenList={children}
        options={options}
      />
    </>
  );
}
