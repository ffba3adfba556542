import "server-only";
import { createHash } from "node:crypto";
import sharp, { type Metadata, type OutputInfo, type SharpOptions } from "sharp";
import type { PhotoWidth } from "@/lib/photos/urls";
import { PHOTO_WIDTHS } from "@/lib/photos/urls";
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from "@/lib/schemas/photo-upload";
import type { BlobStore } from "@/lib/server/storage/store";
import { exifTakenAt } from "./exif";

// The upload pipeline (issue 4 §3). Nothing about an upload is trusted: not its name, not its
// Content-Type, not its header's dimensions.
// 1. size limit on the bytes;
// 2. the format is sniffed from the magic bytes: JPEG, PNG, WebP, AVIF (HEIC when this sharp build
//    can decode it); everything else — SVG, GIF, TIFF, HTML — is refused before sharp sees it;
// 3. the pixel count from the header is checked before decoding, and sharp's limitInputPixels guards
//    the decoder as well (decompression bombs);
// 4. decoded with failOn "error" (truncated and corrupt files are refused), auto-rotated by EXIF,
//    converted to sRGB, flattened onto white, and re-encoded as a JPEG without ANY metadata (no EXIF,
//    GPS, XMP, IPTC or ICC; whatever else the file carried — a script after the image, a comment —
//    does not survive decoding);
// 5. content-addressed: the key is the sha256 of the stored bytes (`originals/<sha[0..2]>/<sha>.jpg`).
// The EXIF DateTimeOriginal is read before stripping and returned as `takenAt`.
// Thumbnails (w320/w640/w1280 as AVIF, WebP or JPEG) are made from the stored original on first
// request, once, and cached in the store next to it.

export const PHOTO_LIMITS = {
  /** Largest upload accepted, in bytes. */
  maxBytes: MAX_PHOTO_BYTES,
  /** Largest image accepted, in pixels. */
  maxPixels: MAX_PHOTO_PIXELS,
  /** Longest side accepted, in pixels. */
  maxDimension: 16_384,
} as const;

export type PhotoLimits = { maxBytes: number; maxPixels: number; maxDimension: number };

export const PHOTO_ERROR_CODES = ["empty", "tooLarge", "unsupportedType", "heicUnsupported", "tooManyPixels", "corrupt"] as const;
export type PhotoErrorCode = (typeof PHOTO_ERROR_CODES)[number];

/** The ICU arguments of the Photos.errors.* messages. */
export function photoErrorValues(limits: PhotoLimits = PHOTO_LIMITS): { megabytes: number; megapixels: number } {
  return { megabytes: Math.floor(limits.maxBytes / (1024 * 1024)), megapixels: Math.floor(limits.maxPixels / 1_000_000) };
}

/**
 * A refused upload. Show it with `t(error.messageKey, error.values)` where t = getTranslations("Photos")
 * (keys Photos.errors.*, nl and en).
 */
export class PhotoProcessingError extends Error {
  readonly code: PhotoErrorCode;
  readonly messageKey: `errors.${PhotoErrorCode}`;
  readonly values: { megabytes: number; megapixels: number };

  constructor(code: PhotoErrorCode, detail?: string, limits: PhotoLimits = PHOTO_LIMITS) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "PhotoProcessingError";
    this.code = code;
    this.messageKey = `errors.${code}`;
    this.values = photoErrorValues(limits);
  }
}

export type SniffedType = "jpeg" | "png" | "webp" | "avif" | "heic";

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);

/** The image type by its first bytes, or null. Never by file name or the browser's Content-Type. */
export function sniffImageType(data: Buffer): SniffedType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "jpeg";
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (data.length >= 12 && data.toString("latin1", 0, 4) === "RIFF" && data.toString("latin1", 8, 12) === "WEBP") return "webp";
  // ISO base media file (HEIF family): box size, "ftyp", major brand, minor version, compatible brands.
  if (data.length >= 16 && data.toString("latin1", 4, 8) === "ftyp") {
    const boxSize = data.readUInt32BE(0);
    const end = Math.min(data.length, boxSize >= 16 && boxSize <= 4096 ? boxSize : 16);
    const brands = [data.toString("latin1", 8, 12)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(data.toString("latin1", at, at + 4));
    if (brands.some((b) => AVIF_BRANDS.has(b))) return "avif";
    if (brands.some((b) => HEIC_BRANDS.has(b))) return "heic";
  }
  return null;
}

