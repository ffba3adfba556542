import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/auth/form-alert";
import { MarkThreadRead } from "@/components/messages/mark-read";
import { ReplyForm } from "@/components/messages/reply-form";
import { ThreadView } from "@/components/messages/thread-view";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser, requireParent } from "@/lib/auth/guards";
import { getThread } from "@/lib/db/messages";
import { formatDateTime } from "@/lib/format/date";
import { readLocale } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string; threadId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const { threadId } = await params;
  // Metadata must not redirect or 404: the lookup is scoped, so another family's subject stays unnamed.
  const user = await getSessionUser();
  const thread = user?.role === "PARENT" ? await getThread(user, threadId) : null;
  if (!thread) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  return { title: thread.subject };
}

// One thread in full (seed 002 §4, seed 003 "Bericht lezen", "Reageren"): child, group, every message
// with author, date and time, and the reply box at the bottom. Another family's (or an unknown, or a
// malformed) thread id is a 404. Showing the thread marks it read up to the newest message shown.
export default async function ThreadPage({ params }: Props) {
  const locale = await readLocale(params);
  const { threadId } = await params;
  const user = await requireParent(locale);
  const thread = await getThread(user, threadId);
  if (!thread) notFound();
  const t = await getTranslations("Messages");
  const hasUnread = thread.messages.some((m) => m.unread);
  return (
    <>
      <PageHeader
        title={thread.subject}
        description={t("startedAt", { date: formatDateTime(thread.startedAt, locale) })}
        before={<BackLink href="/messages">{t("backToList")}</BackLink>}
      />
      <ThreadView thread={thread} locale={locale} />
      <div className="mt-6 flex max-w-3xl flex-col gap-3">
        {thread.canReply ? <ReplyForm threadId={thread.id} /> : <FormAlert tone="info">{t("closed")}</FormAlert>}
        <p className="text-sm text-muted">{t("noEdit")}</p>
      </div>
      {hasUnread && thread.newestAt ? <MarkThreadRead threadId={thread.id} seenUntil={thread.newestAt} /> : null}
    </>
  );
}
