import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { loadAccountState } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { EXPORT_LINK_DAYS } from "@/lib/domain/exports";
import { toIsoDate } from "@/lib/format/date";
import { serverEnv } from "@/lib/server/env";
import { buildExport, ExportNotAllowedError } from "@/lib/server/exports/build";
import { sendMail } from "@/lib/server/mail";
import { renderExportReadyMail } from "@/lib/server/mail-templates/export-ready";
import { blobStore, type StreamingBlobStore } from "@/lib/server/storage/store";

// The export worker (issue 4 §6), run by lib/server/jobs/scheduler.ts in every app instance. A job is
// claimed with one UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED): several instances (or two
// runs in one) each take a different QUEUED job and never the same one. A job left RUNNING by a
// process that died is taken again after STALE_AFTER_MS, up to MAX_ATTEMPTS times, then FAILED.
// The ZIP is streamed into the store as `exports/<job id>.zip` (lib/server/exports/build.ts); the mail
// carries a link with 32 random bytes, of which only the SHA-256 is kept. Every run also cleans the
// store's exports/ folder: ZIPs of expired links and of failed jobs, ZIPs whose job is gone (the
// account or the child was deleted: the ZIP must not outlive them), and the temp files of builds
// that died halfway.

export const MAX_ATTEMPTS = 3;
export const STALE_AFTER_MS = 30 * 60 * 1000;
const LINK_TTL_MS = EXPORT_LINK_DAYS * 24 * 60 * 60 * 1000;

export function hashExportToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function exportStorageKey(jobId: string): string {
  return `exports/${jobId}.zip`;
}

export interface ExportRun {
  done: number;
  failed: number;
  /** Jobs put back in the queue after an error (mail server down …). */
  retried: number;
  /** ZIPs deleted: expired links, failed and deleted jobs, half-written leftovers. */
  purged: number;
}

interface Claimed {
  id: string;
  attempts: number;
  startedAt: Date;
}

