import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { STAFF_ROLES } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { canWriteDiary, checkDiaryDate, diaryReadableEndBound, diaryWritableEndBound } from "@/lib/domain/diary";
import { amsterdamIsoDate, parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DiaryEntryData } from "@/lib/schemas/diary";
import { familyUserIds, notify } from "@/lib/notify";

// The diary (domain.md "Timeline, diary, photos", "Privacy"; seed 002 §3.2, seed 003): who may read a
// child's entries, who may write them, and writing one. The rules themselves are in lib/domain/diary.ts;
// here they become where clauses, so a guessed id of another family's child or entry finds nothing.
//
// - Readers: the child's guardians (rank 1 and 2 alike) and the staff of a group the child is placed
//   in (by StaffMembership in the database, not the session's copy), while the placement has not ended
//   or ended at most OrganisationPolicy.downloadDaysAfterEnd days ago. Planners and admins read a
//   diary only as staff of the child's group: the diary is not the organisation's.
// - Writers: the same people, for a placement that has started and has not ended or ended at most
//   OrganisationPolicy.diaryWritableDaysAfterEnd days ago.
// - When staff write, the child's guardians get a NEW_DIARY_ENTRY notification (in the transaction).
// - Double submits: the form sends a fresh idempotency key per entry; (author, key) is unique, the same
//   key again returns the first entry without writing or notifying again.

/** The column defaults, for an organisation without an OrganisationPolicy row. */
const DEFAULT_WRITABLE_DAYS_AFTER_END = 14;
const DEFAULT_READABLE_DAYS_AFTER_END = 56;

type Reader = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId">;

export interface DiaryWindows {
  /** Today in Amsterdam, "YYYY-MM-DD". */
  today: string;
  writableDaysAfterEnd: number;
  readableDaysAfterEnd: number;
}

export async function loadDiaryWindows(organisationId: string, now: Date = new Date()): Promise<DiaryWindows> {
  const policy = await db.organisationPolicy.findUnique({
    where: { organisationId },
    select: { diaryWritableDaysAfterEnd: true, downloadDaysAfterEnd: true },
  });
  return {
    today: amsterdamIsoDate(now),
    writableDaysAfterEnd: policy?.diaryWritableDaysAfterEnd ?? DEFAULT_WRITABLE_DAYS_AFTER_END,
    readableDaysAfterEnd: policy?.downloadDaysAfterEnd ?? DEFAULT_READABLE_DAYS_AFTER_END,
  };
}

const NOTHING = { id: { in: [] as string[] } };

function isStaff(user: Pick<SessionUser, "role">): boolean {
  return STAFF_ROLES.includes(user.role);
}

/** Placements that make a child's diary readable (or writable) for `user`, as a Placement where clause. */
function placementWindow(user: Reader, endBound: string, mustHaveStarted: string | null): Prisma.PlacementWhereInput {
  return {
    ...(isStaff(user) ? { group: { staff: { some: { userId: user.id } } } } : {}),
    ...(mustHaveStarted ? { startDate: { lte: parseIsoDate(mustHaveStarted) } } : {}),
    OR: [{ endDate: null }, { endDate: { gte: parseIsoDate(endBound) } }],
  };
}

/** Children whose diary `user` may read. */
export function diaryReadableChildWhere(user: Reader, windows: DiaryWindows): Prisma.ChildWhereInput {
  if (user.role === "PARENT" && !user.familyId) return NOTHING;
  if (user.role !== "PARENT" && !isStaff(user)) return NOTHING;
  return {
    family: { organisationId: user.organisationId },
    ...(user.role === "PARENT" ? { familyId: user.familyId! } : {}),
    placements: { some: placementWindow(user, diaryReadableEndBound(windows.today, windows.readableDaysAfterEnd), null) },
  };
}

/** Children `user` may write a diary entry for today. */
export function diaryWritableChildWhere(user: Reader, windows: DiaryWindows): Prisma.ChildWhereInput {
  if (user.role === "PARENT" && !user.familyId) return NOTHING;
  if (user.role !== "PARENT" && !isStaff(user)) return NOTHING;
  return {
    family: { organisationId: user.organisationId },
    ...(user.role === "PARENT" ? { familyId: user.familyId! } : {}),
    placements: { some: placementWindow(user, diaryWritableEndBound(windows.today, windows.writableDaysAfterEnd), windows.today) },
  };
}

/** Entries `user` may read. */
export function diaryVisibleWhere(user: Reader, windows: DiaryWindows): Prisma.DiaryEntryWhereInput {
  return { child: diaryReadableChildWhere(user, windows) };
}

export interface DiaryChildOption {
  id: string;
  firstName: string;
  lastName: string;
  /** The groups the child is placed in where the writer may write (staff: their own groups only). */
  groups: { id: string; name: string }[];
}

