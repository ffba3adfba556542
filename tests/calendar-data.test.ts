// lib/db/calendar-data.ts against the demo data: a family's calendar data holds its own children only,
// mapped to the domain's plain shapes.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadFamilyCalendarData, DEFAULT_POLICY } from "@/lib/db/calendar-data";
import { seedDemoData } from "../scripts/seed/demo";

const TODAY = "2026-11-23";

async function familyOf(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { guardian: true } });
  return { organisationId: user.organisationId, familyId: user.guardian!.familyId };
}

describe("loadFamilyCalendarData", () => {
  beforeAll(async () => {
    await seedDemoData(db, { storageDir: mkdtempSync(path.join(os.tmpdir(), "op-cal-")), today: TODAY });
  });

  it("returns the family's children with their placements, day parts, items and the policy", async () => {
    const scope = await familyOf("ouder@demo.ouderportaal.nl");
    const data = await loadFamilyCalendarData(scope, "2026-10-01", "2027-01-31");
    expect(data.children.map((c) => c.firstName).sort()).toEqual(["Noor", "Sem"]);
    const childIds = new Set(data.children.map((c) => c.id));
    expect(data.placements.length).toBeGreaterThanOrEqual(2);
    expect(data.placements.every((p) => childIds.has(p.childId))).toBe(true);
    expect(data.placements.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.startDate) && p.days.length > 0)).toBe(true);
    const groupIds = new Set(data.placements.map((p) => p.groupId));
    expect(data.dayParts.every((d) => groupIds.has(d.groupId))).toBe(true);
    expect(data.dayParts.map((d) => d.code)).toEqual(expect.arrayContaining(["MORNING", "AFTERNOON", "NSO"]));
    expect(data.items.length).toBeGreaterThan(0);
    expect(data.items.every((i) => childIds.has(i.childId) && i.date >= "2026-10-01" && i.date <= "2027-01-31")).toBe(true);
    expect(data.credits.every((c) => childIds.has(c.childId))).toBe(true);
    expect(data.policy.bookingHorizonDays).toBeGreaterThan(0);
    // The organisation's school holidays overlapping the range (the demo has no location of its own).
    expect(data.schoolHolidays).toEqual({
      periods: [
        { name: "Herfstvakantie", startDate: "2026-10-17", endDate: "2026-10-25", locationId: null },
        { name: "Kerstvakantie", startDate: "2026-12-19", endDate: "2027-01-03", locationId: null },
      ],
      locationsWithOwnPeriods: [],
    });
  });

  it("finds nothing for a family of another organisation, or a family id that is not the user's", async () => {
    const scope = await familyOf("ouder@demo.ouderportaal.nl");
    const other = await db.organisation.create({ data: { name: "Andere opvang", slug: "andere-opvang" } });
    const data = await loadFamilyCalendarData({ organisationId: other.id, familyId: scope.familyId }, "2026-10-01", "2027-01-31");
    expect(data.children).toEqual([]);
    expect(data.items).toEqual([]);
    expect(data.credits).toEqual([]);
    expect(data.schoolHolidays).toEqual({ periods: [], locationsWithOwnPeriods: [] });
    expect(data.policy).toEqual(DEFAULT_POLICY);
  });

  it("leaves out a placement that ended before the range", async () => {
    const scope = await familyOf("oud@demo.ouderportaal.nl");
    const data = await loadFamilyCalendarData(scope, "2026-11-20", "2026-12-31");
    expect(data.children).toHaveLength(1);
    expect(data.placements).toEqual([]);
  });
});
