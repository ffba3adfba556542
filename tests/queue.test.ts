// The staff/planner queue (lib/db/queue.ts) against the demo data: planners see every pending extra
// and swap item of their organisation with the occupancy per day part; other staff only their own
// groups, read-only (also in the other items of a request); parents nothing. Filters come from search
// params and are validated. Assessing goes through the same authed path as
// lib/actions/requests/assess.ts; a child's swap is assessed as one unit.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAuthedAction } from "@/lib/actions/safe-action";
import { PLANNER_ROLES, type SessionUser } from "@/lib/auth/types";
import { assessItem } from "@/lib/db/assessment";
import { db } from "@/lib/db/client";
import { groupOccupancy } from "@/lib/db/occupancy";
import { getAssessmentQueue, type AssessmentQueue, type QueueItem } from "@/lib/db/queue";
import { assessItemSchema, parseQueueFilters, type QueueFilters } from "@/lib/schemas/assess";
import { seedDemoData } from "../scripts/seed/demo";

const TODAY = "2026-11-23";
// The demo data lies around TODAY; assessments happen at noon that day (later, the items would have expired).
const NOW = new Date(`${TODAY}T11:00:00Z`);
const NO_FILTERS: QueueFilters = { locationId: undefined, groupId: undefined, from: undefined, to: undefined };

async function sessionUser(email: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, include: { guardian: true, memberships: true } });
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: u.organisationId,
    locale: "nl",
    familyId: u.guardian?.familyId ?? null,
    guardianRank: (u.guardian?.rank as 1 | 2 | undefined) ?? null,
    groupIds: u.memberships.map((m) => m.groupId),
  };
}

function allItems(queue: AssessmentQueue): (QueueItem & { groupName: string; date: string })[] {
  return queue.locations.flatMap((l) => l.groups.flatMap((g) => g.dates.flatMap((d) => d.items.map((i) => ({ ...i, groupName: g.name, date: d.date })))));
}

let planner: SessionUser;
let staff: SessionUser;
let parent: SessionUser;

beforeAll(async () => {
  await seedDemoData(db, { storageDir: mkdtempSync(path.join(os.tmpdir(), "op-queue-")), today: TODAY });
  [planner, staff, parent] = await Promise.all([
    sessionUser("planner@demo.ouderportaal.nl"),
    sessionUser("medewerker@demo.ouderportaal.nl"),
    sessionUser("ouder@demo.ouderportaal.nl"),
  ]);
});