/** Takes the oldest QUEUED (or stale RUNNING) job, or null. */
export async function claimExportJob(now: Date = new Date()): Promise<Claimed | null> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "ExportJob" SET status = 'RUNNING', "startedAt" = ${now}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "ExportJob"
      WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND "startedAt" < ${staleBefore})) AND attempts < ${MAX_ATTEMPTS}
      ORDER BY "createdAt", id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, attempts, "startedAt"`;
  return rows[0] ?? null;
}

/** Jobs stuck RUNNING after their last attempt: FAILED. */
async function failExhausted(now: Date): Promise<number> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const { count } = await db.exportJob.updateMany({
    where: { status: "RUNNING", startedAt: { lt: staleBefore }, attempts: { gte: MAX_ATTEMPTS } },
    data: { status: "FAILED", error: "gave up after repeated attempts", finishedAt: now },
  });
  return count;
}

const EXPORTS_FOLDER = "exports";
const ZIP_KEY = /^exports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.zip$/;

/** ZIPs of expired links and of failed jobs: deleted, and the job forgets its key. */
async function purgeExpired(store: StreamingBlobStore, now: Date): Promise<number> {
  const expired = await db.exportJob.findMany({
    where: { storageKey: { not: null }, OR: [{ expiresAt: { lte: now } }, { status: "FAILED" }] },
    select: { id: true, storageKey: true },
    take: 100,
  });
  for (const job of expired) {
    await store.delete(job.storageKey!);
    await db.exportJob.updateMany({ where: { id: job.id, storageKey: job.storageKey }, data: { storageKey: null } });
  }
  return expired.length;
}

/**
 * What no job row accounts for any more: a ZIP whose job was deleted (with its user or child), or whose
 * job no longer names it; and temp files of builds that died. Both only when untouched for
 * STALE_AFTER_MS, so a build still writing (or between storing its ZIP and recording the key) is left alone.
 */
async function purgeOrphans(store: StreamingBlobStore, now: Date): Promise<number> {
  const before = new Date(now.getTime() - STALE_AFTER_MS);
  let purged = await store.removeStaleTemporaryFiles(EXPORTS_FOLDER, before);
  const candidates: { key: string; jobId: string | null }[] = [];
  for await (const blob of store.list(EXPORTS_FOLDER)) {
    if (blob.modifiedAt >= before) continue;
    candidates.push({ key: blob.key, jobId: ZIP_KEY.exec(blob.key)?.[1] ?? null });
    if (candidates.length >= 1000) break;
  }
  if (!candidates.length) return purged;
  const ids = candidates.flatMap((c) => (c.jobId ? [c.jobId] : []));
  const kept = await db.exportJob.findMany({
    where: { id: { in: ids }, status: { in: ["QUEUED", "RUNNING", "DONE"] }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true },
  });
  const keep = new Set(kept.map((k) => k.id));
  for (const c of candidates) {
    if (c.jobId && keep.has(c.jobId)) continue;
    await store.delete(c.key);
    purged += 1;
  }
  return purged;
}

/** Builds, stores and mails one claimed job. "done" | "failed" | "retried". */
export async function processExportJob(store: StreamingBlobStore, claimed: Claimed, now: Date = new Date()): Promise<"done" | "failed" | "retried"> {
  // Updates only while this claim holds (a reclaim after a stall changes startedAt).
  const mine = { id: claimed.id, status: "RUNNING" as const, startedAt: claimed.startedAt };
  const job = await db.exportJob.findUniqueOrThrow({
    where: { id: claimed.id },
    select: { id: true, userId: true, kind: true, from: true, to: true, childId: true, child: { select: { firstName: true } }, user: { select: { disabledAt: true } } },
  });
  try {
    const account = await loadAccountState(job.userId);
    // A disabled account gets nothing (the diary rules below decide the rest).
    if (!account || job.user.disabledAt) throw new ExportNotAllowedError();
    const user = account.user;
    const storageKey = exportStorageKey(job.id);
    // Streamed into the store under its final key (atomically: complete or not there at all).
    const built = await buildExport(
      store,
      user,
      { kind: job.kind, childId: job.childId, from: job.from ? toIsoDate(job.from) : null, to: job.to ? toIsoDate(job.to) : null },
      storageKey,
      now,
    );

    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
    const { count } = await db.exportJob.updateMany({
      where: mine,
      data: { status: "DONE", storageKey, tokenHash: hashExportToken(token), expiresAt, finishedAt: now, error: built.missing ? `${built.missing} photo(s)/video(s) left out: missing from the store or unreadable` : null },
    });
    if (count !== 1) return "retried"; // another instance took over a stalled claim; it mails
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: user.organisationId }, select: { name: true } });
    const mail = renderExportReadyMail({
      locale: user.locale,
      name: user.name,
      childName: job.child.firstName,
      kind: job.kind,
      url: new URL(`/api/exports/${token}`, serverEnv().APP_URL).toString(),
      validDays: EXPORT_LINK_DAYS,
      organisationName: organisation.name,
    });
    try {
      await sendMail({ to: user.email, subject: mail.subject, text: mail.text, html: mail.html });
    } catch (error) {
      // No mail, no link: queue it again (a new token next time) until the attempts run out.
      const again = claimed.attempts < MAX_ATTEMPTS;
      // Given up: nobody will ever get a link to this ZIP.
      if (!again) await store.delete(storageKey);
      await db.exportJob.update({
        where: { id: job.id },
        data: {
          status: again ? "QUEUED" : "FAILED",
          tokenHash: null,
          expiresAt: null,
          error: `mail: ${String(error).slice(0, 500)}`,
          finishedAt: again ? null : now,
          ...(again ? {} : { storageKey: null }),
        },
      });
      return again ? "retried" : "failed";
    }
    return "done";
  } catch (error) {
    const permanent = error instanceof ExportNotAllowedError || claimed.attempts >= MAX_ATTEMPTS;
    await db.exportJob.updateMany({
      where: mine,
      data: { status: permanent ? "FAILED" : "QUEUED", error: String(error).slice(0, 1000), finishedAt: permanent ? now : null },
    });
    if (!(error instanceof ExportNotAllowedError)) console.error(`[jobs] export ${job.id} failed`, error);
    return permanent ? "failed" : "retried";
  }
}

/** One run: clean the exports folder, then work the queue (at most `maxJobs`). */
export async function runExportJobs(opts: { now?: Date; store?: StreamingBlobStore; maxJobs?: number } = {}): Promise<ExportRun> {
  const now = opts.now ?? new Date();
  const store = opts.store ?? blobStore();
  const failed = await failExhausted(now);
  const purged = (await purgeExpired(store, now)) + (await purgeOrphans(store, now));
  const run: ExportRun = { done: 0, failed, retried: 0, purged };
  const seen = new Set<string>();
  for (let i = 0; i < (opts.maxJobs ?? 20); i++) {
    const claimed = await claimExportJob(now);
    if (!claimed || seen.has(claimed.id)) break;
    seen.add(claimed.id);
    const outcome = await processExportJob(store, claimed, now);
    run[outcome] += 1;
  }
  return run;
}
