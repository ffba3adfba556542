// Diary and photo exports (issue 4 §6, domain.md "Diary download", seed 003 "Bewaren Dagboek"): the pure
// parts — the period, the names and EXIF dates of the photos in the ZIP, and the readable HTML file.
// Everything here is in Amsterdam time, like every instant shown to a user.

import { amsterdamWallClock } from "@/lib/format/date";
import { addDays, compareIsoDates } from "./dates";
import type { IsoDate } from "./types";
import { escapeHtml } from "@/lib/format/html";

/** How long the mailed link works. */
export const EXPORT_LINK_DAYS = 7;
/** The longest period of a diary export, in days (a child's whole time at the daycare fits). */
export const MAX_EXPORT_PERIOD_DAYS = 366 * 6;

/** The moment a photo stands for: when it was taken, else when it was uploaded. */
export function photoMoment(photo: { takenAt: Date | null; createdAt: Date }): Date {
  return photo.takenAt ?? photo.createdAt;
}

/**
 * `YYYY-MM-DD_HHMM_<first 8 of id>.<extension>`, by the Amsterdam wall clock of the photo's (or
 * video's) moment: sorted by name is sorted by time. Photos are `.jpg`; videos keep their own type.
 */
export function exportPhotoFileName(moment: Date, photoId: string, extension = "jpg"): string {
  const w = amsterdamWallClock(moment);
  const shortId = photoId.replace(/[^0-9a-zA-Z]/g, "").slice(0, 8).toLowerCase();
  const ext = extension.replace(/[^0-9a-z]/gi, "").toLowerCase() || "bin";
  return `${w.year}-${w.month}-${w.day}_${w.hour}${w.minute}_${shortId}.${ext}`;
}

const VIDEO_EXTENSIONS: Record<string, string> = { "video/mp4": "mp4", "video/webm": "webm", "video/quicktime": "mov" };

/** The file extension of a stored video by its MIME type (as stored: never re-encoded). */
export function videoExtension(mimeType: string): string {
  return VIDEO_EXTENSIONS[mimeType.toLowerCase()] ?? "bin";
}

/** A child's first name for a file name: lower case, as typed (Unicode); see exportZipFileName. */
function nameForFile(firstName: string): string {
  return (
    firstName
      .normalize("NFC")
      .toLocaleLowerCase("nl")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "kind"
  );
}

/**
 * The ZIP's download name: `<prefix>-<child>-<from>-<to>.zip` for a diary of a period, else
 * `<prefix>-<child>-<day made>.zip` (e.g. "dagboek-noor-2026-09-01-2026-11-30.zip",
 * "fotos-noor-2026-11-30.zip"). May hold non-ASCII letters ("zoë"); the route sends an ASCII
 * fallback besides (Content-Disposition filename*).
 */
export function exportZipFileName(input: { prefix: string; firstName: string; from: IsoDate | null; to: IsoDate | null; madeOn: IsoDate }): string {
  const period = input.from && input.to ? `${input.from}-${input.to}` : input.madeOn;
  return `${input.prefix}-${nameForFile(input.firstName)}-${period}.zip`;
}

/** EXIF DateTimeOriginal ("YYYY:MM:DD HH:MM:SS", local time) and OffsetTimeOriginal of an instant. */
export function exifDateTime(moment: Date): { dateTime: string; offset: string } {
  const w = amsterdamWallClock(moment);
  return { dateTime: `${w.year}:${w.month}:${w.day} ${w.hour}:${w.minute}:${w.second}`, offset: w.offset };
}

export type PeriodError = "FROM_AFTER_TO" | "TO_IN_FUTURE" | "TOO_LONG";

/** A diary export's period: both days given, from ≤ to ≤ today, at most MAX_EXPORT_PERIOD_DAYS. */
export function checkExportPeriod(from: IsoDate, to: IsoDate, today: IsoDate): { ok: true } | { ok: false; error: PeriodError } {
  if (compareIsoDates(from, to) > 0) return { ok: false, error: "FROM_AFTER_TO" };
  if (compareIsoDates(to, today) > 0) return { ok: false, error: "TO_IN_FUTURE" };
  if (compareIsoDates(addDays(from, MAX_EXPORT_PERIOD_DAYS), to) < 0) return { ok: false, error: "TOO_LONG" };
  return { ok: true };
}


