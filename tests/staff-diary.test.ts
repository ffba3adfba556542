// Staff reading the diary against a real PostgreSQL (issue 4: "staff of the group see a group's photos
// and entries open in full"): per child (getTimelinePage with childId, getDiaryEntry) and per group
// (getTimelinePage with groupId), staff of group X see the entries and photos of X's children and
// nothing of group Y's; planners read a diary only as staff of the child's group (lib/db/diary.ts);
// the staff child page's lookup (lib/db/staff-diary.ts) and the staff "Meer laden" action's guard.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createAuthedAction, ok } from "@/lib/actions/safe-action";
import { STAFF_ROLES, type SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryReadableChildIds, getStaffDiaryChild } from "@/lib/db/staff-diary";
import { getDiaryEntry, getTimelinePage, type TimelineItem } from "@/lib/db/timeline";
import { addDays } from "@/lib/domain/dates";
import { amsterdamIsoDate, parseIsoDate } from "@/lib/format/date";
import { staffTimelinePageSchema } from "@/lib/schemas/staff-timeline";

const TODAY = amsterdamIsoDate(new Date());
const day = (offset: number) => parseIsoDate(addDays(TODAY, offset));
// Fixtures lie on yesterday around noon UTC, so the order is fixed whenever the tests run.
const BASE = parseIsoDate(addDays(TODAY, -1)).getTime() + 12 * 3_600_000;
const minutesAgo = (m: number) => new Date(BASE - m * 60_000);

let n = 0;
async function user(orgId: string, role: SessionUser["role"], name: string, familyId: string | null, groupIds: string[] = []) {
  const email = `s${++n}-${randomUUID().slice(0, 6)}@example.test`;
  const row = await db.user.create({ data: { organisationId: orgId, email, name, role } });
  if (familyId) await db.guardian.create({ data: { familyId, userId: row.id, rank: 1 } });
  for (const groupId of groupIds) await db.staffMembership.create({ data: { userId: row.id, groupId } });
  return { id: row.id, email, name, role, organisationId: orgId, locale: "nl", familyId, guardianRank: familyId ? 1 : null, groupIds } satisfies SessionUser;
}

async function child(familyId: string, firstName: string, groupId: string, startOffset: number, endOffset: number | null) {
  const c = await db.child.create({ data: { familyId, firstName, lastName: "Test", birthDate: parseIsoDate("2024-03-01") } });
  await db.placement.create({
    data: { childId: c.id, groupId, startDate: day(startOffset), endDate: endOffset === null ? null : day(endOffset), contractType: "FIXED", hourlyRateCents: 1000 },
  });
  for (const kind of ["PHOTOS", "GROUP_PHOTOS"] as const) await db.childPermission.create({ data: { childId: c.id, kind, granted: true } });
  return c.id;
}

async function photo(spec: { groupId: string; by: string; createdAt: Date; tags: string[]; audience?: "TAGGED" | "GROUP"; diaryEntryId?: string }) {
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
      createdAt: spec.createdAt,
      tags: { create: spec.tags.map((childId) => ({ childId })) },
    },
  });
  return p.id;
}

async function entry(childId: string, authorId: string, createdAt: Date, body: string) {
  return (await db.diaryEntry.create({ data: { childId, authorId, date: day(-1), body, createdAt } })).id;
}

/** Diary entry ids and photo ids in timeline order. */
const ids = (items: TimelineItem[]) => items.flatMap((i) => (i.kind === "DIARY" ? [i.entry.id, ...i.entry.photos.map((p) => p.id)] : i.photos.map((p) => p.id)));
const entryIds = (items: TimelineItem[]) => items.flatMap((i) => (i.kind === "DIARY" ? [i.entry.id] : []));
const photoIds = (items: TimelineItem[]) => items.flatMap((i) => (i.kind === "DIARY" ? i.entry.photos.map((p) => p.id) : i.photos.map((p) => p.id)));

