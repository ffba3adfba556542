import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { absenceSchema, MAX_ABSENCE_COMMENT_LENGTH } from "./absence";

const CHILD_A = "0b7a3c1e-8f3c-4c8e-9d1a-2f4b5c6d7e8f";
const CHILD_B = "1c8b4d2f-9a4d-4d9f-8e2b-3a5c6d7e8f90";
const MORNING = "2d9c5e3a-0b5e-4e0a-9f3c-4b6d7e8f9a01";
const AFTERNOON = "3e0d6f4b-1c6f-4f1b-8a4d-5c7e8f9a0b12";
const KEY = "4f1e7a5c-2d7a-4a2c-9b5e-6d8f9a0b1c23";

const valid = () => ({
  childIds: [CHILD_A],
  from: "2026-12-07",
  to: "2026-12-08",
  selections: [
    { childId: CHILD_A, date: "2026-12-07", dayPartId: MORNING },
    { childId: CHILD_A, date: "2026-12-08", dayPartId: AFTERNOON },
  ],
  reason: "SICK",
  idempotencyKey: KEY,
});

function errorsOf(input: unknown): Record<string, string[]> {
  const result = absenceSchema.safeParse(input);
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

function lookup(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe("absenceSchema", () => {
  it("accepts a report and drops an empty comment", () => {
    const parsed = absenceSchema.parse({ ...valid(), comment: "   " });
    expect(parsed.comment).toBeUndefined();
    expect(parsed.selections).toHaveLength(2);
    expect(absenceSchema.parse({ ...valid(), comment: " Koorts " }).comment).toBe("Koorts");
  });

  it("needs children, day parts, a reason and a key", () => {
    expect(errorsOf({ ...valid(), childIds: [] })).toMatchObject({ childIds: ["Absence.validation.childrenRequired"] });
    expect(errorsOf({ ...valid(), selections: [] })).toMatchObject({ selections: ["Absence.validation.dayPartsRequired"] });
    expect(errorsOf({ ...valid(), reason: "BORED" })).toEqual({ reason: ["Absence.validation.reasonRequired"] });
    expect(errorsOf({ ...valid(), reason: undefined })).toEqual({ reason: ["Absence.validation.reasonRequired"] });
    expect(errorsOf({ ...valid(), idempotencyKey: "x" })).toEqual({ idempotencyKey: ["Absence.validation.idempotencyKey"] });
    expect(errorsOf({ ...valid(), childIds: ["not-a-uuid"] })).toMatchObject({ "childIds.0": ["Absence.validation.childInvalid"] });
  });

  it("rejects impossible dates and a period that ends before it starts", () => {
    expect(errorsOf({ ...valid(), from: "2026-02-30" })).toEqual({ from: ["Absence.validation.fromRequired"] });
    expect(errorsOf({ ...valid(), to: "7-12-2026" })).toEqual({ to: ["Absence.validation.toRequired"] });
    expect(errorsOf({ ...valid(), from: "2026-12-09", to: "2026-12-08" })).toEqual({ to: ["Absence.validation.toBeforeFrom"] });
  });

  it("limits the period to 62 days (inclusive)", () => {
    const base = { ...valid(), selections: [{ childId: CHILD_A, date: "2026-12-07", dayPartId: MORNING }] };
    expect(absenceSchema.safeParse({ ...base, from: "2026-12-07", to: "2027-02-06" }).success).toBe(true);
    expect(errorsOf({ ...base, from: "2026-12-07", to: "2027-02-07" })).toEqual({ to: ["Absence.validation.periodTooLong"] });
  });

  it("keeps selections inside the period, on chosen children, without duplicates", () => {
    const outside = { ...valid(), selections: [{ childId: CHILD_A, date: "2026-12-09", dayPartId: MORNING }] };
    expect(errorsOf(outside)).toEqual({ "selections.0.date": ["Absence.validation.outsidePeriod"] });
    const otherChild = { ...valid(), selections: [...valid().selections, { childId: CHILD_B, date: "2026-12-07", dayPartId: MORNING }] };
    expect(errorsOf(otherChild)).toEqual({ "selections.2.childId": ["Absence.validation.childNotChosen"] });
    const twice = { ...valid(), selections: [...valid().selections, valid().selections[0]] };
    expect(errorsOf(twice)).toEqual({ "selections.2": ["Absence.validation.duplicateDayPart"] });
    expect(errorsOf({ ...valid(), childIds: [CHILD_A, CHILD_A] })).toEqual({ childIds: ["Absence.validation.duplicateChild"] });
  });

  it("needs a day part for every chosen child", () => {
    expect(errorsOf({ ...valid(), childIds: [CHILD_A, CHILD_B] })).toEqual({ selections: ["Absence.validation.childWithoutDayParts"] });
  });

  it("limits the comment", () => {
    expect(errorsOf({ ...valid(), comment: "x".repeat(MAX_ABSENCE_COMMENT_LENGTH + 1) })).toEqual({
      comment: ["Absence.validation.commentTooLong"],
    });
  });

  it("uses message keys that exist in every language", () => {
    const inputs: unknown[] = [
      {},
      { ...valid(), childIds: [] },
      { ...valid(), childIds: ["x"], selections: [{ childId: "y", date: "z", dayPartId: "w" }] },
      { ...valid(), from: "2026-12-09", to: "2026-12-08" },
      { ...valid(), from: "2026-01-01", to: "2026-12-31" },
      { ...valid(), childIds: [CHILD_A, CHILD_B, CHILD_B], selections: [...valid().selections, valid().selections[0], { childId: "5f1e7a5c-2d7a-4a2c-9b5e-6d8f9a0b1c23", date: "2026-12-30", dayPartId: MORNING }] },
      { ...valid(), comment: "x".repeat(600), idempotencyKey: 1 },
      { ...valid(), childIds: new Array(20).fill(CHILD_A) },
      { ...valid(), selections: new Array(1001).fill(valid().selections[0]) },
    ];
    const keys = new Set(inputs.flatMap((i) => Object.values(errorsOf(i)).flat()));
    expect(keys.size).toBeGreaterThan(10);
    for (const key of keys) {
      expect(key).toMatch(/^Absence\.validation\./);
      expect(typeof lookup(nl, key), `nl ${key}`).toBe("string");
      expect(typeof lookup(en, key), `en ${key}`).toBe("string");
    }
  });
});