/**
 * The children `user` may write for today, sorted by first name. Staff may narrow it to one of their
 * groups (`groupId`); a group that is not theirs gives no children.
 */
export async function listDiaryChildren(user: Reader, opts: { groupId?: string | null; now?: Date } = {}): Promise<DiaryChildOption[]> {
  const windows = await loadDiaryWindows(user.organisationId, opts.now);
  const placementFilter = placementWindow(user, diaryWritableEndBound(windows.today, windows.writableDaysAfterEnd), windows.today);
  const rows = await db.child.findMany({
    where: {
      AND: [
        diaryWritableChildWhere(user, windows),
        ...(opts.groupId ? [{ placements: { some: { ...placementFilter, groupId: opts.groupId } } }] : []),
      ],
    },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }, { id: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      placements: { where: placementFilter, select: { group: { select: { id: true, name: true } } } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    groups: [...new Map(c.placements.map((p) => [p.group.id, p.group])).values()],
  }));
}

export type DiaryCode =
  | "errors.forbidden"
  | "errors.notFound"
  | "errors.conflict"
  | "Diary.errors.notWritable"
  | "Diary.errors.dateFuture"
  | "Diary.errors.dateTooOld";

export interface DiaryEntryWritten {
  entryId: string;
  /** true when this key was submitted before: nothing new was written. */
  replayed: boolean;
}

export type DiaryWriteResult =
  | { ok: true; data: DiaryEntryWritten }
  | { ok: false; code: DiaryCode; field?: "childId" | "date" };

type Writer = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId" | "name">;

async function findReplay(authorId: string, key: string) {
  return db.diaryEntry.findUnique({
    where: { authorId_idempotencyKey: { authorId, idempotencyKey: key } },
    select: { id: true, childId: true },
  });
}

function replayResult(found: { id: string; childId: string }, childId: string): DiaryWriteResult {
  // The same key for another child is not a double submit but a misuse of the key.
  if (found.childId !== childId) return { ok: false, code: "errors.conflict" };
  return { ok: true, data: { entryId: found.id, replayed: true } };
}

/**
 * Writes a diary entry (see the top of this file). `data` is the output of diaryEntrySchema. A child
 * that is not the writer's own (parents) or not in one of their groups (staff) is "not found", and
 * nothing is written.
 */
export async function createDiaryEntry(user: Writer, data: DiaryEntryData, now: Date = new Date()): Promise<DiaryWriteResult> {
  const staff = isStaff(user);
  if (!staff && !(user.role === "PARENT" && user.familyId)) return { ok: false, code: "errors.forbidden" };

  const earlier = await findReplay(user.id, data.idempotencyKey);
  if (earlier) return replayResult(earlier, data.childId);

  const windows = await loadDiaryWindows(user.organisationId, now);
  const child = await db.child.findFirst({
    where: {
      id: data.childId,
      family: { organisationId: user.organisationId },
      ...(staff ? { placements: { some: { group: { staff: { some: { userId: user.id } } } } } } : { familyId: user.familyId! }),
    },
    select: {
      id: true,
      firstName: true,
      familyId: true,
      placements: {
        // Staff write as staff of a group: only the placements in their own groups count.
        where: staff ? { group: { staff: { some: { userId: user.id } } } } : {},
        select: { startDate: true, endDate: true },
      },
    },
  });
  if (!child) return { ok: false, code: "errors.notFound", field: "childId" };

  const placements = child.placements.map((p) => ({ startDate: toIsoDate(p.startDate), endDate: p.endDate ? toIsoDate(p.endDate) : null }));
  if (!canWriteDiary(placements, windows.today, windows.writableDaysAfterEnd)) {
    return { ok: false, code: "Diary.errors.notWritable", field: "childId" };
  }
  const dateCheck = checkDiaryDate(data.date, windows.today);
  if (!dateCheck.ok) {
    return { ok: false, code: dateCheck.code === "FUTURE" ? "Diary.errors.dateFuture" : "Diary.errors.dateTooOld", field: "date" };
  }

  try {
    const entryId = await db.$transaction(async (tx) => {
      const entry = await tx.diaryEntry.create({
        data: {
          childId: child.id,
          authorId: user.id,
          date: parseIsoDate(data.date),
          body: data.body,
          idempotencyKey: data.idempotencyKey,
          createdAt: now,
        },
        select: { id: true },
      });
      // Staff write for the family: its guardians hear of it. A guardian writing needs no notice.
      if (staff) {
        await notify(tx, {
          event: "NEW_DIARY_ENTRY",
          userIds: await familyUserIds(tx, child.familyId),
          url: `/diary/${entry.id}`,
          data: { entryId: entry.id, childId: child.id, childName: child.firstName, date: data.date, authorName: user.name },
        });
      }
      return entry.id;
    });
    return { ok: true, data: { entryId, replayed: false } };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const first = await findReplay(user.id, data.idempotencyKey);
      if (first) return replayResult(first, data.childId);
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
