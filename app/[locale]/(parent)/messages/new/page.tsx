import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewThreadForm } from "@/components/messages/new-thread-form";
import { BackLink } from "@/components/ui/back-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { listParentMessageChildren } from "@/lib/db/messages";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams; searchParams: Promise<{ child?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Messages.form" });
  return { title: t("title") };
}

// "Bericht schrijven" (seed 002 §4): about a child of the family placed in a group today, to the staff
// of that group. `?child=` preselects a child (from a child's page).
export default async function NewMessagePage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const [t, tList, children] = await Promise.all([getTranslations("Messages.form"), getTranslations("Messages"), listParentMessageChildren(user)]);
  const { child } = await searchParams;
  const initial = children.find((c) => c.id === child)?.id ?? null;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} before={<BackLink href="/messages">{tList("backToList")}</BackLink>} />
      {children.length === 0 ? (
        <EmptyState title={t("noChildren")} />
      ) : (
        <>
          <NewThreadForm childrenList={children} initialChildId={initial} />
          <p className="mt-5 max-w-2xl text-sm text-muted">{tList("noEdit")}</p>
        </>
      )}
    </>
  );
}
