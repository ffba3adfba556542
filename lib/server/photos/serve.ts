import "server-only";
import { open } from "node:fs/promises";
import type { SessionUser } from "@/lib/auth/types";
import { findVisiblePhoto, type PhotoRow } from "@/lib/db/photo-access";
import { amsterdamIsoDate } from "@/lib/format/date";
import { isPhotoVariant, photoVersion, PHOTO_VERSION_LENGTH, variantWidth, type PhotoVariant } from "@/lib/photos/urls";
import { blobStore, LocalBlobStore, type BlobStore } from "@/lib/server/storage/store";
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
//   (a metadata-free JPEG; a video exactly as uploaded), with `Content-Disposition: attachment` for
//   `download=1`.
// - The original answers HTTP Range requests (RFC 9110 §14: one range, `bytes=a-b`, `bytes=a-`,
//   `bytes=-n`; If-Range by ETag) with 206 and Content-Range, so a <video> can seek; 416 with
//   `Content-Range: bytes */<size>` when the range is outside the file. Several ranges, or a header
//   that does not parse, get the whole file (200), as the RFC allows.

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

export type ByteRange = { start: number; end: number };

/**
 * One byte range of a file of `size` bytes from a Range header: the range (inclusive end, clamped to
 * the file), "unsatisfiable" (416), or null when the header is absent, malformed or asks for several
 * ranges (then the whole file is sent).
 */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (start >= size) return "unsatisfiable";
  if (end < start) return null;
  return { start, end: Math.min(end, size - 1) };
}

/** The size of a stored blob and a way to read part of it (a slice of the file, not the whole). */
async function openBlob(store: BlobStore, key: string): Promise<{ size: number; read(range: ByteRange | null): Promise<Buffer>; close(): Promise<void> } | null> {
  if (store instanceof LocalBlobStore) {
    let handle;
    try {
      handle = await open(store.filePath(key), "r");
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === "ENOENT" || code === "ENOTDIR") return null;
      throw error;
    }
    const file = handle;
    try {
      const { size } = await file.stat();
      return {
        size,
        async read(range) {
          try {
            const from = range?.start ?? 0;
            const length = range ? range.end - range.start + 1 : size;
            const data = Buffer.alloc(length);
            let done = 0;
            while (done < length) {
              const { bytesRead } = await file.read(data, done, length - done, from + done);
              if (bytesRead === 0) break;
              done += bytesRead;
            }
            return done === length ? data : data.subarray(0, done);
          } finally {
            await file.close();
          }
        },
        close: () => file.close(),
      };
    } catch (error) {
      await file.close();
      throw error;
    }
  }
  const data = await store.get(key);
  if (!data) return null;
  return { size: data.length, read: async (range) => (range ? data.subarray(range.start, range.end + 1) : data), close: async () => undefined };
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
    headers["Accept-Ranges"] = "bytes";
  }

  if (ifNoneMatchHits(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }

  const store = options.store ?? blobStore();
  let body: Buffer;
  let contentType: string;
  if (width === null) {
    const original = await openBlob(store, photo.storageKey);
    if (!original) {
      console.error(`[photos] original missing from the store: ${photo.storageKey} (photo ${photo.id})`);
      return notFound();
    }
    const ifRange = request.headers.get("if-range");
    const range = ifRange && ifRange.trim() !== etag ? null : parseRange(request.headers.get("range"), original.size);
    if (range === "unsatisfiable") {
      await original.close();
      return plain(416, "Range not satisfiable", {
        "Accept-Ranges": "bytes",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Content-Range": `bytes */${original.size}`,
      });
    }
    body = await original.read(range);
    if (range) {
      return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
        status: 206,
        headers: {
          ...headers,
          "Content-Type": photo.mimeType,
          "Content-Length": String(body.length),
          "Content-Range": `bytes ${range.start}-${range.end}/${original.size}`,
        },
      });
    }
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
