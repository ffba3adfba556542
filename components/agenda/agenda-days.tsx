import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { formatDay, formatMinuteRange } from "@/lib/format/date";
import { Link } from "@/lib/i18n/navigation";
import type { AgendaChildDayDto, AgendaClosedDto, AgendaDayDto, AgendaRequestItemDto } from "@/lib/db/agenda";

type AgendaT = ReturnType<typeof useTranslations<"Agenda">>;

/** A day part's name; unknown codes (an organisation's own) are shown as they are. */
function dayPartName(t: AgendaT, code: string): string {
  const key = `dayPart.${code}` as "dayPart.MORNING";
  return code && t.has(key) ? t(key) : code;
}

function closedName(t: AgendaT, closed: AgendaClosedDto): string {
  return closed.source === "HOLIDAY" ? t(`holiday.${closed.code}`) : closed.name;
}

function requestKindLabel(t: AgendaT, item: AgendaRequestItemDto): string {
  if (item.kind === "SWAP_DAY") return t(item.direction === "ADD" ? "requestKind.SWAP_DAY_ADD" : "requestKind.SWAP_DAY_REMOVE");
  return t(`requestKind.${item.kind}`);
}

const STATUS_STYLE: Record<AgendaRequestItemDto["status"], string> = {
  PENDING: "bg-accent-50 text-accent-700",
  APPROVED: "bg-brand-100 text-brand-900",
  REJECTED: "bg-danger-50 text-danger-700",
  CANCELLED: "bg-canvas text-muted",
  EXPIRED: "bg-canvas text-muted",
  REGISTERED: "bg-brand-50 text-brand-800",
};

function Badge({ className, children }: { className: string; children: ReactNode }) {
  return <span className={cn("rounded-md px-1.5 py-0.5 text-xs font-semibold", className)}>{children}</span>;
}

/** The list of days (seed 002 §5): per day and child the scheduled day parts with their times; a day opens with its details. */
export function AgendaDays({ days, locale, today }: { days: readonly AgendaDayDto[]; locale: string; today: string }) {
  return (
    <ol className="flex flex-col gap-3">
      {days.map((day) => (
        <AgendaDay key={day.date} day={day} locale={locale} isToday={day.date === today} />
      ))}
    </ol>
  );
}

function AgendaDay({ day, locale, isToday }: { day: AgendaDayDto; locale: string; isToday: boolean }) {
  const t = useTranslations("Agenda");
  const headingId = `day-${day.date}`;
  const dateLabel = formatDay(day.date, locale, "weekday");
  return (
    <li>
      <article
        aria-labelledby={headingId}
        className={cn(
          "rounded-xl border bg-surface p-4 shadow-sm",
          isToday ? "border-brand-600" : "border-line",
          day.closed && "bg-canvas",
        )}
      >
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={headingId} className="scroll-mt-4 text-base font-semibold first-letter:uppercase">
            {dateLabel}
          </h3>
          {isToday ? <Badge className="bg-brand-100 text-brand-900">{t("today")}</Badge> : null}
        </div>
        {day.closed ? (
          <p className="mt-1 font-medium text-danger-700">{t("closed", { name: closedName(t, day.closed) })}</p>
        ) : null}

        {day.children.length === 0 ? (
          day.closed ? null : <p className="mt-1 text-muted">{t("nothingScheduled")}</p>
        ) : (
          <>
            <ul className="mt-2 flex flex-col gap-2">
              {day.children.map((child) => (
                <ChildSummary key={child.childId} child={child} />
              ))}
            </ul>
            <details className="group mt-3 border-t border-line pt-2">
              <summary className="inline-flex min-h-11 cursor-pointer items-center gap-1 rounded-md font-medium text-brand-700 hover:text-brand-900">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 transition-transform group-open:rotate-90" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
                  <path d="m9 6 6 6-6 6" />
                </svg>
                <span aria-hidden="true">{t("details")}</span>
                <span className="sr-only">{t("detailsFor", { date: dateLabel })}</span>
              </summary>
              <div className="mt-2 flex flex-col gap-4">
                {day.children.map((child) => (
                  <ChildDetails key={child.childId} child={child} />
                ))}
              </div>
            </details>
          </>
        )}
      </article>
    </li>
  );
}

