import { describe, expect, it } from "vitest";
import {
  canSpendFlex,
  creditIneligibility,
  flexBalance,
  flexDeadline,
  isCreditUsable,
  isFlexRequestInTime,
  makeUpCreditDecision,
  makeUpCreditFor,
  remainingMinutes,
  restrictionFits,
  spendCredit,
  usableCredits,
  type MakeUpInput,
} from "./credits";
import type { CreditDef, PlacementDef } from "./types";

// School holidays in this test: July and August.
const isSchoolHoliday = (date: string) => date.slice(5, 7) === "07" || date.slice(5, 7) === "08";

function credit(over: Partial<CreditDef> = {}): CreditDef {
  return {
    id: "c1",
    childId: "kid",
    kind: "MAKE_UP",
    minutes: 600,
    usedMinutes: 0,
    validFrom: "2025-01-01",
    validUntil: "2025-12-31",
    restriction: "NONE",
    ...over,
  };
}

const use = { childId: "kid", date: "2025-06-10", minutes: 360, isSchoolHoliday };

describe("remainingMinutes", () => {
  it("is minutes − used, never negative", () => {
    expect(remainingMinutes({ minutes: 600, usedMinutes: 240 })).toBe(360);
    expect(remainingMinutes({ minutes: 600, usedMinutes: 600 })).toBe(0);
    expect(remainingMinutes({ minutes: 600, usedMinutes: 700 })).toBe(0);
  });
});

describe("restrictionFits — seed 002 §5.2: holiday credits are not usable in school weeks", () => {
  it("NONE fits always", () => {
    expect(restrictionFits("NONE", "2025-06-10", isSchoolHoliday)).toBe(true);
    expect(restrictionFits("NONE", "2025-07-10", isSchoolHoliday)).toBe(true);
  });
  it("HOLIDAYS_ONLY only in school holidays", () => {
    expect(restrictionFits("HOLIDAYS_ONLY", "2025-07-10", isSchoolHoliday)).toBe(true);
    expect(restrictionFits("HOLIDAYS_ONLY", "2025-06-10", isSchoolHoliday)).toBe(false);
  });
  it("SCHOOL_WEEKS_ONLY only outside them", () => {
    expect(restrictionFits("SCHOOL_WEEKS_ONLY", "2025-06-10", isSchoolHoliday)).toBe(true);
    expect(restrictionFits("SCHOOL_WEEKS_ONLY", "2025-07-10", isSchoolHoliday)).toBe(false);
  });
});

describe("creditIneligibility", () => {
  it("accepts a fitting credit", () => {
    expect(creditIneligibility(credit(), use)).toBeNull();
    expect(isCreditUsable(credit(), use)).toBe(true);
  });

  it("is child-bound (seed 002 §5.2)", () => {
    expect(creditIneligibility(credit({ childId: "sibling" }), use)).toBe("OTHER_CHILD");
  });

  it("must be valid on the date, both ends inclusive", () => {
    const c = credit({ validFrom: "2025-06-10", validUntil: "2025-06-20" });
    expect(creditIneligibility(c, { ...use, date: "2025-06-10" })).toBeNull();
    expect(creditIneligibility(c, { ...use, date: "2025-06-20" })).toBeNull();
    expect(creditIneligibility(c, { ...use, date: "2025-06-09" })).toBe("NOT_VALID_ON_DATE");
    expect(creditIneligibility(c, { ...use, date: "2025-06-21" })).toBe("NOT_VALID_ON_DATE");
  });

  it("must cover the whole day part: no mixing (seed 002 §5.2, seed 003)", () => {
    expect(creditIneligibility(credit({ minutes: 360 }), use)).toBeNull(); // exactly enough
    expect(creditIneligibility(credit({ minutes: 359 }), use)).toBe("INSUFFICIENT");
    expect(creditIneligibility(credit({ minutes: 600, usedMinutes: 241 }), use)).toBe("INSUFFICIENT");
    expect(creditIneligibility(credit({ minutes: 600, usedMinutes: 240 }), use)).toBeNull();
    expect(creditIneligibility(credit({ minutes: 600, usedMinutes: 600 }), { ...use, minutes: 1 })).toBe("INSUFFICIENT");
  });

  it("respects the restriction", () => {
    expect(creditIneligibility(credit({ restriction: "HOLIDAYS_ONLY" }), use)).toBe("RESTRICTION");
    expect(creditIneligibility(credit({ restriction: "HOLIDAYS_ONLY" }), { ...use, date: "2025-07-01" })).toBeNull();
    expect(creditIneligibility(credit({ restriction: "SCHOOL_WEEKS_ONLY" }), use)).toBeNull();
    expect(creditIneligibility(credit({ restriction: "SCHOOL_WEEKS_ONLY" }), { ...use, date: "2025-08-31" })).toBe(
      "RESTRICTION",
    );
  });
});

