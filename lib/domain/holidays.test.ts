import { describe, expect, it } from "vitest";
import { weekday } from "./dates";
import { dutchHolidays, dutchHolidaysBetween, easterSunday, HOLIDAY_CODES, isLiberationDayClosed, kingsDay } from "./holidays";

// Expected dates checked independently (python-dateutil `easter()` and a calendar), not derived
// from the code under test.
const EXPECTED: Record<
  number,
  { easter: string; easterMonday: string; kings: string; ascension: string; whitMonday: string }
> = {
  2024: { easter: "2024-03-31", easterMonday: "2024-04-01", kings: "2024-04-27", ascension: "2024-05-09", whitMonday: "2024-05-20" },
  2025: { easter: "2025-04-20", easterMonday: "2025-04-21", kings: "2025-04-26", ascension: "2025-05-29", whitMonday: "2025-06-09" },
  2026: { easter: "2026-04-05", easterMonday: "2026-04-06", kings: "2026-04-27", ascension: "2026-05-14", whitMonday: "2026-05-25" },
  2027: { easter: "2027-03-28", easterMonday: "2027-03-29", kings: "2027-04-27", ascension: "2027-05-06", whitMonday: "2027-05-17" },
  2028: { easter: "2028-04-16", easterMonday: "2028-04-17", kings: "2028-04-27", ascension: "2028-05-25", whitMonday: "2028-06-05" },
  2029: { easter: "2029-04-01", easterMonday: "2029-04-02", kings: "2029-04-27", ascension: "2029-05-10", whitMonday: "2029-05-21" },
  2030: { easter: "2030-04-21", easterMonday: "2030-04-22", kings: "2030-04-27", ascension: "2030-05-30", whitMonday: "2030-06-10" },
  2031: { easter: "2031-04-13", easterMonday: "2031-04-14", kings: "2031-04-26", ascension: "2031-05-22", whitMonday: "2031-06-02" },
  2032: { easter: "2032-03-28", easterMonday: "2032-03-29", kings: "2032-04-27", ascension: "2032-05-06", whitMonday: "2032-05-17" },
  2033: { easter: "2033-04-17", easterMonday: "2033-04-18", kings: "2033-04-27", ascension: "2033-05-26", whitMonday: "2033-06-06" },
  2034: { easter: "2034-04-09", easterMonday: "2034-04-10", kings: "2034-04-27", ascension: "2034-05-18", whitMonday: "2034-05-29" },
  2035: { easter: "2035-03-25", easterMonday: "2035-03-26", kings: "2035-04-27", ascension: "2035-05-03", whitMonday: "2035-05-14" },
};

const EVERY_5 = { liberationDayEveryYears: 5 };

describe("easterSunday", () => {
  it.each(Object.entries(EXPECTED))("%s", (year, e) => {
    expect(easterSunday(Number(year))).toBe(e.easter);
    expect(weekday(e.easter)).toBe(7);
  });

  it("handles the extreme dates of the Gregorian computus", () => {
    expect(easterSunday(1818)).toBe("1818-03-22"); // earliest possible
    expect(easterSunday(2285)).toBe("2285-03-22");
    expect(easterSunday(1943)).toBe("1943-04-25"); // latest possible
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(easterSunday(2000)).toBe("2000-04-23");
    expect(easterSunday(2100)).toBe("2100-03-28");
  });

  it("rejects years outside the Gregorian range", () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2025.5)).toThrow(RangeError);
    expect(() => easterSunday(10000)).toThrow(RangeError);
  });
});

describe("kingsDay", () => {
  it("is 27 April, or Saturday 26 April when the 27th is a Sunday", () => {
    expect(kingsDay(2025)).toBe("2025-04-26");
    expect(weekday("2025-04-27")).toBe(7);
    expect(kingsDay(2031)).toBe("2031-04-26");
    expect(weekday("2031-04-27")).toBe(7);
    expect(kingsDay(2036)).toBe("2036-04-26");
    expect(kingsDay(2014)).toBe("2014-04-26");
    for (let y = 2024; y <= 2035; y++) {
      expect(kingsDay(y)).toBe(EXPECTED[y]!.kings);
      expect(weekday(kingsDay(y))).not.toBe(7);
    }
  });
});

describe("isLiberationDayClosed", () => {
  it("every 5 years: 2025, 2030, 2035 (seed 003: eens per 5 jaar)", () => {
    const closed = [];
    for (let y = 2024; y <= 2035; y++) if (isLiberationDayClosed(y, 5)) closed.push(y);
    expect(closed).toEqual([2025, 2030, 2035]);
  });

  it("every year with 1, never with 0, rejects nonsense", () => {
    expect(isLiberationDayClosed(2026, 1)).toBe(true);
    expect(isLiberationDayClosed(2025, 0)).toBe(false);
    expect(isLiberationDayClosed(2030, 10)).toBe(true);
    expect(isLiberationDayClosed(2025, 10)).toBe(false);
    expect(() => isLiberationDayClosed(2025, -5)).toThrow(RangeError);
    expect(() => isLiberationDayClosed(2025, 2.5)).toThrow(RangeError);
  });
});

