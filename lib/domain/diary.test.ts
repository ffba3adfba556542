import { describe, expect, it } from "vitest";
import {
  canReadDiary,
  canWriteDiary,
  checkDiaryDate,
  DIARY_MAX_DAYS_BACK,
  diaryExcerpt,
  diaryReadableEndBound,
  diaryWritableEndBound,
} from "./diary";

const TODAY = "2026-11-23";

describe("canWriteDiary", () => {
  it("allows a running placement, open-ended or with an end date ahead", () => {
    expect(canWriteDiary([{ startDate: "2026-01-01", endDate: null }], TODAY, 14)).toBe(true);
    expect(canWriteDiary([{ startDate: "2026-01-01", endDate: "2027-01-01" }], TODAY, 14)).toBe(true);
    expect(canWriteDiary([{ startDate: TODAY, endDate: TODAY }], TODAY, 0)).toBe(true);
  });

  it("allows writing for the policy's number of days after the end, not a day longer", () => {
    const ended = (endDate: string) => [{ startDate: "2025-01-01", endDate }];
    expect(canWriteDiary(ended("2026-11-09"), TODAY, 14)).toBe(true);
    expect(canWriteDiary(ended("2026-11-08"), TODAY, 14)).toBe(false);
    expect(canWriteDiary(ended("2026-11-22"), TODAY, 0)).toBe(false);
    expect(canWriteDiary(ended("2026-11-22"), TODAY, 1)).toBe(true);
  });

  it("refuses before care has started and without placements", () => {
    expect(canWriteDiary([{ startDate: "2026-11-24", endDate: null }], TODAY, 14)).toBe(false);
    expect(canWriteDiary([], TODAY, 14)).toBe(false);
  });

  it("one open placement is enough among ended ones", () => {
    const placements = [
      { startDate: "2024-01-01", endDate: "2025-01-01" },
      { startDate: "2026-09-01", endDate: null },
    ];
    expect(canWriteDiary(placements, TODAY, 14)).toBe(true);
  });

  it("matches the query bound", () => {
    expect(diaryWritableEndBound(TODAY, 14)).toBe("2026-11-09");
    expect(diaryWritableEndBound(TODAY, -3)).toBe(TODAY);
  });
});

describe("canReadDiary", () => {
  it("stays readable for the download window after the end", () => {
    const ended = (endDate: string) => [{ startDate: "2025-01-01", endDate }];
    expect(canReadDiary(ended("2026-09-28"), TODAY, 56)).toBe(true);
    expect(canReadDiary(ended("2026-09-27"), TODAY, 56)).toBe(false);
    expect(diaryReadableEndBound(TODAY, 56)).toBe("2026-09-28");
  });

  it("is readable before care starts (nothing is written yet, but a guardian may look)", () => {
    expect(canReadDiary([{ startDate: "2027-01-01", endDate: null }], TODAY, 56)).toBe(true);
    expect(canReadDiary([], TODAY, 56)).toBe(false);
  });
});

describe("checkDiaryDate", () => {
  it("accepts today and up to the maximum number of days back", () => {
    expect(checkDiaryDate(TODAY, TODAY)).toEqual({ ok: true });
    expect(DIARY_MAX_DAYS_BACK).toBe(14);
    expect(checkDiaryDate("2026-11-09", TODAY)).toEqual({ ok: true });
  });

  it("refuses the future and older days", () => {
    expect(checkDiaryDate("2026-11-24", TODAY)).toEqual({ ok: false, code: "FUTURE" });
    expect(checkDiaryDate("2026-11-08", TODAY)).toEqual({ ok: false, code: "TOO_OLD" });
  });
});

describe("diaryExcerpt", () => {
  it("keeps a short text whole", () => {
    expect(diaryExcerpt("  Goed gegeten.  ")).toEqual({ text: "Goed gegeten.", truncated: false });
  });

  it("cuts a long text at a word and marks it", () => {
    const body = "Vandaag hebben we liedjes gezongen en buiten gespeeld. ".repeat(10);
    const { text, truncated } = diaryExcerpt(body, 100);
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(101);
    expect(text.endsWith("…")).toBe(true);
    expect(body.startsWith(text.slice(0, -1))).toBe(true);
    expect(text.slice(0, -1)).not.toMatch(/\s$/);
  });

  it("keeps at most the first lines", () => {
    const { text, truncated } = diaryExcerpt("een\ntwee\r\ndrie\nvier\nvijf", 280, 3);
    expect(text).toBe("een\ntwee\ndrie…");
    expect(truncated).toBe(true);
  });
});
