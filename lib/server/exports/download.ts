import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryReadableChildWhere, loadDiaryWindows } from "@/lib/db/diary";
import { amsterdamIsoDate } from "@/lib/format/date";
import { hashExportToken } from "@/lib/server/jobs/exports";
import type { BlobStore } from "@/lib/server/storage/store";

// GET /api/exports/<token>: the ZIP of a finished export, as an attachment. The link alone is not
// enough: it works only for the signed-in user who asked for it, until it expires (EXPORT_LINK_DAYS),
// and while that user may still read the child's diary. Anything else — unknown, expired, another
// user's — is the same 404. Without a session: to the log-in page, and back here afterwards.

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function serveExport(user: SessionUser | null, token: string, store: BlobStore, now: Date = new Date()): Promise<Response> {
  if (!TOKEN.test(token)) return notFound();
  if (!user) {
    const back = `/api/exports/${token}`;
    return new Response(null, { status: 303, headers: { Location: `/nl/login?callbackUrl=${encodeURIComponent(back)}`, "Cache-Control": "no-store" } });
  }
  const job = await db.exportJob.findFirst({
    where: { tokenHash: hashExportToken(token), userId: user.id, status: "DONE", expiresAt: { gt: now }, storageKey: { not: null } },
    select: { id: true, kind: true, storageKey: true, childId: true, createdAt: true, child: { select: { firstName: true } } },
  });
  if (!job) return notFound();
  const windows = await loadDiaryWindows(user.organisationId, now);
  const readable = await db.child.count({ where: { AND: [{ id: job.childId }, diaryReadableChildWhere(user, windows)] } });
  if (readable !== 1) return notFound();
  const zip = await store.get(job.storageKey!);
  if (!zip) return notFound();

  const safeName = job.child.firstName.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "kind";
  const fileName = `${job.kind === "DIARY" ? "dagboek" : "fotos"}-${safeName}-${amsterdamIsoDate(job.createdAt)}.zip`;
  return new Response(new Uint8Array(zip.buffer as ArrayBuffer, zip.byteOffset, zip.byteLength), {
    status: 200,
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(zip.byteLength),
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
}
