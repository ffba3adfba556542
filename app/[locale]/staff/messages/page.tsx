import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/auth/form-alert";
import { GroupTabs } from "@/components/messages/group-tabs";
import { ThreadList } from "@/components/messages/thread-list";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/guards";
import { countUnreadStaffThreadsByGroup, listStaffThreads } from "@/lib/db/messages";
import { getStaffGroups } from "@/lib/db/shell";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Search = { group?: string | string[]; before?: string | string[]; sent?: string | string[] };
type Props = { params: LocaleParams; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "StaffMessages" });
  return { title: t("title") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : null);

// The staff inbox per group: the threads of the groups the staff member works in (planners and admins
// too: only their own groups — messages are between a family and the group's team), newest activity
// first, with unread numbers per thread and per group. `?group=` narrows to one group; a group that is
// not theirs is a 404.
export default async function StaffMessagesPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireStaff(locale);
  const search = await searchParams;
  const groupId = one(search.group);
  const cursor = one(search.before);
  const [t, groups] = await Promise.all([getTranslations("StaffMessages"), getStaffGroups(user)]);
  if (groups.length === 0) {
    return (
      <>
        <PageHeader title={t("title")} description={t("intro")} />
        <EmptyState title={t("noGroups")} />
      </>
    );
  }
  const [page, unread] = await Promise.all([listStaffThreads(user, { groupId, cursor }), countUnreadStaffThreadsByGroup(user)]);
  if (!page) notFound();
  const sent = Number(one(search.sent) ?? "0");
  const query = (extra: Record<string, string>) => ({ ...(groupId ? { group: groupId } : {}), ...extra });
  const tList = await getTranslations("Messages");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <LinkButton href={{ pathname: "/staff/messages/new", query: query({}) }} variant="primary">
            {t("newMessage")}
          </LinkButton>
        }
      />
      {Number.isInteger(sent) && sent > 0 && sent < 10_000 ? (
        <div className="mb-4 max-w-3xl">
          <FormAlert tone="success" focusOnMount>
            {t("sentToGroup", { count: sent })}
          </FormAlert>
        </div>
      ) : null}
      {groups.length > 1 ? (
        <GroupTabs
          label={t("groupsLabel")}
          allLabel={t("allGroups")}
          groups={groups.map((g) => ({ id: g.id, name: g.name, unread: unread.get(g.id) ?? 0 }))}
          current={groupId}
        />
      ) : null}
      {page.threads.length === 0 && !cursor ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <ThreadList threads={page.threads} locale={locale} hrefBase="/staff/messages" showFamily label={tList("listLabel")} />
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        {cursor ? (
          <LinkButton href={{ pathname: "/staff/messages", query: query({}) }} variant="secondary">
            {tList("newest")}
          </LinkButton>
        ) : null}
        {page.nextCursor ? (
          <LinkButton href={{ pathname: "/staff/messages", query: query({ before: page.nextCursor }) }} variant="secondary">
            {tList("older")}
          </LinkButton>
        ) : null}
      </div>
    </>
  );
}
