import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { uploadPhoto, videoInDiaryEnabled, type UploadOptions } from "@/lib/db/photo-upload";
import { parseUploadQuery } from "@/lib/schemas/photo-upload";
import { sameOrigin } from "@/lib/server/http/same-origin";
import { photoErrorValues, PHOTO_LIMITS } from "./process";
import { VIDEO_LIMITS } from "./video";

// The request logic of POST /api/photos/upload (app/api/photos/upload/route.ts), a plain function of
// (user, request) so it is tested against PostgreSQL and a real store (tests/photo-upload.test.ts).
//
// - 401 without a session; 415 unless the body is application/octet-stream and 403 when a browser's
//   Origin is not this site (a cross-site page cannot send that without a CORS preflight we never
//   answer: no CSRF); 400 for a malformed query.
// - The size limit holds before the body is read: a Content-Length above it is refused at once (413),
//   and the body is read as a stream that is cancelled as soon as it passes the limit. For a diary
//   entry of an organisation with video enabled the limit is the video limit (VIDEO_LIMITS, 100 MB);
//   an image above the photo limit is then refused by the pipeline.
// - The answer is JSON: { ok: true, photoId, replayed } or { ok: false, code, values } where code is
//   a message key the client translates (Photos.errors.*, errors.*).

export interface UploadResponseBody {
  ok: boolean;
  photoId?: string;
  replayed?: boolean;
  code?: string;
  values?: Record<string, string | number>;
}

function json(status: number, body: UploadResponseBody): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
}

/** The body, or "tooLarge" as soon as it passes `maxBytes` (the rest is never read). */
export async function readLimited(request: Request, maxBytes: number): Promise<Buffer | "tooLarge"> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return "tooLarge";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export async function handleUpload(user: SessionUser | null, request: Request, opts: UploadOptions = {}): Promise<Response> {
  if (!user) return json(401, { ok: false, code: "errors.unauthorised" });
  if (!sameOrigin(request)) return json(403, { ok: false, code: "errors.forbidden" });
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/octet-stream") return json(415, { ok: false, code: "Photos.errors.unsupportedType" });
  const limits = opts.limits ?? PHOTO_LIMITS;
  const meta = parseUploadQuery(new URL(request.url).searchParams);
  const videoLimits = opts.videoLimits ?? VIDEO_LIMITS;
  // Only the policy is read here; whether this user may write the entry is decided by uploadPhoto().
  const acceptsVideo = meta.success && Boolean(meta.data.diaryEntryId) && (await videoInDiaryEnabled(user.organisationId));
  const maxBytes = acceptsVideo ? Math.max(limits.maxBytes, videoLimits.maxBytes) : limits.maxBytes;
  const tooLarge = () =>
    acceptsVideo
      ? json(413, { ok: false, code: "Photos.errors.videoTooLarge", values: { megabytes: Math.floor(videoLimits.maxBytes / (1024 * 1024)) } })
      : json(413, { ok: false, code: "Photos.errors.tooLarge", values: photoErrorValues(limits) });
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  if (!meta.success) return json(400, { ok: false, code: "errors.validation" });

  const body = await readLimited(request, maxBytes);
  if (body === "tooLarge") return tooLarge();
  const result = await uploadPhoto(user, meta.data, body, opts);
  if (!result.ok) return json(result.status, { ok: false, code: result.code, values: result.values });
  return json(result.replayed ? 200 : 201, { ok: true, photoId: result.photoId, replayed: result.replayed });
}
