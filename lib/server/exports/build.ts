import "server-only";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import sharp from "sharp";
import yazl from "yazl";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryReadableChildWhere, diaryVisibleWhere, loadDiaryWindows } from "@/lib/db/diary";
import { visiblePhotosWhere } from "@/lib/db/photo-access";
import { addDays } from "@/lib/domain/dates";
import { exifDateTime, exportPhotoFileName, photoMoment, renderExportHtml, videoExtension, type ExportHtmlPhoto } from "@/lib/domain/exports";
import { amsterdamInstant } from "@/lib/domain/requests";
import { formatDateTime, formatDay, parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { ExportKind, Prisma } from "@/lib/generated/prisma/client";
import { exportTranslator } from "@/lib/server/exports/messages";
import type { StreamingBlobStore } from "@/lib/server/storage/store";

// Builds the ZIP of one export (issue 4 §6): `index.html` (the diary entries of the period, readable
// and self-contained, in the user's language), `photos/YYYY-MM-DD_HHMM_<id>.jpg` and
// `videos/YYYY-MM-DD_HHMM_<id>.<mp4|webm>`.
// Which media: those the requesting user may see *now* (visiblePhotosWhere — never another child's
// or family's), of this child (tagged, or shared with one of the child's groups without tags, as the
// timeline's child filter), in the period by the moment taken (or uploaded, without EXIF date), plus
// the visible photos and videos attached to the entries. Photos are JPEG originals re-encoded once with
// sharp to carry EXIF DateTimeOriginal/OffsetTimeOriginal from our record — and nothing else: no GPS,
// as the stored originals have none and withExif writes only the tags given. Videos are the stored
// bytes exactly (there is no ffmpeg; they were never re-encoded).
//
// Memory stays bounded whatever the size of the ZIP (a child's whole history can be gigabytes): yazl's
// output stream is piped straight into the store (StreamingBlobStore.putStream: a temp file renamed
// into place when complete), and one medium at a time is handed to yazl — the next only once the
// previous has been consumed, with back-pressure from the file on disk all the way up. At most one
// photo (its original and the re-encoded JPEG) is in memory; a video is streamed from the store.

export interface ExportSpec {
  kind: ExportKind;
  childId: string;
  /** Calendar days, inclusive; null = unbounded. */
  from: string | null;
  to: string | null;
}

export interface BuiltExport {
  /** Size of the stored ZIP. */
  bytes: number;
  entries: number;
  photos: number;
  videos: number;
  /** Media left out: the original missing from the store, or a stored photo that no longer decodes. */
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

const photoSelect = {
  id: true,
  kind: true,
  mimeType: true,
  storageKey: true,
  caption: true,
  takenAt: true,
  createdAt: true,
} as const satisfies Prisma.PhotoSelect;
type PhotoPick = Prisma.PhotoGetPayload<{ select: typeof photoSelect }>;

/**
 * A ZIP written into the store as it is made. add() resolves once yazl has taken all of an entry's
 * bytes (so the caller can let go of them); done() ends the ZIP and resolves when the store has it.
 * Any failure — of the store, of yazl, of an entry's stream — rejects the pending and later calls and
 * leaves nothing under the key.
 */
function zipIntoStore(store: StreamingBlobStore, key: string) {
  const zip = new yazl.ZipFile();
  // A PassThrough (typed as the older NodeJS.ReadableStream by @types/yazl).
  const output = zip.outputStream as unknown as Readable;
  const stored = store.putStream(key, output);
  let fail!: (error: unknown) => void;
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => undefined); // observed through the races below
  zip.on("error", (error: unknown) => fail(error));
  stored.catch((error: unknown) => fail(error));

  let current: Readable | null = null;
  return {
    async add(data: Readable, name: string, options: { mtime: Date; size?: number }): Promise<void> {
      current = data;
      // Photos (JPEG) and videos do not compress further: stored, not deflated.
      zip.addReadStream(data, name, { mtime: options.mtime, compress: false, ...(options.size !== undefined ? { size: options.size } : {}) });
      await Promise.race([finished(data), failure]);
      current = null;
    },
    async done(): Promise<{ bytes: number }> {
      zip.end();
      return Promise.race([stored, failure]);
    },
    /** Stops writing: the store removes its temp file. Resolves once it has. */
    async abort(error: unknown): Promise<void> {
      current?.destroy();
      output.destroy(error instanceof Error ? error : new Error(String(error)));
      await stored.catch(() => undefined);
    },
  };
}

export async function buildExport(
  store: StreamingBlobStore,
  user: SessionUser,
  spec: ExportSpec,
  storageKey: string,
  now: Date = new Date(),
): Promise<BuiltExport> {
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
            // Photos and videos (kind VIDEO: only in entries, where the organisation enables video).
            photos: { where: photoVisible, orderBy: [{ takenAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }], select: photoSelect },
          },
        })
      : [];

  const loose = await db.photo.findMany({
    where: {
      AND: [
        photoVisible,
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

  // Every medium once, by its moment; a name per medium, unique within the ZIP.
  const all = new Map<string, PhotoPick>();
  for (const e of entries) for (const p of e.photos) all.set(p.id, p);
  for (const p of loose) all.set(p.id, p);
  const ordered = [...all.values()].sort((a, b) => photoMoment(a).getTime() - photoMoment(b).getTime() || (a.id < b.id ? -1 : 1));

  const zip = zipIntoStore(store, storageKey);
  const files = new Map<string, string>();
  let missing = 0;
  let videos = 0;
  try {
    for (const medium of ordered) {
      const moment = photoMoment(medium);
      if (medium.kind === "VIDEO") {
        const source = await store.getStream(medium.storageKey);
        if (!source) {
          console.error(`[exports] video missing from the store: ${medium.storageKey} (photo ${medium.id})`);
          missing += 1;
          continue;
        }
        const file = `videos/${exportPhotoFileName(moment, medium.id, videoExtension(medium.mimeType))}`;
        await zip.add(source.stream, file, { mtime: moment, size: source.size });
        files.set(medium.id, file);
        videos += 1;
        continue;
      }
      const original = await store.get(medium.storageKey);
      let jpeg: Buffer | null = null;
      if (original) {
        try {
          jpeg = await jpegWithDate(original, moment);
        } catch (error) {
          console.error(`[exports] stored photo does not decode: ${medium.storageKey} (photo ${medium.id})`, error);
        }
      } else {
        console.error(`[exports] photo missing from the store: ${medium.storageKey} (photo ${medium.id})`);
      }
      if (!jpeg) {
        missing += 1;
        continue;
      }
      const file = `photos/${exportPhotoFileName(moment, medium.id)}`;
      await zip.add(Readable.from([jpeg]), file, { mtime: moment });
      files.set(medium.id, file);
    }

    const { t, locale } = exportTranslator(user.locale);
    const htmlMedium = (p: PhotoPick): ExportHtmlPhoto | null => {
      const file = files.get(p.id);
      if (!file) return null;
      const video = p.kind === "VIDEO";
      const alt = p.caption?.trim() || t(video ? "zip.videoLabel" : "zip.photoAlt", { name: child.firstName });
      return { file, alt, when: formatDateTime(photoMoment(p), locale), kind: video ? "video" : "photo" };
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
        photos: e.photos.map(htmlMedium).filter((p): p is ExportHtmlPhoto => p !== null),
      })),
      photosHeading: t(spec.kind === "DIARY" ? "zip.morePhotosHeading" : "zip.photosHeading"),
      noPhotos: t("zip.noPhotos"),
      photos: ordered.filter((p) => !attachedIds.has(p.id)).map(htmlMedium).filter((p): p is ExportHtmlPhoto => p !== null),
      writtenBy: t("zip.writtenBy"),
      openVideo: t("zip.openVideo"),
    });
    await zip.add(Readable.from([Buffer.from(html, "utf8")]), "index.html", { mtime: now });
    const { bytes } = await zip.done();
    return { bytes, entries: entries.length, photos: files.size - videos, videos, missing };
  } catch (error) {
    await zip.abort(error);
    throw error;
  }
}
