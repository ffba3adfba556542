import { describe, expect, it } from "vitest";
import { cancelRequestSchema } from "./cancel";
import { MAX_BOOKINGS } from "./extra-day";

const REQUEST = "6f1b3c9e-2d4a-4b8c-9e1f-0a2b3c4d5e6f";
const CHILD = "0b6c4a2e-8f1d-4c3b-a9e7-5d2f1e0c9b8a";

const codes = (input: unknown) => {
  const result = cancelRequestSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("cancelRequestSchema", () => {
  it("takes the request and the child, and optionally the booking (seed 002 §5.2)", () => {
    expect(cancelRequestSchema.parse({ requestId: REQUEST, childId: CHILD })).toEqual({ requestId: REQUEST, childId: CHILD });
    expect(cancelRequestSchema.parse({ requestId: REQUEST, childId: CHILD, booking: 2 })).toEqual({ requestId: REQUEST, childId: CHILD, booking: 2 });
    expect(cancelRequestSchema.parse({ requestId: REQUEST, childId: CHILD, booking: MAX_BOOKINGS }).booking).toBe(MAX_BOOKINGS);
  });

  it("treats malformed ids as not found and a malformed booking as a validation error", () => {
    expect(codes({ requestId: "x", childId: CHILD })).toEqual(["requestId: errors.notFound"]);
    expect(codes({ requestId: REQUEST, childId: 7 })).toEqual(["childId: errors.notFound"]);
    for (const booking of [-1, 1.5, MAX_BOOKINGS + 1, "0", null]) {
      expect(codes({ requestId: REQUEST, childId: CHILD, booking })).toEqual(["booking: errors.validation"]);
    }
  });
});
