import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RequestDetails } from "@/components/requests/request-details";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { getFamilyRequest } from "@/lib/db/requests/overview";
import { readLocale } from "@/lib/i18n/params";

type Params = Promise<{ locale: string; requestId: string }>;
type Props = { params: Params; searchParams: Promise<{ cancelled?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Requests" });
  return { title: t("detailsTitle") };
}

// One request of the family (seed 002 §5.5): everything about it, and per child "Aanvraag annuleren"
// or the reason it cannot be cancelled. Another family's (or an unknown) id is a 404.
export default async function RequestDetailsPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const { requestId } = await params;
  const user = await requireParent(locale);
  const request = await getFamilyRequest(user, requestId);
  if (!request) notFound();
  const { cancelled } = await searchParams;
  const t = await getTranslations("Requests");
  const back = (
    <BackLink href="/agenda/requests">{t("backToOverview")}</BackLink>
  );
  return (
    <>
      <PageHeader title={t("detailsTitle")} before={back} />
      <RequestDetails request={request} locale={locale} justCancelled={typeof cancelled === "string" ? cancelled : null} />
    </>
  );
}
