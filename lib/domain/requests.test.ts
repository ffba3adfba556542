import { describe, expect, it } from "vitest";
import {
  amsterdamInstant,
  assessDecision,
  assessmentUnit,
  canAssessAsWhole,
  isFullyAssessed,
  itemDecision,
  itemsToExpire,
  lastRequestableDate,
  requestDates,
  swapBalance,
  validateExpiresOn,
  validateRequestDate,
  wholeRequestDecision,
} from "./requests";
import type { ItemStatus } from "./types";

describe("amsterdamInstant", () => {
  it("uses CET in winter and CEST in summer", () => {
    expect(amsterdamInstant("2025-01-15", 420).toISOString()).toBe("2025-01-15T06:00:00.000Z");
    expect(amsterdamInstant("2025-07-15", 420).toISOString()).toBe("2025-07-15T05:00:00.000Z");
    expect(amsterdamInstant("2025-07-15", 0).toISOString()).toBe("2025-07-14T22:00:00.000Z");
    expect(amsterdamInstant("2025-12-31", 1440).toISOString()).toBe("2025-12-31T23:00:00.000Z");
  });

  it("follows the spring change (last Sunday of March)", () => {
    expect(amsterdamInstant("2025-03-29", 420).toISOString()).toBe("2025-03-29T06:00:00.000Z");
    expect(amsterdamInstant("2025-03-30", 420).toISOString()).toBe("2025-03-30T05:00:00.000Z");
    expect(amsterdamInstant("2025-03-30", 60).toISOString()).toBe("2025-03-30T00:00:00.000Z"); // 01:00 CET
    expect(amsterdamInstant("2025-03-30", 180).toISOString()).toBe("2025-03-30T01:00:00.000Z"); // 03:00 CEST
    // 02:30 does not exist that night: read as 03:30 CEST.
    expect(amsterdamInstant("2025-03-30", 150).toISOString()).toBe("2025-03-30T01:30:00.000Z");
  });

  it("follows the autumn change (last Sunday of October)", () => {
    expect(amsterdamInstant("2025-10-25", 420).toISOString()).toBe("2025-10-25T05:00:00.000Z");
    expect(amsterdamInstant("2025-10-26", 420).toISOString()).toBe("2025-10-26T06:00:00.000Z");
    // 02:30 happens twice: the first (summer time) occurrence.
    expect(amsterdamInstant("2025-10-26", 150).toISOString()).toBe("2025-10-26T00:30:00.000Z");
    expect(amsterdamInstant("2025-10-26", 210).toISOString()).toBe("2025-10-26T02:30:00.000Z"); // 03:30 CET
  });

  it("rejects nonsense", () => {
    expect(() => amsterdamInstant("2025-02-29", 420)).toThrow(RangeError);
    expect(() => amsterdamInstant("2025-02-28", -1)).toThrow(RangeError);
    expect(() => amsterdamInstant("2025-02-28", 1441)).toThrow(RangeError);
    expect(() => amsterdamInstant("2025-02-28", 1.5)).toThrow(RangeError);
  });
});

describe("canAssessAsWhole — seed 002 §5.2: only for 1 specific day", () => {
  it("allows one date, even for several children and day parts", () => {
    expect(canAssessAsWhole(["2025-06-02"])).toEqual({ ok: true });
    expect(canAssessAsWhole(["2025-06-02", "2025-06-02", "2025-06-02"])).toEqual({ ok: true });
  });

  it("refuses a period or several bookings on different dates", () => {
    expect(canAssessAsWhole(["2025-06-02", "2025-06-03"])).toEqual({ ok: false, code: "MULTIPLE_DATES" });
    expect(canAssessAsWhole(["2025-06-02", "2025-06-09", "2025-06-02"])).toEqual({ ok: false, code: "MULTIPLE_DATES" });
  });

  it("refuses an empty request", () => {
    expect(canAssessAsWhole([])).toEqual({ ok: false, code: "NO_DATES" });
  });
});

