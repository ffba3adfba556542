import { describe, expect, it } from "vitest";
import {
  isQuiet,
  isValidQuietHours,
  localMinuteOfDay,
  nextAllowedMoment,
  quietHoursFromColumns,
  quietHoursOptions,
  quietHoursProblem,
  type QuietHours,
} from "./quiet-hours";

// Europe/Amsterdam in 2026: CET (UTC+1) until Sunday 29 March 01:00 UTC, CEST (UTC+2) until Sunday
// 25 October 01:00 UTC. All instants below are written in UTC with their wall time beside them.
const at = (iso: string) => new Date(iso);
const hm = (h: number, m = 0) => h * 60 + m;
const NIGHT: QuietHours = { start: hm(22), end: hm(7) };

describe("validation", () => {
  it("accepts quarter-hour times that differ, either way round", () => {
    expect(quietHoursProblem(NIGHT)).toBeNull();
    expect(quietHoursProblem({ start: hm(12), end: hm(13, 45) })).toBeNull();
    expect(quietHoursProblem({ start: 0, end: hm(23, 45) })).toBeNull();
    expect(isValidQuietHours(NIGHT)).toBe(true);
  });

  it("refuses the same start and end, times outside the day and times off the quarter hours", () => {
    expect(quietHoursProblem({ start: hm(7), end: hm(7) })).toBe("empty");
    expect(quietHoursProblem({ start: -15, end: hm(7) })).toBe("notMinuteOfDay");
    expect(quietHoursProblem({ start: hm(22), end: 1440 })).toBe("notMinuteOfDay");
    expect(quietHoursProblem({ start: 22.5, end: hm(7) })).toBe("notMinuteOfDay");
    expect(quietHoursProblem({ start: Number.NaN, end: hm(7) })).toBe("notMinuteOfDay");
    expect(quietHoursProblem({ start: hm(22, 10), end: hm(7) })).toBe("notOnStep");
    expect(quietHoursProblem({ start: hm(22, 10), end: hm(7) }, 1)).toBeNull();
    expect(isValidQuietHours({ start: hm(7), end: hm(7) })).toBe(false);
  });

  it("reads stored columns: both set = a period, otherwise none", () => {
    expect(quietHoursFromColumns(hm(22), hm(7))).toEqual(NIGHT);
    expect(quietHoursFromColumns(null, null)).toBeNull();
    expect(quietHoursFromColumns(hm(22), null)).toBeNull();
    expect(quietHoursFromColumns(undefined, hm(7))).toBeNull();
    expect(quietHoursFromColumns(hm(7), hm(7))).toBeNull();
    expect(quietHoursFromColumns(hm(22, 10), hm(7))).toEqual({ start: hm(22, 10), end: hm(7) });
  });

  it("offers every quarter hour of the day", () => {
    const options = quietHoursOptions();
    expect(options).toHaveLength(96);
    expect(options[0]).toBe(0);
    expect(options.at(-1)).toBe(hm(23, 45));
  });
});

describe("isQuiet", () => {
  it("reads Amsterdam's wall clock, winter and summer", () => {
    expect(localMinuteOfDay(at("2026-01-15T21:00:00Z"))).toBe(hm(22));
    expect(localMinuteOfDay(at("2026-07-15T20:00:00Z"))).toBe(hm(22));
  });

  it("a period across midnight includes its start and excludes its end", () => {
    expect(isQuiet(at("2026-01-15T20:59:00Z"), NIGHT)).toBe(false); // 21:59
    expect(isQuiet(at("2026-01-15T21:00:00Z"), NIGHT)).toBe(true); // 22:00
    expect(isQuiet(at("2026-01-15T23:30:00Z"), NIGHT)).toBe(true); // 00:30
    expect(isQuiet(at("2026-01-16T05:59:00Z"), NIGHT)).toBe(true); // 06:59
    expect(isQuiet(at("2026-01-16T06:00:00Z"), NIGHT)).toBe(false); // 07:00
    expect(isQuiet(at("2026-07-15T20:00:00Z"), NIGHT)).toBe(true); // 22:00 CEST
    expect(isQuiet(at("2026-07-15T19:59:00Z"), NIGHT)).toBe(false); // 21:59 CEST
  });

  it("a period within the day", () => {
    const lunch = { start: hm(12), end: hm(14) };
    expect(isQuiet(at("2026-01-15T10:59:00Z"), lunch)).toBe(false); // 11:59
    expect(isQuiet(at("2026-01-15T11:00:00Z"), lunch)).toBe(true); // 12:00
    expect(isQuiet(at("2026-01-15T12:59:00Z"), lunch)).toBe(true); // 13:59
    expect(isQuiet(at("2026-01-15T13:00:00Z"), lunch)).toBe(false); // 14:00
    expect(isQuiet(at("2026-01-15T22:00:00Z"), lunch)).toBe(false); // 23:00
  });

  it("no quiet hours, or an empty period, is never quiet", () => {
    expect(isQuiet(at("2026-01-15T23:00:00Z"), null)).toBe(false);
    expect(isQuiet(at("2026-01-15T23:00:00Z"), { start: hm(7), end: hm(7) })).toBe(false);
  });
});

