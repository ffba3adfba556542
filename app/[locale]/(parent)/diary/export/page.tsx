import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportForm } from "@/components/exports/export-form";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { listExportChildren, listExportRequests, type ExportRequestRow } from "@/lib/db/exports";
import { addDays } from "@/lib/domain/dates";
import { amsterdamIsoDate, formatDateTime, formatDay } from "@/lib/format/date";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: LocaleParams; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Export" });
  return { title: t("title") };
}

const STATE_TONE: Record<ExportRequestRow["state"], string> = {
  pending: "border-accent-700/30 bg-accent-50 text-accent-700",
  done: "border-brand-200 bg-brand-50 text-brand-900",
  expired: "border-line bg-canvas text-muted",
  failed: "border-danger-700/40 bg-danger-50 text-danger-700",
};

// "Dagboek downloaden" (domain.md; seed 003 "Bewaren Dagboek"): the parent chooses a child and a period
// (or all photos) and gets an e-mail with a link to a ZIP. Only their own children, and only while the
// diary is readable to them (up to OrganisationPolicy.downloadDaysAfterEnd days after the contract).
// ?child=<id> (the child page's link) preselects that child when it is one of them; any other id is
// ignored, as if absent. Below the form: the parent's own recent requests and how they stand.
export default async function ExportPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const [t, tTimeline, children, requests, query] = await Promise.all([
    getTranslations("Export"),
    getTranslations("Timeline"),
    listExportChildren(user),
    listExportRequests(user),
    searchParams,
  ]);
  const today = amsterdamIsoDate();
  const wanted = typeof query.child === "string" ? query.child : null;
  const preselected = children.find((c) => c.id === wanted)?.id;

  const describe = (r: ExportRequestRow) =>
    r.kind === "DIARY" && r.from && r.to
      ? t("requests.diaryOf", { name: r.childFirstName, from: formatDay(r.from, locale), to: formatDay(r.to, locale) })
      : t("requests.photosOf", { name: r.childFirstName });
  const status = (r: ExportRequestRow) =>
    r.state === "done" && r.expiresAt ? t("requests.status.done", { date: formatDateTime(r.expiresAt, locale) }) : t(`requests.status.${r.state}`);

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} before={<BackLink href="/">{tTimeline("backToTimeline")}</BackLink>} />
      {children.length === 0 ? (
        <p className="text-muted">{t("noChildren")}</p>
      ) : (
        <ExportForm
          childrenList={children.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))}
          defaultChildId={preselected}
          today={today}
          defaultFrom={addDays(today, -30)}
        />
      )}
      {requests.length > 0 ? (
        <Card className="mt-8 max-w-2xl">
          <CardTitle>{t("requests.heading")}</CardTitle>
          <ul className="mt-3 divide-y divide-line" data-export-requests>
            {requests.map((r) => (
              <li key={r.id} className="py-3 first:pt-0 last:pb-0" data-export-request={r.id} data-state={r.state}>
                <p className="font-medium">{describe(r)}</p>
                <p className="text-sm text-muted">{t("requests.requestedOn", { date: formatDateTime(r.createdAt, locale) })}</p>
                <p className={`mt-2 rounded-lg border px-3 py-2 text-sm ${STATE_TONE[r.state]}`} >
                  <span className="sr-only">{t("requests.statusLabel")}: </span>
                  {status(r)}
                </p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
