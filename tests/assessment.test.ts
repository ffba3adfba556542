// Assessing request items against a real PostgreSQL: capacity is never exceeded, also when planners
// approve the last place at the same moment; rejections need a reason; assess-as-whole requests go
// as one, and so does a child's swap (given up + wanted), whatever item id is posted; nothing that has
// expired is assessed; a planner of another organisation finds nothing; one notification when all is
// assessed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { assessItem } from "@/lib/db/assessment";
import { groupOccupancy } from "@/lib/db/occupancy";
import { parseIsoDate } from "@/lib/format/date";

let org: { id: string };
let otherOrg: { id: string };
let groupId: string;
let morningId: string;
let planners: { id: string; role: "PLANNER"; organisationId: string }[];
let familyUser: { id: string };
let counter = 0;

async function makeChild(familyId: string) {
  return db.child.create({ data: { familyId, firstName: `Kind${++counter}`, lastName: "Test", birthDate: parseIsoDate("2023-01-01") } });
}

async function pendingExtra(childId: string, familyId: string, date: string, assessAsWhole = false) {
  return db.request.create({
    data: {
      familyId,
      kind: "EXTRA_DAY",
      createdById: familyUser.id,
      idempotencyKey: `k${++counter}`,
      assessAsWhole,
      periodStart: parseIsoDate(date),
      periodEnd: parseIsoDate(date),
      items: {
        create: [{ childId, groupId, dayPartId: morningId, date: parseIsoDate(date), direction: "ADD", startMinute: 420, endMinute: 780, status: "PENDING", payment: "INVOICE", priceCents: 6270 }],
      },
    },
    include: { items: true },
  });
}

/** A swap request: per child the MORNINGs given up and the MORNINGs wanted. */
async function swapRequest(
  familyId: string,
  children: { childId: string; remove: string[]; add: string[] }[],
  options: { assessAsWhole?: boolean; expiresOn?: string } = {},
) {
  const dates = children.flatMap((c) => [...c.remove, ...c.add]).sort();
  return db.request.create({
    data: {
      familyId,
      kind: "SWAP_DAY",
      createdById: familyUser.id,
      idempotencyKey: `s${++counter}`,
      assessAsWhole: options.assessAsWhole ?? false,
      expiresOn: options.expiresOn ? parseIsoDate(options.expiresOn) : null,
      periodStart: parseIsoDate(dates[0]!),
      periodEnd: parseIsoDate(dates[dates.length - 1]!),
      items: {
        create: children.flatMap((c) => [
          ...c.remove.map((d) => ({ childId: c.childId, groupId, dayPartId: morningId, date: parseIsoDate(d), direction: "REMOVE" as const, startMinute: 420, endMinute: 780, status: "PENDING" as const })),
          ...c.add.map((d) => ({ childId: c.childId, groupId, dayPartId: morningId, date: parseIsoDate(d), direction: "ADD" as const, startMinute: 420, endMinute: 780, status: "PENDING" as const, payment: "SWAP" as const })),
        ]),
      },
    },
    include: { items: true },
  });
}

/** A child with contract care on Tuesday mornings in September–October 2027 (nobody else's day). */
async function tuesdayChild(familyId: string) {
  const child = await makeChild(familyId);
  await db.placement.create({
    data: {
      childId: child.id,
      groupId,
      startDate: parseIsoDate("2027-09-01"),
      endDate: parseIsoDate("2027-10-31"),
      contractType: "FIXED",
      hourlyRateCents: 1045,
      days: { create: [{ weekday: 2, dayPartId: morningId }] },
    },
  });
  return child;
}

const statuses = async (requestId: string) =>
  (await db.requestItem.findMany({ where: { requestId }, orderBy: [{ childId: "asc" }, { date: "asc" }] })).map((i) => ({
    childId: i.childId,
    direction: i.direction,
    status: i.status,
    rejectionReason: i.rejectionReason,
  }));

