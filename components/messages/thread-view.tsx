import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { ThreadDetail } from "@/lib/db/messages";
import { formatDateTime } from "@/lib/format/date";
import { NewMarker } from "./new-marker";

/**
 * The whole exchange of a thread (seed 002 §4: "De hele berichtuitwisseling wordt dan getoond. Het is
 * direct duidelijk over welk kind en/of welke groep het bericht gaat, en op welke datum en tijdstip"):
 * who it is about, then every message oldest first with author, side, date and time. The text is shown
 * as written (plain text, line breaks kept); messages not read before this visit are marked "Nieuw".
 */
export function ThreadView({ thread, locale, showFamily = false }: { thread: ThreadDetail; locale: string; showFamily?: boolean }) {
  const t = useTranslations("Messages");
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-xl border border-line bg-surface p-4 text-sm shadow-sm">
        {showFamily ? (
          <>
            <dt className="text-muted">{t("familyLabel")}</dt>
            <dd className="font-medium">{thread.familyName}</dd>
          </>
        ) : null}
        {thread.child ? (
          <>
            <dt className="text-muted">{t("childLabel")}</dt>
            <dd className="font-medium">
              {thread.child.firstName} {thread.child.lastName}
            </dd>
          </>
        ) : null}
        <dt className="text-muted">{t("groupLabel")}</dt>
        <dd className="font-medium">
          {thread.group.name}
          {thread.broadcast ? <span className="font-normal text-muted"> · {t("toWholeGroup")}</span> : null}
        </dd>
      </dl>

      <section aria-labelledby="thread-conversation">
        <h2 id="thread-conversation" className="sr-only">
          {t("conversation")}
        </h2>
        <ol className="flex flex-col gap-3">
          {thread.messages.map((m) => (
            <li key={m.id} className={cn("flex", m.author.mine ? "justify-end" : "justify-start")}>
              <article
                aria-labelledby={`message-${m.id}-author`}
                className={cn(
                  "w-full max-w-[38rem] rounded-xl border p-4 shadow-sm sm:w-[85%]",
                  m.author.mine ? "border-brand-200 bg-brand-50" : "border-line bg-surface",
                )}
              >
                <header className="mb-2 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <p id={`message-${m.id}-author`} className="font-semibold text-ink">
                    {m.author.mine ? t("you") : m.author.name}{" "}
                    <span className="text-sm font-normal text-muted">· {m.author.side === "STAFF" ? t("sideStaff") : t("sideFamily")}</span>
                  </p>
                  <p className="flex items-center gap-2 text-sm text-muted">
                    <NewMarker unread={m.unread} label={t("newMarker")} />
                    <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
                  </p>
                </header>
                <p className="break-words whitespace-pre-wrap text-ink">{m.body}</p>
              </article>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
