import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RequestDetails } from "@/components/requests/request-details";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { getFamilyRequest } from "@/lib/db/requests/overview";
import { Link } from "@/lib/i18n/navigation";
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
    <Link href="/agenda/requests" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
      {t("backToOverview")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("detailsTitle")} before={back} />
      <RequestDetails request={request} locale={locale} justCancelled={typeof cancelled === "string" ? cancelled : null} />
    </>
  );
}
