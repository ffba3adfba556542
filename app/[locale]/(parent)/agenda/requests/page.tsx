import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RequestList } from "@/components/requests/request-list";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { listFamilyRequests, type OverviewRequestDto } from "@/lib/db/requests/overview";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: LocaleParams; searchParams: SearchParams };

/** "Meer laden" adds a page per click, up to this many pages in one view. */
const MAX_PAGES = 10;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Requests" });
  return { title: t("title") };
}

// "Aanvragenoverzicht" (seed 002 §5.5): every request and absence of the family, newest first. "Meer
// laden" follows the cursor one page further (?pages=n), so it works without JavaScript and keeps the
// pages already shown.
export default async function RequestsPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const t = await getTranslations("Requests");
  const query = await searchParams;
  const rawPages = Number(typeof query.pages === "string" ? query.pages : "1");
  const pages = Number.isInteger(rawPages) ? Math.min(Math.max(rawPages, 1), MAX_PAGES) : 1;

  const requests: OverviewRequestDto[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const page = await listFamilyRequests(user, { cursor });
    requests.push(...page.requests);
    cursor = page.nextCursor;
    if (!cursor) break;
  }

  const back = (
    <BackLink href="/agenda">{t("backToAgenda")}</BackLink>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} before={back} />
      {requests.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <>
          <RequestList requests={requests} locale={locale} />
          {cursor && pages < MAX_PAGES ? (
            <div className="mt-4">
              <LinkButton href={{ pathname: "/agenda/requests", query: { pages: String(pages + 1) } }} scroll={false}>
                {t("loadMore")}
              </LinkButton>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
