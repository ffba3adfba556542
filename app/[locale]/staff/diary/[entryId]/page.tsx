import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DiaryVideos } from "@/components/photos/diary-videos";
import { PhotoGallery } from "@/components/photos/photo-viewer";
import { PhotoUploadForm } from "@/components/photos/photo-upload-form";
import { DiaryAuthor } from "@/components/timeline/timeline-items";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser, requireStaff } from "@/lib/auth/guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { videoInDiaryEnabled } from "@/lib/db/photo-upload";
import { getStaffDiaryChild } from "@/lib/db/staff-diary";
import { getDiaryEntry } from "@/lib/db/timeline";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { readLocale } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string; entryId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const { entryId } = await params;
  // Metadata must not redirect or 404 (Next then streams an error shell): the query is scoped, so
  // another group's entry stays unnamed.
  const user = await getSessionUser();
  const entry = user && STAFF_ROLES.includes(user.role) ? await getDiaryEntry(user, entryId) : null;
  if (!entry) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  const t = await getTranslations({ locale, namespace: "Timeline" });
  return { title: t("entryTitle", { name: entry.child.firstName }) };
}

// One diary entry in full for the staff of the child's group (issue 4: "open in full"): child, day,
// author, the whole text, its photos and videos. While they may still write this child's diary, they
// add photos to it (the upload route checks that again: lib/db/photo-upload.ts). Whose entries staff
// read is lib/db/diary.ts's rule; another group's (or an unknown) entry is a 404.
export default async function StaffDiaryEntryPage({ params }: Props) {
  const locale = await readLocale(params);
  const { entryId } = await params;
  const user = await requireStaff(locale);
  const entry = await getDiaryEntry(user, entryId);
  if (!entry) notFound();
  const [t, tTimeline, tVideos, child, acceptVideo] = await Promise.all([
    getTranslations("StaffDiary"),
    getTranslations("Timeline"),
    getTranslations("Videos"),
    getStaffDiaryChild(user, entry.child.id),
    videoInDiaryEnabled(user.organisationId),
  ]);
  const date = formatDay(entry.date, locale, "weekday");
  return (
    <>
      <PageHeader
        title={tTimeline("entryTitle", { name: entry.child.firstName })}
        description={
          <>
            <time dateTime={entry.date}>{date}</time> · <DiaryAuthor entry={entry} />
          </>
        }
        before={
          <BackLink href={`/staff/children/${entry.child.id}`}>
            {t("backToChild", { name: `${entry.child.firstName} ${entry.child.lastName}` })}
          </BackLink>
        }
      />
      <Card className="flex max-w-3xl flex-col gap-4">
        <p className="whitespace-pre-line break-words">{entry.body}</p>
        {entry.photos.length > 0 ? (
          <PhotoGallery photos={entry.photos} label={tTimeline("entryGalleryLabel", { name: entry.child.firstName, date })} />
        ) : null}
        <DiaryVideos videos={entry.videos} label={tVideos("listLabel", { name: entry.child.firstName, date })} />
        <p className="text-sm text-muted">{tTimeline("postedAt", { dateTime: formatDateTime(entry.createdAt, locale) })}</p>
      </Card>
      <div className="mt-8">
        {child?.writable ? (
          <PhotoUploadForm target={{ kind: "diary", diaryEntryId: entry.id, acceptVideo }} />
        ) : (
          <p className="max-w-3xl text-muted">{t("entryReadOnly", { name: entry.child.firstName })}</p>
        )}
      </div>
    </>
  );
}
