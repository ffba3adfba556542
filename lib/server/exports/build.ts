import "server-only";
import { PassThrough } from "node:stream";
import sharp from "sharp";
import yazl from "yazl";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryReadableChildWhere, diaryVisibleWhere, loadDiaryWindows } from "@/lib/db/diary";
import { visiblePhotosWhere } from "@/lib/db/photo-access";
import { addDays } from "@/lib/domain/dates";
import { exifDateTime, exportPhotoFileName, photoMoment, renderExportHtml, type ExportHtmlPhoto } from "@/lib/domain/exports";
import { amsterdamInstant } from "@/lib/domain/requests";
import { formatDateTime, formatDay, parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { ExportKind, Prisma } from "@/lib/generated/prisma/client";
import { exportTranslator } from "@/lib/server/exports/messages";
import type { BlobStore } from "@/lib/server/storage/store";

// Builds the ZIP of one export (issue 4 §6): `index.html` (the diary entries of the period, readable
// and self-contained, in the user's language) and `photos/YYYY-MM-DD_HHMM_<id>.jpg`.
// Which photos: those the requesting user may see *now* (visiblePhotosWhere — never another child's
// or family's), of this child (tagged, or shared with one of the child's groups without tags, as the
// timeline's child filter), in the period by the moment taken (or uploaded, without EXIF date), plus
// the visible photos attached to the entries. Photos are JPEG originals re-encoded once with sharp to
// carry EXIF DateTimeOriginal/OffsetTimeOriginal from our record — and nothing else: no GPS, as the
// stored originals have none and withExif writes only the tags given.

export interface ExportSpec {
  kind: ExportKind;
  childId: string;
  /** Calendar days, inclusive; null = unbounded. */
  from: string | null;
  to: string | null;
}

export interface BuiltExport {
  zip: Buffer;
  entries: number;
  photos: number;
  /** Photos whose original was missing from the store (left out). */
  missing: number;
}

export class ExportNotAllowedError extends Error {
  constructor() {
    super("The user may no longer export this child's diary");
    this.name = "ExportNotAllowedError";
  }
}

const EXPORT_JPEG_QUALITY = 92;

/** The stored original again as a JPEG, with only the date tags of our record. */
export async function jpegWithDate(original: Buffer, moment: Date): Promise<Buffer> {
  const { dateTime, offset } = exifDateTime(moment);
  return sharp(original, { failOn: "error" })
    .withExif({
      IFD0: { DateTime: dateTime },
      // IFD2 is libvips' name for the Exif sub-IFD.
      IFD2: { DateTimeOriginal: dateTime, DateTimeDigitized: dateTime, OffsetTimeOriginal: offset },
    })
    .jpeg({ quality: EXPORT_JPEG_QUALITY, chromaSubsampling: "4:2:0" })
    .toBuffer();
}

const photoSelect = { id: true, storageKey: true, caption: true, takenAt: true, createdAt: true } as const satisfies Prisma.PhotoSelect;
type PhotoPick = Prisma.PhotoGetPayload<{ select: typeof photoSelect }>;

function zipToBuffer(zip: yazl.ZipFile): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    out.on("data", (c: Buffer) => chunks.push(c));
    out.on("end", () => resolve(Buffer.concat(chunks)));
    out.on("error", reject);
    zip.outputStream.on("error", reject);
    zip.outputStream.pipe(out);
  });
}