beforeAll(async () => {
  org = await db.organisation.create({ data: { name: "Opvang", slug: "opvang" } });
  otherOrg = await db.organisation.create({ data: { name: "Andere", slug: "andere" } });
  const location = await db.location.create({ data: { organisationId: org.id, name: "Locatie" } });
  const group = await db.group.create({
    data: { locationId: location.id, name: "Groep", type: "KDV", dayParts: { create: [{ code: "MORNING", startMinute: 420, endMinute: 780, capacity: 2 }] } },
    include: { dayParts: true },
  });
  groupId = group.id;
  morningId = group.dayParts[0]!.id;
  planners = await Promise.all(
    ["p1", "p2"].map(async (n) => {
      const u = await db.user.create({ data: { organisationId: org.id, email: `${n}@example.test`, name: n, role: "PLANNER" } });
      return { id: u.id, role: "PLANNER" as const, organisationId: org.id };
    }),
  );
  familyUser = await db.user.create({ data: { organisationId: org.id, email: "parent@example.test", name: "Ouder", role: "PARENT" } });
  // One child with contract care on Mondays: one of the two places is taken every Monday.
  const family = await db.family.create({ data: { organisationId: org.id, name: "Vast" } });
  const child = await makeChild(family.id);
  await db.placement.create({
    data: { childId: child.id, groupId, startDate: parseIsoDate("2026-01-01"), contractType: "FIXED", hourlyRateCents: 1045, days: { create: [{ weekday: 1, dayPartId: morningId }] } },
  });
});

async function family() {
  const f = await db.family.create({ data: { organisationId: org.id, name: `Gezin${++counter}` } });
  await db.guardian.create({
    data: { familyId: f.id, rank: 1, userId: (await db.user.create({ data: { organisationId: org.id, email: `g${counter}@example.test`, name: "G", role: "PARENT" } })).id },
  });
  return f;
}

