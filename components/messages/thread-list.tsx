import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { ThreadSummary } from "@/lib/db/messages";
import { formatDateTime } from "@/lib/format/date";
import { Link } from "@/lib/i18n/navigation";

/**
 * The "Berichten" overview (seed 002 §4, seed 003): newest activity first; per thread its subject, the
 * child and group it is about (staff: also the family), the last message's first line, date and time,
 * and how many messages are unread — in words, not only by colour.
 */
export function ThreadList({
  threads,
  locale,
  hrefBase,
  showFamily = false,
  label,
}: {
  threads: readonly ThreadSummary[];
  locale: string;
  /** "/messages" for parents, "/staff/messages" for staff. */
  hrefBase: string;
  showFamily?: boolean;
  label: string;
}) {
  const t = useTranslations("Messages");
  const tStaff = useTranslations("StaffMessages");
  return (
    <ol aria-label={label} className="flex max-w-3xl flex-col divide-y divide-line rounded-xl border border-line bg-surface shadow-sm">
      {threads.map((thread) => {
        const unread = thread.unread > 0;
        const about = [
          showFamily ? tStaff("family", { name: thread.familyName }) : null,
          thread.child ? thread.child.firstName : null,
          thread.group.name,
        ].filter(Boolean);
        const headingId = `thread-${thread.id}`;
        return (
          <li key={thread.id} className={cn("relative flex gap-3 p-4 hover:bg-brand-50/60", unread && "bg-brand-50/60")}>
            <span aria-hidden="true" className={cn("mt-2 size-2.5 shrink-0 rounded-full", unread ? "bg-accent-700" : "bg-transparent")} />
            <article aria-labelledby={headingId} className="flex min-w-0 flex-1 flex-col gap-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <h2 id={headingId} className={cn("min-w-0 text-base", unread ? "font-bold text-ink" : "font-semibold text-ink")}>
                  <Link
                    href={`${hrefBase}/${thread.id}`}
                    className="text-brand-800 underline-offset-4 after:absolute after:inset-0 hover:underline"
                  >
                    {thread.subject}
                  </Link>
                </h2>
                <time dateTime={thread.lastMessageAt} className="shrink-0 text-sm text-muted">
                  {formatDateTime(thread.lastMessageAt, locale)}
                </time>
              </div>
              <p className="text-sm text-muted">
                {about.join(" · ")}
                {thread.broadcast ? <> · {t("toWholeGroup")}</> : null}
              </p>
              {thread.lastMessage ? (
                <p className="truncate text-ink">
                  {t("previewBy", { name: thread.lastMessage.mine ? t("you") : thread.lastMessage.authorName, preview: thread.lastMessage.preview })}
                </p>
              ) : null}
              {unread ? (
                <p>
                  <span className="inline-flex rounded-full bg-accent-700 px-2 py-0.5 text-xs font-semibold text-white">
                    {t("unreadCount", { count: thread.unread })}
                  </span>
                </p>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
