import { describe, expect, it } from "vitest";
import {
  clampMonth,
  addDays,
  addMonths,
  assertIsoDate,
  compareIsoDates,
  dayNumber,
  diffDays,
  eachDay,
  endOfMonth,
  fromDayNumber,
  isIsoDate,
  isoDate,
  isWeekend,
  isWithin,
  maxIsoDate,
  minIsoDate,
  startOfMonth,
  weekday,
  yearOf,
} from "./dates";

describe("parsing and validation", () => {
  it("accepts real calendar days only", () => {
    expect(isIsoDate("2025-04-27")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-4-27")).toBe(false);
    expect(isIsoDate("2025-04-27T00:00:00Z")).toBe(false);
    expect(isIsoDate(" 2025-04-27")).toBe(false);
    expect(isIsoDate("")).toBe(false);
    expect(isIsoDate(20250427)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
  });

  it("assertIsoDate returns the value or throws a RangeError", () => {
    expect(assertIsoDate("2030-05-05")).toBe("2030-05-05");
    expect(() => assertIsoDate("2030-02-30")).toThrow(RangeError);
    expect(() => assertIsoDate("05-05-2030")).toThrow(RangeError);
  });

  it("isoDate builds a padded day and rejects impossible ones", () => {
    expect(isoDate(2025, 1, 5)).toBe("2025-01-05");
    expect(isoDate(2024, 2, 29)).toBe("2024-02-29");
    expect(() => isoDate(2025, 2, 29)).toThrow(RangeError);
    expect(() => isoDate(2025, 0, 1)).toThrow(RangeError);
    expect(() => isoDate(2025.5, 1, 1)).toThrow(RangeError);
    expect(() => isoDate(10000, 1, 1)).toThrow(RangeError);
  });

  it("yearOf reads the year", () => {
    expect(yearOf("2031-12-31")).toBe(2031);
    expect(() => yearOf("2031-12-32")).toThrow(RangeError);
  });
});

describe("day numbers", () => {
  it("counts days from 1970-01-01 and back", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(fromDayNumber(0)).toBe("1970-01-01");
    expect(fromDayNumber(dayNumber("2035-03-25"))).toBe("2035-03-25");
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});

describe("addDays / diffDays", () => {
  it("moves across month, year and leap-day boundaries", () => {
    expect(addDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2025-06-15", 0)).toBe("2025-06-15");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  it("never shifts a day over daylight-saving changes in Amsterdam", () => {
    // DST starts 2025-03-30 and ends 2025-10-26 in Europe/Amsterdam.
    expect(addDays("2025-03-29", 1)).toBe("2025-03-30");
    expect(addDays("2025-03-30", 1)).toBe("2025-03-31");
    expect(addDays("2025-10-25", 2)).toBe("2025-10-27");
    expect(diffDays("2025-03-01", "2025-04-01")).toBe(31);
    expect(diffDays("2025-10-01", "2025-11-01")).toBe(31);
  });

  it("diffDays is to − from", () => {
    expect(diffDays("2025-01-01", "2025-01-31")).toBe(30);
    expect(diffDays("2025-01-31", "2025-01-01")).toBe(-30);
    expect(diffDays("2025-01-01", "2025-01-01")).toBe(0);
    expect(diffDays("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("rejects fractional days and bad input", () => {
    expect(() => addDays("2025-01-01", 0.5)).toThrow(RangeError);
    expect(() => addDays("2025-02-30", 1)).toThrow(RangeError);
    expect(() => diffDays("x", "2025-01-01")).toThrow(RangeError);
  });
});

describe("weekday", () => {
  it("is ISO: Monday 1 … Sunday 7", () => {
    expect(weekday("2025-04-21")).toBe(1); // Monday
    expect(weekday("2025-04-22")).toBe(2);
    expect(weekday("2025-04-25")).toBe(5);
    expect(weekday("2025-04-26")).toBe(6);
    expect(weekday("2025-04-27")).toBe(7); // Sunday
    expect(weekday("2024-02-29")).toBe(4);
    expect(weekday("1970-01-01")).toBe(4);
  });

  it("isWeekend on Saturday and Sunday only", () => {
    expect(eachDay("2025-04-21", "2025-04-27").map(isWeekend)).toEqual([false, false, false, false, false, true, true]);
  });
});

describe("eachDay", () => {
  it("lists every day inclusive", () => {
    expect(eachDay("2024-02-27", "2024-03-02")).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
      "2024-03-02",
    ]);
    expect(eachDay("2025-05-05", "2025-05-05")).toEqual(["2025-05-05"]);
    expect(eachDay("2025-05-06", "2025-05-05")).toEqual([]);
    expect(eachDay("2025-01-01", "2025-12-31")).toHaveLength(365);
    expect(eachDay("2024-01-01", "2024-12-31")).toHaveLength(366);
  });
});

describe("months", () => {
  it("startOfMonth and endOfMonth", () => {
    expect(startOfMonth("2025-04-27")).toBe("2025-04-01");
    expect(startOfMonth("2025-04-01")).toBe("2025-04-01");
    expect(endOfMonth("2025-04-27")).toBe("2025-04-30");
    expect(endOfMonth("2024-02-10")).toBe("2024-02-29");
    expect(endOfMonth("2025-02-10")).toBe("2025-02-28");
    expect(endOfMonth("2025-12-01")).toBe("2025-12-31");
    expect(() => startOfMonth("2025-04-31")).toThrow(RangeError);
  });

  it("addMonths clamps to the month's last day and crosses years both ways", () => {
    expect(addMonths("2025-01-15", 1)).toBe("2025-02-15");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-03-31", -1)).toBe("2025-02-28");
    expect(addMonths("2025-11-30", 2)).toBe("2026-01-30");
    expect(addMonths("2025-01-10", -1)).toBe("2024-12-10");
    expect(addMonths("2025-01-10", -13)).toBe("2023-12-10");
    expect(addMonths("2025-05-05", 0)).toBe("2025-05-05");
    expect(addMonths("2025-05-05", 60)).toBe("2030-05-05");
    expect(() => addMonths("2025-05-05", 1.5)).toThrow(RangeError);
  });
});

describe("comparing", () => {
  it("compareIsoDates sorts chronologically", () => {
    expect(compareIsoDates("2025-01-01", "2025-01-02")).toBe(-1);
    expect(compareIsoDates("2025-01-02", "2025-01-01")).toBe(1);
    expect(compareIsoDates("2025-01-01", "2025-01-01")).toBe(0);
    expect(["2026-01-01", "2025-12-31", "2025-02-01"].sort(compareIsoDates)).toEqual([
      "2025-02-01",
      "2025-12-31",
      "2026-01-01",
    ]);
  });

  it("isWithin is inclusive and open-ended with null", () => {
    expect(isWithin("2025-01-01", "2025-01-01", "2025-01-31")).toBe(true);
    expect(isWithin("2025-01-31", "2025-01-01", "2025-01-31")).toBe(true);
    expect(isWithin("2025-02-01", "2025-01-01", "2025-01-31")).toBe(false);
    expect(isWithin("2024-12-31", "2025-01-01", "2025-01-31")).toBe(false);
    expect(isWithin("2099-12-31", "2025-01-01", null)).toBe(true);
  });

  it("min and max", () => {
    expect(minIsoDate("2025-03-01", "2024-12-31", "2025-01-01")).toBe("2024-12-31");
    expect(maxIsoDate("2025-03-01", "2024-12-31", "2025-01-01")).toBe("2025-03-01");
    expect(minIsoDate("2025-03-01")).toBe("2025-03-01");
    expect(maxIsoDate("2025-03-01")).toBe("2025-03-01");
  });
});

describe("clampMonth", () => {
  it("is the first of the month, within the window's months", () => {
    expect(clampMonth("2026-12-17", "2026-11-24", "2027-02-21")).toBe("2026-12-01");
    expect(clampMonth("2026-10-05", "2026-11-24", "2027-02-21")).toBe("2026-11-01");
    expect(clampMonth("2027-05-01", "2026-11-24", "2027-02-21")).toBe("2027-02-01");
    expect(clampMonth("rubbish", "2026-11-24", "2027-02-21")).toBe("2026-11-01");
    expect(clampMonth(undefined, "2026-11-24", "2027-02-21")).toBe("2026-11-01");
  });
});
