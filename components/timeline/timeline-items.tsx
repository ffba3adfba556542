import { useTranslations } from "next-intl";
import { DiaryVideos } from "@/components/photos/diary-videos";
import { PhotoGallery } from "@/components/photos/photo-viewer";
import { cn } from "@/components/ui/cn";
import type { TimelineDiaryEntry, TimelineItem } from "@/lib/db/timeline";
import { diaryExcerpt } from "@/lib/domain/diary";
import { formatDay } from "@/lib/format/date";
import { Link } from "@/lib/i18n/navigation";

// One item of "Mijn kind" (seed 002 §3): a diary entry (child, date, author, the first lines, its
// photos, "Lees verder" to the whole entry) or a series of photos of a group and day. Rendered by the
// server for the first page and by the client for the pages loaded later, so no server imports here.
// The same cards serve the staff pages, whose "Lees verder" goes to the staff entry page (entryBasePath).

const CARD = "rounded-xl border border-line bg-surface p-4 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-600 sm:p-5";

export function TimelineArticle({
  item,
  locale,
  focusable = false,
  entryBasePath = "/diary",
}: {
  item: TimelineItem;
  locale: string;
  focusable?: boolean;
  /** Where an entry is read in full: `${entryBasePath}/${id}` ("/diary" for parents, "/staff/diary" for staff). */
  entryBasePath?: string;
}) {
  return item.kind === "DIARY" ? (
    <DiaryEntryCard entry={item.entry} locale={locale} focusable={focusable} entryBasePath={entryBasePath} />
  ) : (
    <PhotoSeriesCard item={item} locale={locale} focusable={focusable} />
  );
}

/** "Door Sanne de Vries, pedagogisch medewerker" */
export function DiaryAuthor({ entry }: { entry: TimelineDiaryEntry }) {
  const t = useTranslations("Timeline");
  return <>{entry.author.isStaff ? t("writtenByStaff", { name: entry.author.name }) : t("writtenByParent", { name: entry.author.name })}</>;
}

function DiaryEntryCard({
  entry,
  locale,
  focusable,
  entryBasePath,
}: {
  entry: TimelineDiaryEntry;
  locale: string;
  focusable: boolean;
  entryBasePath: string;
}) {
  const t = useTranslations("Timeline");
  const tVideos = useTranslations("Videos");
  const titleId = `entry-${entry.id}`;
  const excerpt = diaryExcerpt(entry.body);
  const date = formatDay(entry.date, locale, "weekday");
  return (
    <article aria-labelledby={titleId} tabIndex={focusable ? -1 : undefined} data-timeline-item="" className={cn(CARD, "flex flex-col gap-3")}>
      <header>
        <h3 id={titleId} className="text-lg font-semibold text-ink">
          {t("entryTitle", { name: entry.child.firstName })}
        </h3>
        <p className="text-sm text-muted">
          <time dateTime={entry.date}>{date}</time> · <DiaryAuthor entry={entry} />
        </p>
      </header>
      <p className="whitespace-pre-line break-words">{excerpt.text}</p>
      {entry.photos.length > 0 ? (
        <PhotoGallery photos={entry.photos} label={t("entryGalleryLabel", { name: entry.child.firstName, date })} />
      ) : null}
      <DiaryVideos videos={entry.videos} label={tVideos("listLabel", { name: entry.child.firstName, date })} />
      <p>
        <Link
          href={`${entryBasePath}/${entry.id}`}
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
        >
          {t("readMore")}
          <span className="sr-only">: {t("readMoreContext", { name: entry.child.firstName, date })}</span>
        </Link>
      </p>
    </article>
  );
}

function PhotoSeriesCard({ item, locale, focusable }: { item: Extract<TimelineItem, { kind: "PHOTOS" }>; locale: string; focusable: boolean }) {
  const t = useTranslations("Timeline");
  const titleId = `series-${item.seriesKey.replace(/[^a-z0-9-]/gi, "-")}`;
  const date = formatDay(item.day, locale, "weekday");
  return (
    <article aria-labelledby={titleId} tabIndex={focusable ? -1 : undefined} data-timeline-item="" className={cn(CARD, "flex flex-col gap-3")}>
      <header>
        <h3 id={titleId} className="text-lg font-semibold text-ink">
          {t("photosTitle", { group: item.group.name })}
        </h3>
        <p className="text-sm text-muted">
          <time dateTime={item.day}>{date}</time> · {t("photoCount", { count: item.photos.length })}
          {item.childNames.length > 0 ? <> · {t("photosWith", { names: item.childNames.join(", ") })}</> : null}
        </p>
      </header>
      <PhotoGallery photos={item.photos} label={t("galleryLabel", { group: item.group.name, date })} />
    </article>
  );
}
