// Shared set-up for the timeline tests (tests/timeline.test.ts, tests/staff-diary.test.ts): users,
// children, photo rows and diary entries as real rows in the file's own database, dated relative to the
// real today (Amsterdam), and helpers to read the timeline back. (tests/photo-fixtures.ts is the
// photo tests' set-up, on a fixed date instead.)
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { getTimelinePage, type TimelineItem } from "@/lib/db/timeline";
import { addDays } from "@/lib/domain/dates";
import { amsterdamIsoDate, parseIsoDate } from "@/lib/format/date";

export const TODAY = amsterdamIsoDate(new Date());
export const day = (offset: number) => parseIsoDate(addDays(TODAY, offset));

// The fixtures lie on yesterday, 07:00–12:00 UTC (one Amsterdam day whatever the hour the tests run),
// so that the order is fixed and what the tests write now is always newer.
const BASE = parseIsoDate(addDays(TODAY, -1)).getTime() + 12 * 3_600_000;
export const minutesAgo = (m: number) => new Date(BASE - m * 60_000);

/**
 * An organisation (a diary writable for 14 days and readable for 56 days after a placement ends) with one
 * location and two groups, the Dolfijnen and the Zeesterren.
 */
export async function organisation() {
  const org = await db.organisation.create({ data: { name: "Opvang", slug: `opvang-${randomUUID().slice(0, 8)}` } });
  await db.organisationPolicy.create({ data: { organisationId: org.id, diaryWritableDaysAfterEnd: 14, downloadDaysAfterEnd: 56 } });
  const location = await db.location.create({ data: { organisationId: org.id, name: "Centrum" } });
  const dolfijnen = (await db.group.create({ data: { locationId: location.id, name: "Dolfijnen", type: "KDV" } })).id;
  const zeesterren = (await db.group.create({ data: { locationId: location.id, name: "Zeesterren", type: "KDV" } })).id;
  return { org, dolfijnen, zeesterren };
}

let n = 0;

/** A user; with a family, a guardian of the given rank; with groups, staff of those groups. */
export async function user(orgId: string, role: SessionUser["role"], name: string, familyId: string | null, rank: 1 | 2 | null, groupIds: string[] = []) {
  const email = `u${++n}-${randomUUID().slice(0, 6)}@example.test`;
  const row = await db.user.create({ data: { organisationId: orgId, email, name, role } });
  if (familyId && rank) await db.guardian.create({ data: { familyId, userId: row.id, rank } });
  for (const groupId of groupIds) await db.staffMembership.create({ data: { userId: row.id, groupId } });
  return { id: row.id, email, name, role, organisationId: orgId, locale: "nl", familyId, guardianRank: rank, groupIds } satisfies SessionUser;
}

/** A child born 2024-03-01, placed in the group from `startOffset` to `endOffset` days from TODAY (null: open-ended), with photo consent. */
export async function child(familyId: string, firstName: string, groupId: string, startOffset: number, endOffset: number | null) {
  const c = await db.child.create({ data: { familyId, firstName, lastName: "Test", birthDate: parseIsoDate("2024-03-01") } });
  await db.placement.create({
    data: { childId: c.id, groupId, startDate: day(startOffset), endDate: endOffset === null ? null : day(endOffset), contractType: "FIXED", hourlyRateCents: 1000 },
  });
  for (const kind of ["PHOTOS", "GROUP_PHOTOS"] as const) await db.childPermission.create({ data: { childId: c.id, kind, granted: true } });
  return c.id;
}

/** A photo row (the bytes are not needed to list it). */
export async function photo(spec: { groupId: string; by: string; createdAt: Date; tags: string[]; audience?: "TAGGED" | "GROUP"; diaryEntryId?: string; caption?: string }) {
  const sha256 = randomUUID().replaceAll("-", "").padEnd(64, "0");
  const p = await db.photo.create({
    data: {
      groupId: spec.groupId,
      uploadedById: spec.by,
      diaryEntryId: spec.diaryEntryId ?? null,
      audience: spec.audience ?? "TAGGED",
      sha256,
      storageKey: `originals/${sha256.slice(0, 2)}/${sha256}.jpg`,
      mimeType: "image/jpeg",
      width: 1600,
      height: 1200,
      bytes: 1000,
      caption: spec.caption ?? null,
      createdAt: spec.createdAt,
      tags: { create: spec.tags.map((childId) => ({ childId })) },
    },
  });
  return p.id;
}

/** A diary entry for the day `dayOffset` days from TODAY, written at `createdAt`. */
export async function entry(childId: string, authorId: string, createdAt: Date, body = "Vandaag goed gespeeld.", dayOffset = 0) {
  return (await db.diaryEntry.create({ data: { childId, authorId, date: day(dayOffset), body, createdAt } })).id;
}

/** Every page until the end, following nextCursor. */
export async function allPages(u: SessionUser, opts: { childId?: string; groupId?: string; limit?: number } = {}) {
  const pages = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await getTimelinePage(u, { ...opts, cursor });
    pages.push(page);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("no end");
}

/** Diary entry ids and photo ids in timeline order. */
export const ids = (items: TimelineItem[]) => items.flatMap((i) => (i.kind === "DIARY" ? [i.entry.id, ...i.entry.photos.map((p) => p.id)] : i.photos.map((p) => p.id)));
/** Diary entry ids in timeline order. */
export const entryIds = (items: TimelineItem[]) => items.flatMap((i) => (i.kind === "DIARY" ? [i.entry.id] : []));
/** Photo ids in timeline order, attached ones with their entry. */
export const photoIds = (items: TimelineItem[]) => items.flatMap((i) => (i.kind === "DIARY" ? i.entry.photos.map((p) => p.id) : i.photos.map((p) => p.id)));
