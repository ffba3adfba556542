import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryReadableChildWhere, loadDiaryWindows } from "@/lib/db/diary";
import { checkExportPeriod } from "@/lib/domain/exports";
import { parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { ExportRequestData } from "@/lib/schemas/export";

// Requesting a diary or photo export (issue 4 §6; the job that builds and mails it is
// lib/server/jobs/exports.ts). Who may: a guardian (rank 1 or 2) of the child while the child's diary is
// readable to them — placed now, or the placement ended at most OrganisationPolicy.downloadDaysAfterEnd
// days ago (diaryReadableChildWhere). Another family's child, or one past the window, is "not found".
// A double submit (same idempotency key) gives the first job back; nothing new is queued.

export type ExportRequestCode = "errors.forbidden" | "errors.notFound" | "errors.conflict" | "Export.errors.periodInvalid";

export type ExportRequestResult =
  | { ok: true; data: { jobId: string; replayed: boolean } }
  | { ok: false; code: ExportRequestCode; field?: "childId" | "from" | "to" };

type Requester = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId">;

/** Children the user may request an export of: their own, within the download window. */
export async function listExportChildren(user: Requester, now: Date = new Date()) {
  if (user.role !== "PARENT" || !user.familyId) return [];
  const windows = await loadDiaryWindows(user.organisationId, now);
  return db.child.findMany({
    where: diaryReadableChildWhere(user, windows),
    orderBy: [{ firstName: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true },
  });
}

async function replay(userId: string, key: string, childId: string): Promise<ExportRequestResult | null> {
  const found = await db.exportJob.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey: key } }, select: { id: true, childId: true } });
  if (!found) return null;
  if (found.childId !== childId) return { ok: false, code: "errors.conflict" };
  return { ok: true, data: { jobId: found.id, replayed: true } };
}

export async function requestExport(user: Requester, data: ExportRequestData, now: Date = new Date()): Promise<ExportRequestResult> {
  if (user.role !== "PARENT" || !user.familyId) return { ok: false, code: "errors.forbidden" };
  const earlier = await replay(user.id, data.idempotencyKey, data.childId);
  if (earlier) return earlier;

  const windows = await loadDiaryWindows(user.organisationId, now);
  const child = await db.child.findFirst({ where: { AND: [{ id: data.childId }, diaryReadableChildWhere(user, windows)] }, select: { id: true } });
  if (!child) return { ok: false, code: "errors.notFound", field: "childId" };

  let from: Date | null = null;
  let to: Date | null = null;
  if (data.kind === "DIARY") {
    if (!data.from || !data.to) return { ok: false, code: "Export.errors.periodInvalid", field: "from" };
    const check = checkExportPeriod(data.from, data.to, windows.today);
    if (!check.ok) return { ok: false, code: "Export.errors.periodInvalid", field: check.error === "FROM_AFTER_TO" ? "from" : "to" };
    from = parseIsoDate(data.from);
    to = parseIsoDate(data.to);
  }

  try {
    const job = await db.exportJob.create({
      data: { userId: user.id, childId: child.id, kind: data.kind, from, to, idempotencyKey: data.idempotencyKey, createdAt: now },
      select: { id: true },
    });
    return { ok: true, data: { jobId: job.id, replayed: false } };
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      const first = await replay(user.id, data.idempotencyKey, data.childId);
      if (first) return first;
    }
    throw error;
  }
}

export type ExportRequestState = "pending" | "done" | "expired" | "failed";

export interface ExportRequestRow {
  id: string;
  kind: "DIARY" | "PHOTOS";
  childFirstName: string;
  from: string | null;
  to: string | null;
  createdAt: Date;
  state: ExportRequestState;
  /** Until when the mailed link works (state "done"). */
  expiresAt: Date | null;
}

/**
 * The user's own latest export requests and how they stand, for the export page: still being made
 * (queued, running, or queued again after a hiccup), mailed and valid until …, expired, or failed.
 * Never another user's (the other guardian's neither).
 */
export async function listExportRequests(user: Pick<SessionUser, "id">, now: Date = new Date(), take = 10): Promise<ExportRequestRow[]> {
  const jobs = await db.exportJob.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, from: true, to: true, createdAt: true, status: true, expiresAt: true, child: { select: { firstName: true } } },
  });
  return jobs.map((j) => {
    const state: ExportRequestState =
      j.status === "FAILED" ? "failed" : j.status !== "DONE" ? "pending" : j.expiresAt && j.expiresAt > now ? "done" : "expired";
    return {
      id: j.id,
      kind: j.kind,
      childFirstName: j.child.firstName,
      from: j.from ? toIsoDate(j.from) : null,
      to: j.to ? toIsoDate(j.to) : null,
      createdAt: j.createdAt,
      state,
      expiresAt: state === "done" ? j.expiresAt : null,
    };
  });
}