export async function buildExport(store: BlobStore, user: SessionUser, spec: ExportSpec, now: Date = new Date()): Promise<BuiltExport> {
  const [windows, photoVisible] = await Promise.all([loadDiaryWindows(user.organisationId, now), visiblePhotosWhere(user, now)]);
  const child = await db.child.findFirst({
    where: { AND: [{ id: spec.childId }, diaryReadableChildWhere(user, windows)] },
    select: { id: true, firstName: true, lastName: true, placements: { select: { groupId: true } } },
  });
  if (!child) throw new ExportNotAllowedError();
  const groupIds = [...new Set(child.placements.map((p) => p.groupId))];

  const fromInstant = spec.from ? amsterdamInstant(spec.from, 0) : null;
  const toInstant = spec.to ? amsterdamInstant(addDays(spec.to, 1), 0) : null;
  const inPeriod = (field: "takenAt" | "createdAt"): Prisma.PhotoWhereInput => ({
    [field]: { ...(fromInstant ? { gte: fromInstant } : {}), ...(toInstant ? { lt: toInstant } : {}) },
  });
  const attachedWhere: Prisma.PhotoWhereInput = { AND: [photoVisible, { kind: "PHOTO" }] };

  const entries =
    spec.kind === "DIARY"
      ? await db.diaryEntry.findMany({
          where: {
            AND: [
              diaryVisibleWhere(user, windows),
              { childId: child.id },
              { date: { ...(spec.from ? { gte: parseIsoDate(spec.from) } : {}), ...(spec.to ? { lte: parseIsoDate(spec.to) } : {}) } },
            ],
          },
          orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            date: true,
            body: true,
            author: { select: { name: true } },
            photos: { where: attachedWhere, orderBy: [{ takenAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }], select: photoSelect },
          },
        })
      : [];

  const loose = await db.photo.findMany({
    where: {
      AND: [
        photoVisible,
        { kind: "PHOTO" },
        {
          OR: [
            { tags: { some: { childId: child.id } } },
            { audience: "GROUP", tags: { none: {} }, groupId: { in: groupIds } },
          ],
        },
        fromInstant || toInstant ? { OR: [inPeriod("takenAt"), { AND: [{ takenAt: null }, inPeriod("createdAt")] }] } : {},
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: photoSelect,
  });

  // Every photo once, by its moment; a name per photo, unique within the ZIP.
  const all = new Map<string, PhotoPick>();
  for (const e of entries) for (const p of e.photos) all.set(p.id, p);
  for (const p of loose) all.set(p.id, p);
  const ordered = [...all.values()].sort((a, b) => photoMoment(a).getTime() - photoMoment(b).getTime() || (a.id < b.id ? -1 : 1));

  const zip = new yazl.ZipFile();
  const done = zipToBuffer(zip);
  const files = new Map<string, string>();
  let missing = 0;
  for (const photo of ordered) {
    const original = await store.get(photo.storageKey);
    if (!original) {
      missing += 1;
      continue;
    }
    const file = `photos/${exportPhotoFileName(photoMoment(photo), photo.id)}`;
    files.set(photo.id, file);
    // JPEG does not compress further: stored, not deflated.
    zip.addBuffer(await jpegWithDate(original, photoMoment(photo)), file, { mtime: photoMoment(photo), compress: false });
  }

  const { t, locale } = exportTranslator(user.locale);
  const htmlPhoto = (p: PhotoPick): ExportHtmlPhoto | null => {
    const file = files.get(p.id);
    return file ? { file, alt: p.caption?.trim() || t("zip.photoAlt", { name: child.firstName }), when: formatDateTime(photoMoment(p), locale) } : null;
  };
  const attachedIds = new Set(entries.flatMap((e) => e.photos.map((p) => p.id)));
  const period =
    spec.from && spec.to
      ? t("zip.period", { from: formatDay(spec.from, locale), to: formatDay(spec.to, locale) })
      : t("zip.allPhotos");
  const html = renderExportHtml({
    lang: locale,
    title: t(spec.kind === "DIARY" ? "zip.diaryTitle" : "zip.photosTitle", { name: `${child.firstName} ${child.lastName}` }),
    intro: [period, t("zip.madeOn", { date: formatDateTime(now, locale) })],
    entriesHeading: spec.kind === "DIARY" ? t("zip.entriesHeading") : null,
    noEntries: t("zip.noEntries"),
    entries: entries.map((e) => ({
      day: formatDay(toIsoDate(e.date), locale, "weekday"),
      author: e.author.name,
      body: e.body,
      photos: e.photos.map(htmlPhoto).filter((p): p is ExportHtmlPhoto => p !== null),
    })),
    photosHeading: t(spec.kind === "DIARY" ? "zip.morePhotosHeading" : "zip.photosHeading"),
    noPhotos: t("zip.noPhotos"),
    photos: ordered.filter((p) => !attachedIds.has(p.id)).map(htmlPhoto).filter((p): p is ExportHtmlPhoto => p !== null),
    writtenBy: t("zip.writtenBy"),
  });
  zip.addBuffer(Buffer.from(html, "utf8"), "index.html", { mtime: now });
  zip.end();
  return { zip: await done, entries: entries.length, photos: files.size, missing };
}