describe("requestDates", () => {
  it("lists every date of an extra-day request once, in order", () => {
    expect(
      requestDates("EXTRA_DAY", [
        { date: "2025-06-03", direction: "ADD" },
        { date: "2025-06-02", direction: "ADD" },
        { date: "2025-06-03", direction: "ADD" },
      ]),
    ).toEqual(["2025-06-02", "2025-06-03"]);
  });

  it("counts only the given-up dates of a swap", () => {
    const swap = [
      { date: "2025-06-02", direction: "REMOVE" as const },
      { date: "2025-06-02", direction: "REMOVE" as const },
      { date: "2025-06-05", direction: "ADD" as const },
    ];
    expect(requestDates("SWAP_DAY", swap)).toEqual(["2025-06-02"]);
    expect(canAssessAsWhole(requestDates("SWAP_DAY", swap))).toEqual({ ok: true });
  });
});

describe("validateRequestDate", () => {
  const policy = { bookingHorizonDays: 90 };
  const today = "2025-06-10";

  it("accepts tomorrow up to and including today + horizon", () => {
    expect(validateRequestDate("2025-06-11", { today, policy, closed: false })).toEqual({ ok: true });
    expect(validateRequestDate("2025-09-08", { today, policy, closed: false })).toEqual({ ok: true }); // +90
    expect(lastRequestableDate(today, policy)).toBe("2025-09-08");
  });

  it("refuses past dates, today and beyond the horizon", () => {
    expect(validateRequestDate("2025-06-09", { today, policy, closed: false })).toEqual({ ok: false, code: "PAST" });
    expect(validateRequestDate("2024-06-11", { today, policy, closed: false })).toEqual({ ok: false, code: "PAST" });
    expect(validateRequestDate(today, { today, policy, closed: false })).toEqual({ ok: false, code: "TODAY" });
    expect(validateRequestDate("2025-09-09", { today, policy, closed: false })).toEqual({ ok: false, code: "TOO_FAR" });
  });

  it("refuses closing days", () => {
    expect(validateRequestDate("2025-06-11", { today, policy, closed: true })).toEqual({ ok: false, code: "CLOSED" });
  });

  it("treats swaps like extra days", () => {
    expect(validateRequestDate(today, { today, policy, closed: false, kind: "SWAP_DAY" })).toEqual({
      ok: false,
      code: "TODAY",
    });
    expect(validateRequestDate("2025-09-09", { today, policy, closed: false, kind: "SWAP_DAY" })).toEqual({
      ok: false,
      code: "TOO_FAR",
    });
  });

  it("lets absences be reported for today and beyond the horizon, never for the past or a closing day", () => {
    const kind = "ABSENCE" as const;
    expect(validateRequestDate(today, { today, policy, closed: false, kind })).toEqual({ ok: true });
    expect(validateRequestDate("2026-01-05", { today, policy, closed: false, kind })).toEqual({ ok: true });
    expect(validateRequestDate("2025-06-09", { today, policy, closed: false, kind })).toEqual({ ok: false, code: "PAST" });
    expect(validateRequestDate(today, { today, policy, closed: true, kind })).toEqual({ ok: false, code: "CLOSED" });
  });

  it("a zero horizon allows nothing ahead", () => {
    expect(validateRequestDate("2025-06-11", { today, policy: { bookingHorizonDays: 0 }, closed: false })).toEqual({
      ok: false,
      code: "TOO_FAR",
    });
  });
});

describe("validateExpiresOn", () => {
  const today = "2025-06-10";
  it("must lie after today and no later than the first requested date", () => {
    expect(validateExpiresOn("2025-06-11", { today, firstDate: "2025-06-20" })).toEqual({ ok: true });
    expect(validateExpiresOn("2025-06-20", { today, firstDate: "2025-06-20" })).toEqual({ ok: true });
    expect(validateExpiresOn("2025-06-10", { today, firstDate: "2025-06-20" })).toEqual({
      ok: false,
      code: "EXPIRES_NOT_AFTER_TODAY",
    });
    expect(validateExpiresOn("2025-06-01", { today, firstDate: "2025-06-20" })).toEqual({
      ok: false,
      code: "EXPIRES_NOT_AFTER_TODAY",
    });
    expect(validateExpiresOn("2025-06-21", { today, firstDate: "2025-06-20" })).toEqual({
      ok: false,
      code: "EXPIRES_AFTER_FIRST_DATE",
    });
  });
});