describe("usableCredits", () => {
  it("offers only usable credits, soonest expiry first", () => {
    const credits = [
      credit({ id: "late", validUntil: "2025-12-31" }),
      credit({ id: "sibling", childId: "sibling" }),
      credit({ id: "soon", validUntil: "2025-06-30" }),
      credit({ id: "small", minutes: 300 }),
      credit({ id: "expired", validUntil: "2025-06-09" }),
      credit({ id: "holiday", restriction: "HOLIDAYS_ONLY" }),
      credit({ id: "mid", validUntil: "2025-09-01" }),
    ];
    expect(usableCredits(credits, use).map((c) => c.id)).toEqual(["soon", "mid", "late"]);
  });

  it("breaks ties by fewest remaining minutes, then id", () => {
    const credits = [
      credit({ id: "b", minutes: 600 }),
      credit({ id: "a", minutes: 600 }),
      credit({ id: "z", minutes: 400 }),
    ];
    expect(usableCredits(credits, use).map((c) => c.id)).toEqual(["z", "a", "b"]);
  });

  it("is empty when nothing fits", () => {
    expect(usableCredits([], use)).toEqual([]);
    expect(usableCredits([credit({ minutes: 10 })], use)).toEqual([]);
  });

  it("does not reorder the input", () => {
    const credits = [credit({ id: "x", validUntil: "2025-12-31" }), credit({ id: "y", validUntil: "2025-07-01" })];
    usableCredits(credits, use);
    expect(credits.map((c) => c.id)).toEqual(["x", "y"]);
  });
});

describe("spendCredit", () => {
  it("books the minutes on the credit", () => {
    expect(spendCredit(credit({ usedMinutes: 100 }), use)).toMatchObject({ usedMinutes: 460, minutes: 600 });
  });
  it("refuses a credit that does not fit", () => {
    expect(() => spendCredit(credit({ minutes: 300 }), use)).toThrow(/INSUFFICIENT/);
    expect(() => spendCredit(credit({ childId: "other" }), use)).toThrow(/OTHER_CHILD/);
  });
});

