import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getChildForParent, getFamilyChildren, getStaffGroup, getStaffGroups } from "@/lib/db/shell";
import { parseIsoDate } from "@/lib/format/date";

// Fixed "now": 1 March 2026, 10:00 in Amsterdam.
const now = new Date("2026-03-01T09:00:00Z");

let orgId: string;
let otherOrgId: string;
let family1: string;
let family2: string;
let child1a: string; // family 1, in Kikkers (current) and Uilen (starts later)
let child1b: string; // family 1, placement in Kikkers ended last month
let child2: string; // family 2, in Uilen
let kikkers: string;
let uilen: string;
let staffId: string;
let plannerId: string;
let foreignGroup: string;

beforeAll(async () => {
  const org = await db.organisation.create({ data: { name: "Org", slug: "org-shell" } });
  const other = await db.organisation.create({ data: { name: "Other", slug: "other-shell" } });
  orgId = org.id;
  otherOrgId = other.id;
  const loc = await db.location.create({ data: { organisationId: orgId, name: "Zonnebloem" } });
  const loc2 = await db.location.create({ data: { organisationId: orgId, name: "Avonturijn" } });
  const foreignLoc = await db.location.create({ data: { organisationId: otherOrgId, name: "Elders" } });
  kikkers = (await db.group.create({ data: { locationId: loc.id, name: "Kikkers", type: "KDV" } })).id;
  uilen = (await db.group.create({ data: { locationId: loc2.id, name: "Uilen", type: "BSO" } })).id;
  foreignGroup = (await db.group.create({ data: { locationId: foreignLoc.id, name: "Vreemd", type: "KDV" } })).id;

  const mentor = await db.user.create({
    data: { organisationId: orgId, email: "mentor@shell.test", name: "Mila Mentor", role: "STAFF" },
  });
  staffId = mentor.id;
  await db.staffMembership.create({ data: { userId: staffId, groupId: kikkers } });
  plannerId = (
    await db.user.create({ data: { organisationId: orgId, email: "planner@shell.test", name: "Piet Planner", role: "PLANNER" } })
  ).id;

  family1 = (await db.family.create({ data: { organisationId: orgId, name: "Jansen" } })).id;
  family2 = (await db.family.create({ data: { organisationId: orgId, name: "De Vries" } })).id;

  child1a = (
    await db.child.create({
      data: { familyId: family1, firstName: "Sam", lastName: "Jansen", birthDate: parseIsoDate("2023-05-04"), mentorId: staffId },
    })
  ).id;
  child1b = (
    await db.child.create({
      data: { familyId: family1, firstName: "Noor", lastName: "Jansen", birthDate: parseIsoDate("2019-11-30") },
    })
  ).id;
  child2 = (
    await db.child.create({
      data: { familyId: family2, firstName: "Lotte", lastName: "de Vries", birthDate: parseIsoDate("2018-01-15") },
    })
  ).id;

  const placement = (childId: string, groupId: string, start: string, end: string | null) =>
    db.placement.create({
      data: {
        childId,
        groupId,
        startDate: parseIsoDate(start),
        endDate: end ? parseIsoDate(end) : null,
        contractType: "FIXED",
        hourlyRateCents: 1050,
      },
    });
  await placement(child1a, kikkers, "2024-01-01", null);
  await placement(child1a, uilen, "2026-09-01", null);
  await placement(child1b, kikkers, "2023-01-01", "2026-02-06");
  await placement(child2, uilen, "2022-08-01", "2026-03-01"); // last day is today: still current
});

describe("getFamilyChildren", () => {
  it("returns only the family's own children, with today's groups", async () => {
    const children = await getFamilyChildren({ organisationId: orgId, familyId: family1 }, now);
    expect(children.map((c) => c.id)).toEqual([child1b, child1a]); // oldest first
    const sam = children.find((c) => c.id === child1a)!;
    expect(sam.currentGroups).toEqual([
      { id: kikkers, name: "Kikkers", type: "KDV", locationId: expect.any(String), locationName: "Zonnebloem" },
    ]);
    expect(children.find((c) => c.id === child1b)!.currentGroups).toEqual([]);
  });

  it("counts a placement's last day as current", async () => {
    const [lotte] = await getFamilyChildren({ organisationId: orgId, familyId: family2 }, now);
    expect(lotte?.currentGroups.map((g) => g.name)).toEqual(["Uilen"]);
  });

  it("returns nothing without a family or for another organisation", async () => {
    expect(await getFamilyChildren({ organisationId: orgId, familyId: null }, now)).toEqual([]);
    expect(await getFamilyChildren({ organisationId: otherOrgId, familyId: family1 }, now)).toEqual([]);
  });
});

