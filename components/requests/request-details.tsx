import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { OverviewRequestDto } from "@/lib/db/requests/overview";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { FormAlert } from "@/components/auth/form-alert";
import { CancelRequestButton } from "./cancel-request-button";
import { ChildItems, RequestDates, StatusBadge, useBookingLabel, useKindLabel } from "./request-parts";

/**
 * The details of one request, with per child — per booking when the child has several in an extra-day
 * request (seed 002 §5.2) — the cancel button or the reason cancelling is not possible.
 */
export function RequestDetails({
  request,
  locale,
  justCancelled = null,
}: {
  request: OverviewRequestDto;
  locale: string;
  /** The part just cancelled (from ?cancelled=): "<childId>", or "<childId>.<booking>" for one of several bookings. */
  justCancelled?: string | null;
}) {
  const t = useTranslations("Requests");
  const tc = useTranslations("Cancel");
  const ta = useTranslations("Absence");
  const kindLabel = useKindLabel();
  const bookingLabel = useBookingLabel(locale);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 className="text-lg font-semibold">
            {kindLabel(request.kind)}: <RequestDates request={request} locale={locale} />
          </h2>
          <StatusBadge status={request.status} />
        </div>
        <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <Row label={t("submittedLabel")}>
            {formatDateTime(request.submittedAt, locale)} · {request.submittedBy}
          </Row>
          {request.absenceReason ? <Row label={t("absenceReason")}>{ta(`reason.${request.absenceReason}`)}</Row> : null}
          {request.expiresOn ? <Row label={t("expiresOn")}>{formatDay(request.expiresOn, locale, "long")}</Row> : null}
          {request.assessAsWhole ? <Row label={t("assessAsWhole")}>{t("yes")}</Row> : null}
          {request.comment ? <Row label={t("comment")}>{request.comment}</Row> : null}
        </dl>
      </Card>
      {request.children.map((child) => (
        <Card key={child.childId}>
          <section aria-label={child.firstName}>
            <ChildItems
              request={request}
              child={child}
              locale={locale}
              bookingFooter={(booking) => {
                const several = child.bookings.length > 1;
                const key = several ? `${child.childId}.${booking.booking}` : child.childId;
                return (
                  <div className="mt-2">
                    {justCancelled === key && !booking.cancel.allowed ? (
                      <FormAlert tone="success" focusOnMount>
                        {several ? tc("bookingCancelled") : tc("cancelled")}
                      </FormAlert>
                    ) : booking.cancel.allowed ? (
                      <CancelRequestButton
                        requestId={request.id}
                        childId={child.childId}
                        childName={child.firstName}
                        booking={booking.booking}
                        bookingLabel={several ? bookingLabel(booking) : undefined}
                        isPeriod={booking.isPeriod}
                        isSwap={request.kind === "SWAP_DAY"}
                        confirmKey={key}
                      />
                    ) : (
                      <div className="rounded-lg border border-line bg-canvas p-3 text-sm" data-cancel-reason={booking.cancel.reason}>
                        <p className="font-semibold">{tc("notAllowed")}</p>
                        <p>{tc(`reasons.${booking.cancel.reason}`)}</p>
                      </div>
                    )}
                  </div>
                );
              }}
            />
          </section>
        </Card>
      ))}
      <p className="text-sm text-muted">{tc("contractNote")}</p>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </>
  );
}
