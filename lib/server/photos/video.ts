import "server-only";
import { createHash } from "node:crypto";
import { MAX_VIDEO_BYTES } from "@/lib/schemas/photo-upload";
import type { BlobStore } from "@/lib/server/storage/store";

// Videos in diary entries, where the organisation enables it (OrganisationPolicy.videoInDiaryEnabled;
// domain.md "Timeline, diary, photos"). There is no ffmpeg on the server: videos are not transcoded and
// get no poster; they are stored exactly as uploaded, content-addressed
// (`videos/<sha[0..2]>/<sha>.<mp4|webm>`), after the type is sniffed from the bytes (never the name or
// the browser's Content-Type): MP4 by its `ftyp` box with an MP4 brand, WebM by its EBML header with
// DocType "webm". Served (with HTTP Range) by lib/server/photos/serve.ts as the `original` variant.

export const VIDEO_LIMITS = {
  /** Largest video accepted, in bytes (checked before the whole body is read). */
  maxBytes: MAX_VIDEO_BYTES,
} as const;

export type VideoLimits = { maxBytes: number };

export type VideoType = "mp4" | "webm";

export const VIDEO_MIME_TYPE: Record<VideoType, "video/mp4" | "video/webm"> = { mp4: "video/mp4", webm: "video/webm" };

const MP4_BRANDS = new Set(["mp41", "mp42", "isom", "iso2", "avc1", "M4V ", "M4VP"]);

/** The video type by its first bytes, or null. Images (AVIF/HEIC are also `ftyp` files) are not videos. */
export function sniffVideoType(data: Buffer): VideoType | null {
  // ISO base media file: box size, "ftyp", major brand, minor version, compatible brands.
  if (data.length >= 16 && data.toString("latin1", 4, 8) === "ftyp") {
    const boxSize = data.readUInt32BE(0);
    const end = Math.min(data.length, boxSize >= 16 && boxSize <= 4096 ? boxSize : 16);
    const brands = [data.toString("latin1", 8, 12)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(data.toString("latin1", at, at + 4));
    return brands.some((b) => MP4_BRANDS.has(b)) ? "mp4" : null;
  }
  // EBML: magic 1A 45 DF A3, then within the header the DocType element (42 82), its size and "webm".
  if (data.length >= 8 && data[0] === 0x1a && data[1] === 0x45 && data[2] === 0xdf && data[3] === 0xa3) {
    const header = data.subarray(0, Math.min(data.length, 64));
    for (let at = 4; at + 7 <= header.length; at++) {
      if (header[at] === 0x42 && header[at + 1] === 0x82 && header[at + 2] === 0x84 && header.toString("latin1", at + 3, at + 7) === "webm") {
        return "webm";
      }
    }
  }
  return null;
}

export function videoKey(sha256: string, type: VideoType): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("Not a sha256 hex digest");
  return `videos/${sha256.slice(0, 2)}/${sha256}.${type}`;
}

export interface StoredVideo {
  sha256: string;
  storageKey: string;
  mimeType: "video/mp4" | "video/webm";
  /** Unknown without a decoder: 0. */
  width: 0;
  height: 0;
  bytes: number;
  type: VideoType;
}

/** Stores a sniffed video as it is (content-addressed, so storing it twice is harmless). */
export async function storeVideo(store: BlobStore, data: Buffer, type: VideoType): Promise<StoredVideo> {
  const sha256 = createHash("sha256").update(data).digest("hex");
  const storageKey = videoKey(sha256, type);
  if (!(await store.has(storageKey))) await store.put(storageKey, data);
  return { sha256, storageKey, mimeType: VIDEO_MIME_TYPE[type], width: 0, height: 0, bytes: data.length, type };
}