describe("makeUpCreditFor", () => {
  const policy: MakeUpInput["policy"] = {
    makeUpCreditsEnabled: true,
    makeUpNoticeHours: 24,
    makeUpValidityDays: 90,
    makeUpReasons: ["SICK", "HOLIDAY"],
  };
  const morning = { startMinute: 420, endMinute: 780 };
  const base: MakeUpInput = {
    absenceDate: "2025-06-10",
    dayPart: morning,
    reportedAt: new Date("2025-06-09T05:00:00Z"), // 07:00 CEST the day before: exactly 24 h
    reason: "SICK",
    policy,
    closed: false,
    source: "CONTRACT",
  };

  it("grants make-up hours for contract care and care swapped to the day, never for an extra day", () => {
    expect(makeUpCreditFor({ ...base, source: "SWAP" })).not.toBeNull();
    expect(makeUpCreditDecision({ ...base, source: "EXTRA" })).toEqual({ granted: false, reason: "NOT_CONTRACT" });
  });

  it("grants the day part's minutes, valid from the absence date for the validity period", () => {
    expect(makeUpCreditFor(base)).toEqual({
      kind: "MAKE_UP",
      minutes: 360,
      validFrom: "2025-06-10",
      validUntil: "2025-09-08",
      restriction: "NONE",
    });
  });

  it("is refused when the organisation grants none", () => {
    const input = { ...base, policy: { ...policy, makeUpCreditsEnabled: false } };
    expect(makeUpCreditFor(input)).toBeNull();
    expect(makeUpCreditDecision(input)).toEqual({ granted: false, reason: "DISABLED" });
  });

  it("is refused for reasons outside the policy", () => {
    expect(makeUpCreditDecision({ ...base, reason: "OTHER" })).toEqual({ granted: false, reason: "REASON" });
    expect(makeUpCreditFor({ ...base, reason: "HOLIDAY" })).not.toBeNull();
    expect(makeUpCreditFor({ ...base, policy: { ...policy, makeUpReasons: [] } })).toBeNull();
  });

  it("is refused for closing days (seed 003)", () => {
    expect(makeUpCreditDecision({ ...base, closed: true })).toEqual({ granted: false, reason: "CLOSING_DAY" });
  });

  it("needs the full notice before the day part's start, Amsterdam time", () => {
    expect(makeUpCreditFor({ ...base, reportedAt: new Date("2025-06-09T05:00:01Z") })).toBeNull();
    expect(makeUpCreditDecision({ ...base, reportedAt: new Date("2025-06-10T06:00:00Z") })).toEqual({
      granted: false,
      reason: "SHORT_NOTICE",
    });
    expect(makeUpCreditFor({ ...base, reportedAt: new Date("2025-06-01T10:00:00Z") })).not.toBeNull();
    // The afternoon (13:00) of the same day: the notice runs to 13:00 the day before.
    const afternoon = { startMinute: 780, endMinute: 1110 };
    expect(makeUpCreditFor({ ...base, dayPart: afternoon, reportedAt: new Date("2025-06-09T11:00:00Z") })).toMatchObject({
      minutes: 330,
    });
    expect(makeUpCreditFor({ ...base, dayPart: afternoon, reportedAt: new Date("2025-06-09T11:00:01Z") })).toBeNull();
  });

  it("measures the notice in real hours across the spring DST change", () => {
    // Sunday 30 March 2025, 07:00 CEST = 05:00Z. Saturday 07:00 CET = 06:00Z is only 23 h before.
    const sunday = { ...base, absenceDate: "2025-03-30" };
    expect(makeUpCreditFor({ ...sunday, reportedAt: new Date("2025-03-29T06:00:00Z") })).toBeNull();
    expect(makeUpCreditFor({ ...sunday, reportedAt: new Date("2025-03-29T05:00:00Z") })).not.toBeNull(); // 06:00 CET
  });

  it("measures the notice in real hours across the autumn DST change", () => {
    // Sunday 26 October 2025, 07:00 CET = 06:00Z. Saturday 07:00 CEST = 05:00Z is 25 h before.
    const sunday = { ...base, absenceDate: "2025-10-26" };
    expect(makeUpCreditFor({ ...sunday, reportedAt: new Date("2025-10-25T05:00:00Z") })).not.toBeNull();
    expect(makeUpCreditFor({ ...sunday, reportedAt: new Date("2025-10-25T06:00:00Z") })).not.toBeNull(); // 08:00 CEST, exactly 24 h
    expect(makeUpCreditFor({ ...sunday, reportedAt: new Date("2025-10-25T06:00:01Z") })).toBeNull();
  });

  it("a zero notice still needs the report before the start", () => {
    const input = { ...base, policy: { ...policy, makeUpNoticeHours: 0 } };
    expect(makeUpCreditFor({ ...input, reportedAt: new Date("2025-06-10T05:00:00Z") })).not.toBeNull();
    expect(makeUpCreditFor({ ...input, reportedAt: new Date("2025-06-10T05:00:01Z") })).toBeNull();
  });

  it("validity crosses month and year ends", () => {
    expect(
      makeUpCreditFor({ ...base, absenceDate: "2025-12-15", reportedAt: new Date("2025-12-01T00:00:00Z") }),
    ).toMatchObject({ validFrom: "2025-12-15", validUntil: "2026-03-15" });
    expect(
      makeUpCreditFor({ ...base, policy: { ...policy, makeUpValidityDays: 0 } }),
    ).toMatchObject({ validFrom: "2025-06-10", validUntil: "2025-06-10" });
  });

  it("throws on a broken day part or date", () => {
    expect(() => makeUpCreditFor({ ...base, dayPart: { startMinute: 800, endMinute: 700 } })).toThrow(RangeError);
    expect(() => makeUpCreditFor({ ...base, absenceDate: "2025-02-30" })).toThrow(RangeError);
  });
});

