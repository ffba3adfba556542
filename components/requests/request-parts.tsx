import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { OverviewBookingDto, OverviewChildDto, OverviewItemDto, OverviewRequestDto } from "@/lib/db/requests/overview";
import type { RequestSummaryStatus } from "@/lib/domain/status";
import { formatDay, formatMinuteRange } from "@/lib/format/date";
import { formatHours } from "./hours";

const STATUS_STYLE: Record<RequestSummaryStatus, string> = {
  PENDING: "bg-accent-50 text-accent-700",
  APPROVED: "bg-brand-100 text-brand-900",
  PARTIALLY_APPROVED: "bg-brand-100 text-brand-900",
  REJECTED: "bg-danger-50 text-danger-700",
  CANCELLED: "bg-canvas text-ink",
  EXPIRED: "bg-canvas text-ink",
  REGISTERED: "bg-brand-50 text-brand-800",
};

/** IN AANVRAAG / GOEDGEKEURD / AFGEKEURD / GEANNULEERD / VERVALLEN / AFGEMELD (and DEELS GOEDGEKEURD for a mix). */
export function StatusBadge({ status }: { status: RequestSummaryStatus }) {
  const ta = useTranslations("Agenda");
  const tr = useTranslations("Requests");
  const label = status === "PARTIALLY_APPROVED" ? tr("status.PARTIALLY_APPROVED") : ta(`status.${status}`);
  return (
    <span className={cn("inline-block rounded-md px-1.5 py-0.5 text-xs font-semibold tracking-wide", STATUS_STYLE[status])} data-status={status}>
      {label}
    </span>
  );
}

/** "Extra dag" / "Ruildag" / "Afwezigheid". */
export function useKindLabel() {
  const t = useTranslations("Requests");
  return (kind: OverviewRequestDto["kind"]) => t(`kind.${kind}`);
}

/** The request's date or period in words; a swap as "given up → wanted". */
export function RequestDates({ request, locale }: { request: OverviewRequestDto; locale: string }) {
  const t = useTranslations("Requests");
  if (request.kind === "SWAP_DAY") {
    const items = request.children.flatMap((c) => c.items);
    const dates = (direction: "ADD" | "REMOVE") => {
      const sorted = [...new Set(items.filter((i) => i.direction === direction).map((i) => i.date))].sort();
      if (sorted.length === 0) return "";
      const first = formatDay(sorted[0]!, locale, "long");
      return sorted.length === 1 ? first : t("period", { from: first, to: formatDay(sorted.at(-1)!, locale, "long") });
    };
    return <>{t("swapDates", { givenUp: dates("REMOVE"), wanted: dates("ADD") })}</>;
  }
  if (!request.isPeriod) return <>{formatDay(request.periodStart, locale, "weekday")}</>;
  return <>{t("period", { from: formatDay(request.periodStart, locale, "long"), to: formatDay(request.periodEnd, locale, "long") })}</>;
}

/** A booking's date ("vrijdag 4 december 2026") or period ("4 december 2026 t/m 11 december 2026"). */
export function useBookingLabel(locale: string) {
  const t = useTranslations("Requests");
  return (booking: Pick<OverviewBookingDto, "dates">) => {
    const first = booking.dates[0] ?? "";
    if (booking.dates.length <= 1) return formatDay(first, locale, "weekday");
    return t("period", { from: formatDay(first, locale, "long"), to: formatDay(booking.dates.at(-1)!, locale, "long") });
  };
}

/**
 * One child's part of a request: name, status, and every item with date, day part, times, group.
 * With several bookings (extra days, seed 002 §5.2) the items are grouped per booking, each with its
 * own heading, status and `bookingFooter` (the details page puts the booking's cancel button there);
 * with one booking the items are one list followed by that footer.
 */
export function ChildItems({
  request,
  child,
  locale,
  headingLevel = "h3",
  bookingFooter,
}: {
  request: OverviewRequestDto;
  child: OverviewChildDto;
  locale: string;
  headingLevel?: "h3" | "h4";
  bookingFooter?: (booking: OverviewBookingDto) => ReactNode;
}) {
  const t = useTranslations("Requests");
  const bookingLabel = useBookingLabel(locale);
  const Heading = headingLevel;
  const BookingHeading = headingLevel === "h3" ? "h4" : "h5";
  const items = (list: readonly OverviewItemDto[]) => (
    <ul className="flex flex-col gap-1.5">
      {list.map((item) => (
        <ItemLine key={item.id} item={item} kind={request.kind} locale={locale} />
      ))}
    </ul>
  );
  return (
    <div className="flex flex-col gap-2 border-t border-line pt-3 first:border-t-0 first:pt-0">
      <div className="flex flex-wrap items-center gap-2">
        <Heading className="font-semibold">{child.firstName}</Heading>
        <StatusBadge status={child.status} />
      </div>
      {child.bookings.length <= 1 ? (
        <>
          {items(child.items)}
          {child.bookings[0] && bookingFooter ? bookingFooter(child.bookings[0]) : null}
        </>
      ) : (
        <ol className="flex flex-col gap-2">
          {child.bookings.map((booking, index) => (
            <li
              key={booking.booking}
              className="flex flex-col gap-1.5 rounded-lg border border-line p-3"
              data-booking={booking.booking}
            >
              <div className="flex flex-wrap items-center gap-2">
                <BookingHeading className="text-sm font-semibold sm:text-base">
                  {t("bookingHeading", { number: index + 1, when: bookingLabel(booking) })}
                </BookingHeading>
                <StatusBadge status={booking.status} />
              </div>
              {items(booking.items)}
              {bookingFooter ? bookingFooter(booking) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function ItemLine({ item, kind, locale }: { item: OverviewItemDto; kind: OverviewRequestDto["kind"]; locale: string }) {
  const ta = useTranslations("Agenda");
  const t = useTranslations("Requests");
  const key = `dayPart.${item.dayPartCode}` as "dayPart.MORNING";
  const dayPart = ta.has(key) ? ta(key) : item.dayPartCode;
  return (
    <li className="flex flex-col gap-0.5 text-sm sm:text-base">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="first-letter:uppercase">{formatDay(item.date, locale, "weekday")}</span>
        <span>
          {dayPart} <span className="tabular-nums">{formatMinuteRange(item.startMinute, item.endMinute)}</span>
        </span>
        {kind === "SWAP_DAY" ? <span className="text-muted">({t(`direction.${item.direction}`)})</span> : null}
        <StatusBadge status={item.status} />
      </div>
      <div className="flex flex-wrap gap-x-3 text-sm text-muted">
        <span>{t("group", { name: item.groupName })}</span>
        {item.makeUpMinutes ? <span>{t("makeUp", { hours: formatHours(item.makeUpMinutes, locale) })}</span> : null}
      </div>
      {item.status === "REJECTED" && item.rejectionReason ? (
        <p className="text-sm text-danger-700">{t("rejectionReason", { reason: item.rejectionReason })}</p>
      ) : null}
    </li>
  );
}
