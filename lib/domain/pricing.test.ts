import { describe, expect, it } from "vitest";
import { dayPartMinutes, dayPartPrice, isInvoiced, priceForMinutes, priceSummary } from "./pricing";

describe("dayPartMinutes", () => {
  it("is end minus start", () => {
    expect(dayPartMinutes({ startMinute: 420, endMinute: 780 })).toBe(360); // 07:00–13:00
    expect(dayPartMinutes({ startMinute: 780, endMinute: 1110 })).toBe(330); // 13:00–18:30
    expect(dayPartMinutes({ startMinute: 0, endMinute: 1440 })).toBe(1440);
  });

  it("rejects empty, reversed, fractional and off-clock ranges", () => {
    expect(() => dayPartMinutes({ startMinute: 600, endMinute: 600 })).toThrow(RangeError);
    expect(() => dayPartMinutes({ startMinute: 700, endMinute: 600 })).toThrow(RangeError);
    expect(() => dayPartMinutes({ startMinute: -1, endMinute: 600 })).toThrow(RangeError);
    expect(() => dayPartMinutes({ startMinute: 0, endMinute: 1441 })).toThrow(RangeError);
    expect(() => dayPartMinutes({ startMinute: 0.5, endMinute: 60 })).toThrow(RangeError);
  });
});

describe("priceForMinutes", () => {
  it("is exact for whole hours", () => {
    expect(priceForMinutes(60, 1000)).toBe(1000);
    expect(priceForMinutes(360, 950)).toBe(5700);
    expect(priceForMinutes(0, 950)).toBe(0);
    expect(priceForMinutes(90, 0)).toBe(0);
  });

  it("rounds the exact fraction half-up", () => {
    // 330 × 873 = 288 090 → /60 = 4801.5 → 4802
    expect(priceForMinutes(330, 873)).toBe(4802);
    // 1 × 30 = 30 → 0.5 → 1
    expect(priceForMinutes(1, 30)).toBe(1);
    // 1 × 29 = 29 → 0.483… → 0
    expect(priceForMinutes(1, 29)).toBe(0);
    // 1 × 31 = 31 → 0.516… → 1
    expect(priceForMinutes(1, 31)).toBe(1);
    // 1 × 89 = 89 → 1.483… → 1;   1 × 90 → 1.5 → 2
    expect(priceForMinutes(1, 89)).toBe(1);
    expect(priceForMinutes(1, 90)).toBe(2);
    // 90 min at €9.99/h = 1498.5 → 1499
    expect(priceForMinutes(90, 999)).toBe(1499);
    // 100 min at €10.01/h = 1668.33… → 1668
    expect(priceForMinutes(100, 1001)).toBe(1668);
  });

  it("rejects negative or fractional input", () => {
    expect(() => priceForMinutes(-1, 100)).toThrow(RangeError);
    expect(() => priceForMinutes(1.5, 100)).toThrow(RangeError);
    expect(() => priceForMinutes(10, -100)).toThrow(RangeError);
    expect(() => priceForMinutes(10, 99.5)).toThrow(RangeError);
    expect(() => priceForMinutes(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });
});

describe("dayPartPrice", () => {
  it("prices a day part at the placement's hourly rate", () => {
    expect(dayPartPrice({ startMinute: 420, endMinute: 780 }, 1045)).toBe(6270); // 6 h × €10.45
    expect(dayPartPrice({ startMinute: 420, endMinute: 510 }, 1033)).toBe(1550); // 1.5 h × 10.33 = 1549.5 → 1550
  });
});

describe("isInvoiced", () => {
  it("only invoice (or no choice yet) is invoiced", () => {
    expect(isInvoiced(undefined)).toBe(true);
    expect(isInvoiced("INVOICE")).toBe(true);
    expect(isInvoiced("CREDIT")).toBe(false);
    expect(isInvoiced("FLEX")).toBe(false);
    expect(isInvoiced("SWAP")).toBe(false);
  });
});

describe("priceSummary", () => {
  it("is empty for no lines", () => {
    const s = priceSummary([]);
    expect(s).toMatchObject({ minutes: 0, valueCents: 0, invoicedCents: 0, lineCents: [] });
    expect(s.perChild.size).toBe(0);
  });

  it("rounds per line, then sums per child and per request", () => {
    const s = priceSummary([
      { childId: "a", startMinute: 780, endMinute: 1110, hourlyRateCents: 873 }, // 4801.5 → 4802
      { childId: "b", startMinute: 780, endMinute: 1110, hourlyRateCents: 873 }, // 4802
      { childId: "a", startMinute: 420, endMinute: 780, hourlyRateCents: 873, payment: "CREDIT" }, // 5238
      { childId: "b", startMinute: 420, endMinute: 510, hourlyRateCents: 1000, payment: "INVOICE" }, // 1500
    ]);
    expect(s.lineCents).toEqual([4802, 4802, 5238, 1500]);
    // 2 × 4801.5 would be 9603 if summed before rounding; per-line rounding gives 9604.
    expect(s.valueCents).toBe(4802 + 4802 + 5238 + 1500);
    expect(s.invoicedCents).toBe(4802 + 4802 + 1500);
    expect(s.minutes).toBe(330 + 330 + 360 + 90);
    expect([...s.perChild.keys()]).toEqual(["a", "b"]);
    expect(s.perChild.get("a")).toEqual({ minutes: 690, valueCents: 4802 + 5238, invoicedCents: 4802 });
    expect(s.perChild.get("b")).toEqual({ minutes: 420, valueCents: 4802 + 1500, invoicedCents: 6302 });
  });

  it("credit, flex and swap lines cost nothing extra", () => {
    const s = priceSummary([
      { childId: "a", startMinute: 420, endMinute: 780, hourlyRateCents: 1000, payment: "CREDIT" },
      { childId: "a", startMinute: 420, endMinute: 780, hourlyRateCents: 1000, payment: "FLEX" },
      { childId: "a", startMinute: 420, endMinute: 780, hourlyRateCents: 1000, payment: "SWAP" },
    ]);
    expect(s.valueCents).toBe(18000);
    expect(s.invoicedCents).toBe(0);
  });

  it("throws on a broken line", () => {
    expect(() => priceSummary([{ childId: "a", startMinute: 800, endMinute: 700, hourlyRateCents: 1000 }])).toThrow(
      RangeError,
    );
  });
});