describe("flexBalance — seed 003 flex pot per calendar year", () => {
  const flex: Pick<PlacementDef, "contractType" | "flexMinutesPerYear" | "startDate" | "endDate"> = {
    contractType: "FLEX",
    flexMinutesPerYear: 36_500,
    startDate: "2020-01-01",
    endDate: null,
  };

  it("is the whole pot for a placement running all year", () => {
    expect(flexBalance(flex, 2025, 0)).toEqual({ totalMinutes: 36_500, usedMinutes: 0, remainingMinutes: 36_500 });
    expect(flexBalance(flex, 2025, 1_500)).toEqual({ totalMinutes: 36_500, usedMinutes: 1_500, remainingMinutes: 35_000 });
    expect(flexBalance({ ...flex, startDate: "2025-01-01", endDate: "2025-12-31" }, 2025, 0).totalMinutes).toBe(36_500);
  });

  it("is pro rata for a contract period within the year", () => {
    // 1 July – 31 December 2025 = 184 of 365 days: 36 500 × 184 / 365 = 18 400.
    expect(flexBalance({ ...flex, startDate: "2025-07-01" }, 2025, 0).totalMinutes).toBe(18_400);
    // Ends 31 January 2025: 31 days = 3 100.
    expect(flexBalance({ ...flex, endDate: "2025-01-31" }, 2025, 0).totalMinutes).toBe(3_100);
    // Leap year 2024, 1 day: 1000 × 1 / 366 = 2.73… → 3 (half-up).
    expect(flexBalance({ ...flex, flexMinutesPerYear: 1000, startDate: "2024-12-31" }, 2024, 0).totalMinutes).toBe(3);
    // 1000 × 183 / 366 = 500 exactly.
    expect(flexBalance({ ...flex, flexMinutesPerYear: 1000, startDate: "2024-07-02" }, 2024, 0).totalMinutes).toBe(500);
  });

  it("is empty outside the placement and for fixed contracts", () => {
    expect(flexBalance({ ...flex, startDate: "2026-01-01" }, 2025, 0).totalMinutes).toBe(0);
    expect(flexBalance({ ...flex, endDate: "2024-12-31" }, 2025, 0).totalMinutes).toBe(0);
    expect(flexBalance({ ...flex, contractType: "FIXED" }, 2025, 0).totalMinutes).toBe(0);
    expect(flexBalance({ ...flex, flexMinutesPerYear: null }, 2025, 0).totalMinutes).toBe(0);
  });

  it("shows an overspent pot as negative and rejects bad input", () => {
    expect(flexBalance({ ...flex, flexMinutesPerYear: 100 }, 2025, 160).remainingMinutes).toBe(-60);
    expect(() => flexBalance(flex, 2025, -1)).toThrow(RangeError);
  });
});

describe("canSpendFlex", () => {
  it("needs the whole day part in the pot", () => {
    const balance = { totalMinutes: 1000, usedMinutes: 640, remainingMinutes: 360 };
    expect(canSpendFlex(balance, 360)).toBe(true);
    expect(canSpendFlex(balance, 361)).toBe(false);
    expect(canSpendFlex(balance, 0)).toBe(false);
    expect(canSpendFlex({ totalMinutes: 0, usedMinutes: 0, remainingMinutes: 0 }, 1)).toBe(false);
  });
});

describe("flexDeadline — seed 003: before 1 January for February, before 1 February for March", () => {
  it("n = 1: the last day of month M − 2", () => {
    expect(flexDeadline("2025-02-01", 1)).toBe("2024-12-31");
    expect(flexDeadline("2025-02-28", 1)).toBe("2024-12-31");
    expect(flexDeadline("2025-03-01", 1)).toBe("2025-01-31");
    expect(flexDeadline("2025-03-31", 1)).toBe("2025-01-31");
    expect(flexDeadline("2025-04-15", 1)).toBe("2025-02-28");
    expect(flexDeadline("2024-04-15", 1)).toBe("2024-02-29");
    expect(flexDeadline("2025-01-10", 1)).toBe("2024-11-30");
  });

  it("other policies", () => {
    expect(flexDeadline("2025-03-15", 0)).toBe("2025-02-28");
    expect(flexDeadline("2025-03-15", 2)).toBe("2024-12-31");
    expect(() => flexDeadline("2025-03-15", -1)).toThrow(RangeError);
  });

  it("both edges: the deadline day is in time, the 1st of M − 1 is too late", () => {
    expect(isFlexRequestInTime("2025-02-14", "2024-12-31", 1)).toBe(true);
    expect(isFlexRequestInTime("2025-02-14", "2025-01-01", 1)).toBe(false);
    expect(isFlexRequestInTime("2025-03-01", "2025-01-31", 1)).toBe(true);
    expect(isFlexRequestInTime("2025-03-01", "2025-02-01", 1)).toBe(false);
    expect(isFlexRequestInTime("2025-03-31", "2024-06-01", 1)).toBe(true);
  });
});

