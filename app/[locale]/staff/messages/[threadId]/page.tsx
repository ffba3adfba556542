import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MarkThreadRead } from "@/components/messages/mark-read";
import { ReplyForm } from "@/components/messages/reply-form";
import { ThreadView } from "@/components/messages/thread-view";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { isStaffRole } from "@/lib/auth/access";
import { getSessionUser, requireStaff } from "@/lib/auth/guards";
import { getThread } from "@/lib/db/messages";
import { formatDateTime } from "@/lib/format/date";
import { readLocale } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string; threadId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const { threadId } = await params;
  const user = await getSessionUser();
  const thread = user && isStaffRole(user.role) ? await getThread(user, threadId) : null;
  if (!thread) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  return { title: thread.subject };
}

// One thread for the staff of its group: family, child, group, the whole exchange and the reply box.
// A thread of another group (or an unknown or malformed id) is a 404.
export default async function StaffThreadPage({ params }: Props) {
  const locale = await readLocale(params);
  const { threadId } = await params;
  const user = await requireStaff(locale);
  const thread = await getThread(user, threadId);
  if (!thread) notFound();
  const [t, tInbox] = await Promise.all([getTranslations("Messages"), getTranslations("StaffMessages")]);
  const hasUnread = thread.messages.some((m) => m.unread);
  return (
    <>
      <PageHeader
        title={thread.subject}
        description={t("startedAt", { date: formatDateTime(thread.startedAt, locale) })}
        before={<BackLink href={{ pathname: "/staff/messages", query: { group: thread.group.id } }}>{tInbox("backToInbox")}</BackLink>}
      />
      <ThreadView thread={thread} locale={locale} showFamily />
      <div className="mt-6 flex max-w-3xl flex-col gap-3">
        <ReplyForm threadId={thread.id} />
        <p className="text-sm text-muted">{t("noEdit")}</p>
      </div>
      {hasUnread && thread.newestAt ? <MarkThreadRead threadId={thread.id} seenUntil={thread.newestAt} /> : null}
    </>
  );
}
