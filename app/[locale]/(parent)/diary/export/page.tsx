import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportForm } from "@/components/exports/export-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { listExportChildren } from "@/lib/db/exports";
import { addDays } from "@/lib/domain/dates";
import { amsterdamIsoDate } from "@/lib/format/date";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Export" });
  return { title: t("title") };
}

// "Dagboek downloaden" (domain.md; seed 003 "Bewaren Dagboek"): the parent chooses a child and a period
// (or all photos) and gets an e-mail with a link to a ZIP. Only their own children, and only while the
// diary is readable to them (up to OrganisationPolicy.downloadDaysAfterEnd days after the contract).
export default async function ExportPage({ params }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const [t, tTimeline, children] = await Promise.all([getTranslations("Export"), getTranslations("Timeline"), listExportChildren(user)]);
  const today = amsterdamIsoDate();
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} before={<BackLink href="/">{tTimeline("backToTimeline")}</BackLink>} />
      {children.length === 0 ? (
        <p className="text-muted">{t("noChildren")}</p>
      ) : (
        <ExportForm
          childrenList={children.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))}
          today={today}
          defaultFrom={addDays(today, -30)}
        />
      )}
    </>
  );
}