export interface ExportHtmlPhoto {
  /** Relative path inside the ZIP, e.g. "photos/2026-06-01_0930_ab12cd34.jpg". */
  file: string;
  /** A photo's alt text; a video's accessible name. */
  alt: string;
  /** Shown under the photo, e.g. "1 juni 2026 09:30". */
  when: string;
  /** Default "photo". A video is shown with the browser's own controls, and a link to the file. */
  kind?: "photo" | "video";
}

export interface ExportHtmlEntry {
  /** The entry's day, formatted. */
  day: string;
  author: string;
  body: string;
  photos: ExportHtmlPhoto[];
}

export interface ExportHtmlInput {
  lang: string;
  title: string;
  /** Lines under the title (child, period, made on). */
  intro: string[];
  /** null: no diary section (the photo export). */
  entriesHeading: string | null;
  noEntries: string;
  entries: ExportHtmlEntry[];
  photosHeading: string;
  noPhotos: string;
  /** Photos not attached to one of the entries above. */
  photos: ExportHtmlPhoto[];
  /** Label before the author's name, e.g. "Geschreven door". */
  writtenBy: string;
  /** The link to a video's file, for players that cannot play it inline, e.g. "Video openen". */
  openVideo?: string;
}

function figure(p: ExportHtmlPhoto, openVideo: string): string {
  const src = escapeHtml(p.file.split("/").map(encodeURIComponent).join("/"));
  if (p.kind === "video") {
    const link = `<a href="${src}">${escapeHtml(openVideo)}</a>`;
    return `<figure><video controls preload="metadata" playsinline src="${src}" aria-label="${escapeHtml(p.alt)}">${link}</video><figcaption>${escapeHtml(p.when)} · ${link}</figcaption></figure>`;
  }
  return `<figure><a href="${src}"><img src="${src}" alt="${escapeHtml(p.alt)}" loading="lazy"></a><figcaption>${escapeHtml(p.when)}</figcaption></figure>`;
}

/**
 * One self-contained HTML file: no scripts, no external resources, every text escaped, photos
 * referenced relatively (they lie next to it in the ZIP), readable on any device and printable.
 */
export function renderExportHtml(input: ExportHtmlInput): string {
  const openVideo = input.openVideo ?? "Video";
  const media = (list: ExportHtmlPhoto[]) => `<div class="photos">${list.map((p) => figure(p, openVideo)).join("")}</div>`;
  const entries = input.entries.length
    ? input.entries
        .map(
          (e) => `<article>
<h3>${escapeHtml(e.day)}</h3>
<p class="by">${escapeHtml(input.writtenBy)} ${escapeHtml(e.author)}</p>
<div class="body">${escapeHtml(e.body)}</div>
${e.photos.length ? media(e.photos) : ""}
</article>`,
        )
        .join("\n")
    : `<p>${escapeHtml(input.noEntries)}</p>`;
  const photos = input.photos.length ? media(input.photos) : `<p>${escapeHtml(input.noPhotos)}</p>`;
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'">
<title>${escapeHtml(input.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1d2521;max-width:52rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2rem 0 1rem;border-bottom:1px solid #dde1dc}
h3{font-size:1.1rem;margin:0}article{margin:0 0 1.5rem;padding:1rem;border:1px solid #dde1dc;border-radius:.75rem;break-inside:avoid}
.by{color:#4f5b55;font-size:.9rem;margin:.25rem 0 .75rem}.body{white-space:pre-wrap}
.photos{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.75rem;margin-top:1rem}
figure{margin:0}img,video{width:100%;height:auto;border-radius:.5rem}figcaption{font-size:.85rem;color:#4f5b55}
</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
${input.intro.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
${input.entriesHeading === null ? "" : `<h2>${escapeHtml(input.entriesHeading)}</h2>\n${entries}\n`}<h2>${escapeHtml(input.photosHeading)}</h2>
${photos}
</body>
</html>
`;
}
