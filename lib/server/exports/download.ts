import "server-only";
import { Readable } from "node:stream";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryReadableChildWhere, loadDiaryWindows } from "@/lib/db/diary";
import { exportZipFileName } from "@/lib/domain/exports";
import { amsterdamIsoDate, toIsoDate } from "@/lib/format/date";
import { exportTranslator } from "@/lib/server/exports/messages";
import { hashExportToken } from "@/lib/server/jobs/exports";
import { contentDisposition, parseRange } from "@/lib/server/photos/serve";
import type { StreamingBlobStore } from "@/lib/server/storage/store";

// GET /api/exports/<token>: the ZIP of a finished export, as an attachment. The link alone is not
// enough: it works only for the signed-in user who asked for it, until it expires (EXPORT_LINK_DAYS),
// and while that user may still read the child's diary. Anything else — unknown, expired, another
// user's — is the same 404. Without a session: to the log-in page, and back here afterwards.
// The ZIP can be gigabytes: it is streamed from the store (never read into memory), with its
// Content-Length, and one HTTP Range (with If-Range) so an interrupted download can be resumed.

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function plain(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra } });
}

const notFound = () => plain(404, "Not found");

export async function serveExport(
  user: SessionUser | null,
  token: string,
  store: StreamingBlobStore,
  now: Date = new Date(),
  request?: Request,
): Promise<Response> {
  if (!TOKEN.test(token)) return notFound();
  if (!user) {
    const back = `/api/exports/${token}`;
    return new Response(null, { status: 303, headers: { Location: `/nl/login?callbackUrl=${encodeURIComponent(back)}`, "Cache-Control": "no-store" } });
  }
  const job = await db.exportJob.findFirst({
    where: { tokenHash: hashExportToken(token), userId: user.id, status: "DONE", expiresAt: { gt: now }, storageKey: { not: null } },
    select: { id: true, kind: true, from: true, to: true, storageKey: true, childId: true, createdAt: true, finishedAt: true, child: { select: { firstName: true } } },
  });
  if (!job) return notFound();
  const windows = await loadDiaryWindows(user.organisationId, now);
  const readable = await db.child.count({ where: { AND: [{ id: job.childId }, diaryReadableChildWhere(user, windows)] } });
  if (readable !== 1) return notFound();

  const info = await store.stat(job.storageKey!);
  if (!info) return notFound();
  // One mailed link names one ZIP that never changes (a rebuild gets a new token): a strong validator.
  const etag = `"export-${job.id}-${(job.finishedAt ?? job.createdAt).getTime()}-${info.size}"`;
  const ifRange = request?.headers.get("if-range") ?? null;
  const range = ifRange && ifRange.trim() !== etag ? null : parseRange(request?.headers.get("range") ?? null, info.size);
  if (range === "unsatisfiable") return plain(416, "Range not satisfiable", { "Accept-Ranges": "bytes", "Content-Range": `bytes */${info.size}` });

  const blob = await store.getStream(job.storageKey!, range ?? undefined);
  if (!blob) return notFound();

  const { t } = exportTranslator(user.locale);
  const fileName = exportZipFileName({
    prefix: t(job.kind === "DIARY" ? "fileName.diary" : "fileName.photos"),
    firstName: job.child.firstName,
    from: job.kind === "DIARY" && job.from ? toIsoDate(job.from) : null,
    to: job.kind === "DIARY" && job.to ? toIsoDate(job.to) : null,
    madeOn: amsterdamIsoDate(job.createdAt),
  });
  const headers: Record<string, string> = {
    "Content-Type": "application/zip",
    "Content-Length": String(blob.end - blob.start + 1),
    "Content-Disposition": contentDisposition("attachment", fileName),
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
  if (range) headers["Content-Range"] = `bytes ${blob.start}-${blob.end}/${blob.size}`;
  // A web stream over the file: read as the client takes it; closed (with the file) when it goes away.
  const body = Readable.toWeb(blob.stream) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: range ? 206 : 200, headers });
}
