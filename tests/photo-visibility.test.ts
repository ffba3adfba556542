// Who sees which photo, against a real PostgreSQL, through both shapes of the rule: the where clause
// (visiblePhotosWhere, used for lists) and the single-photo check (findVisiblePhoto, used by the
// route, built on lib/domain/photo-visibility.ts). Every case asserts both give the expected set.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { findVisiblePhoto, visiblePhotosWhere } from "@/lib/db/photo-access";
import { createFamily, createGroup, createOrganisation, createPhoto, createUser, NOW } from "./photo-fixtures";

const photoIds = new Map<string, string>();
const viewers = new Map<string, SessionUser>();
const childIds = new Map<string, string>();
let orgId: string;

const name = (id: string) => [...photoIds].find(([, v]) => v === id)?.[0] ?? id;

async function visibleByWhere(user: SessionUser, now = NOW): Promise<string[]> {
  const rows = await db.photo.findMany({ where: await visiblePhotosWhere(user, now), select: { id: true } });
  return rows.map((r) => name(r.id)).sort();
}

async function visibleOneByOne(user: SessionUser, now = NOW): Promise<string[]> {
  const seen: string[] = [];
  for (const [photo, id] of photoIds) if (await findVisiblePhoto(user, id, now)) seen.push(photo);
  return seen.sort();
}

/** Both shapes of the rule agree, and give `expected`. */
async function expectVisible(viewer: string, expected: string[], now = NOW) {
  const user = viewers.get(viewer)!;
  const [byWhere, oneByOne] = await Promise.all([visibleByWhere(user, now), visibleOneByOne(user, now)]);
  expect(byWhere, `${viewer}: visiblePhotosWhere`).toEqual([...expected].sort());
  expect(oneByOne, `${viewer}: findVisiblePhoto`).toEqual([...expected].sort());
}

beforeAll(async () => {
  const org = await createOrganisation("Zonnebloem");
  orgId = org.id;
  const dolfijnen = await createGroup(org.locationId, "Dolfijnen");
  const zeesterren = await createGroup(org.locationId, "Zeesterren");
  const other = await createOrganisation("Regenboog");
  const vlinders = await createGroup(other.locationId, "Vlinders");

  const both = ["PHOTOS", "GROUP_PHOTOS"] as const;
  const families = {
    // Placed in Dolfijnen today, consents to everything.
    noor: await createFamily(org.id, "De Boer", { firstName: "Noor", groupId: dolfijnen.id, consents: [...both] }),
    // Placed today, photos yes, group photos explicitly no.
    julia: await createFamily(org.id, "Van den Berg", { firstName: "Julia", groupId: dolfijnen.id, consents: ["PHOTOS"], refused: ["GROUP_PHOTOS"] }),
    // Placement ended 56 days ago: today is the last day of the window.
    sem: await createFamily(org.id, "Jansen", { firstName: "Sem", groupId: dolfijnen.id, endOffset: -56, consents: [...both] }),
    // Placement ended 57 days ago: outside the window.
    lotte: await createFamily(org.id, "Visser", { firstName: "Lotte", groupId: dolfijnen.id, endOffset: -57, consents: [...both] }),
    // Placement ended yesterday: still their photos, no longer a parent of the group.
    daan: await createFamily(org.id, "Smit", { firstName: "Daan", groupId: dolfijnen.id, endOffset: -1, consents: [...both] }),
    // Starts in a month.
    finn: await createFamily(org.id, "Mulder", { firstName: "Finn", groupId: dolfijnen.id, startOffset: 30, consents: [...both] }),
    // Placed today, no consent rows at all (tagged by a mistake before consent was recorded).
    mila: await createFamily(org.id, "Bakker", { firstName: "Mila", groupId: dolfijnen.id }),
    // The other group.
    kim: await createFamily(org.id, "De Vries", { firstName: "Kim", groupId: zeesterren.id, consents: [...both] }),
    // Another organisation.
    xander: await createFamily(other.id, "Peters", { firstName: "Xander", groupId: vlinders.id, consents: [...both] }),
  };
  for (const [key, f] of Object.entries(families)) {
    viewers.set(`${key}:1`, f.guardian1);
    viewers.set(`${key}:2`, f.guardian2);
    childIds.set(key, f.childId);
  }
  const staffDolfijnen = await createUser(org.id, "STAFF", { groupIds: [dolfijnen.id] });
  viewers.set("staff:dolfijnen", staffDolfijnen);
  viewers.set("staff:zeesterren", await createUser(org.id, "STAFF", { groupIds: [zeesterren.id] }));
  viewers.set("staff:none", await createUser(org.id, "STAFF"));
  viewers.set("planner", await createUser(org.id, "PLANNER"));
  viewers.set("admin", await createUser(org.id, "ADMIN"));
  viewers.set("parent:no-family", await createUser(org.id, "PARENT"));
  const staffVlinders = await createUser(other.id, "STAFF", { groupIds: [vlinders.id] });
  viewers.set("other:staff", staffVlinders);
  viewers.set("other:admin", await createUser(other.id, "ADMIN"));
  // A member of a group of ANOTHER organisation (bad data or a stale session): still nothing there.
  viewers.set("other:staff-listed-in-dolfijnen", await createUser(other.id, "STAFF", { groupIds: [vlinders.id, dolfijnen.id] }));

  const c = (key: keyof typeof families) => families[key].childId;
  const specs: [string, string, "TAGGED" | "GROUP", string[]][] = [
    ["p1 tagged noor", dolfijnen.id, "TAGGED", [c("noor")]],
    ["p2 group noor", dolfijnen.id, "GROUP", [c("noor")]],
    ["p3 group noor+julia", dolfijnen.id, "GROUP", [c("noor"), c("julia")]],
    ["p4 group untagged", dolfijnen.id, "GROUP", []],
    ["p5 tagged untagged", dolfijnen.id, "TAGGED", []],
    ["p6 tagged sem", dolfijnen.id, "TAGGED", [c("sem")]],
    ["p7 tagged lotte", dolfijnen.id, "TAGGED", [c("lotte")]],
    ["p8 group mila", dolfijnen.id, "GROUP", [c("mila")]],
    ["p9 tagged daan", dolfijnen.id, "TAGGED", [c("daan")]],
    ["p10 tagged finn", dolfijnen.id, "TAGGED", [c("finn")]],
    ["p11 group sem", dolfijnen.id, "GROUP", [c("sem")]],
    ["q1 group kim", zeesterren.id, "GROUP", [c("kim")]],
    ["q2 tagged kim", zeesterren.id, "TAGGED", [c("kim")]],
    // A mistaken tag: Noor never attended Zeesterren.
    ["q3 tagged noor in zeesterren", zeesterren.id, "TAGGED", [c("noor")]],
    ["r1 group xander", vlinders.id, "GROUP", [c("xander")]],
    ["r2 group untagged", vlinders.id, "GROUP", []],
  ];
  for (const [label, groupId, audience, tags] of specs) {
    const uploadedById = groupId === vlinders.id ? staffVlinders.id : staffDolfijnen.id;
    photoIds.set(label, (await createPhoto({ groupId, uploadedById, audience, tags })).id);
  }
});

