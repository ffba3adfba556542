import { describe, expect, it } from "vitest";
import {
  amsterdamIsoDate,
  amsterdamToday,
  formatDateTime,
  formatDay,
  formatMinuteOfDay,
  formatMinuteRange,
  formatTime,
  parseIsoDate,
  toIsoDate,
} from "./date";

describe("calendar days", () => {
  it("round-trips YYYY-MM-DD through a UTC-midnight Date", () => {
    const d = parseIsoDate("2025-04-27");
    expect(d.toISOString()).toBe("2025-04-27T00:00:00.000Z");
    expect(toIsoDate(d)).toBe("2025-04-27");
  });

  it("rejects strings that are not calendar dates", () => {
    expect(() => parseIsoDate("2025-02-29")).toThrow(RangeError);
    expect(() => parseIsoDate("2025-13-01")).toThrow(RangeError);
    expect(() => parseIsoDate("27-04-2025")).toThrow(RangeError);
    expect(() => parseIsoDate("")).toThrow(RangeError);
    expect(parseIsoDate("2024-02-29").getUTCDate()).toBe(29);
  });

  it("rejects an invalid Date", () => {
    expect(() => toIsoDate(new Date("nonsense"))).toThrow(RangeError);
  });

  it("formats a day in Dutch and English without shifting it", () => {
    expect(formatDay("2025-04-27", "nl")).toBe("27 april 2025");
    expect(formatDay("2025-04-27", "en")).toBe("27 April 2025");
    expect(formatDay(parseIsoDate("2025-01-01"), "nl")).toBe("1 januari 2025");
    expect(formatDay("2025-04-27", "nl", "weekday")).toBe("zondag 27 april 2025");
    expect(formatDay("2025-04-27", "en", "weekday")).toBe("Sunday, 27 April 2025");
    expect(formatDay("2025-04-07", "nl", "short")).toBe("07-04-2025");
    expect(formatDay("2025-04-07", "en", "short")).toBe("07/04/2025");
    expect(formatDay("2025-04-07", "nl", "medium")).toBe("7 apr 2025");
  });

  it("falls back to Dutch for an unknown locale", () => {
    expect(formatDay("2025-04-27", "fr")).toBe("27 april 2025");
  });
});

describe("Amsterdam wall clock", () => {
  it("uses the Amsterdam calendar day, not UTC's", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Amsterdam (UTC+1 in winter).
    expect(amsterdamIsoDate(new Date("2024-12-31T23:30:00Z"))).toBe("2025-01-01");
    // 22:30 UTC in summer is 00:30 the next day (UTC+2).
    expect(amsterdamIsoDate(new Date("2025-06-30T22:30:00Z"))).toBe("2025-07-01");
    expect(amsterdamIsoDate(new Date("2025-06-30T21:59:00Z"))).toBe("2025-06-30");
    expect(amsterdamToday(new Date("2024-12-31T23:30:00Z")).toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("formats times in Amsterdam across daylight saving time", () => {
    expect(formatTime(new Date("2025-01-15T13:05:00Z"), "nl")).toBe("14:05");
    expect(formatTime(new Date("2025-07-15T13:05:00Z"), "en")).toBe("15:05");
    expect(formatTime("2025-03-30T00:59:00Z", "nl")).toBe("01:59");
    expect(formatTime("2025-03-30T01:00:00Z", "nl")).toBe("03:00");
    expect(formatTime(new Date("2025-01-15T23:00:00Z"), "nl")).toBe("00:00");
  });

  it("formats an instant with its Amsterdam date", () => {
    expect(formatDateTime(new Date("2024-12-31T23:30:00Z"), "nl")).toBe("1 januari 2025 00:30");
    expect(formatDateTime("2025-07-15T13:05:00Z", "en")).toBe("15 July 2025 15:05");
  });
});

describe("minutes of the day", () => {
  it("formats day-part times", () => {
    expect(formatMinuteOfDay(0)).toBe("00:00");
    expect(formatMinuteOfDay(420)).toBe("07:00");
    expect(formatMinuteOfDay(1110)).toBe("18:30");
    expect(formatMinuteOfDay(1440)).toBe("24:00");
    expect(formatMinuteRange(420, 780)).toBe("07:00–13:00");
  });

  it("rejects impossible minutes", () => {
    expect(() => formatMinuteOfDay(-1)).toThrow(RangeError);
    expect(() => formatMinuteOfDay(1441)).toThrow(RangeError);
    expect(() => formatMinuteOfDay(7.5)).toThrow(RangeError);
  });
});