describe("getChildForParent", () => {
  it("returns the details of the parent's own child", async () => {
    const sam = await getChildForParent({ organisationId: orgId, familyId: family1 }, child1a, now);
    expect(sam).toMatchObject({
      id: child1a,
      firstName: "Sam",
      lastName: "Jansen",
      birthDate: "2023-05-04",
      mentorName: "Mila Mentor",
    });
    expect(sam!.placements.map((p) => [p.group.name, p.startDate, p.endDate, p.current])).toEqual([
      ["Kikkers", "2024-01-01", null, true],
      ["Uilen", "2026-09-01", null, false],
    ]);
  });

  it("leaves ended placements out", async () => {
    const noor = await getChildForParent({ organisationId: orgId, familyId: family1 }, child1b, now);
    expect(noor?.placements).toEqual([]);
    expect(noor?.mentorName).toBeNull();
  });

  it("returns null for another family's child", async () => {
    expect(await getChildForParent({ organisationId: orgId, familyId: family1 }, child2, now)).toBeNull();
    expect(await getChildForParent({ organisationId: orgId, familyId: family2 }, child1a, now)).toBeNull();
  });

  it("returns null without a family, in another organisation, or for a malformed or unknown id", async () => {
    expect(await getChildForParent({ organisationId: orgId, familyId: null }, child1a, now)).toBeNull();
    expect(await getChildForParent({ organisationId: otherOrgId, familyId: family1 }, child1a, now)).toBeNull();
    expect(await getChildForParent({ organisationId: orgId, familyId: family1 }, "not-a-uuid", now)).toBeNull();
    expect(
      await getChildForParent({ organisationId: orgId, familyId: family1 }, "00000000-0000-4000-8000-000000000000", now),
    ).toBeNull();
  });
});

describe("getStaffGroups", () => {
  it("lists only the groups the staff member belongs to, with the location", async () => {
    const groups = await getStaffGroups({ id: staffId, organisationId: orgId, role: "STAFF" });
    expect(groups).toEqual([
      { id: kikkers, name: "Kikkers", type: "KDV", locationId: expect.any(String), locationName: "Zonnebloem" },
    ]);
  });

  it("lists nothing for a user without memberships or from another organisation", async () => {
    expect(await getStaffGroups({ id: plannerId, organisationId: orgId, role: "PLANNER" })).toEqual([]);
    expect(await getStaffGroups({ id: staffId, organisationId: otherOrgId, role: "STAFF" })).toEqual([]);
  });
});

describe("getStaffGroup", () => {
  it("shows a member the children placed in the group today", async () => {
    const group = await getStaffGroup({ id: staffId, organisationId: orgId, role: "STAFF" }, kikkers, now);
    expect(group?.name).toBe("Kikkers");
    expect(group?.children).toEqual([{ id: child1a, firstName: "Sam", lastName: "Jansen", birthDate: "2023-05-04" }]);
  });

  it("hides groups the staff member does not belong to", async () => {
    expect(await getStaffGroup({ id: staffId, organisationId: orgId, role: "STAFF" }, uilen, now)).toBeNull();
    expect(await getStaffGroup({ id: staffId, organisationId: orgId, role: "STAFF" }, foreignGroup, now)).toBeNull();
    expect(await getStaffGroup({ id: staffId, organisationId: orgId, role: "STAFF" }, "nope", now)).toBeNull();
  });

  it("lets a planner see any group of the organisation, but not another organisation's", async () => {
    const planner = { id: plannerId, organisationId: orgId, role: "PLANNER" } as const;
    const group = await getStaffGroup(planner, uilen, now);
    expect(group?.children.map((c) => c.id)).toEqual([child2]);
    expect(await getStaffGroup(planner, foreignGroup, now)).toBeNull();
  });
});
