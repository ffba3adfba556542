import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { OverviewRequestDto } from "@/lib/db/requests/overview";
import { formatDateTime } from "@/lib/format/date";
import { Link } from "@/lib/i18n/navigation";
import { ChildItems, RequestDates, StatusBadge, useKindLabel } from "./request-parts";

/** The "Aanvragenoverzicht" list: newest first; per request its kind, dates, submission time, and per child the items. */
export function RequestList({ requests, locale }: { requests: readonly OverviewRequestDto[]; locale: string }) {
  return (
    <ol className="flex flex-col gap-4">
      {requests.map((request) => (
        <li key={request.id} id={`request-${request.id}`} className="scroll-mt-4">
          <RequestCard request={request} locale={locale} />
        </li>
      ))}
    </ol>
  );
}

function RequestCard({ request, locale }: { request: OverviewRequestDto; locale: string }) {
  const t = useTranslations("Requests");
  const kindLabel = useKindLabel();
  const headingId = `request-${request.id}-heading`;
  return (
    <Card>
      <article aria-labelledby={headingId} className="flex flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 id={headingId} className="text-lg font-semibold">
              {kindLabel(request.kind)}: <RequestDates request={request} locale={locale} />
            </h2>
            <p className="text-sm text-muted">{t("submittedAt", { date: formatDateTime(request.submittedAt, locale) })}</p>
          </div>
          <StatusBadge status={request.status} />
        </div>
        <div className="flex flex-col gap-3">
          {request.children.map((child) => (
            <ChildItems key={child.childId} request={request} child={child} locale={locale} />
          ))}
        </div>
        <div>
          <Link
            href={`/agenda/requests/${request.id}`}
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
          >
            {t("details")}
            <span className="sr-only">
              {" "}
              — {kindLabel(request.kind)}, {formatDateTime(request.submittedAt, locale)}
            </span>
          </Link>
        </div>
      </article>
    </Card>
  );
}
