import { describe, expect, it } from "vitest";
import { swapDaySchema } from "./swap-day";

const CHILD = "6f1b3c9e-2d4a-4b8c-9e1f-0a2b3c4d5e6f";
const MORNING = "0b6c4a2e-8f1d-4c3b-a9e7-5d2f1e0c9b8a";
const AFTERNOON = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const KEY = "3e2d1c0b-9a8f-4e7d-b6c5-a4b3c2d1e0f9";

const slot = (date: string, dayPartId = MORNING) => ({ date, dayPartId });
function messages(input: unknown, field = "") {
  const r = swapDaySchema.safeParse(input);
  return r.success ? [] : r.error.issues.filter((i) => i.path.join(".").startsWith(field)).map((i) => i.message);
}

describe("swapDaySchema", () => {
  it("accepts per child the day parts given up and wanted", () => {
    const parsed = swapDaySchema.parse({
      children: [{ childId: CHILD, giveUp: [slot("2026-11-30"), slot("2026-11-30", AFTERNOON)], want: [slot("2026-12-02")] }],
      assessAsWhole: true,
      expiresOn: "2026-11-27",
      idempotencyKey: KEY,
    });
    expect(parsed).toMatchObject({ assessAsWhole: true, expiresOn: "2026-11-27" });
  });

  it("needs something given up and something wanted per child", () => {
    expect(messages({ children: [{ childId: CHILD, giveUp: [], want: [slot("2026-12-02")] }], idempotencyKey: KEY })).toEqual(["SwapDay.validation.giveUpRequired"]);
    expect(messages({ children: [{ childId: CHILD, giveUp: [slot("2026-11-30")], want: [] }], idempotencyKey: KEY })).toEqual(["SwapDay.validation.wantRequired"]);
    expect(messages({ children: [], idempotencyKey: KEY })).toEqual(["SwapDay.validation.childrenRequired"]);
  });

  it("refuses duplicates, assess-as-whole over two given-up dates and a late expiry", () => {
    const twice = { childId: CHILD, giveUp: [slot("2026-11-30"), slot("2026-11-30")], want: [slot("2026-12-02")] };
    expect(messages({ children: [twice], idempotencyKey: KEY })).toEqual(["SwapDay.validation.duplicateDayPart"]);
    const child = { childId: CHILD, giveUp: [slot("2026-11-30")], want: [slot("2026-12-02")] };
    expect(messages({ children: [child, child], idempotencyKey: KEY })).toEqual(["SwapDay.validation.duplicateChild"]);
    // One date given up, another one wanted: still a single-date swap.
    expect(messages({ children: [child], assessAsWhole: true, idempotencyKey: KEY })).toEqual([]);
    const twoDays = { childId: CHILD, giveUp: [slot("2026-11-30"), slot("2026-12-01")], want: [slot("2026-12-02")] };
    expect(messages({ children: [twoDays], assessAsWhole: true, idempotencyKey: KEY })).toEqual(["SwapDay.validation.assessAsWholeSingleDate"]);
    expect(messages({ children: [child], expiresOn: "2026-12-01", idempotencyKey: KEY })).toEqual(["SwapDay.validation.expiresAfterFirstDate"]);
  });
});