describe("itemsToExpire — seed 002 §5.2: not assessed on the chosen date → withdrawn", () => {
  const item = (id: string, status: ItemStatus, date = "2025-07-10", childId = "k1") => ({ id, status, date, childId });
  const items = [
    item("p1", "PENDING"),
    item("a", "APPROVED"),
    item("r", "REJECTED"),
    item("c", "CANCELLED"),
    item("p2", "PENDING"),
    item("e", "EXPIRED"),
  ];
  const extra = (expiresOn: string | null, today: string) => ({ kind: "EXTRA_DAY" as const, assessAsWhole: false, expiresOn, today });

  it("keeps everything the day before the expiry date", () => {
    expect(itemsToExpire(items, extra("2025-06-15", "2025-06-14"))).toEqual([]);
  });

  it("expires the pending items on the expiry date itself", () => {
    expect(itemsToExpire(items, extra("2025-06-15", "2025-06-15")).map((i) => i.id)).toEqual(["p1", "p2"]);
  });

  it("expires them after the date too (a job that ran late)", () => {
    expect(itemsToExpire(items, extra("2025-06-15", "2025-07-01")).map((i) => i.id)).toEqual(["p1", "p2"]);
  });

  it("keeps a request without an expiry date pending up to and including its care date", () => {
    expect(itemsToExpire(items, extra(null, "2025-07-10"))).toEqual([]);
  });

  it("lets a pending item lapse once its care date has gone by, also without an expiry date", () => {
    const period = [item("mon", "PENDING", "2025-07-07"), item("tue", "PENDING", "2025-07-08"), item("wed", "APPROVED", "2025-07-06")];
    expect(itemsToExpire(period, extra(null, "2025-07-08")).map((i) => i.id)).toEqual(["mon"]);
    expect(itemsToExpire(period, extra(null, "2025-07-09")).map((i) => i.id)).toEqual(["mon", "tue"]);
  });

  it("lets a child's whole swap lapse when one of its pending parts has gone by; other children's swaps stay", () => {
    const swap = [
      item("k1-remove", "PENDING", "2025-07-07", "k1"),
      item("k1-add", "PENDING", "2025-07-11", "k1"),
      item("k2-remove", "PENDING", "2025-07-09", "k2"),
      item("k2-add", "PENDING", "2025-07-10", "k2"),
    ];
    const ctx = { kind: "SWAP_DAY" as const, assessAsWhole: false, expiresOn: null, today: "2025-07-08" };
    expect(itemsToExpire(swap, ctx).map((i) => i.id)).toEqual(["k1-remove", "k1-add"]);
  });

  it("lets every pending item of a request assessed as a whole lapse together", () => {
    const whole = [item("k1", "PENDING", "2025-07-07", "k1"), item("k2", "PENDING", "2025-07-07", "k2")];
    const ctx = { kind: "EXTRA_DAY" as const, assessAsWhole: true, expiresOn: null, today: "2025-07-08" };
    expect(itemsToExpire(whole, ctx).map((i) => i.id)).toEqual(["k1", "k2"]);
  });

  it("returns nothing when nothing is pending", () => {
    expect(itemsToExpire([item("a", "APPROVED", "2025-06-01")], extra("2025-06-15", "2025-06-20"))).toEqual([]);
  });
});

