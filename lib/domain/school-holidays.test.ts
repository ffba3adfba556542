import { describe, expect, it } from "vitest";
import { restrictionFits, usableCredits } from "./credits";
import {
  schoolHolidayLookup,
  schoolHolidayLookupByGroup,
  schoolHolidayOn,
  schoolHolidayPeriodsFor,
  type SchoolHolidayDef,
} from "./school-holidays";
import type { CreditDef } from "./types";

const ZUID = "loc-maastricht"; // a location in region zuid, with periods of its own
const MIDDEN = "loc-utrecht"; // a location of the organisation's own region, without own periods

// Region midden 2025–2026 (the organisation's) and region zuid (one location only).
const periods: SchoolHolidayDef[] = [
  { name: "Herfstvakantie", startDate: "2025-10-18", endDate: "2025-10-26", locationId: null },
  { name: "Kerstvakantie", startDate: "2025-12-20", endDate: "2026-01-04", locationId: null },
  { name: "Voorjaarsvakantie", startDate: "2026-02-14", endDate: "2026-02-22", locationId: null },
  { name: "Herfstvakantie", startDate: "2025-10-11", endDate: "2025-10-19", locationId: ZUID },
  { name: "Kerstvakantie", startDate: "2025-12-20", endDate: "2026-01-04", locationId: ZUID },
  { name: "Carnavalsvakantie", startDate: "2026-02-14", endDate: "2026-02-22", locationId: ZUID },
];

describe("schoolHolidayLookup", () => {
  it("is true on every day of an organisation period, both ends included, and false around it", () => {
    const isHoliday = schoolHolidayLookup(periods);
    expect(isHoliday("2025-10-17")).toBe(false);
    expect(isHoliday("2025-10-18")).toBe(true);
    expect(isHoliday("2025-10-22")).toBe(true);
    expect(isHoliday("2025-10-26")).toBe(true);
    expect(isHoliday("2025-10-27")).toBe(false);
    // A period across New Year.
    expect(isHoliday("2025-12-31")).toBe(true);
    expect(isHoliday("2026-01-04")).toBe(true);
    expect(isHoliday("2026-01-05")).toBe(false);
  });

  it("gives a location without periods of its own the organisation's periods", () => {
    const isHoliday = schoolHolidayLookup(periods, MIDDEN);
    expect(isHoliday("2025-10-25")).toBe(true);
    expect(isHoliday("2025-10-13")).toBe(false);
  });

  it("gives a location with periods of its own only those: they replace the organisation's", () => {
    const isHoliday = schoolHolidayLookup(periods, ZUID);
    // Zuid's herfstvakantie: a week earlier than midden's.
    expect(isHoliday("2025-10-13")).toBe(true);
    expect(isHoliday("2025-10-19")).toBe(true);
    // Midden's second week is a school week in zuid.
    expect(isHoliday("2025-10-22")).toBe(false);
    expect(isHoliday("2025-12-24")).toBe(true);
  });

  it("keeps a location on its own calendar when its own periods lie outside the loaded window", () => {
    // Loaded for 20–31 October: the organisation's herfstvakantie overlaps it, none of zuid's periods does.
    const october = periods.filter((p) => p.startDate <= "2025-10-31" && p.endDate >= "2025-10-20");
    expect(october.map((p) => p.name)).toEqual(["Herfstvakantie"]);
    // Without the hint the location falls back to the organisation's periods…
    expect(schoolHolidayLookup(october, ZUID)("2025-10-22")).toBe(true);
    // …with it, it stays on its own (empty, in this window) calendar.
    expect(schoolHolidayLookup(october, ZUID, [ZUID])("2025-10-22")).toBe(false);
    // The hint names only some locations: the others keep the organisation's periods.
    expect(schoolHolidayLookup(october, MIDDEN, [ZUID])("2025-10-22")).toBe(true);
  });

  it("knows no school holidays without periods", () => {
    expect(schoolHolidayLookup([])("2025-07-20")).toBe(false);
    expect(schoolHolidayLookup([], MIDDEN)("2025-07-20")).toBe(false);
  });

  it("refuses a period that ends before it starts, and a date that is not a calendar day", () => {
    expect(() => schoolHolidayLookup([{ name: "Omgekeerd", startDate: "2025-10-26", endDate: "2025-10-18", locationId: null }])).toThrow(RangeError);
    expect(() => schoolHolidayLookup([{ name: "Onzin", startDate: "2025-02-30", endDate: "2025-03-02", locationId: null }])).toThrow(RangeError);
    expect(() => schoolHolidayLookup(periods)("2025-13-01")).toThrow(RangeError);
  });

  it("accepts a one-day period", () => {
    const isHoliday = schoolHolidayLookup([{ name: "Studiedag scholen", startDate: "2026-03-10", endDate: "2026-03-10", locationId: null }]);
    expect(isHoliday("2026-03-09")).toBe(false);
    expect(isHoliday("2026-03-10")).toBe(true);
    expect(isHoliday("2026-03-11")).toBe(false);
  });
});