/** Can this sharp (libvips/libheif) build decode HEVC-coded HEIC? The prebuilt one cannot (AVIF only). */
export function canDecodeHeic(): boolean {
  const suffixes = (sharp.format.heif?.input as { fileSuffix?: string[] } | undefined)?.fileSuffix ?? [];
  return suffixes.includes(".heic");
}

const SHARP_FORMAT: Record<SniffedType, string> = { jpeg: "jpeg", png: "png", webp: "webp", avif: "heif", heic: "heif" };

export interface ProcessedPhoto {
  /** The stored original: a metadata-free JPEG. */
  data: Buffer;
  sha256: string;
  storageKey: string;
  mimeType: "image/jpeg";
  width: number;
  height: number;
  bytes: number;
  /** EXIF DateTimeOriginal of the upload, if it had a plausible one. */
  takenAt: Date | null;
  /** What the upload was. */
  sourceType: SniffedType;
}

export const ORIGINAL_JPEG_QUALITY = 88;

export function originalKey(sha256: string): string {
  assertSha256(sha256);
  return `originals/${sha256.slice(0, 2)}/${sha256}.jpg`;
}

function assertSha256(sha256: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("Not a sha256 hex digest");
}

function sharpError(error: unknown, limits: PhotoLimits): PhotoProcessingError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return new PhotoProcessingError("tooManyPixels", message, limits);
  return new PhotoProcessingError("corrupt", message, limits);
}

/**
 * Checks and re-encodes an upload. Throws PhotoProcessingError for anything it refuses; stores nothing.
 */
export async function processPhoto(input: Buffer, limits: PhotoLimits = PHOTO_LIMITS, now: Date = new Date()): Promise<ProcessedPhoto> {
  if (input.length === 0) throw new PhotoProcessingError("empty");
  if (input.length > limits.maxBytes) throw new PhotoProcessingError("tooLarge", `${input.length} bytes`, limits);
  const sourceType = sniffImageType(input);
  if (!sourceType) throw new PhotoProcessingError("unsupportedType");
  if (sourceType === "heic" && !canDecodeHeic()) throw new PhotoProcessingError("heicUnsupported");

  const options: SharpOptions = { limitInputPixels: limits.maxPixels, failOn: "error" };

  // The header first: its dimensions decide whether we decode at all.
  let metadata: Metadata;
  try {
    metadata = await sharp(input, options).metadata();
  } catch (error) {
    throw sharpError(error, limits);
  }
  if (metadata.format !== SHARP_FORMAT[sourceType]) {
    throw new PhotoProcessingError("unsupportedType", `sniffed ${sourceType}, decoder says ${metadata.format}`);
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width < 1 || height < 1) throw new PhotoProcessingError("corrupt", "no dimensions");
  if (width > limits.maxDimension || height > limits.maxDimension || width * height > limits.maxPixels) {
    throw new PhotoProcessingError("tooManyPixels", `${width}×${height}`, limits);
  }
  const takenAt = exifTakenAt(metadata.exif, now);

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(input, options)
      .rotate() // by EXIF Orientation; the tag itself goes with the rest of the metadata
      .toColourspace("srgb")
      .flatten({ background: "#ffffff" })
      // No withMetadata()/keepExif(): sharp writes no EXIF, XMP, IPTC or ICC profile.
      .jpeg({ quality: ORIGINAL_JPEG_QUALITY, progressive: true, chromaSubsampling: "4:2:0" })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw sharpError(error, limits);
  }
  const sha256 = createHash("sha256").update(output.data).digest("hex");
  return {
    data: output.data,
    sha256,
    storageKey: originalKey(sha256),
    mimeType: "image/jpeg",
    width: output.info.width,
    height: output.info.height,
    bytes: output.data.length,
    takenAt,
    sourceType,
  };
}

