import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_VIDEO_BYTES } from "@/lib/schemas/photo-upload";

// What the browser checks about a chosen file before it is sent (issue 4 §3): the same limits as the
// server, so a parent hears at once that a file will not do, instead of after a long upload. The server
// stays the judge — it sniffs the type from the bytes (lib/server/photos/process.ts, video.ts) and
// checks the size again; this only looks at what the browser says about the file (type, name, size).
// Messages are the server's own keys (Photos.errors.*), so the wording is the same either way.

/** The server's limits (lib/schemas/photo-upload.ts, shared with lib/server/photos/process.ts). */
export { MAX_PHOTO_BYTES, MAX_VIDEO_BYTES };

const MEGABYTE = 1024 * 1024;
const MAX_PHOTO_MEGAPIXELS = Math.floor(MAX_PHOTO_PIXELS / 1_000_000);

export type UploadKind = "photo" | "video";

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/heic", "image/heif"] as const;
const VIDEO_TYPES = ["video/mp4", "video/webm"] as const;

const BY_TYPE: Record<string, UploadKind> = {
  ...Object.fromEntries(PHOTO_TYPES.map((type) => [type, "photo" as const])),
  // Older Android browsers and some file managers say image/jpg or image/pjpeg.
  "image/jpg": "photo",
  "image/pjpeg": "photo",
  ...Object.fromEntries(VIDEO_TYPES.map((type) => [type, "video" as const])),
};

const BY_EXTENSION: Record<string, UploadKind> = {
  jpg: "photo",
  jpeg: "photo",
  jpe: "photo",
  png: "photo",
  webp: "photo",
  avif: "photo",
  heic: "photo",
  heif: "photo",
  mp4: "video",
  m4v: "video",
  webm: "video",
};

/** The file picker's `accept`: the photo types, and the video types where videos may be added. */
export function acceptAttribute(acceptVideo: boolean): string {
  return [...PHOTO_TYPES, ...(acceptVideo ? VIDEO_TYPES : [])].join(",");
}

/** Photo or video by the browser's type, else by the name's extension (a HEIC often comes without a type); null for anything else. */
export function uploadKind(file: { name: string; type: string }): UploadKind | null {
  const type = file.type.split(";")[0]!.trim().toLowerCase();
  const byType = BY_TYPE[type];
  if (byType) return byType;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || null;
}

/** Why a file cannot be sent, as a message key with its values (the server's keys, translated by the form). */
export interface FileProblem {
  code: "Photos.errors.empty" | "Photos.errors.unsupportedType" | "Photos.errors.tooLarge" | "Photos.errors.videoNotAllowed" | "Photos.errors.videoTooLarge";
  values?: Record<string, number>;
}

export interface FileCheckOptions {
  /** A diary entry (videos possible) rather than a group's photos (never videos). */
  diary: boolean;
  /** The organisation accepts videos in diary entries (OrganisationPolicy.videoInDiaryEnabled). */
  acceptVideo: boolean;
}

/** The first reason this file cannot be uploaded here, or null when it may be sent. */
export function checkUploadFile(file: { name: string; type: string; size: number }, options: FileCheckOptions): FileProblem | null {
  if (file.size === 0) return { code: "Photos.errors.empty" };
  const kind = uploadKind(file);
  if (kind === null) return { code: "Photos.errors.unsupportedType" };
  if (kind === "video") {
    // In a group's photos a video is just a file we cannot use; in a diary entry it is a setting.
    if (!options.diary) return { code: "Photos.errors.unsupportedType" };
    if (!options.acceptVideo) return { code: "Photos.errors.videoNotAllowed" };
    if (file.size > MAX_VIDEO_BYTES) return { code: "Photos.errors.videoTooLarge", values: { megabytes: Math.floor(MAX_VIDEO_BYTES / MEGABYTE) } };
    return null;
  }
  if (file.size > MAX_PHOTO_BYTES) {
    return { code: "Photos.errors.tooLarge", values: { megabytes: Math.floor(MAX_PHOTO_BYTES / MEGABYTE), megapixels: MAX_PHOTO_MEGAPIXELS } };
  }
  return null;
}

/** A file's size in megabytes with one decimal (at least 0.1), for "2,4 MB". */
export function megabytes(bytes: number): number {
  return Math.max(0.1, Math.round((bytes / MEGABYTE) * 10) / 10);
}