describe("dutchHolidays", () => {
  it.each(Object.entries(EXPECTED))("%s: exactly the seed 003 list, sorted", (y, e) => {
    const year = Number(y);
    const expected = [
      { date: `${year}-01-01`, code: "NEW_YEAR" },
      { date: e.easterMonday, code: "EASTER_MONDAY" },
      { date: e.kings, code: "KINGS_DAY" },
      ...(year % 5 === 0 ? [{ date: `${year}-05-05`, code: "LIBERATION_DAY" }] : []),
      { date: e.ascension, code: "ASCENSION_DAY" },
      { date: e.whitMonday, code: "WHIT_MONDAY" },
      { date: `${year}-12-25`, code: "CHRISTMAS_DAY" },
      { date: `${year}-12-26`, code: "BOXING_DAY" },
    ].sort((a, b) => (a.date < b.date ? -1 : 1));
    expect(dutchHolidays(year, EVERY_5)).toEqual(expected);
  });

  it("Easter Monday, Ascension and Whit Monday fall on Monday, Thursday, Monday", () => {
    for (let y = 2024; y <= 2035; y++) {
      const e = EXPECTED[y]!;
      expect(weekday(e.easterMonday)).toBe(1);
      expect(weekday(e.ascension)).toBe(4);
      expect(weekday(e.whitMonday)).toBe(1);
    }
  });

  it("does not list Goede Vrijdag, Eerste paasdag or Eerste pinksterdag (not in seed 003)", () => {
    for (let y = 2024; y <= 2035; y++) {
      const dates = dutchHolidays(y, EVERY_5).map((h) => h.date);
      const easter = EXPECTED[y]!.easter;
      expect(dates).not.toContain(easter);
      const goodFriday = new Date(`${easter}T00:00:00Z`);
      goodFriday.setUTCDate(goodFriday.getUTCDate() - 2);
      expect(dates).not.toContain(goodFriday.toISOString().slice(0, 10));
      const whitSunday = new Date(`${easter}T00:00:00Z`);
      whitSunday.setUTCDate(whitSunday.getUTCDate() + 49);
      expect(dates).not.toContain(whitSunday.toISOString().slice(0, 10));
    }
  });

  it("Bevrijdingsdag follows the policy", () => {
    const has = (year: number, every: number) =>
      dutchHolidays(year, { liberationDayEveryYears: every }).some((h) => h.code === "LIBERATION_DAY");
    expect(has(2025, 5)).toBe(true);
    expect(has(2026, 5)).toBe(false);
    expect(has(2030, 5)).toBe(true);
    expect(has(2026, 1)).toBe(true);
    expect(has(2025, 0)).toBe(false);
    expect(dutchHolidays(2025, EVERY_5)).toHaveLength(8);
    expect(dutchHolidays(2026, EVERY_5)).toHaveLength(7);
  });

  it("keeps both holidays when they share a date (2005: Hemelvaartsdag on 5 May)", () => {
    const may5 = dutchHolidays(2005, EVERY_5).filter((h) => h.date === "2005-05-05");
    expect(may5.map((h) => h.code)).toEqual(["LIBERATION_DAY", "ASCENSION_DAY"]);
  });

  it("uses only the known codes", () => {
    for (const h of dutchHolidays(2030, EVERY_5)) expect(HOLIDAY_CODES).toContain(h.code);
  });
});

describe("dutchHolidaysBetween", () => {
  it("spans a year boundary and clips to the range", () => {
    expect(dutchHolidaysBetween("2025-12-20", "2026-01-10", EVERY_5)).toEqual([
      { date: "2025-12-25", code: "CHRISTMAS_DAY" },
      { date: "2025-12-26", code: "BOXING_DAY" },
      { date: "2026-01-01", code: "NEW_YEAR" },
    ]);
    expect(dutchHolidaysBetween("2025-04-26", "2025-05-05", EVERY_5).map((h) => h.code)).toEqual([
      "KINGS_DAY",
      "LIBERATION_DAY",
    ]);
    expect(dutchHolidaysBetween("2025-07-01", "2025-07-31", EVERY_5)).toEqual([]);
    expect(dutchHolidaysBetween("2025-12-31", "2025-01-01", EVERY_5)).toEqual([]);
  });

  it("covers several years", () => {
    expect(dutchHolidaysBetween("2024-01-01", "2035-12-31", EVERY_5)).toHaveLength(12 * 7 + 3);
  });

  it("rejects invalid days", () => {
    expect(() => dutchHolidaysBetween("2025-02-30", "2025-03-01", EVERY_5)).toThrow(RangeError);
  });
});