/** processPhoto() and store the original (content-addressed, so storing it twice is harmless). */
export async function storePhoto(store: BlobStore, input: Buffer, limits: PhotoLimits = PHOTO_LIMITS, now?: Date): Promise<ProcessedPhoto> {
  const processed = await processPhoto(input, limits, now);
  if (!(await store.has(processed.storageKey))) await store.put(processed.storageKey, processed.data);
  return processed;
}

// ─── Thumbnails ──────────────────────────────────────────────────────────────

export const THUMBNAIL_FORMATS = ["avif", "webp", "jpeg"] as const;
export type ThumbnailFormat = (typeof THUMBNAIL_FORMATS)[number];

export const THUMBNAIL_CONTENT_TYPE: Record<ThumbnailFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
};

const THUMBNAIL_EXTENSION: Record<ThumbnailFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

export function thumbnailKey(sha256: string, width: PhotoWidth, format: ThumbnailFormat): string {
  assertSha256(sha256);
  if (!(PHOTO_WIDTHS as readonly number[]).includes(width)) throw new Error(`Not a thumbnail width: ${width}`);
  return `thumbs/${sha256.slice(0, 2)}/${sha256}-${width}.${THUMBNAIL_EXTENSION[format]}`;
}

/** Encodes a thumbnail from the stored original (already rotated and stripped). Exported for the bench. */
export async function renderThumbnail(original: Buffer, width: PhotoWidth, format: ThumbnailFormat): Promise<Buffer> {
  const pipeline = sharp(original, { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: "error" }).resize({
    width,
    withoutEnlargement: true,
  });
  switch (format) {
    case "avif":
      return pipeline.avif({ quality: 55, effort: 2 }).toBuffer();
    case "webp":
      return pipeline.webp({ quality: 78, effort: 4 }).toBuffer();
    case "jpeg":
      return pipeline.jpeg({ quality: 80, progressive: true, mozjpeg: true }).toBuffer();
  }
}

export interface PhotoBlobRef {
  sha256: string;
  storageKey: string;
}

export interface Thumbnail {
  data: Buffer;
  contentType: string;
  format: ThumbnailFormat;
  /** true when this call found it in the store (for tests and the bench). */
  cached: boolean;
}

/** Thumbnails being made in this process, so concurrent requests for one key make it once. */
const inFlight = new WeakMap<BlobStore, Map<string, Promise<Thumbnail>>>();

export class MissingOriginalError extends Error {
  constructor(key: string) {
    super(`Original missing from the store: ${key}`);
    this.name = "MissingOriginalError";
  }
}

/**
 * The thumbnail of a photo in a width and format: from the store, or made once and stored there
 * (`thumbs/<sha[0..2]>/<sha>-<width>.<ext>`). Concurrent calls in this process share one rendering;
 * across processes the store's atomic rename means a reader sees a whole file or none.
 */
export async function thumbnail(store: BlobStore, photo: PhotoBlobRef, width: PhotoWidth, format: ThumbnailFormat): Promise<Thumbnail> {
  const key = thumbnailKey(photo.sha256, width, format);
  const cached = await store.get(key);
  if (cached) return { data: cached, contentType: THUMBNAIL_CONTENT_TYPE[format], format, cached: true };
  let making = inFlight.get(store);
  if (!making) inFlight.set(store, (making = new Map()));
  let pending = making.get(key);
  if (!pending) {
    pending = (async () => {
      const original = await store.get(photo.storageKey);
      if (!original) throw new MissingOriginalError(photo.storageKey);
      const data = await renderThumbnail(original, width, format);
      await store.put(key, data);
      return { data, contentType: THUMBNAIL_CONTENT_TYPE[format], format, cached: false };
    })().finally(() => making.delete(key));
    making.set(key, pending);
  }
  return pending;
}