describe("swapBalance — seed 002 §5.3: shorter wanted care forfeits the rest", () => {
  const morning = { startMinute: 420, endMinute: 780 }; // 360
  const afternoon = { startMinute: 780, endMinute: 1110 }; // 330
  const vso = { startMinute: 420, endMinute: 510 }; // 90

  it("equal care forfeits nothing", () => {
    expect(swapBalance([morning], [morning])).toEqual({
      ok: true,
      givenUpMinutes: 360,
      wantedMinutes: 360,
      forfeitedMinutes: 0,
    });
  });

  it("shorter wanted care forfeits the remainder", () => {
    expect(swapBalance([morning, afternoon], [morning])).toEqual({
      ok: true,
      givenUpMinutes: 690,
      wantedMinutes: 360,
      forfeitedMinutes: 330,
    });
    expect(swapBalance([morning], [afternoon])).toMatchObject({ ok: true, forfeitedMinutes: 30 });
  });

  it("more wanted than given up is not a swap", () => {
    expect(swapBalance([afternoon], [morning])).toEqual({
      ok: false,
      code: "SWAP_WANTED_EXCEEDS_GIVEN_UP",
      givenUpMinutes: 330,
      wantedMinutes: 360,
      forfeitedMinutes: 0,
    });
    expect(swapBalance([vso], [vso, vso])).toMatchObject({ ok: false, code: "SWAP_WANTED_EXCEEDS_GIVEN_UP" });
  });

  it("needs something on both sides", () => {
    expect(swapBalance([], [morning])).toMatchObject({ ok: false, code: "SWAP_NOTHING_GIVEN_UP" });
    expect(swapBalance([morning], [])).toMatchObject({ ok: false, code: "SWAP_NOTHING_WANTED", forfeitedMinutes: 360 });
  });

  it("throws on a broken day part", () => {
    expect(() => swapBalance([{ startMinute: 600, endMinute: 500 }], [morning])).toThrow(RangeError);
  });
});

describe("itemDecision — assessed per item (seed 002 §5.2)", () => {
  const request = { kind: "EXTRA_DAY" as const, assessAsWhole: false };
  const pending = { id: "i1", status: "PENDING" as ItemStatus };

  it("approves a pending item", () => {
    expect(itemDecision(pending, request, "APPROVE")).toEqual({
      ok: true,
      update: { id: "i1", status: "APPROVED", rejectionReason: null },
    });
    // A reason given with an approval is dropped.
    expect(itemDecision(pending, request, "APPROVE", "x")).toMatchObject({ update: { rejectionReason: null } });
  });

  it("rejects with a trimmed reason, never without one", () => {
    expect(itemDecision(pending, request, "REJECT", "  Groep vol ")).toEqual({
      ok: true,
      update: { id: "i1", status: "REJECTED", rejectionReason: "Groep vol" },
    });
    expect(itemDecision(pending, request, "REJECT")).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(itemDecision(pending, request, "REJECT", "   ")).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(itemDecision(pending, request, "REJECT", null)).toEqual({ ok: false, code: "REASON_REQUIRED" });
  });

  it("refuses items that are not pending", () => {
    for (const status of ["APPROVED", "REJECTED", "CANCELLED", "EXPIRED", "REGISTERED"] as ItemStatus[]) {
      expect(itemDecision({ id: "i", status }, request, "APPROVE")).toEqual({ ok: false, code: "NOT_PENDING" });
    }
  });

  it("refuses single items of an assess-as-whole request and absences", () => {
    expect(itemDecision(pending, { kind: "EXTRA_DAY", assessAsWhole: true }, "APPROVE")).toEqual({
      ok: false,
      code: "ASSESS_AS_WHOLE_REQUIRED",
    });
    expect(itemDecision(pending, { kind: "ABSENCE", assessAsWhole: false }, "APPROVE")).toEqual({
      ok: false,
      code: "NOT_ASSESSABLE",
    });
  });

  it("refuses a single item of a swap: a child's swap goes as one unit", () => {
    expect(itemDecision(pending, { kind: "SWAP_DAY", assessAsWhole: false }, "APPROVE")).toEqual({
      ok: false,
      code: "SWAP_AS_UNIT_REQUIRED",
    });
  });
});

