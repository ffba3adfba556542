import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { STAFF_ROLES } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryReadableChildWhere, diaryWritableChildWhere, loadDiaryWindows } from "@/lib/db/diary";
import { isUuid } from "@/lib/db/shell";
import { diaryReadableEndBound } from "@/lib/domain/diary";
import { parseIsoDate, toIsoDate } from "@/lib/format/date";

// The staff side of the diary (issue 4: "staff of the group see a group's photos and entries open in
// full"): a child of one of their groups with its diary, for the staff child and entry pages. Who reads
// a child's diary is lib/db/diary.ts's rule (staff of a group the child is placed in, by StaffMembership
// in the database, while the placement has not ended or ended within the policy's window; planners and
// admins only as staff of the child's group), so a child of another group is simply not found.

type Reader = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId">;

export interface StaffDiaryChild {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  /**
   * The reader's own groups the child is placed in (while the diary is readable), current placements
   * first: where the back link and the photo upload go.
   */
  groups: { id: string; name: string; current: boolean }[];
  /** May the reader write in this child's diary today, and add photos to its entries (lib/db/photo-upload.ts)? */
  writable: boolean;
}

/** A child whose diary the staff member reads, or null (another group's child, an unknown id, a parent). */
export async function getStaffDiaryChild(user: Reader, childId: string, now: Date = new Date()): Promise<StaffDiaryChild | null> {
  if (!STAFF_ROLES.includes(user.role) || !isUuid(childId)) return null;
  const windows = await loadDiaryWindows(user.organisationId, now);
  const readableEnd = parseIsoDate(diaryReadableEndBound(windows.today, windows.readableDaysAfterEnd));
  const [child, writable] = await Promise.all([
    db.child.findFirst({
      where: { AND: [{ id: childId }, diaryReadableChildWhere(user, windows)] },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        placements: {
          where: { group: { staff: { some: { userId: user.id } } }, OR: [{ endDate: null }, { endDate: { gte: readableEnd } }] },
          orderBy: [{ startDate: "desc" }, { id: "asc" }],
          select: { startDate: true, endDate: true, group: { select: { id: true, name: true } } },
        },
      },
    }),
    db.child.count({ where: { AND: [{ id: childId }, diaryWritableChildWhere(user, windows)] } }),
  ]);
  if (!child) return null;
  const groups = new Map<string, StaffDiaryChild["groups"][number]>();
  for (const p of child.placements) {
    const current = toIsoDate(p.startDate) <= windows.today && (p.endDate === null || toIsoDate(p.endDate) >= windows.today);
    const seen = groups.get(p.group.id);
    groups.set(p.group.id, { id: p.group.id, name: p.group.name, current: current || Boolean(seen?.current) });
  }
  return {
    id: child.id,
    firstName: child.firstName,
    lastName: child.lastName,
    birthDate: toIsoDate(child.birthDate),
    groups: [...groups.values()].sort((a, b) => Number(b.current) - Number(a.current) || a.name.localeCompare(b.name, "nl")),
    writable: writable > 0,
  };
}

/** Of `childIds`, those whose diary the user reads (the staff group page links only these). */
export async function diaryReadableChildIds(user: Reader, childIds: readonly string[], now: Date = new Date()): Promise<Set<string>> {
  const ids = childIds.filter(isUuid);
  if (ids.length === 0) return new Set();
  const windows = await loadDiaryWindows(user.organisationId, now);
  const rows = await db.child.findMany({ where: { AND: [{ id: { in: ids } }, diaryReadableChildWhere(user, windows)] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
