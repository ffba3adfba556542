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
import { getDiaryEntry, getTimelinePage } from "@/lib/db/timeline";
import { staffTimelinePageSchema } from "@/lib/schemas/staff-timeline";
import { allPages, child, entry, entryIds, ids, minutesAgo, organisation, photo, photoIds, user } from "./timeline-fixtures";

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
  const { org, dolfijnen, zeesterren } = await organisation();
  const family = async (name: string) => (await db.family.create({ data: { organisationId: org.id, name } })).id;
  const [deBoer, bos, kaya, meijer] = [await family("De Boer"), await family("Bos"), await family("Kaya"), await family("Meijer")];
  w = {
    dolfijnen,
    zeesterren,
    laura: await user(org.id, "PARENT", "Laura de Boer", deBoer, 1),
    noor: await child(deBoer, "Noor", dolfijnen, -300, null),
    tess: await child(bos, "Tess", dolfijnen, -200, null),
    elif: await user(org.id, "PARENT", "Elif Kaya", kaya, 1),
    zeynep: await child(kaya, "Zeynep", zeesterren, -300, null),
    mila: await child(meijer, "Mila", dolfijnen, -400, -30),
    bo: await child(meijer, "Bo", dolfijnen, -400, -70),
    sanne: await user(org.id, "STAFF", "Sanne de Vries", null, null, [dolfijnen]),
    fatima: await user(org.id, "STAFF", "Fatima El Amrani", null, null, [zeesterren]),
    joyce: await user(org.id, "STAFF", "Joyce Koster", null, null, [dolfijnen, zeesterren]),
    planner: await user(org.id, "PLANNER", "Marieke Jansen", null, null),
    plannerInX: await user(org.id, "PLANNER", "Peter Planner", null, null, [dolfijnen]),
  };
  // Entries for yesterday (dayOffset -1), the day the fixtures lie on.
  for (let i = 0; i < 5; i++) e.noor.push(await entry(w.noor, w.sanne.id, minutesAgo(300 - i * 30), `Noor ${i}`, -1));
  for (let i = 0; i < 3; i++) e.zeynep.push(await entry(w.zeynep, w.fatima.id, minutesAgo(290 - i * 30), `Zeynep ${i}`, -1));
  e.tess = await entry(w.tess, w.sanne.id, minutesAgo(120), "Tess", -1);
  e.mila = await entry(w.mila, w.sanne.id, minutesAgo(110), "Mila, afscheid", -1);
  e.bo = await entry(w.bo, w.sanne.id, minutesAgo(100), "Bo, lang geleden", -1);
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
    expect(ids(paged.flatMap((page) => page.items))).toEqual(ids(whole.items));
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