describe("wholeRequestDecision — all approved or all rejected", () => {
  const whole = { kind: "EXTRA_DAY" as const, assessAsWhole: true };

  it("approves every pending item together", () => {
    const r = wholeRequestDecision(
      [
        { id: "a", status: "PENDING" },
        { id: "b", status: "PENDING" },
      ],
      whole,
      "APPROVE",
    );
    expect(r).toEqual({
      ok: true,
      updates: [
        { id: "a", status: "APPROVED", rejectionReason: null },
        { id: "b", status: "APPROVED", rejectionReason: null },
      ],
    });
  });

  it("rejects every pending item with the same reason", () => {
    const r = wholeRequestDecision(
      [
        { id: "a", status: "PENDING" },
        { id: "b", status: "PENDING" },
      ],
      { kind: "SWAP_DAY", assessAsWhole: true },
      "REJECT",
      "Geen plek voor beide kinderen",
    );
    expect(r).toEqual({
      ok: true,
      updates: [
        { id: "a", status: "REJECTED", rejectionReason: "Geen plek voor beide kinderen" },
        { id: "b", status: "REJECTED", rejectionReason: "Geen plek voor beide kinderen" },
      ],
    });
    expect(wholeRequestDecision([{ id: "a", status: "PENDING" }], whole, "REJECT", "")).toEqual({
      ok: false,
      code: "REASON_REQUIRED",
    });
  });

  it("leaves items a parent cancelled for one child", () => {
    const r = wholeRequestDecision(
      [
        { id: "a", status: "PENDING" },
        { id: "b", status: "CANCELLED" },
      ],
      whole,
      "APPROVE",
    );
    expect(r).toEqual({ ok: true, updates: [{ id: "a", status: "APPROVED", rejectionReason: null }] });
  });

  it("refuses a request that was already assessed or has nothing pending", () => {
    expect(
      wholeRequestDecision(
        [
          { id: "a", status: "APPROVED" },
          { id: "b", status: "PENDING" },
        ],
        whole,
        "APPROVE",
      ),
    ).toEqual({ ok: false, code: "NOT_PENDING" });
    expect(wholeRequestDecision([{ id: "a", status: "REJECTED" }], whole, "REJECT", "x")).toEqual({
      ok: false,
      code: "NOT_PENDING",
    });
    expect(
      wholeRequestDecision(
        [
          { id: "a", status: "CANCELLED" },
          { id: "b", status: "EXPIRED" },
        ],
        whole,
        "APPROVE",
      ),
    ).toEqual({ ok: false, code: "NOTHING_PENDING" });
    expect(wholeRequestDecision([], whole, "APPROVE")).toEqual({ ok: false, code: "NOTHING_PENDING" });
  });

  it("refuses requests that are assessed per item, and absences", () => {
    expect(wholeRequestDecision([{ id: "a", status: "PENDING" }], { kind: "EXTRA_DAY", assessAsWhole: false }, "APPROVE")).toEqual({
      ok: false,
      code: "NOT_ASSESS_AS_WHOLE",
    });
    expect(wholeRequestDecision([{ id: "a", status: "REGISTERED" }], { kind: "ABSENCE", assessAsWhole: true }, "APPROVE")).toEqual({
      ok: false,
      code: "NOT_ASSESSABLE",
    });
  });
});

describe("isFullyAssessed — one notification when all items are assessed", () => {
  it("is false while any item is pending", () => {
    expect(isFullyAssessed([{ status: "APPROVED" }, { status: "PENDING" }])).toBe(false);
    expect(isFullyAssessed([{ status: "PENDING" }])).toBe(false);
  });

  it("is true when nothing is pending any more", () => {
    expect(isFullyAssessed([{ status: "APPROVED" }, { status: "REJECTED" }])).toBe(true);
    expect(isFullyAssessed([{ status: "APPROVED" }, { status: "CANCELLED" }, { status: "EXPIRED" }])).toBe(true);
    expect(isFullyAssessed([{ status: "REGISTERED" }])).toBe(true);
  });

  it("is false for an empty request", () => {
    expect(isFullyAssessed([])).toBe(false);
  });
});