describe("schoolHolidayPeriodsFor and schoolHolidayOn", () => {
  it("lists the applicable periods sorted by start date", () => {
    const shuffled = [...periods].reverse();
    expect(schoolHolidayPeriodsFor(shuffled).map((p) => p.startDate)).toEqual(["2025-10-18", "2025-12-20", "2026-02-14"]);
    expect(schoolHolidayPeriodsFor(shuffled, ZUID).map((p) => p.name)).toEqual(["Herfstvakantie", "Kerstvakantie", "Carnavalsvakantie"]);
  });

  it("names the holiday a date falls in, per location", () => {
    expect(schoolHolidayOn("2026-02-17", periods, ZUID)?.name).toBe("Carnavalsvakantie");
    expect(schoolHolidayOn("2026-02-17", periods, MIDDEN)?.name).toBe("Voorjaarsvakantie");
    expect(schoolHolidayOn("2026-03-17", periods, MIDDEN)).toBeNull();
  });
});

describe("schoolHolidayLookupByGroup", () => {
  const locationOfGroup = new Map([
    ["kdv", MIDDEN],
    ["bso", ZUID],
  ]);
  const byGroup = schoolHolidayLookupByGroup({ periods, locationsWithOwnPeriods: [ZUID] }, locationOfGroup);

  it("looks at the location of the group the care is in", () => {
    expect(byGroup("2025-10-22", "kdv")).toBe(true);
    expect(byGroup("2025-10-22", "bso")).toBe(false);
    expect(byGroup("2025-10-13", "kdv")).toBe(false);
    expect(byGroup("2025-10-13", "bso")).toBe(true);
  });

  it("uses the organisation's periods for an unknown group or none", () => {
    expect(byGroup("2025-10-22", "elsewhere")).toBe(true);
    expect(byGroup("2025-10-22", null)).toBe(true);
    expect(byGroup("2025-10-13", null)).toBe(false);
  });
});

describe("with the credit rules (seed 002 §5.2)", () => {
  const credit = (id: string, restriction: CreditDef["restriction"]): CreditDef => ({
    id,
    childId: "sem",
    kind: "GRANTED",
    minutes: 600,
    usedMinutes: 0,
    validFrom: "2025-09-01",
    validUntil: "2026-08-31",
    restriction,
  });
  const credits = [credit("any", "NONE"), credit("holidays", "HOLIDAYS_ONLY"), credit("schoolWeeks", "SCHOOL_WEEKS_ONLY")];
  const isSchoolHoliday = schoolHolidayLookup(periods, MIDDEN);

  it("offers a holidays-only credit in the kerstvakantie and a school-weeks-only credit outside it", () => {
    const inHoliday = usableCredits(credits, { childId: "sem", date: "2025-12-23", minutes: 270, isSchoolHoliday });
    expect(inHoliday.map((c) => c.id).sort()).toEqual(["any", "holidays"]);
    const schoolWeek = usableCredits(credits, { childId: "sem", date: "2026-01-06", minutes: 270, isSchoolHoliday });
    expect(schoolWeek.map((c) => c.id).sort()).toEqual(["any", "schoolWeeks"]);
  });

  it("decides per location", () => {
    expect(restrictionFits("HOLIDAYS_ONLY", "2025-10-13", schoolHolidayLookup(periods, ZUID))).toBe(true);
    expect(restrictionFits("HOLIDAYS_ONLY", "2025-10-13", schoolHolidayLookup(periods, MIDDEN))).toBe(false);
  });
});