const ALL_ORG1 = [
  "p1 tagged noor",
  "p2 group noor",
  "p3 group noor+julia",
  "p4 group untagged",
  "p5 tagged untagged",
  "p6 tagged sem",
  "p7 tagged lotte",
  "p8 group mila",
  "p9 tagged daan",
  "p10 tagged finn",
  "p11 group sem",
  "q1 group kim",
  "q2 tagged kim",
  "q3 tagged noor in zeesterren",
];

describe("photo visibility (every combination, both shapes of the rule)", () => {
  const parents: [string, string[]][] = [
    // Own tag; consented group photos of the current group; not the GROUP photo with Mila (no consent);
    // not the mistaken tag in a group Noor never attended.
    ["noor", ["p1 tagged noor", "p2 group noor", "p3 group noor+julia", "p4 group untagged", "p11 group sem"]],
    // p3 is GROUP but Julia has no group consent: only the tagged families see it (Julia's own included).
    ["julia", ["p2 group noor", "p3 group noor+julia", "p4 group untagged", "p11 group sem"]],
    // Ended 56 days ago: own photos on the window's last day, no group photos (no longer placed).
    ["sem", ["p6 tagged sem", "p11 group sem"]],
    // Ended 57 days ago: nothing.
    ["lotte", []],
    // Ended yesterday: own photos only.
    ["daan", ["p9 tagged daan"]],
    // Not yet started: own tagged photo, not the group's.
    ["finn", ["p10 tagged finn"]],
    // No consent: GROUP photo of Mila falls back to her own family; other consented group photos yes.
    ["mila", ["p2 group noor", "p4 group untagged", "p8 group mila", "p11 group sem"]],
    // Other group of the same organisation.
    ["kim", ["q1 group kim", "q2 tagged kim"]],
    // Other organisation.
    ["xander", ["r1 group xander", "r2 group untagged"]],
  ];

  it.each(parents.flatMap(([family, expected]) => [[`${family}:1`, expected] as const, [`${family}:2`, expected] as const]))(
    "guardian %s sees exactly their photos",
    async (viewer, expected) => {
      await expectVisible(viewer, [...expected]);
    },
  );

  it("staff see every photo of their own groups, whatever the audience or consent, and nothing else", async () => {
    await expectVisible("staff:dolfijnen", ALL_ORG1.filter((p) => p.startsWith("p")));
    await expectVisible("staff:zeesterren", ["q1 group kim", "q2 tagged kim", "q3 tagged noor in zeesterren"]);
    await expectVisible("staff:none", []);
  });

  it("planners and admins see the whole organisation, never another one", async () => {
    await expectVisible("planner", ALL_ORG1);
    await expectVisible("admin", ALL_ORG1);
    await expectVisible("other:admin", ["r1 group xander", "r2 group untagged"]);
    await expectVisible("other:staff", ["r1 group xander", "r2 group untagged"]);
  });

  it("never across organisations, even for staff listed in a group of another organisation", async () => {
    await expectVisible("other:staff-listed-in-dolfijnen", ["r1 group xander", "r2 group untagged"]);
  });

  it("a parent account without a family sees nothing", async () => {
    await expectVisible("parent:no-family", []);
  });

  it("the window closes the day after its last day", async () => {
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    await expectVisible("sem:1", [], tomorrow);
    await expectVisible("daan:1", ["p9 tagged daan"], tomorrow);
  });

  it("follows the organisation's policy for the window, and its default without a policy row", async () => {
    await db.organisationPolicy.update({ where: { organisationId: orgId }, data: { downloadDaysAfterEnd: 0 } });
    try {
      await expectVisible("sem:1", []);
      await expectVisible("daan:1", []);
      await db.organisationPolicy.update({ where: { organisationId: orgId }, data: { downloadDaysAfterEnd: 60 } });
      await expectVisible("lotte:2", ["p7 tagged lotte"]);
      await db.organisationPolicy.delete({ where: { organisationId: orgId } });
      await expectVisible("sem:1", ["p6 tagged sem", "p11 group sem"]);
      await expectVisible("lotte:1", []);
    } finally {
      await db.organisationPolicy.upsert({
        where: { organisationId: orgId },
        create: { organisationId: orgId, downloadDaysAfterEnd: 56 },
        update: { downloadDaysAfterEnd: 56 },
      });
    }
  });

  it("withdrawing group consent takes a photo back from the group at once; the tagged family keeps it", async () => {
    const noor = childIds.get("noor")!;
    await db.childPermission.update({ where: { childId_kind: { childId: noor, kind: "GROUP_PHOTOS" } }, data: { granted: false } });
    try {
      await expectVisible("julia:1", ["p3 group noor+julia", "p4 group untagged", "p11 group sem"]);
      await expectVisible("mila:2", ["p4 group untagged", "p8 group mila", "p11 group sem"]);
      await expectVisible("noor:1", ["p1 tagged noor", "p2 group noor", "p3 group noor+julia", "p4 group untagged", "p11 group sem"]);
    } finally {
      await db.childPermission.update({ where: { childId_kind: { childId: noor, kind: "GROUP_PHOTOS" } }, data: { granted: true } });
    }
  });

  it("withdrawing photo consent altogether also stops group sharing", async () => {
    const sem = childIds.get("sem")!;
    await db.childPermission.update({ where: { childId_kind: { childId: sem, kind: "PHOTOS" } }, data: { granted: false } });
    try {
      await expectVisible("noor:1", ["p1 tagged noor", "p2 group noor", "p3 group noor+julia", "p4 group untagged"]);
      await expectVisible("sem:1", ["p6 tagged sem", "p11 group sem"]);
    } finally {
      await db.childPermission.update({ where: { childId_kind: { childId: sem, kind: "PHOTOS" } }, data: { granted: true } });
    }
  });

  it("a moved child keeps its old group's tagged photos; the family becomes a parent of the new group only", async () => {
    const daan = childIds.get("daan")!;
    const zeesterren = await db.group.findFirstOrThrow({ where: { name: "Zeesterren" } });
    const placement = await db.placement.create({
      data: { childId: daan, groupId: zeesterren.id, startDate: new Date("2026-06-14T00:00:00Z"), contractType: "FIXED", hourlyRateCents: 1000 },
    });
    try {
      const later = new Date("2026-12-01T10:00:00Z"); // long after the Dolfijnen placement's window
      await expectVisible("daan:1", ["p9 tagged daan", "q1 group kim"], later);
    } finally {
      await db.placement.delete({ where: { id: placement.id } });
    }
  });

  it("findVisiblePhoto answers null for unknown and malformed ids", async () => {
    const admin = viewers.get("admin")!;
    expect(await findVisiblePhoto(admin, "00000000-0000-4000-8000-000000000000", NOW)).toBeNull();
    expect(await findVisiblePhoto(admin, "not-a-uuid", NOW)).toBeNull();
    expect(await findVisiblePhoto(admin, "' OR 1=1 --", NOW)).toBeNull();
  });

  it("a parent learns only the names of their own tagged children; staff all", async () => {
    const p3 = photoIds.get("p3 group noor+julia")!;
    expect((await findVisiblePhoto(viewers.get("noor:1")!, p3, NOW))?.taggedChildren.map((c) => c.firstName)).toEqual(["Noor"]);
    expect((await findVisiblePhoto(viewers.get("julia:2")!, p3, NOW))?.taggedChildren.map((c) => c.firstName)).toEqual(["Julia"]);
    const p2 = photoIds.get("p2 group noor")!;
    expect((await findVisiblePhoto(viewers.get("julia:1")!, p2, NOW))?.taggedChildren).toEqual([]);
    expect((await findVisiblePhoto(viewers.get("staff:dolfijnen")!, p3, NOW))?.taggedChildren.map((c) => c.firstName).sort()).toEqual([
      "Julia",
      "Noor",
    ]);
    expect((await findVisiblePhoto(viewers.get("staff:dolfijnen")!, p3, NOW))?.groupName).toBe("Dolfijnen");
  });
});