describe("assessmentUnit / assessDecision — a child's swap is one unit (seed 002 §5.3)", () => {
  const swap = { kind: "SWAP_DAY" as const, assessAsWhole: false };
  const item = (id: string, childId: string, status: ItemStatus = "PENDING") => ({ id, childId, status });
  // Noor gives up a Thursday (two day parts) for a Friday morning; Sem gives up a morning for another.
  const items = [
    item("noor-remove-am", "noor"),
    item("noor-remove-pm", "noor"),
    item("noor-add-am", "noor"),
    item("sem-remove", "sem"),
    item("sem-add", "sem"),
  ];
  const noor = ["noor-remove-am", "noor-remove-pm", "noor-add-am"];

  it("takes every pending item of the child in the swap, whichever item is posted", () => {
    for (const id of noor) expect(assessmentUnit(items, id, swap).map((i) => i.id)).toEqual(noor);
    expect(assessmentUnit(items, "sem-add", swap).map((i) => i.id)).toEqual(["sem-remove", "sem-add"]);
    // Items already final (cancelled, expired) are left out; a final posted item has no unit.
    const partly = [item("a", "noor"), item("b", "noor", "CANCELLED"), item("c", "noor")];
    expect(assessmentUnit(partly, "c", swap).map((i) => i.id)).toEqual(["a", "c"]);
    expect(assessmentUnit(partly, "b", swap)).toEqual([]);
    expect(assessmentUnit(partly, "unknown", swap)).toEqual([]);
  });

  it("takes the whole request when it is assessed as a whole, and one item of an extra day", () => {
    expect(assessmentUnit(items, "sem-add", { kind: "SWAP_DAY", assessAsWhole: true }).map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(assessmentUnit(items, "noor-add-am", { kind: "EXTRA_DAY", assessAsWhole: false }).map((i) => i.id)).toEqual(["noor-add-am"]);
    // A whole request through an item one child's parent cancelled: still the rest of the request.
    const partly = [item("a", "noor", "CANCELLED"), item("b", "sem")];
    expect(assessmentUnit(partly, "a", { kind: "EXTRA_DAY", assessAsWhole: true }).map((i) => i.id)).toEqual(["b"]);
  });

  it("approves or rejects the child's whole swap at once, one reason for all", () => {
    expect(assessDecision(items, "noor-remove-pm", swap, "APPROVE")).toEqual({
      ok: true,
      updates: noor.map((id) => ({ id, status: "APPROVED", rejectionReason: null })),
    });
    expect(assessDecision(items, "noor-add-am", swap, "REJECT", " Vrijdag is vol ")).toEqual({
      ok: true,
      updates: noor.map((id) => ({ id, status: "REJECTED", rejectionReason: "Vrijdag is vol" })),
    });
    expect(assessDecision(items, "noor-add-am", swap, "REJECT", "  ")).toEqual({ ok: false, code: "REASON_REQUIRED" });
  });

  it("refuses a posted item that is no longer pending (double submit)", () => {
    const done = items.map((i) => (i.childId === "noor" ? { ...i, status: "APPROVED" as ItemStatus } : i));
    expect(assessDecision(done, "noor-remove-am", swap, "APPROVE")).toEqual({ ok: false, code: "NOT_PENDING" });
  });

  it("assesses whole requests as a whole, other items one by one, never absences", () => {
    expect(assessDecision(items, "sem-add", { kind: "SWAP_DAY", assessAsWhole: true }, "APPROVE")).toMatchObject({ ok: true, updates: items.map((i) => ({ id: i.id })) });
    expect(assessDecision(items, "sem-add", { kind: "EXTRA_DAY", assessAsWhole: false }, "APPROVE")).toEqual({
      ok: true,
      updates: [{ id: "sem-add", status: "APPROVED", rejectionReason: null }],
    });
    expect(assessDecision(items, "sem-add", { kind: "ABSENCE", assessAsWhole: false }, "APPROVE")).toEqual({ ok: false, code: "NOT_ASSESSABLE" });
    expect(() => assessDecision(items, "unknown", swap, "APPROVE")).toThrow(RangeError);
  });
});
