import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extraDaySchema, MAX_BOOKINGS } from "./extra-day";

const CHILD = "6f1b3c9e-2d4a-4b8c-9e1f-0a2b3c4d5e6f";
const MORNING = "0b6c4a2e-8f1d-4c3b-a9e7-5d2f1e0c9b8a";
const AFTERNOON = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const KEY = "3e2d1c0b-9a8f-4e7d-b6c5-a4b3c2d1e0f9";

function booking(date: string, dayPartId = MORNING) {
  return { childId: CHILD, date, dayPartId, payment: { method: "INVOICE" as const } };
}

function messagesOf(field: string, result: ReturnType<typeof extraDaySchema.safeParse>) {
  return result.success ? [] : result.error.issues.filter((i) => i.path.join(".").startsWith(field)).map((i) => i.message);
}

describe("extraDaySchema", () => {
  it("accepts a request of several bookings and normalises the optional fields", () => {
    const parsed = extraDaySchema.parse({
      bookings: [booking("2026-12-02"), { ...booking("2026-12-02", AFTERNOON), payment: { method: "CREDIT", creditId: KEY } }],
      assessAsWhole: true,
      expiresOn: "",
      comment: "   ",
      idempotencyKey: KEY,
    });
    expect(parsed.expiresOn).toBeUndefined();
    expect(parsed.comment).toBeUndefined();
    expect(parsed.bookings[1]!.payment).toEqual({ method: "CREDIT", creditId: KEY });
    expect(extraDaySchema.parse({ bookings: [booking("2026-12-02")], idempotencyKey: KEY, comment: " Hoi " })).toMatchObject({ assessAsWhole: false, comment: "Hoi" });
  });

  it("never takes a price from the client", () => {
    const parsed = extraDaySchema.parse({ bookings: [{ ...booking("2026-12-02"), priceCents: 1 }], idempotencyKey: KEY });
    expect(parsed.bookings[0]).not.toHaveProperty("priceCents");
  });

  it("refuses empty, oversized and malformed requests with message keys", () => {
    expect(messagesOf("bookings", extraDaySchema.safeParse({ bookings: [], idempotencyKey: KEY }))).toEqual(["ExtraDay.validation.bookingsRequired"]);
    const many = Array.from({ length: MAX_BOOKINGS + 1 }, (_, i) => booking(`2027-01-${String((i % 28) + 1).padStart(2, "0")}`, i < 28 ? MORNING : i < 56 ? AFTERNOON : KEY));
    expect(messagesOf("bookings", extraDaySchema.safeParse({ bookings: many, idempotencyKey: KEY }))).toContain("ExtraDay.validation.tooManyBookings");
    expect(messagesOf("bookings", extraDaySchema.safeParse({ bookings: [booking("2025-02-29")], idempotencyKey: KEY }))).toEqual(["ExtraDay.validation.dateInvalid"]);
    expect(messagesOf("bookings", extraDaySchema.safeParse({ bookings: [{ ...booking("2026-12-02"), dayPartId: "x" }], idempotencyKey: KEY }))).toEqual(["ExtraDay.validation.dayPartRequired"]);
    expect(messagesOf("bookings", extraDaySchema.safeParse({ bookings: [{ ...booking("2026-12-02"), payment: { method: "CASH" } }], idempotencyKey: KEY }))).toEqual(["ExtraDay.validation.paymentRequired"]);
    expect(messagesOf("bookings", extraDaySchema.safeParse({ bookings: [{ ...booking("2026-12-02"), payment: { method: "CREDIT" } }], idempotencyKey: KEY }))).toEqual(["ExtraDay.validation.creditRequired"]);
    expect(messagesOf("idempotencyKey", extraDaySchema.safeParse({ bookings: [booking("2026-12-02")], idempotencyKey: "1" }))).toEqual(["ExtraDay.validation.idempotencyKeyInvalid"]);
    expect(messagesOf("comment", extraDaySchema.safeParse({ bookings: [booking("2026-12-02")], idempotencyKey: KEY, comment: "x".repeat(501) }))).toEqual(["ExtraDay.validation.commentTooLong"]);
  });

  it("refuses the same booking twice, assess-as-whole over two dates, and expiry after the first date", () => {
    expect(messagesOf("bookings.1", extraDaySchema.safeParse({ bookings: [booking("2026-12-02"), booking("2026-12-02")], idempotencyKey: KEY }))).toEqual([
      "ExtraDay.validation.duplicateBooking",
    ]);
    const twoDates = { bookings: [booking("2026-12-02"), booking("2026-12-03")], idempotencyKey: KEY };
    expect(extraDaySchema.safeParse(twoDates).success).toBe(true);
    expect(messagesOf("assessAsWhole", extraDaySchema.safeParse({ ...twoDates, assessAsWhole: true }))).toEqual(["ExtraDay.validation.assessAsWholeSingleDate"]);
    expect(messagesOf("expiresOn", extraDaySchema.safeParse({ ...twoDates, expiresOn: "2026-12-03" }))).toEqual(["ExtraDay.validation.expiresAfterFirstDate"]);
    expect(extraDaySchema.safeParse({ ...twoDates, expiresOn: "2026-12-02" }).success).toBe(true);
  });
});

