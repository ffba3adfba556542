import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffNewThreadForm } from "@/components/messages/staff-new-thread-form";
import { BackLink } from "@/components/ui/back-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/guards";
import { listStaffMessageGroups } from "@/lib/db/messages";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams; searchParams: Promise<{ group?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "StaffMessages.form" });
  return { title: t("title") };
}

// "Nieuw bericht" for staff: to one family or to all families of one of their groups.
export default async function StaffNewMessagePage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireStaff(locale);
  const [t, tInbox, tList, groups] = await Promise.all([
    getTranslations("StaffMessages.form"),
    getTranslations("StaffMessages"),
    getTranslations("Messages"),
    listStaffMessageGroups(user),
  ]);
  const { group } = await searchParams;
  const initial = groups.find((g) => g.id === group)?.id ?? null;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} before={<BackLink href="/staff/messages">{tInbox("backToInbox")}</BackLink>} />
      {groups.length === 0 ? (
        <EmptyState title={tInbox("noGroups")} />
      ) : (
        <>
          <StaffNewThreadForm groups={groups} initialGroupId={initial} />
          <p className="mt-5 max-w-2xl text-sm text-muted">{tList("noEdit")}</p>
        </>
      )}
    </>
  );
}
