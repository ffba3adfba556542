import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/auth/form-alert";
import { DiaryVideos } from "@/components/photos/diary-videos";
import { PhotoGallery } from "@/components/photos/photo-viewer";
import { PhotoUploadForm } from "@/components/photos/photo-upload-form";
import { DiaryAuthor } from "@/components/timeline/timeline-items";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser, requireParent } from "@/lib/auth/guards";
import { videoInDiaryEnabled } from "@/lib/db/photo-upload";
import { getDiaryEntry } from "@/lib/db/timeline";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { readLocale } from "@/lib/i18n/params";

type Params = Promise<{ locale: string; entryId: string }>;
type Props = { params: Params; searchParams: Promise<{ written?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const { entryId } = await params;
  // Metadata must not redirect or 404 (Next then streams an error shell): the query is scoped, so
  // another family's entry stays unnamed.
  const user = await getSessionUser();
  const entry = user?.role === "PARENT" ? await getDiaryEntry(user, entryId) : null;
  if (!entry) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  const t = await getTranslations({ locale, namespace: "Timeline" });
  return { title: t("entryTitle", { name: entry.child.firstName }) };
}

// One diary entry in full ("Om het volledige dagverslag te lezen kun je er op klikken" — seed 002 §3.2):
// child, day, author, the whole text and its photos. Another family's (or an unknown) entry is a 404.
export default async function DiaryEntryPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const { entryId } = await params;
  const user = await requireParent(locale);
  const entry = await getDiaryEntry(user, entryId);
  if (!entry) notFound();
  const { written } = await searchParams;
  const t = await getTranslations("Timeline");
  const tVideos = await getTranslations("Videos");
  const acceptVideo = await videoInDiaryEnabled(user.organisationId);
  const date = formatDay(entry.date, locale, "weekday");
  return (
    <>
      <PageHeader
        title={t("entryTitle", { name: entry.child.firstName })}
        description={
          <>
            <time dateTime={entry.date}>{date}</time> · <DiaryAuthor entry={entry} />
          </>
        }
        before={<BackLink href="/">{t("backToTimeline")}</BackLink>}
      />
      {written === "1" ? (
        <div className="mb-4 max-w-3xl">
          <FormAlert tone="success" focusOnMount>
            {t("entrySaved")}
          </FormAlert>
        </div>
      ) : null}
      <Card className="flex max-w-3xl flex-col gap-4">
        <p className="whitespace-pre-line break-words">{entry.body}</p>
        {entry.photos.length > 0 ? (
          <PhotoGallery photos={entry.photos} label={t("entryGalleryLabel", { name: entry.child.firstName, date })} />
        ) : null}
        <DiaryVideos videos={entry.videos} label={tVideos("listLabel", { name: entry.child.firstName, date })} />
        <p className="text-sm text-muted">
          {t("postedAt", { dateTime: formatDateTime(entry.createdAt, locale) })}
        </p>
      </Card>
      {/* The child's guardians add photos to the entry; the route checks again that they may write this diary. */}
      <div className="mt-8">
        <PhotoUploadForm target={{ kind: "diary", diaryEntryId: entry.id, acceptVideo }} />
      </div>
    </>
  );
}
