import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { OverviewRequestDto } from "@/lib/db/requests/overview";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { FormAlert } from "@/components/auth/form-alert";
import { CancelRequestButton } from "./cancel-request-button";
import { ChildItems, RequestDates, StatusBadge, useKindLabel } from "./request-parts";

/** The details of one request, with per child the cancel button or the reason cancelling is not possible. */
export function RequestDetails({
  request,
  locale,
  justCancelled = null,
}: {
  request: OverviewRequestDto;
  locale: string;
  /** The child whose part was just cancelled (from ?cancelled=): its part confirms it. */
  justCancelled?: string | null;
}) {
  const t = useTranslations("Requests");
  const tc = useTranslations("Cancel");
  const ta = useTranslations("Absence");
  const kindLabel = useKindLabel();
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
              footer={
                <div className="mt-2">
                  {justCancelled === child.childId && !child.cancel.allowed ? (
                    <FormAlert tone="success" focusOnMount>
                      {tc("cancelled")}
                    </FormAlert>
                  ) : child.cancel.allowed ? (
                    <CancelRequestButton requestId={request.id} childId={child.childId} childName={child.firstName} isPeriod={request.isPeriod} isSwap={request.kind === "SWAP_DAY"} />
                  ) : (
                    <div className="rounded-lg border border-line bg-canvas p-3 text-sm" data-cancel-reason={child.cancel.reason}>
                      <p className="font-semibold">{tc("notAllowed")}</p>
                      <p>{tc(`reasons.${child.cancel.reason}`)}</p>
                    </div>
                  )}
                </div>
              }
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
