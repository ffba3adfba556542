import { describe, expect, it } from "vitest";
import {
  closingDaysBetween,
  closingInfoOn,
  closingLookup,
  closingLookupByGroup,
  isClosed,
  type ClosingOptions,
} from "./closing-days";
import type { ClosingDayDef } from "./types";

const LOC_A = "loc-a";
const LOC_B = "loc-b";

const orgDays: ClosingDayDef[] = [
  { date: "2025-08-15", name: "Teamdag", locationId: null },
  { date: "2025-09-12", name: "Studiedag A", locationId: LOC_A },
  { date: "2025-09-19", name: "Verhuizing B", locationId: LOC_B },
  // Same date as a holiday: the holiday wins.
  { date: "2025-12-25", name: "Kerst (dubbel)", locationId: null },
  // Same date, organisation-wide and location-specific: the location's own day wins.
  { date: "2025-10-03", name: "Organisatiedag", locationId: null },
  { date: "2025-10-03", name: "Locatiedag A", locationId: LOC_A },
];

const optsA: ClosingOptions = { organisationDays: orgDays, locationId: LOC_A, liberationDayEveryYears: 5 };

describe("closingDaysBetween", () => {
  it("merges holidays with the organisation's days for one location, sorted, one per date", () => {
    expect(closingDaysBetween("2025-04-01", "2025-12-31", optsA)).toEqual([
      { date: "2025-04-21", source: "HOLIDAY", code: "EASTER_MONDAY", name: null },
      { date: "2025-04-26", source: "HOLIDAY", code: "KINGS_DAY", name: null },
      { date: "2025-05-05", source: "HOLIDAY", code: "LIBERATION_DAY", name: null },
      { date: "2025-05-29", source: "HOLIDAY", code: "ASCENSION_DAY", name: null },
      { date: "2025-06-09", source: "HOLIDAY", code: "WHIT_MONDAY", name: null },
      { date: "2025-08-15", source: "ORGANISATION", code: null, name: "Teamdag" },
      { date: "2025-09-12", source: "ORGANISATION", code: null, name: "Studiedag A" },
      { date: "2025-10-03", source: "ORGANISATION", code: null, name: "Locatiedag A" },
      { date: "2025-12-25", source: "HOLIDAY", code: "CHRISTMAS_DAY", name: null },
      { date: "2025-12-26", source: "HOLIDAY", code: "BOXING_DAY", name: null },
    ]);
  });

  it("ignores other locations' days; with locationId null only organisation-wide days apply", () => {
    const b = closingDaysBetween("2025-08-01", "2025-10-31", { ...optsA, locationId: LOC_B });
    expect(b.map((c) => c.name)).toEqual(["Teamdag", "Verhuizing B", "Organisatiedag"]);
    const none = closingDaysBetween("2025-08-01", "2025-10-31", { ...optsA, locationId: null });
    expect(none.map((c) => c.name)).toEqual(["Teamdag", "Organisatiedag"]);
  });

  it("includes both range ends and nothing outside", () => {
    expect(closingDaysBetween("2025-08-15", "2025-09-12", optsA).map((c) => c.date)).toEqual([
      "2025-08-15",
      "2025-09-12",
    ]);
    expect(closingDaysBetween("2025-08-16", "2025-09-11", optsA)).toEqual([]);
    expect(closingDaysBetween("2025-09-12", "2025-08-15", optsA)).toEqual([]);
  });

  it("spans years and follows the Bevrijdingsdag policy", () => {
    const dates = closingDaysBetween("2025-12-24", "2026-05-31", { ...optsA, organisationDays: [] }).map((c) => c.date);
    expect(dates).toEqual(["2025-12-25", "2025-12-26", "2026-01-01", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25"]);
    expect(dates).not.toContain("2026-05-05");
    const never = closingDaysBetween("2025-05-01", "2025-05-10", { ...optsA, liberationDayEveryYears: 0 });
    expect(never).toEqual([]);
  });

  it("rejects invalid days", () => {
    expect(() => closingDaysBetween("2025-02-30", "2025-03-01", optsA)).toThrow(RangeError);
  });
});

describe("closingInfoOn / isClosed", () => {
  it("names the reason or returns null", () => {
    expect(closingInfoOn("2025-04-26", optsA)).toEqual({ date: "2025-04-26", source: "HOLIDAY", code: "KINGS_DAY", name: null });
    expect(closingInfoOn("2025-09-12", optsA)?.name).toBe("Studiedag A");
    expect(closingInfoOn("2025-04-27", optsA)).toBeNull(); // Koningsdag moved to the 26th
    expect(isClosed("2025-05-05", optsA)).toBe(true);
    expect(isClosed("2026-05-05", optsA)).toBe(false);
    expect(isClosed("2025-09-19", optsA)).toBe(false); // location B's day
    expect(isClosed("2025-09-19", { ...optsA, locationId: LOC_B })).toBe(true);
    expect(isClosed("2026-04-03", optsA)).toBe(false); // Goede Vrijdag is open (seed 003)
  });
});

describe("closingLookup", () => {
  it("answers inside and outside its precomputed range alike", () => {
    const lookup = closingLookup("2025-09-01", "2025-09-30", optsA);
    expect(lookup("2025-09-12")?.name).toBe("Studiedag A");
    expect(lookup("2025-09-13")).toBeNull();
    expect(lookup("2025-12-25")?.code).toBe("CHRISTMAS_DAY");
    expect(lookup("2025-12-27")).toBeNull();
  });
});

describe("closingLookupByGroup", () => {
  const lookup = closingLookupByGroup("2025-09-01", "2025-12-31", {
    organisationDays: orgDays,
    liberationDayEveryYears: 5,
    locationOfGroup: new Map([
      ["kdv", LOC_A],
      ["bso", LOC_B],
    ]),
  });

  it("applies each group's own location", () => {
    expect(lookup("2025-09-12", "kdv")?.name).toBe("Studiedag A");
    expect(lookup("2025-09-12", "bso")).toBeNull();
    expect(lookup("2025-09-19", "bso")?.name).toBe("Verhuizing B");
    expect(lookup("2025-09-19", "kdv")).toBeNull();
  });

  it("unknown groups and no group see holidays and organisation-wide days only", () => {
    expect(lookup("2025-10-03", "other")?.name).toBe("Organisatiedag");
    expect(lookup("2025-10-03", null)?.name).toBe("Organisatiedag");
    expect(lookup("2025-10-03")?.name).toBe("Organisatiedag");
    expect(lookup("2025-09-12", null)).toBeNull();
    expect(lookup("2025-12-25", "bso")?.code).toBe("CHRISTMAS_DAY");
  });
});