async function allPages(u: SessionUser, opts: { childId?: string; groupId?: string; limit?: number }) {
  const seen: TimelineItem[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await getTimelinePage(u, { ...opts, cursor });
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("no end");
}

interface World {
  /** Group X. */
  dolfijnen: string;
  /** Group Y. */
  zeesterren: string;
  /** Family De Boer: Noor (X). */
  laura: SessionUser;
  noor: string;
  /** Family Bos: Tess (X). */
  tess: string;
  /** Family Kaya: Zeynep (Y). */
  elif: SessionUser;
  zeynep: string;
  /** Family Meijer: Mila, X placement ended 30 days ago (readable, no longer writable); Bo, ended 70 days ago (gone). */
  mila: string;
  bo: string;
  sanne: SessionUser; // staff of X
  fatima: SessionUser; // staff of Y
  joyce: SessionUser; // staff of X and Y
  planner: SessionUser; // planner, no group
  plannerInX: SessionUser; // planner working in X as well
}

let w: World;
const e = { noor: [] as string[], tess: "", zeynep: [] as string[], mila: "", bo: "" };
const p = { xGroup: "", xNoor: "", xAttached: "", yGroup: "", yZeynep: "", yAttached: "" };

beforeAll(async () => {
  const org = await db.organisation.create({ data: { name: "Opvang", slug: `opvang-${randomUUID().slice(0, 8)}` } });
  await db.organisationPolicy.create({ data: { organisationId: org.id, diaryWritableDaysAfterEnd: 14, downloadDaysAfterEnd: 56 } });
  const location = await db.location.create({ data: { organisationId: org.id, name: "Centrum" } });
  const dolfijnen = (await db.group.create({ data: { locationId: location.id, name: "Dolfijnen", type: "KDV" } })).id;
  const zeesterren = (await db.group.create({ data: { locationId: location.id, name: "Zeesterren", type: "KDV" } })).id;
  const family = async (name: string) => (await db.family.create({ data: { organisationId: org.id, name } })).id;
  const [deBoer, bos, kaya, meijer] = [await family("De Boer"), await family("Bos"), await family("Kaya"), await family("Meijer")];
  w = {
    dolfijnen,
    zeesterren,
    laura: await user(org.id, "PARENT", "Laura de Boer", deBoer),
    noor: await child(deBoer, "Noor", dolfijnen, -300, null),
    tess: await child(bos, "Tess", dolfijnen, -200, null),
    elif: await user(org.id, "PARENT", "Elif Kaya", kaya),
    zeynep: await child(kaya, "Zeynep", zeesterren, -300, null),
    mila: await child(meijer, "Mila", dolfijnen, -400, -30),
    bo: await child(meijer, "Bo", dolfijnen, -400, -70),
    sanne: await user(org.id, "STAFF", "Sanne de Vries", null, [dolfijnen]),
    fatima: await user(org.id, "STAFF", "Fatima El Amrani", null, [zeesterren]),
    joyce: await user(org.id, "STAFF", "Joyce Koster", null, [dolfijnen, zeesterren]),
    planner: await user(org.id, "PLANNER", "Marieke Jansen", null),
    plannerInX: await user(org.id, "PLANNER", "Peter Planner", null, [dolfijnen]),
  };
  for (let i = 0; i < 5; i++) e.noor.push(await entry(w.noor, w.sanne.id, minutesAgo(300 - i * 30), `Noor ${i}`));
  for (let i = 0; i < 3; i++) e.zeynep.push(await entry(w.zeynep, w.fatima.id, minutesAgo(290 - i * 30), `Zeynep ${i}`));
  e.tess = await entry(w.tess, w.sanne.id, minutesAgo(120), "Tess");
  e.mila = await entry(w.mila, w.sanne.id, minutesAgo(110), "Mila, afscheid");
  e.bo = await entry(w.bo, w.sanne.id, minutesAgo(100), "Bo, lang geleden");
  p.xGroup = await photo({ groupId: dolfijnen, by: w.sanne.id, createdAt: minutesAgo(250), tags: [], audience: "GROUP" });
  p.xNoor = await photo({ groupId: dolfijnen, by: w.sanne.id, createdAt: minutesAgo(245), tags: [w.noor] });
  p.xAttached = await photo({ groupId: dolfijnen, by: w.sanne.id, createdAt: minutesAgo(200), tags: [w.noor], diaryEntryId: e.noor[2] });
  p.yGroup = await photo({ groupId: zeesterren, by: w.fatima.id, createdAt: minutesAgo(240), tags: [], audience: "GROUP" });
  p.yZeynep = await photo({ groupId: zeesterren, by: w.fatima.id, createdAt: minutesAgo(235), tags: [w.zeynep] });
  p.yAttached = await photo({ groupId: zeesterren, by: w.fatima.id, createdAt: minutesAgo(180), tags: [w.zeynep], diaryEntryId: e.zeynep[1] });
});

describe("a child's timeline for staff (getTimelinePage with childId, getDiaryEntry)", () => {
  it("staff of X see the entries and photos of X's child, photos in series and with their entry", async () => {
    const page = await getTimelinePage(w.sanne, { childId: w.noor, limit: 100 });
    expect(page.nextCursor).toBeNull();
    expect(entryIds(page.items).sort()).toEqual([...e.noor].sort());
    expect(photoIds(page.items).sort()).toEqual([p.xGroup, p.xNoor, p.xAttached].sort());
    const withPhoto = page.items.find((i) => i.kind === "DIARY" && i.entry.id === e.noor[2]);
    expect(withPhoto?.kind === "DIARY" && withPhoto.entry.photos.map((x) => x.id)).toEqual([p.xAttached]);
    // Staff learn every tagged child's name (a parent only their own).
    const series = page.items.find((i) => i.kind === "PHOTOS");
    expect(series?.kind === "PHOTOS" && series.childNames).toEqual(["Noor"]);
    // The same as the child's guardian sees, item for item.
    expect(ids(page.items)).toEqual(ids((await getTimelinePage(w.laura, { childId: w.noor, limit: 100 })).items));
  });

  it("staff of X see nothing of Y's child, also not by opening its entry; and the other way round", async () => {
    expect(await getTimelinePage(w.sanne, { childId: w.zeynep, limit: 100 })).toEqual({ items: [], nextCursor: null });
    expect(await getTimelinePage(w.fatima, { childId: w.noor, limit: 100 })).toEqual({ items: [], nextCursor: null });
    for (const id of e.zeynep) expect(await getDiaryEntry(w.sanne, id)).toBeNull();
    for (const id of e.noor) expect(await getDiaryEntry(w.fatima, id)).toBeNull();
    expect(await getDiaryEntry(w.sanne, e.noor[2]!)).toMatchObject({
      id: e.noor[2],
      child: { id: w.noor, firstName: "Noor" },
      author: { name: "Sanne de Vries", isStaff: true },
      body: "Noor 2",
      photos: [{ id: p.xAttached }],
    });
    expect(await getDiaryEntry(w.fatima, e.zeynep[1]!)).toMatchObject({ body: "Zeynep 1", photos: [{ id: p.yAttached }] });
    expect(await getDiaryEntry(w.sanne, "not-a-uuid")).toBeNull();
    expect(await getDiaryEntry(w.sanne, randomUUID())).toBeNull();
  });

  it("staff of both groups read both children; a child whose placement ended keeps its diary for the window only", async () => {
    expect(entryIds((await getTimelinePage(w.joyce, { childId: w.zeynep, limit: 100 })).items).sort()).toEqual([...e.zeynep].sort());
    expect(entryIds((await getTimelinePage(w.joyce, { childId: w.noor, limit: 100 })).items).sort()).toEqual([...e.noor].sort());
    expect(entryIds((await getTimelinePage(w.sanne, { childId: w.mila, limit: 100 })).items)).toEqual([e.mila]);
    expect(await getTimelinePage(w.sanne, { childId: w.bo, limit: 100 })).toEqual({ items: [], nextCursor: null });
    expect(await getDiaryEntry(w.sanne, e.bo)).toBeNull();
  });

  it("planners read a diary only as staff of the child's group", async () => {
    expect(await getTimelinePage(w.planner, { childId: w.noor, limit: 100 })).toEqual({ items: [], nextCursor: null });
    expect(await getDiaryEntry(w.planner, e.noor[0]!)).toBeNull();
    expect(entryIds((await getTimelinePage(w.plannerInX, { childId: w.noor, limit: 100 })).items).sort()).toEqual([...e.noor].sort());
    expect(await getDiaryEntry(w.plannerInX, e.zeynep[0]!)).toBeNull();
  });
});

describe("a group's timeline (getTimelinePage with groupId)", () => {
  it("gives the entries of the group's children and the group's photos, newest first, nothing of the other group", async () => {
    const page = await getTimelinePage(w.sanne, { groupId: w.dolfijnen, limit: 100 });
    expect(page.nextCursor).toBeNull();
    // Mila's placement ended 30 days ago: still readable (56 days); Bo's 70 days ago: not.
    expect(entryIds(page.items).sort()).toEqual([...e.noor, e.tess, e.mila].sort());
    expect(photoIds(page.items).sort()).toEqual([p.xGroup, p.xNoor, p.xAttached].sort());
    const keys = page.items.map((i) => (i.kind === "DIARY" ? i.entry.createdAt : i.photos[0]!.createdAt));
    expect([...keys].sort().reverse()).toEqual(keys);
    // A photo attached to an entry comes once, with its entry.
    expect(ids(page.items).filter((id) => id === p.xAttached)).toHaveLength(1);
    expect(await getTimelinePage(w.sanne, { groupId: w.zeesterren, limit: 100 })).toEqual({ items: [], nextCursor: null });
    expect(await getTimelinePage(w.fatima, { groupId: w.dolfijnen, limit: 100 })).toEqual({ items: [], nextCursor: null });
  });

  it("keeps the groups apart for staff of both", async () => {
    const x = await getTimelinePage(w.joyce, { groupId: w.dolfijnen, limit: 100 });
    const y = await getTimelinePage(w.joyce, { groupId: w.zeesterren, limit: 100 });
    expect(ids(x.items)).toEqual(ids((await getTimelinePage(w.sanne, { groupId: w.dolfijnen, limit: 100 })).items));
    expect(entryIds(y.items).sort()).toEqual([...e.zeynep].sort());
    expect(photoIds(y.items).sort()).toEqual([p.yGroup, p.yZeynep, p.yAttached].sort());
    // Together the two are the whole of what Joyce sees.
    const all = await getTimelinePage(w.joyce, { limit: 100 });
    expect([...ids(x.items), ...ids(y.items)].sort()).toEqual(ids(all.items).sort());
  });

  it("pages through the group like one long page", async () => {
    const whole = await getTimelinePage(w.sanne, { groupId: w.dolfijnen, limit: 100 });
    const paged = await allPages(w.sanne, { groupId: w.dolfijnen, limit: 2 });
    expect(ids(paged)).toEqual(ids(whole.items));
  });

  it("a planner outside the group sees its photos (the organisation's) but no entries; a parent or an unknown group nothing", async () => {
    const planner = await getTimelinePage(w.planner, { groupId: w.dolfijnen, limit: 100 });
    expect(entryIds(planner.items)).toEqual([]);
    expect(photoIds(planner.items).sort()).toEqual([p.xGroup, p.xNoor, p.xAttached].sort());
    expect(entryIds((await getTimelinePage(w.plannerInX, { groupId: w.dolfijnen, limit: 100 })).items).sort()).toEqual([...e.noor, e.tess, e.mila].sort());
    expect(await getTimelinePage(w.laura, { groupId: w.dolfijnen, limit: 100 })).toEqual({ items: [], nextCursor: null });
    expect(await getTimelinePage(w.sanne, { groupId: randomUUID(), limit: 100 })).toEqual({ items: [], nextCursor: null });
    expect(await getTimelinePage(w.sanne, { groupId: "nonsense", limit: 100 })).toEqual({ items: [], nextCursor: null });
  });
});

describe("the staff child page's lookup (getStaffDiaryChild, diaryReadableChildIds)", () => {
  it("finds a child of the staff member's group, with the groups and whether they may still write", async () => {
    expect(await getStaffDiaryChild(w.sanne, w.noor)).toEqual({
      id: w.noor,
      firstName: "Noor",
      lastName: "Test",
      birthDate: "2024-03-01",
      groups: [{ id: w.dolfijnen, name: "Dolfijnen", current: true }],
      writable: true,
    });
    // Ended 30 days ago: readable for 56 days, writable for 14.
    expect(await getStaffDiaryChild(w.sanne, w.mila)).toMatchObject({ groups: [{ id: w.dolfijnen, current: false }], writable: false });
    // Joyce sees only her own groups the child is in.
    expect((await getStaffDiaryChild(w.joyce, w.zeynep))?.groups).toEqual([{ id: w.zeesterren, name: "Zeesterren", current: true }]);
  });

  it("another group's child, a child gone past the window, an unknown id, a planner outside the group or a parent: null", async () => {
    expect(await getStaffDiaryChild(w.sanne, w.zeynep)).toBeNull();
    expect(await getStaffDiaryChild(w.fatima, w.noor)).toBeNull();
    expect(await getStaffDiaryChild(w.sanne, w.bo)).toBeNull();
    expect(await getStaffDiaryChild(w.sanne, randomUUID())).toBeNull();
    expect(await getStaffDiaryChild(w.sanne, "nonsense")).toBeNull();
    expect(await getStaffDiaryChild(w.planner, w.noor)).toBeNull();
    expect(await getStaffDiaryChild(w.laura, w.noor)).toBeNull();
    expect(await getStaffDiaryChild(w.plannerInX, w.noor)).toMatchObject({ id: w.noor, writable: true });
  });

  it("tells which children of a list the staff member reads", async () => {
    const all = [w.noor, w.tess, w.zeynep, w.mila, w.bo, "nonsense"];
    expect([...(await diaryReadableChildIds(w.sanne, all))].sort()).toEqual([w.noor, w.tess, w.mila].sort());
    expect([...(await diaryReadableChildIds(w.fatima, all))]).toEqual([w.zeynep]);
    expect(await diaryReadableChildIds(w.planner, all)).toEqual(new Set());
  });
});

describe("the staff timeline action's guard and input", () => {
  // As lib/actions/diary/staff-timeline.ts: the staff roles, the schema, getTimelinePage.
  const as = (u: SessionUser | null) =>
    createAuthedAction(async () => u)(
      staffTimelinePageSchema,
      async (data, viewer) => ok(await getTimelinePage(viewer, { cursor: data.cursor, childId: data.childId ?? null, groupId: data.groupId ?? null, limit: 2 })),
      { roles: STAFF_ROLES },
    );

  it("staff page on through their group; parents and anonymous callers are refused; bad input is a validation error", async () => {
    const first = await getTimelinePage(w.sanne, { groupId: w.dolfijnen, limit: 2 });
    const next = await as(w.sanne)({ cursor: first.nextCursor, groupId: w.dolfijnen });
    expect(next.ok).toBe(true);
    const whole = await getTimelinePage(w.sanne, { groupId: w.dolfijnen, limit: 100 });
    if (next.ok) expect(ids(next.data.items)).toEqual(ids(whole.items).slice(ids(first.items).length, ids(first.items).length + ids(next.data.items).length));
    expect(await as(w.laura)({ cursor: first.nextCursor, groupId: w.dolfijnen })).toEqual({ ok: false, code: "errors.forbidden" });
    expect(await as(null)({ cursor: first.nextCursor, groupId: w.dolfijnen })).toEqual({ ok: false, code: "errors.unauthorised" });
    expect(await as(w.sanne)({ cursor: first.nextCursor, groupId: "x" })).toMatchObject({ ok: false, code: "errors.validation" });
    // Another group's id through the action: an empty page.
    expect(await as(w.fatima)({ cursor: first.nextCursor, groupId: w.dolfijnen })).toEqual({ ok: true, data: { items: [], nextCursor: null } });
  });
});