/** One line per child: the care of the day, options and what fell away, each with its times. */
function ChildSummary({ child }: { child: AgendaChildDayDto }) {
  const t = useTranslations("Agenda");
  return (
    <li className="flex flex-col gap-1 sm:flex-row sm:gap-3">
      <span className="min-w-20 font-semibold">{child.firstName}</span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {child.scheduled.map((s) => (
          <li key={`s-${s.dayPartId}`} className="flex flex-wrap items-center gap-1.5">
            <span>
              {dayPartName(t, s.code)} <span className="tabular-nums">{formatMinuteRange(s.startMinute, s.endMinute)}</span>
            </span>
            {s.source !== "CONTRACT" ? <Badge className="bg-brand-100 text-brand-900">{t(`source.${s.source}`)}</Badge> : null}
            {s.pendingSwapAway ? <Badge className="bg-accent-50 text-accent-700">{t("pendingSwapAway")}</Badge> : null}
          </li>
        ))}
        {child.options.map((o) => (
          <li key={`o-${o.itemId}`} className="flex flex-wrap items-center gap-1.5">
            <span>
              {dayPartName(t, o.code)} <span className="tabular-nums">{formatMinuteRange(o.startMinute, o.endMinute)}</span>
            </span>
            <Badge className="bg-accent-50 text-accent-700">{t("optionExtra")}</Badge>
          </li>
        ))}
        {child.removed
          .filter((r) => r.reason !== "CLOSED")
          .map((r) => (
            <li key={`r-${r.dayPartId}`} className="flex flex-wrap items-center gap-1.5 text-muted">
              <span className="line-through">
                {dayPartName(t, r.code)} <span className="tabular-nums">{formatMinuteRange(r.startMinute, r.endMinute)}</span>
              </span>
              <Badge className="bg-canvas text-ink">{t(`removed.${r.reason}`)}</Badge>
            </li>
          ))}
        {child.scheduled.length + child.options.length === 0 &&
        child.removed.every((r) => r.reason === "CLOSED") ? (
          <li className="text-muted">
            {child.closed ? t("closed", { name: closedName(t, child.closed) }) : t("nothingScheduled")}
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/** The day's details for one child: group and kind of every day part, and the day's requests with their status. */
function ChildDetails({ child }: { child: AgendaChildDayDto }) {
  const t = useTranslations("Agenda");
  const rows = [
    ...child.scheduled.map((s) => ({
      key: `s-${s.dayPartId}`,
      code: s.code,
      start: s.startMinute,
      end: s.endMinute,
      group: s.groupName,
      note: s.pendingSwapAway ? `${t(`source.${s.source}`)} · ${t("pendingSwapAway")}` : t(`source.${s.source}`),
      muted: false,
    })),
    ...child.options.map((o) => ({
      key: `o-${o.itemId}`,
      code: o.code,
      start: o.startMinute,
      end: o.endMinute,
      group: o.groupName,
      note: t("optionExtra"),
      muted: false,
    })),
    ...child.removed.map((r) => ({
      key: `r-${r.dayPartId}`,
      code: r.code,
      start: r.startMinute,
      end: r.endMinute,
      group: r.groupName,
      note: r.reason === "CLOSED" && child.closed ? t("closed", { name: closedName(t, child.closed) }) : t(`removed.${r.reason}`),
      muted: true,
    })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);

  return (
    <section>
      <h4 className="font-semibold">{child.firstName}</h4>
      {rows.length > 0 ? (
        <ul className="mt-1 flex flex-col gap-1">
          {rows.map((row) => (
            <li key={row.key} className={cn("flex flex-col sm:flex-row sm:gap-2", row.muted && "text-muted")}>
              <span>
                {dayPartName(t, row.code)} <span className="tabular-nums">{formatMinuteRange(row.start, row.end)}</span>
              </span>
              <span className="text-sm text-muted sm:text-base">
                {row.group ? `${t("group", { name: row.group })} · ` : ""}
                {row.note}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <h5 className="mt-2 text-sm font-semibold text-muted">{t("requestsHeading")}</h5>
      {child.requests.length === 0 ? (
        <p className="text-sm text-muted">{t("noRequests")}</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-1">
          {child.requests.map((item) => (
            <li key={item.itemId} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <span className="font-medium">{requestKindLabel(t, item)}</span>
              <span>
                {dayPartName(t, item.code)} <span className="tabular-nums">{formatMinuteRange(item.startMinute, item.endMinute)}</span>
              </span>
              {item.groupName ? <span className="text-muted">{t("group", { name: item.groupName })}</span> : null}
              <Badge className={STATUS_STYLE[item.status]}>{t(`status.${item.status}`)}</Badge>
              {/* Details, a rejection's reason and cancelling live on the request's own page (seed 002 §5.2). */}
              <Link
                href={`/agenda/requests/${item.requestId}`}
                className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
              >
                {t("requestDetails")}
                <span className="sr-only">
                  {" "}
                  ({requestKindLabel(t, item)}, {dayPartName(t, item.code)})
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
