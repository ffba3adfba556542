import { describe, expect, it } from "vitest";
import { formatEuro, formatHours } from "./money";

// Intl puts a no-break space between the euro sign and the amount in Dutch.
const nbsp = "\u00a0";

describe("formatEuro", () => {
  it("formats cents in Dutch", () => {
    expect(formatEuro(1250, "nl")).toBe(`€${nbsp}12,50`);
    expect(formatEuro(123450, "nl")).toBe(`€${nbsp}1.234,50`);
    expect(formatEuro(0, "nl")).toBe(`€${nbsp}0,00`);
    expect(formatEuro(-1250, "nl")).toBe(`€${nbsp}-12,50`);
  });

  it("formats cents in English", () => {
    expect(formatEuro(1250, "en")).toBe("€12.50");
    expect(formatEuro(123450, "en")).toBe("€1,234.50");
    expect(formatEuro(5, "en")).toBe("€0.05");
  });

  it("refuses fractions of a cent", () => {
    expect(() => formatEuro(12.5, "nl")).toThrow(RangeError);
  });
});

describe("formatHours", () => {
  it("shows minutes as hours with the locale's decimal mark", () => {
    expect(formatHours(390, "nl")).toBe("6,5");
    expect(formatHours(390, "en")).toBe("6.5");
    expect(formatHours(60, "nl")).toBe("1");
    expect(formatHours(20, "en")).toBe("0.33");
  });
});
