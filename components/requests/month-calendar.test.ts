import { describe, expect, it } from "vitest";
import { monthWeeks, nextSelection } from "./month-calendar";

describe("monthWeeks", () => {
  it("starts on Monday and pads with empty cells", () => {
    // 1 December 2026 is a Tuesday; 31 December a Thursday.
    const weeks = monthWeeks("2026-12-15");
    expect(weeks[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(weeks.at(-1)).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", null, null, null]);
    expect(weeks).toHaveLength(5);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it("has no leading gap when the month starts on a Monday", () => {
    // 1 February 2027 is a Monday; 28 days fill exactly four weeks.
    const weeks = monthWeeks("2027-02-01");
    expect(weeks[0]![0]).toBe("2027-02-01");
    expect(weeks).toHaveLength(4);
  });
});

describe("nextSelection", () => {
  it("picks one day in single mode", () => {
    expect(nextSelection("single", { from: "2026-12-01", to: "2026-12-03" }, "2026-12-09", true)).toEqual({ from: "2026-12-09", to: "2026-12-09" });
  });

  it("picks the start, then the end of a period", () => {
    const start = nextSelection("period", null, "2026-12-07", false);
    expect(start).toEqual({ from: "2026-12-07", to: "2026-12-07" });
    expect(nextSelection("period", start, "2026-12-11", true)).toEqual({ from: "2026-12-07", to: "2026-12-11" });
  });

  it("starts again when the end lies before the start or the end was already picked", () => {
    expect(nextSelection("period", { from: "2026-12-07", to: "2026-12-07" }, "2026-12-02", true)).toEqual({ from: "2026-12-02", to: "2026-12-02" });
    expect(nextSelection("period", { from: "2026-12-07", to: "2026-12-11" }, "2026-12-14", false)).toEqual({ from: "2026-12-14", to: "2026-12-14" });
  });
});