describe("getAssessmentQueue", () => {
  it("gives a planner every pending extra/swap item of the organisation, by location → group → date, with occupancy", async () => {
    const queue = await getAssessmentQueue(planner, NO_FILTERS);
    expect(queue.canAssess).toBe(true);
    const pending = await db.requestItem.findMany({
      where: { status: "PENDING", request: { kind: { in: ["EXTRA_DAY", "SWAP_DAY"] } }, group: { location: { organisationId: planner.organisationId } } },
      select: { id: true },
    });
    expect(pending.length).toBeGreaterThan(5);
    const items = allItems(queue);
    expect(items.map((i) => i.id).sort()).toEqual(pending.map((p) => p.id).sort());
    expect(queue.total).toBe(pending.length);
    expect(queue.locations.map((l) => l.name)).toEqual(expect.arrayContaining(["De Regenboog Noord"]));

    // Dates ascend within a group; every (group, date) carries the occupancy of all its day parts.
    for (const location of queue.locations) {
      for (const group of location.groups) {
        const dates = group.dates.map((d) => d.date);
        expect(dates).toEqual([...dates].sort());
        for (const day of group.dates) {
          const expected = await groupOccupancy(db, group.id, day.date);
          // Read per group over its whole range of dates, the same as one date at a time.
          expect(day.occupancy.map((o) => [o.code, o.occupied, o.capacity])).toEqual(expected.dayParts.map((d) => [d.code, d.occupied, d.capacity]));
          expect(day.closed).toBe(expected.closed !== null);
          expect(day.occupancy.length).toBeGreaterThan(0);
        }
      }
    }

    // The De Boer request assessed as a whole: Noor's two day parts in Dolfijnen, Sem's NSO in Avonturiers.
    const whole = items.filter((i) => i.assessAsWhole && i.familyName.includes("Boer"));
    expect(whole.map((i) => i.groupName).sort()).toEqual(["Avonturiers", "Dolfijnen", "Dolfijnen"]);
    const noorMorning = whole.find((i) => i.childName.startsWith("Noor") && i.dayPartCode === "MORNING")!;
    expect(noorMorning).toMatchObject({ kind: "EXTRA_DAY", direction: "ADD", payment: "INVOICE", startMinute: 420, endMinute: 780 });
    expect(noorMorning.priceCents).toBeGreaterThan(0);
    expect(noorMorning.comment).toBeTruthy();
    expect(noorMorning.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(noorMorning.submittedAt).toMatch(/T/);
    expect(noorMorning.otherItems.map((o) => o.dayPartCode).sort()).toEqual(["AFTERNOON", "NSO"]);

    // The pending swap shows both directions.
    const swap = items.filter((i) => i.kind === "SWAP_DAY");
    expect(new Set(swap.map((i) => i.direction))).toEqual(new Set(["ADD", "REMOVE"]));
    // Absences are never in the queue.
    expect(items.every((i) => i.kind !== "ABSENCE")).toBe(true);
  });

  it("shows STAFF only the groups they work in, read-only", async () => {
    const queue = await getAssessmentQueue(staff, NO_FILTERS);
    expect(queue.canAssess).toBe(false);
    const items = allItems(queue);
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.groupName))).toEqual(new Set(["Dolfijnen"]));
    expect(queue.options.groups.map((g) => g.name)).toEqual(["Dolfijnen"]);
    // Filtering on a group outside their scope finds nothing.
    const avonturiers = await db.group.findFirstOrThrow({ where: { name: "Avonturiers" } });
    const outside = await getAssessmentQueue(staff, { ...NO_FILTERS, groupId: avonturiers.id });
    expect(outside.total).toBe(0);
    expect(outside.locations).toEqual([]);

    // The other items of a request: never a child, group or date outside their groups. The De Boer
    // request assessed as a whole also holds Sem's NSO in Avonturiers, which the planner does see.
    for (const item of items) expect(item.otherItems.every((o) => o.groupName === "Dolfijnen")).toBe(true);
    const noorMorning = items.find((i) => i.assessAsWhole && i.childName.startsWith("Noor") && i.dayPartCode === "MORNING")!;
    expect(noorMorning.otherItems.map((o) => o.dayPartCode)).toEqual(["AFTERNOON"]);
    const asPlanner = allItems(await getAssessmentQueue(planner, NO_FILTERS)).find((i) => i.id === noorMorning.id)!;
    expect(asPlanner.otherItems.map((o) => [o.childName.split(" ")[0], o.groupName]).sort()).toEqual([
      ["Noor", "Dolfijnen"],
      ["Sem", "Avonturiers"],
    ]);
  });

  it("gives a parent nothing, and an action with the planner roles refuses parents and STAFF", async () => {
    const queue = await getAssessmentQueue(parent, NO_FILTERS);
    expect(queue).toMatchObject({ canAssess: false, total: 0, locations: [] });
    expect(queue.options.groups).toEqual([]);

    const item = allItems(await getAssessmentQueue(planner, NO_FILTERS)).find((i) => !i.assessAsWhole)!;
    for (const user of [parent, staff]) {
      const run = createAuthedAction(async () => user)(assessItemSchema, (data, u) => assessItem(u, data, NOW), { roles: PLANNER_ROLES });
      expect(await run({ itemId: item.id, action: "APPROVE" })).toEqual({ ok: false, code: "errors.forbidden" });
    }
    expect((await db.requestItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("PENDING");
  });

  it("filters by location, group and date range", async () => {
    const all = await getAssessmentQueue(planner, NO_FILTERS);
    const noord = all.options.locations.find((l) => l.name === "De Regenboog Noord")!;
    const byLocation = await getAssessmentQueue(planner, { ...NO_FILTERS, locationId: noord.id });
    expect(byLocation.locations.map((l) => l.id)).toEqual([noord.id]);
    expect(byLocation.total).toBeGreaterThan(0);
    expect(byLocation.total).toBeLessThan(all.total);

    const dolfijnen = all.options.groups.find((g) => g.name === "Dolfijnen")!;
    const byGroup = await getAssessmentQueue(planner, { ...NO_FILTERS, groupId: dolfijnen.id });
    expect(new Set(allItems(byGroup).map((i) => i.groupName))).toEqual(new Set(["Dolfijnen"]));

    const dates = [...new Set(allItems(all).map((i) => i.date))].sort();
    const from = dates[1]!;
    const to = dates[dates.length - 2]!;
    const ranged = allItems(await getAssessmentQueue(planner, { ...NO_FILTERS, from, to }));
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged.every((i) => i.date >= from && i.date <= to)).toBe(true);
    expect(ranged.length).toBeLessThan(all.total);

    // Search params: invalid values are dropped, a reversed range becomes one day.
    expect(parseQueueFilters({ location: "not-a-uuid", group: [dolfijnen.id, "x"], from: "2026-13-40", to: "2026-12-01" })).toEqual({
      locationId: undefined,
      groupId: dolfijnen.id,
      from: undefined,
      to: "2026-12-01",
    });
    expect(parseQueueFilters({ from: "2026-12-10", to: "2026-12-01" })).toMatchObject({ from: "2026-12-10", to: "2026-12-10" });
  });

  it("lets a planner approve (item leaves the queue, occupancy rises) and reject with a reason only", async () => {
    const run = createAuthedAction(async () => planner)(assessItemSchema, (data, u) => assessItem(u, data, NOW), { roles: PLANNER_ROLES });
    const before = await getAssessmentQueue(planner, NO_FILTERS);
    const singles = allItems(before).filter((i) => !i.assessAsWhole && i.kind === "EXTRA_DAY");
    const toApprove = singles[0]!;
    const toReject = singles[1]!;
    const group = before.locations.flatMap((l) => l.groups).find((g) => g.dates.some((d) => d.items.some((i) => i.id === toApprove.id)))!;
    const occBefore = (await groupOccupancy(db, group.id, toApprove.date)).dayParts.find((d) => d.code === toApprove.dayPartCode)!.occupied;

    expect(await run({ itemId: toApprove.id, action: "APPROVE" })).toMatchObject({ ok: true });
    const occAfter = (await groupOccupancy(db, group.id, toApprove.date)).dayParts.find((d) => d.code === toApprove.dayPartCode)!.occupied;
    expect(occAfter).toBe(occBefore + 1);

    // Without a reason, or with too long a reason: a validation failure with the message key, nothing written.
    const noReason = await run({ itemId: toReject.id, action: "REJECT", rejectionReason: "  " });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { rejectionReason: ["Assess.errors.reasonRequired"] } });
    const tooLong = await run({ itemId: toReject.id, action: "REJECT", rejectionReason: "x".repeat(501) });
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { rejectionReason: ["Queue.errors.reasonTooLong"] } });
    expect((await db.requestItem.findUniqueOrThrow({ where: { id: toReject.id } })).status).toBe("PENDING");

    expect(await run({ itemId: toReject.id, action: "REJECT", rejectionReason: "De groep is vol." })).toMatchObject({ ok: true });
    const rejected = await db.requestItem.findUniqueOrThrow({ where: { id: toReject.id } });
    expect(rejected).toMatchObject({ status: "REJECTED", rejectionReason: "De groep is vol." });

    const after = allItems(await getAssessmentQueue(planner, NO_FILTERS)).map((i) => i.id);
    expect(after).not.toContain(toApprove.id);
    expect(after).not.toContain(toReject.id);
    expect(after.length).toBe(before.total - 2);

    // Assess-as-whole through one item: the whole request leaves the queue at once.
    const whole = allItems(await getAssessmentQueue(planner, NO_FILTERS)).find((i) => i.assessAsWhole)!;
    expect(await run({ itemId: whole.id, action: "APPROVE" })).toMatchObject({ ok: true, data: { updated: whole.otherItems.length + 1 } });
    const rest = allItems(await getAssessmentQueue(planner, NO_FILTERS));
    expect(rest.some((i) => i.requestId === whole.requestId)).toBe(false);
  });

  it("assesses a child's swap as one unit: posting the given-up item approves the wanted day too", async () => {
    const run = createAuthedAction(async () => planner)(assessItemSchema, (data, u) => assessItem(u, data, NOW), { roles: PLANNER_ROLES });
    const swap = allItems(await getAssessmentQueue(planner, NO_FILTERS)).filter((i) => i.kind === "SWAP_DAY" && !i.assessAsWhole);
    const remove = swap.find((i) => i.direction === "REMOVE")!;
    const unit = swap.filter((i) => i.requestId === remove.requestId && i.childId === remove.childId);
    // The seeded swap: Noor gives up a Thursday (morning + afternoon) for the Friday after it.
    expect(unit.map((i) => i.direction).sort()).toEqual(["ADD", "ADD", "REMOVE", "REMOVE"]);
    // Every item knows the rest of the child's swap.
    for (const i of unit) expect(i.otherItems.filter((o) => o.childId === remove.childId && o.status === "PENDING")).toHaveLength(3);
    const group = await db.group.findFirstOrThrow({ where: { name: remove.groupName } });
    const [thursday, friday] = [remove.date, unit.find((i) => i.direction === "ADD")!.date];
    const morning = async (date: string) => (await groupOccupancy(db, group.id, date)).dayParts.find((d) => d.code === "MORNING")!.occupied;
    const before = { thursday: await morning(thursday), friday: await morning(friday) };

    expect(await run({ itemId: remove.id, action: "APPROVE" })).toMatchObject({ ok: true, data: { updated: 4, requestCompleted: true } });
    const stored = await db.requestItem.findMany({ where: { id: { in: unit.map((i) => i.id) } } });
    expect(stored.map((i) => i.status)).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED"]);
    expect(await morning(thursday)).toBe(before.thursday - 1);
    expect(await morning(friday)).toBe(before.friday + 1);
    const rest = allItems(await getAssessmentQueue(planner, NO_FILTERS));
    expect(rest.some((i) => i.requestId === remove.requestId)).toBe(false);
  });
});