describe("extraDaySchema — booking numbers", () => {
  it("keeps the booking number of each entry, 0 when none is sent", () => {
    const parsed = extraDaySchema.parse({ bookings: [booking("2026-12-02"), { ...booking("2026-12-04"), booking: 1 }], idempotencyKey: KEY });
    expect(parsed.bookings.map((b) => b.booking)).toEqual([0, 1]);
  });

  it("refuses a booking number that is negative, fractional, too large or not a number", () => {
    for (const bad of [-1, 0.5, MAX_BOOKINGS + 1, "1", null]) {
      const result = extraDaySchema.safeParse({ bookings: [{ ...booking("2026-12-02"), booking: bad }], idempotencyKey: KEY });
      expect(messagesOf("bookings.0.booking", result)).toEqual(["errors.validation"]);
    }
    expect(extraDaySchema.safeParse({ bookings: [{ ...booking("2026-12-02"), booking: MAX_BOOKINGS }], idempotencyKey: KEY }).success).toBe(true);
  });
});

describe("messages for every code of the extra-day and swap-day schemas and services", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const sources = ["lib/schemas/extra-day.ts", "lib/schemas/swap-day.ts", "lib/db/requests/extra-day.ts", "lib/db/requests/swap-day.ts"]
    .map((f) => readFileSync(path.join(root, f), "utf8"))
    .join("\n");
  const literal = [...sources.matchAll(/"((?:ExtraDay|SwapDay)\.validation\.\w+)"/g)].map((m) => m[1]!);
  // Service codes are built as `${ns}.errors.${code}` from these names (WantedError, GiveUpError, maps, code("…")).
  const names = new Set([
    ...[...sources.matchAll(/(?:code|refuse)\("(\w+)"\)/g)].map((m) => m[1]!),
    // Values of the domain-code maps: PAST: "past", SWAP_WANTED_EXCEEDS_GIVEN_UP: "wantedExceedsGivenUp", …
    ...[...sources.matchAll(/\b[A-Z_]{3,}:\s*"(\w+)"/g)].map((m) => m[1]!),
    // Members of the error unions.
    ...[...sources.matchAll(/type (?:WantedError|GiveUpError) =([^;]+);/g)].flatMap((m) => [...m[1]!.matchAll(/"(\w+)"/g)].map((x) => x[1]!)),
    "expiresNotAfterToday",
    "expiresAfterFirstDate",
  ]);
  const errorKeys = ["ExtraDay", "SwapDay"].flatMap((ns) => [...names].map((n) => `${ns}.errors.${n}`));
  const lookup = (tree: Record<string, unknown>, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

  it.each(["nl", "en"])("%s has them all", (locale) => {
    const messages = JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Record<string, unknown>;
    expect(literal.length).toBeGreaterThan(20);
    expect(literal.filter((k) => typeof lookup(messages, k) !== "string")).toEqual([]);
    // Every error name the services use exists in at least the namespace that uses it.
    const missing = [...names].filter((n) => typeof lookup(messages, `ExtraDay.errors.${n}`) !== "string" && typeof lookup(messages, `SwapDay.errors.${n}`) !== "string");
    expect(missing).toEqual([]);
    for (const n of ["past", "today", "tooFar", "closed", "childNotFound", "dayPartNotAvailable", "alreadyScheduled", "alreadyRequested"]) {
      expect(typeof lookup(messages, `ExtraDay.errors.${n}`)).toBe("string");
      expect(typeof lookup(messages, `SwapDay.errors.${n}`)).toBe("string");
    }
    expect(errorKeys.length).toBeGreaterThan(0);
  });
});