describe("nextAllowedMoment", () => {
  const next = (iso: string, quiet: QuietHours | null) => nextAllowedMoment(at(iso), quiet).toISOString();

  it("is now outside quiet hours or without them", () => {
    expect(next("2026-01-15T12:00:00Z", NIGHT)).toBe("2026-01-15T12:00:00.000Z");
    expect(next("2026-01-15T23:00:00Z", null)).toBe("2026-01-15T23:00:00.000Z");
    expect(next("2026-01-16T06:00:00Z", NIGHT)).toBe("2026-01-16T06:00:00.000Z"); // 07:00 sharp
  });

  it("is the end of the period: the next morning before midnight, the same morning after it", () => {
    expect(next("2026-01-15T22:00:00Z", NIGHT)).toBe("2026-01-16T06:00:00.000Z"); // 23:00 → 07:00 CET
    expect(next("2026-01-16T02:00:00Z", NIGHT)).toBe("2026-01-16T06:00:00.000Z"); // 03:00 → 07:00 CET
    expect(next("2026-07-15T21:30:00Z", NIGHT)).toBe("2026-07-16T05:00:00.000Z"); // 23:30 → 07:00 CEST
    expect(next("2026-01-15T11:20:00Z", { start: hm(12), end: hm(14) })).toBe("2026-01-15T13:00:00.000Z");
  });

  it("crosses the year", () => {
    expect(next("2026-12-31T22:30:00Z", NIGHT)).toBe("2027-01-01T06:00:00.000Z"); // 23:30 on 31 Dec
  });

  it("spring forward (last Sunday of March): 07:00 is CEST, the night is an hour shorter", () => {
    // Saturday 28 March 23:00 CET → Sunday 29 March 07:00 CEST = 05:00 UTC (7 hours later, not 8).
    expect(next("2026-03-28T22:00:00Z", NIGHT)).toBe("2026-03-29T05:00:00.000Z");
    expect(next("2026-03-29T00:30:00Z", NIGHT)).toBe("2026-03-29T05:00:00.000Z"); // 01:30 CET
    expect(next("2026-03-29T01:00:00Z", NIGHT)).toBe("2026-03-29T05:00:00.000Z"); // 03:00 CEST
    expect(next("2026-03-29T04:59:00Z", NIGHT)).toBe("2026-03-29T05:00:00.000Z"); // 06:59 CEST
    expect(next("2026-03-29T05:00:00Z", NIGHT)).toBe("2026-03-29T05:00:00.000Z"); // 07:00 CEST: allowed
  });

  it("fall back (last Sunday of October): 07:00 is CET, the night is an hour longer", () => {
    // Saturday 24 October 23:00 CEST → Sunday 25 October 07:00 CET = 06:00 UTC (9 hours later, not 8).
    expect(next("2026-10-24T21:00:00Z", NIGHT)).toBe("2026-10-25T06:00:00.000Z");
    expect(next("2026-10-25T00:30:00Z", NIGHT)).toBe("2026-10-25T06:00:00.000Z"); // 02:30 CEST
    expect(next("2026-10-25T01:30:00Z", NIGHT)).toBe("2026-10-25T06:00:00.000Z"); // 02:30 CET (again)
    expect(next("2026-10-25T05:00:00Z", NIGHT)).toBe("2026-10-25T06:00:00.000Z"); // 06:00 CET
    expect(next("2026-10-25T06:00:00Z", NIGHT)).toBe("2026-10-25T06:00:00.000Z"); // 07:00 CET: allowed
  });

  it("an end in the skipped hour ends when the clock jumps past it", () => {
    // 22:00–02:30 on 29 March: 02:30 never happens; the clock goes from 02:00 CET to 03:00 CEST.
    const q = { start: hm(22), end: hm(2, 30) };
    expect(next("2026-03-28T22:00:00Z", q)).toBe("2026-03-29T01:00:00.000Z");
    expect(isQuiet(at("2026-03-29T01:00:00Z"), q)).toBe(false);
    expect(isQuiet(at("2026-03-29T00:59:00Z"), q)).toBe(true);
  });

  it("an end in the repeated hour ends at its next occurrence", () => {
    const q = { start: hm(1), end: hm(2, 30) };
    expect(next("2026-10-24T23:30:00Z", q)).toBe("2026-10-25T00:30:00.000Z"); // 01:30 CEST → 02:30 CEST
    // 02:10 CET, the second time round: quiet on the wall clock, until 02:30 CET.
    expect(next("2026-10-25T01:10:00Z", q)).toBe("2026-10-25T01:30:00.000Z");
  });

  it("for every moment of 2026: never before now, never inside quiet hours, quiet right up to it", () => {
    const periods: QuietHours[] = [NIGHT, { start: hm(2, 15), end: hm(2, 45) }, { start: hm(23, 30), end: hm(0, 30) }, { start: hm(12), end: hm(14) }];
    const start = Date.UTC(2026, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    for (const q of periods) {
      for (let ms = start; ms < end; ms += 131 * 60_000) {
        const now = new Date(ms);
        const allowed = nextAllowedMoment(now, q);
        expect(allowed.getTime()).toBeGreaterThanOrEqual(ms);
        expect(isQuiet(allowed, q)).toBe(false);
        if (allowed.getTime() > ms) {
          expect(isQuiet(now, q)).toBe(true);
          expect(isQuiet(new Date(allowed.getTime() - 60_000), q)).toBe(true);
          expect(allowed.getTime() - ms).toBeLessThanOrEqual(25 * 3_600_000);
        }
      }
    }
  });
});
