import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { findVisiblePhoto, type PhotoRow } from "@/lib/db/photo-access";
import { amsterdamIsoDate } from "@/lib/format/date";
import { isPhotoVariant, photoVersion, PHOTO_VERSION_LENGTH, variantWidth, type PhotoVariant } from "@/lib/photos/urls";
import { blobStore, type BlobStore } from "@/lib/server/storage/store";
import { MissingOriginalError, thumbnail, type ThumbnailFormat } from "./process";

// GET /api/photos/<photoId>/<variant>?v=<sha prefix>[&download=1] — the request logic of
// app/api/photos/[photoId]/[variant]/route.ts, as a plain function of (user, params, request) so it
// is tested against PostgreSQL and a real store (tests/photo-serve.test.ts).
//
// - 401 without a session; 400 for an unknown variant; 404 for a photo that does not exist, is not
//   visible to this user, or whose `v` is not the current sha prefix (never "403": existence is not
//   leaked); nothing is read from the store before the photo is authorised.
// - Content-addressed URLs: `Cache-Control: private, max-age=31536000, immutable` and a strong ETag
//   from sha256 + variant + format; If-None-Match → 304.
// - Thumbnails in AVIF, WebP or JPEG by the Accept header (Vary: Accept); the original as stored
//   (a metadata-free JPEG), with `Content-Disposition: attachment` for `download=1`.

export const PHOTO_CACHE_CONTROL = "private, max-age=31536000, immutable";

export interface PhotoRouteParams {
  photoId: string;
  variant: string;
}

export interface ServeOptions {
  store?: BlobStore;
  now?: Date;
}

function plain(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...extra,
    },
  });
}

const notFound = () => plain(404, "Not found");

interface MediaRange {
  type: string;
  q: number;
}

function parseAccept(accept: string | null): MediaRange[] {
  if (!accept) return [];
  return accept.split(",").flatMap((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    if (!type) return [];
    let q = 1;
    for (const p of params) {
      const [name, value] = p.trim().split("=");
      if (name === "q") q = Number(value);
    }
    return Number.isFinite(q) ? [{ type: type.trim(), q }] : [];
  });
}

/**
 * AVIF when the client names it, else WebP, else JPEG (every client can show JPEG; "image/*" and
 * "*\/*" do not prove AVIF or WebP support, so they get JPEG). A type with q=0 is refused.
 */
export function negotiateThumbnailFormat(accept: string | null): ThumbnailFormat {
  const ranges = parseAccept(accept);
  const accepts = (type: string) => ranges.some((r) => r.type === type && r.q > 0);
  if (accepts("image/avif")) return "avif";
  if (accepts("image/webp")) return "webp";
  return "jpeg";
}

/** A strong ETag naming exactly these bytes: the stored original's sha256, the variant and the format. */
export function photoEtag(sha256: string, variant: PhotoVariant, format: ThumbnailFormat | "original"): string {
  return `"${sha256}-${variant}-${format}"`;
}

/** RFC 9110 If-None-Match: a list of entity tags or "*", compared weakly. */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
};

/** Safe in a quoted ASCII filename: letters, digits, "-", "_" and "." only. */
function asciiFileName(value: string): string {
  return (
    value
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^[-.]+|-+$/g, "") || "photo"
  );
}

/** Any Unicode, but no path separators, quotes or control characters. */
function unicodeFileName(value: string): string {
  return (
    value
      .normalize("NFC")
      .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, "-")
      .replace(/\s+/g, " ")
      .replace(/-+/g, "-")
      .replace(/^[-. ]+|[- ]+$/g, "") || "photo"
  );
}

/** RFC 6266 / RFC 5987: an ASCII `filename` always, plus `filename*` when the name is not ASCII. */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const ascii = asciiFileName(fileName);
  const unicode = unicodeFileName(fileName);
  if (ascii === unicode) return `${kind}; filename="${ascii}"`;
  const encoded = encodeURIComponent(unicode).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** "<child or group name>-<yyyy-mm-dd>-<short id>.<ext>", the date being when it was taken (else uploaded), in Amsterdam. */
export function downloadFileName(photo: Pick<PhotoRow, "id" | "mimeType" | "takenAt" | "createdAt" | "groupName" | "taggedChildren">): string {
  const name = photo.taggedChildren[0]?.firstName ?? photo.groupName;
  const day = amsterdamIsoDate(photo.takenAt ?? photo.createdAt);
  const extension = EXTENSIONS[photo.mimeType] ?? "bin";
  return `${name}-${day}-${photo.id.slice(0, 8)}.${extension}`;
}

export async function servePhoto(
  user: SessionUser | null,
  params: PhotoRouteParams,
  request: Request,
  options: ServeOptions = {},
): Promise<Response> {
  if (!user) return plain(401, "Unauthorized", { "WWW-Authenticate": 'Cookie realm="ouderportaal"' });
  if (!isPhotoVariant(params.variant)) return plain(400, "Unknown variant");
  const variant = params.variant;

  const photo = await findVisiblePhoto(user, params.photoId, options.now);
  if (!photo) return notFound();
  const url = new URL(request.url);
  const version = url.searchParams.get("v");
  if (!version || version.length !== PHOTO_VERSION_LENGTH || version !== photoVersion(photo.sha256)) return notFound();

  const width = variantWidth(variant);
  if (width !== null && photo.kind !== "PHOTO") return notFound();
  const format: ThumbnailFormat | "original" = width === null ? "original" : negotiateThumbnailFormat(request.headers.get("accept"));
  const etag = photoEtag(photo.sha256, variant, format);
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": PHOTO_CACHE_CONTROL,
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (width !== null) headers.Vary = "Accept";
  const download = width === null && url.searchParams.get("download") === "1";
  if (width === null) {
    headers["Content-Disposition"] = contentDisposition(download ? "attachment" : "inline", downloadFileName(photo));
  }

  if (ifNoneMatchHits(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }

  const store = options.store ?? blobStore();
  let body: Buffer;
  let contentType: string;
  if (width === null) {
    const original = await store.get(photo.storageKey);
    if (!original) {
      console.error(`[photos] original missing from the store: ${photo.storageKey} (photo ${photo.id})`);
      return notFound();
    }
    body = original;
    contentType = photo.mimeType;
  } else {
    try {
      const thumb = await thumbnail(store, photo, width, format as ThumbnailFormat);
      body = thumb.data;
      contentType = thumb.contentType;
    } catch (error) {
      if (!(error instanceof MissingOriginalError)) throw error;
      console.error(`[photos] ${error.message} (photo ${photo.id})`);
      return notFound();
    }
  }
  // A view on the same memory (no copy); Buffers from fs and sharp are never shared memory.
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
    status: 200,
    headers: { ...headers, "Content-Type": contentType, "Content-Length": String(body.length) },
  });
}