describe("assessItem", () => {
  it("counts contract care in the occupancy", async () => {
    const occupancy = await groupOccupancy(db, groupId, "2027-03-01");
    expect(occupancy.dayParts[0]).toMatchObject({ capacity: 2, occupied: 1 });
  });

  it("never lets two planners approving at the same moment exceed the capacity", async () => {
    // Ten Mondays (none a holiday), each with one free place and two pending extras approved concurrently.
    const mondays = ["2027-04-12", "2027-04-19", "2027-05-03", "2027-05-10", "2027-05-31", "2027-06-07", "2027-06-14", "2027-06-21", "2027-06-28", "2027-07-05"];
    for (const monday of mondays) {
      const [fa, fb] = [await family(), await family()];
      const a = await pendingExtra((await makeChild(fa.id)).id, fa.id, monday);
      const b = await pendingExtra((await makeChild(fb.id)).id, fb.id, monday);
      const results = await Promise.all([
        assessItem(planners[0]!, { itemId: a.items[0]!.id, action: "APPROVE" }),
        assessItem(planners[1]!, { itemId: b.items[0]!.id, action: "APPROVE" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["Assess.errors.capacityFull"]);
      const occupancy = await groupOccupancy(db, groupId, monday);
      expect(occupancy.dayParts[0]!.occupied).toBe(2);
      const approved = await db.requestItem.count({ where: { date: parseIsoDate(monday), status: "APPROVED" } });
      expect(approved).toBe(1);
    }
  });

  it("approves no care on a closing day (Tweede pinksterdag 2027), and changes nothing", async () => {
    const f = await family();
    const req = await pendingExtra((await makeChild(f.id)).id, f.id, "2027-05-17");
    expect(await assessItem(planners[0]!, { itemId: req.items[0]!.id, action: "APPROVE" })).toMatchObject({ ok: false, code: "Assess.errors.closedDay" });
    expect((await db.requestItem.findUniqueOrThrow({ where: { id: req.items[0]!.id } })).status).toBe("PENDING");
    expect((await groupOccupancy(db, groupId, "2027-05-17")).closed).toMatchObject({ source: "HOLIDAY", code: "WHIT_MONDAY" });
  });

  it("rejects with a reason only, and then tells the family once", async () => {
    const f = await family();
    const req = await pendingExtra((await makeChild(f.id)).id, f.id, "2027-06-07");
    const item = req.items[0]!;
    expect(await assessItem(planners[0]!, { itemId: item.id, action: "REJECT", rejectionReason: "  " })).toEqual({ ok: false, code: "Assess.errors.reasonRequired" });
    expect((await db.requestItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("PENDING");

    const result = await assessItem(planners[0]!, { itemId: item.id, action: "REJECT", rejectionReason: "De groep is vol" });
    expect(result).toEqual({ ok: true, data: { updated: 1, requestCompleted: true } });
    const stored = await db.requestItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(stored).toMatchObject({ status: "REJECTED", rejectionReason: "De groep is vol", assessedById: planners[0]!.id });
    const guardians = await db.guardian.findMany({ where: { familyId: f.id } });
    const notes = await db.notification.findMany({ where: { userId: { in: guardians.map((g) => g.userId) } } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ event: "REQUEST_ASSESSED", url: `/agenda/requests/${req.id}` });

    // A second assessment of the same item (double click, second planner) changes nothing.
    expect(await assessItem(planners[1]!, { itemId: item.id, action: "APPROVE" })).toEqual({ ok: false, code: "Assess.errors.notPending" });
    expect(await db.notification.count({ where: { userId: { in: guardians.map((g) => g.userId) } } })).toBe(1);
  });

  it("approves an assess-as-whole request as one, and only if everything fits", async () => {
    const f = await family();
    const [c1, c2] = [await makeChild(f.id), await makeChild(f.id)];
    const req = await db.request.create({
      data: {
        familyId: f.id, kind: "EXTRA_DAY", createdById: familyUser.id, idempotencyKey: `w${++counter}`, assessAsWhole: true,
        periodStart: parseIsoDate("2027-06-14"), periodEnd: parseIsoDate("2027-06-14"),
        items: {
          create: [c1, c2].map((c) => ({ childId: c.id, groupId, dayPartId: morningId, date: parseIsoDate("2027-06-14"), direction: "ADD" as const, startMinute: 420, endMinute: 780, status: "PENDING" as const })),
        },
      },
      include: { items: true },
    });
    // One free place, two children: the whole request cannot be approved, and nothing changes.
    expect(await assessItem(planners[0]!, { itemId: req.items[0]!.id, action: "APPROVE" })).toMatchObject({ ok: false, code: "Assess.errors.capacityFull" });
    expect(await db.requestItem.count({ where: { requestId: req.id, status: "PENDING" } })).toBe(2);
    // Rejecting it rejects both.
    expect(await assessItem(planners[0]!, { itemId: req.items[1]!.id, action: "REJECT", rejectionReason: "Vol" })).toMatchObject({ ok: true, data: { updated: 2 } });
    expect(await db.requestItem.count({ where: { requestId: req.id, status: "REJECTED" } })).toBe(2);
  });

  it("finds nothing for a planner of another organisation, and refuses parents and staff", async () => {
    const f = await family();
    const req = await pendingExtra((await makeChild(f.id)).id, f.id, "2027-06-21");
    const outsider = await db.user.create({ data: { organisationId: otherOrg.id, email: "x@example.test", name: "X", role: "PLANNER" } });
    expect(await assessItem({ id: outsider.id, role: "PLANNER", organisationId: otherOrg.id }, { itemId: req.items[0]!.id, action: "APPROVE" })).toEqual({ ok: false, code: "Assess.errors.notFound" });
    expect(await assessItem({ id: familyUser.id, role: "PARENT", organisationId: org.id }, { itemId: req.items[0]!.id, action: "APPROVE" })).toEqual({ ok: false, code: "Assess.errors.forbidden" });
    expect(await assessItem({ id: familyUser.id, role: "STAFF", organisationId: org.id }, { itemId: req.items[0]!.id, action: "APPROVE" })).toEqual({ ok: false, code: "Assess.errors.forbidden" });
    expect((await db.requestItem.findUniqueOrThrow({ where: { id: req.items[0]!.id } })).status).toBe("PENDING");
  });
});

describe("assessItem — a child's swap is one unit", () => {
  it("approves or rejects the given-up and wanted day parts of one child together, whatever item is posted", async () => {
    const f = await family();
    const [noor, sem] = [await tuesdayChild(f.id), await tuesdayChild(f.id)];
    // Both give up Tuesday 7 September for Thursday 9 September, in one swap request.
    const req = await swapRequest(f.id, [
      { childId: noor.id, remove: ["2027-09-07"], add: ["2027-09-09"] },
      { childId: sem.id, remove: ["2027-09-07"], add: ["2027-09-09"] },
    ]);
    const noorRemove = req.items.find((i) => i.childId === noor.id && i.direction === "REMOVE")!;
    const semAdd = req.items.find((i) => i.childId === sem.id && i.direction === "ADD")!;
    expect((await groupOccupancy(db, groupId, "2027-09-07")).dayParts[0]!.occupied).toBe(2);

    // Posting Noor's given-up morning approves her wanted morning with it; Sem's swap stays pending.
    expect(await assessItem(planners[0]!, { itemId: noorRemove.id, action: "APPROVE" })).toEqual({ ok: true, data: { updated: 2, requestCompleted: false } });
    const after = await db.requestItem.findMany({ where: { requestId: req.id } });
    expect(after.filter((i) => i.childId === noor.id).map((i) => i.status)).toEqual(["APPROVED", "APPROVED"]);
    expect(after.filter((i) => i.childId === sem.id).map((i) => i.status)).toEqual(["PENDING", "PENDING"]);
    expect((await groupOccupancy(db, groupId, "2027-09-07")).dayParts[0]!.occupied).toBe(1);
    expect((await groupOccupancy(db, groupId, "2027-09-09")).dayParts[0]!.occupied).toBe(1);

    // Posting Sem's wanted morning with a rejection rejects his given-up morning too, with the same reason.
    expect(await assessItem(planners[0]!, { itemId: semAdd.id, action: "REJECT", rejectionReason: "Donderdag is vol" })).toEqual({
      ok: true,
      data: { updated: 2, requestCompleted: true },
    });
    const sems = (await statuses(req.id)).filter((i) => i.childId === sem.id);
    expect(sems).toEqual([
      { childId: sem.id, direction: "REMOVE", status: "REJECTED", rejectionReason: "Donderdag is vol" },
      { childId: sem.id, direction: "ADD", status: "REJECTED", rejectionReason: "Donderdag is vol" },
    ]);
    // Sem keeps his Tuesday: only Noor swapped away.
    expect((await groupOccupancy(db, groupId, "2027-09-07")).dayParts[0]!.occupied).toBe(1);
    const guardians = await db.guardian.findMany({ where: { familyId: f.id } });
    expect(await db.notification.count({ where: { userId: { in: guardians.map((g) => g.userId) } } })).toBe(1);

    // Any item of an assessed swap again (second planner, double click): nothing changes.
    expect(await assessItem(planners[1]!, { itemId: noorRemove.id, action: "REJECT", rejectionReason: "x" })).toEqual({ ok: false, code: "Assess.errors.notPending" });
    expect((await statuses(req.id)).filter((i) => i.childId === noor.id).map((i) => i.status)).toEqual(["APPROVED", "APPROVED"]);
  });

  it("approves nothing of the swap when the wanted day is full: the child keeps the day given up", async () => {
    const f = await family();
    const noor = await tuesdayChild(f.id);
    // Thursday 16 September: both places taken by approved extras.
    for (let n = 0; n < 2; n++) {
      const other = await family();
      const extra = await pendingExtra((await makeChild(other.id)).id, other.id, "2027-09-16");
      expect(await assessItem(planners[0]!, { itemId: extra.items[0]!.id, action: "APPROVE" })).toMatchObject({ ok: true });
    }
    const req = await swapRequest(f.id, [{ childId: noor.id, remove: ["2027-09-14"], add: ["2027-09-16"] }]);
    const remove = req.items.find((i) => i.direction === "REMOVE")!;
    const tuesday = (await groupOccupancy(db, groupId, "2027-09-14")).dayParts[0]!.occupied;
    // Posting the given-up item: the wanted one is checked against the capacity, and nothing is written.
    const result = await assessItem(planners[0]!, { itemId: remove.id, action: "APPROVE" });
    expect(result).toMatchObject({ ok: false, code: "Assess.errors.capacityFull", detail: { date: "2027-09-16", dayPartId: morningId } });
    expect((await statuses(req.id)).map((i) => i.status)).toEqual(["PENDING", "PENDING"]);
    expect((await groupOccupancy(db, groupId, "2027-09-14")).dayParts[0]!.occupied).toBe(tuesday);
    expect((await groupOccupancy(db, groupId, "2027-09-16")).dayParts[0]!.occupied).toBe(2);
  });

  it("never lets two planners approving swaps into the last place at the same moment exceed the capacity", async () => {
    // Thursdays in October with one free place (one approved extra); two children swap a Tuesday into it.
    for (const [tuesday, thursday] of [["2027-10-05", "2027-10-07"], ["2027-10-12", "2027-10-14"], ["2027-10-19", "2027-10-21"]] as const) {
      const taken = await family();
      const extra = await pendingExtra((await makeChild(taken.id)).id, taken.id, thursday);
      expect(await assessItem(planners[0]!, { itemId: extra.items[0]!.id, action: "APPROVE" })).toMatchObject({ ok: true });
      const [fa, fb] = [await family(), await family()];
      const a = await swapRequest(fa.id, [{ childId: (await tuesdayChild(fa.id)).id, remove: [tuesday], add: [thursday] }]);
      const b = await swapRequest(fb.id, [{ childId: (await tuesdayChild(fb.id)).id, remove: [tuesday], add: [thursday] }]);
      const results = await Promise.all([
        assessItem(planners[0]!, { itemId: a.items.find((i) => i.direction === "REMOVE")!.id, action: "APPROVE" }),
        assessItem(planners[1]!, { itemId: b.items.find((i) => i.direction === "ADD")!.id, action: "APPROVE" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["Assess.errors.capacityFull"]);
      expect((await groupOccupancy(db, groupId, thursday)).dayParts[0]!.occupied).toBe(2);
      // The refused swap is wholly pending, the approved one wholly approved.
      const [sa, sb] = [await statuses(a.id), await statuses(b.id)];
      expect([sa, sb].map((s) => [...new Set(s.map((i) => i.status))]).sort()).toEqual([["APPROVED"], ["PENDING"]]);
    }
  });

  it("keeps an assess-as-whole swap one unit for all children", async () => {
    const f = await family();
    const [noor, sem] = [await tuesdayChild(f.id), await tuesdayChild(f.id)];
    const req = await swapRequest(
      f.id,
      [
        { childId: noor.id, remove: ["2027-09-21"], add: ["2027-09-23"] },
        { childId: sem.id, remove: ["2027-09-21"], add: ["2027-09-23"] },
      ],
      { assessAsWhole: true },
    );
    const noorRemove = req.items.find((i) => i.childId === noor.id && i.direction === "REMOVE")!;
    expect(await assessItem(planners[0]!, { itemId: noorRemove.id, action: "APPROVE" })).toEqual({ ok: true, data: { updated: 4, requestCompleted: true } });
    expect([...new Set((await statuses(req.id)).map((i) => i.status))]).toEqual(["APPROVED"]);
  });
});

describe("assessItem — nothing that has expired", () => {
  // Amsterdam is UTC+2 until 31 October 2027: 22:00 UTC is midnight there.
  const at = (iso: string) => new Date(iso);

  it("refuses from the request's expiry date on (Amsterdam), and changes nothing", async () => {
    const f = await family();
    const req = await db.request.create({
      data: {
        familyId: f.id, kind: "EXTRA_DAY", createdById: familyUser.id, idempotencyKey: `e${++counter}`, expiresOn: parseIsoDate("2027-10-01"),
        periodStart: parseIsoDate("2027-10-06"), periodEnd: parseIsoDate("2027-10-06"),
        items: { create: [{ childId: (await makeChild(f.id)).id, groupId, dayPartId: morningId, date: parseIsoDate("2027-10-06"), direction: "ADD", startMinute: 420, endMinute: 780, status: "PENDING", payment: "INVOICE" }] },
      },
      include: { items: true },
    });
    const itemId = req.items[0]!.id;
    // 1 October 00:30 in Amsterdam (still 30 September in UTC): the expiry date has come.
    for (const action of ["APPROVE", "REJECT"] as const) {
      expect(await assessItem(planners[0]!, { itemId, action, rejectionReason: "Vol" }, at("2027-09-30T22:30:00Z"))).toEqual({ ok: false, code: "Assess.errors.expired" });
    }
    expect(await db.requestItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ status: "PENDING", assessedById: null });
    // 30 September 23:30 in Amsterdam: the day before, still assessable.
    expect(await assessItem(planners[0]!, { itemId, action: "APPROVE" }, at("2027-09-30T21:30:00Z"))).toMatchObject({ ok: true });
  });

  it("refuses an item whose care date has gone by, but not one that is today", async () => {
    const f = await family();
    const past = await pendingExtra((await makeChild(f.id)).id, f.id, "2027-10-13");
    expect(await assessItem(planners[0]!, { itemId: past.items[0]!.id, action: "REJECT", rejectionReason: "Vol" }, at("2027-10-14T06:00:00Z"))).toEqual({
      ok: false,
      code: "Assess.errors.expired",
    });
    expect((await db.requestItem.findUniqueOrThrow({ where: { id: past.items[0]!.id } })).status).toBe("PENDING");
    const today = await pendingExtra((await makeChild(f.id)).id, f.id, "2027-10-20");
    expect(await assessItem(planners[0]!, { itemId: today.items[0]!.id, action: "APPROVE" }, at("2027-10-20T05:00:00Z"))).toMatchObject({ ok: true });
  });

  it("refuses a child's whole swap when its given-up day has gone by, whatever item is posted", async () => {
    const f = await family();
    const noor = await tuesdayChild(f.id);
    const req = await swapRequest(f.id, [{ childId: noor.id, remove: ["2027-10-26"], add: ["2027-10-28"] }]);
    const add = req.items.find((i) => i.direction === "ADD")!;
    // Wednesday 27 October: the Tuesday given up is past, the Thursday wanted is not.
    expect(await assessItem(planners[0]!, { itemId: add.id, action: "APPROVE" }, at("2027-10-27T08:00:00Z"))).toEqual({ ok: false, code: "Assess.errors.expired" });
    expect((await statuses(req.id)).map((i) => i.status)).toEqual(["PENDING", "PENDING"]);
    expect((await groupOccupancy(db, groupId, "2027-10-28")).dayParts[0]!.occupied).toBe(0);
  });
});

