import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ThreadList } from "@/components/messages/thread-list";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { listFamilyThreads } from "@/lib/db/messages";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams; searchParams: Promise<{ before?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Messages" });
  return { title: t("title") };
}

// "Berichten" (seed 002 §4, seed 003): the family's threads with the staff, newest activity first, and
// "Bericht schrijven". Both guardians see the same threads; unread is per person.
export default async function MessagesPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const { before } = await searchParams;
  const cursor = typeof before === "string" ? before : null;
  const [t, page] = await Promise.all([getTranslations("Messages"), listFamilyThreads(user, { cursor })]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <LinkButton href="/messages/new" variant="primary">
            {t("write")}
          </LinkButton>
        }
      />
      {page.threads.length === 0 && !cursor ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <ThreadList threads={page.threads} locale={locale} hrefBase="/messages" label={t("listLabel")} />
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        {cursor ? (
          <LinkButton href="/messages" variant="secondary">
            {t("newest")}
          </LinkButton>
        ) : null}
        {page.nextCursor ? (
          <LinkButton href={{ pathname: "/messages", query: { before: page.nextCursor } }} variant="secondary">
            {t("older")}
          </LinkButton>
        ) : null}
      </div>
    </>
  );
}
