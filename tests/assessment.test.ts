// Assessing request items against a real PostgreSQL: capacity is never exceeded, also when planners
// approve the last place at the same moment; rejections need a reason; assess-as-whole requests go
// as one; a planner of another organisation finds nothing; one notification when all is assessed.
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
