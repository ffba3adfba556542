import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { NotificationDto } from "@/lib/db/notifications";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { formatHours } from "@/lib/format/money";
import { Link } from "@/lib/i18n/navigation";

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const isDay = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The notifications, newest first, each a link to what it is about, unread ones marked. */
export function NotificationList({ notifications, locale }: { notifications: readonly NotificationDto[]; locale: string }) {
  const t = useTranslations("Notifications");
  const tr = useTranslations("Requests");

  const period = (from: unknown, to: unknown) => {
    if (!isDay(from)) return "";
    if (!isDay(to) || to === from) return formatDay(from, locale, "long");
    return tr("period", { from: formatDay(from, locale, "long"), to: formatDay(to, locale, "long") });
  };
  const kind = (v: unknown) => (v === "EXTRA_DAY" || v === "SWAP_DAY" || v === "ABSENCE" ? tr(`kind.${v}`) : "");

  const sentence = (n: NotificationDto): string => {
    const d = n.data;
    switch (n.event) {
      case "REQUEST_ASSESSED":
        return t("requestAssessed", { kind: kind(d.kind), period: period(d.periodStart, d.periodEnd) });
      case "REQUEST_EXPIRED":
        return d.reason === "EXPIRES_ON" && isDay(d.expiresOn)
          ? t("requestExpiredOn", { kind: kind(d.kind), count: num(d.items), date: formatDay(d.expiresOn, locale, "long") })
          : t("requestExpiredLate", { kind: kind(d.kind), count: num(d.items) });
      case "ABSENCE_CONFIRMATION":
        return t("absenceRegistered", {
          period: period(d.periodStart, d.periodEnd),
          hours: formatHours(num(d.minutes), locale),
          makeUp: formatHours(num(d.makeUpMinutes), locale),
        });
      case "NEW_DIARY_ENTRY":
        return t("newDiaryEntry", {
          child: typeof d.childName === "string" ? d.childName : "",
          date: isDay(d.date) ? formatDay(d.date, locale, "long") : "",
        });
      case "NEW_PHOTOS": {
        const names = Array.isArray(d.childNames) ? d.childNames.filter((x): x is string => typeof x === "string") : [];
        return t("newPhotos", {
          uploader: typeof d.uploaderName === "string" ? d.uploaderName : "",
          count: Math.max(1, num(d.count)),
          group: typeof d.groupName === "string" ? d.groupName : "",
          children: names.length ? new Intl.ListFormat(locale, { type: "conjunction" }).format(names) : "none",
        });
      }
      case "NEW_MESSAGE":
        return t("newMessage", {
          author: typeof d.authorName === "string" ? d.authorName : "",
          subject: typeof d.subject === "string" ? d.subject : "",
          child: typeof d.childFirstName === "string" && d.childFirstName ? d.childFirstName : "none",
        });
      default:
        return t("other");
    }
  };

  return (
    <ul className="flex max-w-3xl flex-col divide-y divide-line rounded-xl border border-line bg-surface shadow-sm">
      {notifications.map((n) => (
        <li key={n.id} className={cn("flex gap-3 p-4", !n.read && "bg-brand-50/60")}>
          <span aria-hidden="true" className={cn("mt-2 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-accent-700")} />
          <div className="flex min-w-0 flex-col gap-1">
            <Link href={n.url} className="font-medium text-brand-800 underline-offset-4 hover:underline">
              {!n.read ? <span className="sr-only">{t("unread")}: </span> : null}
              {sentence(n)}
            </Link>
            <span className="text-sm text-muted">
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
