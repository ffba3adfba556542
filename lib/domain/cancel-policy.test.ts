import { describe, expect, it } from "vitest";
import { cancelDecision, cancelUnitFor, cancelUnits, type CancelInput, type CancelItem } from "./cancel-policy";
import type { ItemStatus } from "./types";

const policy: CancelInput["policy"] = {
  pendingCancelMinHours: 24,
  absenceCancelRule: "OUTSIDE_WINDOW",
  absenceCancelWindowDays: 30,
};

function item(id: string, date: string, status: ItemStatus, over: Partial<CancelItem> = {}): CancelItem {
  return { id, requestId: "r1", childId: "kid", date, startMinute: 420, status, ...over };
}

// 10 June 2025, 12:00 in Amsterdam (CEST).
const now = new Date("2025-06-10T10:00:00Z");
const today = "2025-06-10";
const base = { now, today, policy };

describe("cancelDecision — extra days", () => {
  it("allows cancelling a pending item well ahead", () => {
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: [item("a", "2025-06-20", "PENDING")] })).toEqual({
      allowed: true,
      itemIds: ["a"],
      keptItemIds: [],
    });
  });

  it("never cancels approved extra care (seed 000/001)", () => {
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: [item("a", "2025-06-20", "APPROVED")] })).toEqual({
      allowed: false,
      reason: "APPROVED_EXTRA_CARE",
    });
  });

  it("refuses items that are already final", () => {
    for (const status of ["REJECTED", "CANCELLED", "EXPIRED"] as ItemStatus[]) {
      expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: [item("a", "2025-06-20", status)] })).toEqual({
        allowed: false,
        reason: "ALREADY_FINAL",
      });
    }
  });

  it("is allowed until exactly pendingCancelMinHours before the start, Amsterdam time", () => {
    // 11 June 07:00 CEST = 05:00Z; 24 h before = 10 June 05:00Z.
    const items = [item("a", "2025-06-11", "PENDING")];
    expect(cancelDecision({ ...base, now: new Date("2025-06-10T05:00:00Z"), kind: "EXTRA_DAY", items })).toMatchObject({
      allowed: true,
    });
    expect(cancelDecision({ ...base, now: new Date("2025-06-10T05:00:01Z"), kind: "EXTRA_DAY", items })).toEqual({
      allowed: false,
      reason: "TOO_LATE",
    });
  });

  it("counts real hours across the DST change", () => {
    // Sunday 30 March 2025 07:00 CEST = 05:00Z; 24 h before = Saturday 05:00Z = 06:00 CET.
    const items = [item("a", "2025-03-30", "PENDING")];
    const at = (iso: string) => ({ ...base, now: new Date(iso), today: "2025-03-29", kind: "EXTRA_DAY" as const, items });
    expect(cancelDecision(at("2025-03-29T05:00:00Z"))).toMatchObject({ allowed: true });
    expect(cancelDecision(at("2025-03-29T05:30:00Z"))).toEqual({ allowed: false, reason: "TOO_LATE" }); // 06:30 CET
  });

  it("with no minimum, a pending item can be cancelled until it starts", () => {
    const p = { ...policy, pendingCancelMinHours: 0 };
    const items = [item("a", "2025-06-10", "PENDING", { startMinute: 780 })]; // 13:00 CEST = 11:00Z
    expect(cancelDecision({ ...base, policy: p, now: new Date("2025-06-10T10:59:59Z"), kind: "EXTRA_DAY", items })).toMatchObject({
      allowed: true,
    });
    expect(cancelDecision({ ...base, policy: p, now: new Date("2025-06-10T11:00:00Z"), kind: "EXTRA_DAY", items })).toEqual({
      allowed: false,
      reason: "IN_THE_PAST",
    });
  });

  it("refuses a day part that already started or lies in the past", () => {
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: [item("a", "2025-06-10", "PENDING")] })).toEqual({
      allowed: false,
      reason: "IN_THE_PAST",
    });
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: [item("a", "2025-06-01", "PENDING")] })).toEqual({
      allowed: false,
      reason: "IN_THE_PAST",
    });
  });

  it("cancels only the picked booking of a multi-booking request", () => {
    const items = [item("a", "2025-06-20", "PENDING"), item("b", "2025-06-27", "PENDING", { booking: 1 })];
    const picked = cancelUnitFor("EXTRA_DAY", items, { booking: 1, requestBookings: 2 });
    expect(picked.ok && picked.unit.items.map((i) => i.id)).toEqual(["b"]);
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: picked.ok ? picked.unit.items : [] })).toEqual({
      allowed: true,
      itemIds: ["b"],
      keptItemIds: [],
    });
  });

  it("refuses an approved booking while the pending one of the same request stays cancellable", () => {
    const items = [item("a", "2025-06-20", "APPROVED"), item("b", "2025-06-27", "PENDING", { booking: 1 })];
    const [approved, pending] = cancelUnits("EXTRA_DAY", items);
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: approved!.items })).toEqual({ allowed: false, reason: "APPROVED_EXTRA_CARE" });
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: pending!.items })).toMatchObject({ allowed: true, itemIds: ["b"] });
  });
});

describe("cancelUnits and cancelUnitFor — what one cancel takes (seed 002 §5.2)", () => {
  it("splits an extra day per booking, in booking order, and marks a booking over several dates as a period", () => {
    const items = [
      item("p1", "2025-06-23", "PENDING", { booking: 2 }),
      item("s1", "2025-06-20", "PENDING", { booking: 0 }),
      item("s2", "2025-06-20", "PENDING", { booking: 0, startMinute: 780 }),
      item("p2", "2025-06-24", "PENDING", { booking: 2 }),
      item("t1", "2025-06-27", "PENDING", { booking: 1 }),
    ];
    expect(cancelUnits("EXTRA_DAY", items).map((u) => [u.booking, u.items.map((i) => i.id), u.dates, u.isPeriod])).toEqual([
      [0, ["s1", "s2"], ["2025-06-20"], false],
      [1, ["t1"], ["2025-06-27"], false],
      [2, ["p1", "p2"], ["2025-06-23", "2025-06-24"], true],
    ]);
  });

  it("items without a booking number are booking 0: an old request is one booking", () => {
    const items = [item("a", "2025-06-20", "PENDING"), item("b", "2025-06-27", "PENDING")];
    expect(cancelUnits("EXTRA_DAY", items)).toEqual([{ booking: 0, items, dates: ["2025-06-20", "2025-06-27"], isPeriod: true }]);
    expect(cancelUnitFor("EXTRA_DAY", items, { requestBookings: 1 })).toMatchObject({ ok: true, unit: { booking: 0 } });
  });

  it("keeps the child's whole part as one unit for an absence and a swap, whatever booking numbers say", () => {
    const swap = [
      item("give", "2025-06-16", "PENDING", { direction: "REMOVE" }),
      item("get", "2025-06-19", "PENDING", { direction: "ADD", booking: 1 }),
    ];
    expect(cancelUnits("SWAP_DAY", swap)).toEqual([{ booking: 0, items: swap, dates: ["2025-06-16", "2025-06-19"], isPeriod: true }]);
    expect(cancelUnitFor("SWAP_DAY", swap, { booking: 1, requestBookings: 2 })).toMatchObject({ ok: true, unit: { booking: 0, items: swap } });
    const absence = [item("a", "2025-07-15", "REGISTERED"), item("b", "2025-07-16", "REGISTERED", { booking: 3 })];
    expect(cancelUnitFor("ABSENCE", absence, { booking: 7, requestBookings: 2 })).toMatchObject({ ok: true, unit: { items: absence, isPeriod: true } });
  });

  it("needs the booking only when the request holds several, and refuses one that is not the child's", () => {
    const one = [item("a", "2025-06-20", "PENDING")];
    // A one-booking request: the number is not needed, and any number is ignored.
    expect(cancelUnitFor("EXTRA_DAY", one, { requestBookings: 1 })).toMatchObject({ ok: true, unit: { booking: 0 } });
    expect(cancelUnitFor("EXTRA_DAY", one, { booking: 5, requestBookings: 1 })).toMatchObject({ ok: true, unit: { booking: 0 } });
    // Several bookings in the request, here one of them the child's (a sibling has the other): named, and the child's.
    expect(cancelUnitFor("EXTRA_DAY", one, { requestBookings: 2 })).toEqual({ ok: false, error: "BOOKING_REQUIRED" });
    expect(cancelUnitFor("EXTRA_DAY", one, { booking: 1, requestBookings: 2 })).toEqual({ ok: false, error: "UNKNOWN_BOOKING" });
    expect(cancelUnitFor("EXTRA_DAY", one, { booking: 0, requestBookings: 2 })).toMatchObject({ ok: true, unit: { booking: 0 } });
    const two = [item("b", "2025-06-27", "PENDING", { booking: 1 }), ...one];
    expect(cancelUnitFor("EXTRA_DAY", two, { requestBookings: 2 })).toEqual({ ok: false, error: "BOOKING_REQUIRED" });
    expect(cancelUnitFor("EXTRA_DAY", two, { booking: 2, requestBookings: 2 })).toEqual({ ok: false, error: "UNKNOWN_BOOKING" });
    expect(cancelUnitFor("EXTRA_DAY", two, { booking: 0, requestBookings: 2 })).toMatchObject({ ok: true, unit: { booking: 0, items: one } });
    // A count that is too low cannot hide the child's own second booking.
    expect(cancelUnitFor("EXTRA_DAY", two, { requestBookings: 1 })).toEqual({ ok: false, error: "BOOKING_REQUIRED" });
    expect(cancelUnitFor("EXTRA_DAY", [], { booking: 0, requestBookings: 1 })).toEqual({ ok: false, error: "UNKNOWN_BOOKING" });
  });

  it("judges each booking on its own: too late for the first does not block the next", () => {
    const items = [
      item("soon", "2025-06-11", "PENDING", { booking: 0 }),
      item("later", "2025-06-20", "PENDING", { booking: 1 }),
    ];
    const [soon, later] = cancelUnits("EXTRA_DAY", items);
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: soon!.items })).toEqual({ allowed: false, reason: "TOO_LATE" });
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items: later!.items })).toEqual({ allowed: true, itemIds: ["later"], keptItemIds: [] });
  });
});

describe("cancelDecision — a period is cancelled as a whole (seed 002 §5.2)", () => {
  const period = { ...base, kind: "EXTRA_DAY" as const };

  it("cancels every pending day of a period booking for that child", () => {
    const items = [item("a", "2025-06-16", "PENDING"), item("b", "2025-06-17", "PENDING"), item("c", "2025-06-18", "PENDING")];
    expect(cancelUnits("EXTRA_DAY", items)[0]!.isPeriod).toBe(true);
    expect(cancelDecision({ ...period, items })).toEqual({
      allowed: true,
      itemIds: ["a", "b", "c"],
      keptItemIds: [],
    });
  });

  it("keeps approved days and cancels the pending rest", () => {
    const items = [
      item("a", "2025-06-16", "APPROVED"),
      item("b", "2025-06-17", "PENDING"),
      item("c", "2025-06-18", "REJECTED"),
      item("d", "2025-06-19", "PENDING"),
    ];
    expect(cancelDecision({ ...period, items })).toEqual({ allowed: true, itemIds: ["b", "d"], keptItemIds: ["a", "c"] });
  });

  it("is refused as a whole when its first pending day is too close", () => {
    const items = [item("a", "2025-06-11", "PENDING"), item("b", "2025-06-12", "PENDING")];
    expect(cancelDecision({ ...period, items })).toEqual({ allowed: false, reason: "TOO_LATE" });
  });

  it("is refused when only approved days remain", () => {
    const items = [item("a", "2025-06-16", "APPROVED"), item("b", "2025-06-17", "CANCELLED")];
    expect(cancelDecision({ ...period, items })).toEqual({ allowed: false, reason: "APPROVED_EXTRA_CARE" });
  });
});

describe("cancelDecision — swaps", () => {
  it("cancels both sides of a pending swap for the child", () => {
    const items = [
      item("give", "2025-06-16", "PENDING", { direction: "REMOVE" }),
      item("get", "2025-06-19", "PENDING", { direction: "ADD" }),
    ];
    expect(cancelDecision({ ...base, kind: "SWAP_DAY", items })).toEqual({
      allowed: true,
      itemIds: ["give", "get"],
      keptItemIds: [],
    });
  });

  it("measures the notice to the earliest side of the swap", () => {
    const items = [
      item("give", "2025-06-19", "PENDING", { direction: "REMOVE" }),
      item("get", "2025-06-11", "PENDING", { direction: "ADD" }),
    ];
    expect(cancelDecision({ ...base, kind: "SWAP_DAY", items })).toEqual({ allowed: false, reason: "TOO_LATE" });
  });

  it("an approved swap is final", () => {
    const items = [
      item("give", "2025-06-16", "APPROVED", { direction: "REMOVE" }),
      item("get", "2025-06-19", "APPROVED", { direction: "ADD" }),
    ];
    expect(cancelDecision({ ...base, kind: "SWAP_DAY", items })).toEqual({ allowed: false, reason: "APPROVED_SWAP" });
  });

  it("refuses a partly approved swap: the child's swap is one unit, whichever side is approved", () => {
    const givenUpApproved = [
      item("give", "2025-06-16", "APPROVED", { direction: "REMOVE" }),
      item("get", "2025-06-19", "PENDING", { direction: "ADD" }),
    ];
    const wantedApproved = [
      item("give", "2025-06-16", "PENDING", { direction: "REMOVE" }),
      item("get", "2025-06-19", "APPROVED", { direction: "ADD" }),
    ];
    for (const items of [givenUpApproved, wantedApproved]) {
      expect(cancelDecision({ ...base, kind: "SWAP_DAY", items })).toEqual({ allowed: false, reason: "APPROVED_SWAP" });
      // Naming a booking does not get around it: a swap is always taken as a whole.
      const unit = cancelUnitFor("SWAP_DAY", items.map((i) => ({ ...i, booking: i.status === "PENDING" ? 1 : 0 })), {
        booking: 1,
        requestBookings: 2,
      });
      expect(unit.ok && cancelDecision({ ...base, kind: "SWAP_DAY", items: unit.unit.items })).toEqual({
        allowed: false,
        reason: "APPROVED_SWAP",
      });
    }
  });

  it("an approved part wins over every other refusal, also too late or in the past", () => {
    const items = [
      item("give", "2025-06-10", "APPROVED", { direction: "REMOVE" }),
      item("get", "2025-06-11", "PENDING", { direction: "ADD" }),
    ];
    expect(cancelDecision({ ...base, kind: "SWAP_DAY", items })).toEqual({ allowed: false, reason: "APPROVED_SWAP" });
  });

  it("still cancels the pending swap when its other items are final but none approved", () => {
    const items = [
      item("give", "2025-06-16", "PENDING", { direction: "REMOVE" }),
      item("get", "2025-06-19", "PENDING", { direction: "ADD" }),
      item("old", "2025-06-18", "CANCELLED", { direction: "ADD" }),
    ];
    expect(cancelDecision({ ...base, kind: "SWAP_DAY", items })).toEqual({ allowed: true, itemIds: ["give", "get"], keptItemIds: ["old"] });
  });

  it("does not change extra days: the pending rest of a partly approved request can still be withdrawn", () => {
    const items = [item("a", "2025-06-16", "APPROVED"), item("b", "2025-06-17", "PENDING")];
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items })).toEqual({ allowed: true, itemIds: ["b"], keptItemIds: ["a"] });
  });
});

describe("cancelDecision — absences", () => {
  const absence = { ...base, kind: "ABSENCE" as const };

  it("ALWAYS: re-registers any future absent day", () => {
    const p = { ...policy, absenceCancelRule: "ALWAYS" as const };
    expect(cancelDecision({ ...absence, policy: p, items: [item("a", "2025-06-11", "REGISTERED")] })).toEqual({
      allowed: true,
      itemIds: ["a"],
      keptItemIds: [],
    });
    // Even later today (13:00 CEST = 11:00Z, now is 10:00Z)…
    expect(
      cancelDecision({ ...absence, policy: p, items: [item("a", "2025-06-10", "REGISTERED", { startMinute: 780 })] }),
    ).toMatchObject({ allowed: true });
    // …but not once the day part started.
    expect(cancelDecision({ ...absence, policy: p, items: [item("a", "2025-06-10", "REGISTERED")] })).toEqual({
      allowed: false,
      reason: "IN_THE_PAST",
    });
  });

  it("NEVER: not through the portal (seed 000)", () => {
    const p = { ...policy, absenceCancelRule: "NEVER" as const };
    expect(cancelDecision({ ...absence, policy: p, items: [item("a", "2026-01-05", "REGISTERED")] })).toEqual({
      allowed: false,
      reason: "ABSENCE_NEVER",
    });
  });

  it("OUTSIDE_WINDOW: not within 30 days, inclusive (seed 001)", () => {
    expect(cancelDecision({ ...absence, items: [item("a", "2025-07-10", "REGISTERED")] })).toEqual({
      allowed: false,
      reason: "ABSENCE_WITHIN_WINDOW",
    }); // 30 days ahead
    expect(cancelDecision({ ...absence, items: [item("a", "2025-07-11", "REGISTERED")] })).toMatchObject({
      allowed: true,
    }); // 31 days ahead
    expect(cancelDecision({ ...absence, items: [item("a", "2025-06-12", "REGISTERED")] })).toEqual({
      allowed: false,
      reason: "ABSENCE_WITHIN_WINDOW",
    });
  });

  it("OUTSIDE_WINDOW: a period is judged by its first day", () => {
    const items = [item("a", "2025-07-05", "REGISTERED"), item("b", "2025-07-20", "REGISTERED")];
    expect(cancelDecision({ ...absence, items })).toEqual({
      allowed: false,
      reason: "ABSENCE_WITHIN_WINDOW",
    });
    const later = [item("a", "2025-07-15", "REGISTERED"), item("b", "2025-07-20", "REGISTERED")];
    expect(cancelDecision({ ...absence, items: later })).toEqual({
      allowed: true,
      itemIds: ["a", "b"],
      keptItemIds: [],
    });
  });

  it("a cancelled absence is final", () => {
    expect(cancelDecision({ ...absence, items: [item("a", "2025-08-20", "CANCELLED")] })).toEqual({
      allowed: false,
      reason: "ALREADY_FINAL",
    });
  });

  it("reports ABSENCE_NEVER before IN_THE_PAST (the reason that always applies)", () => {
    const p = { ...policy, absenceCancelRule: "NEVER" as const };
    expect(cancelDecision({ ...absence, policy: p, items: [item("a", "2025-06-01", "REGISTERED")] })).toEqual({
      allowed: false,
      reason: "ABSENCE_NEVER",
    });
  });
});

describe("cancelDecision — input guards", () => {
  it("throws on no items, mixed children or requests, and an extra day's mixed bookings", () => {
    expect(() => cancelDecision({ ...base, kind: "EXTRA_DAY", items: [] })).toThrow(RangeError);
    expect(() =>
      cancelDecision({
        ...base,
        kind: "EXTRA_DAY",
        items: [item("a", "2025-06-20", "PENDING"), item("b", "2025-06-20", "PENDING", { childId: "sibling" })],
      }),
    ).toThrow(/per child/);
    expect(() =>
      cancelDecision({
        ...base,
        kind: "EXTRA_DAY",
        items: [item("a", "2025-06-20", "PENDING"), item("b", "2025-06-20", "PENDING", { requestId: "r2" })],
      }),
    ).toThrow(/per child/);
    expect(() =>
      cancelDecision({
        ...base,
        kind: "EXTRA_DAY",
        items: [item("a", "2025-06-20", "PENDING"), item("b", "2025-06-27", "PENDING", { booking: 1 })],
      }),
    ).toThrow(/per booking/);
    expect(() => cancelUnits("EXTRA_DAY", [item("a", "2025-06-20", "PENDING"), item("b", "2025-06-20", "PENDING", { childId: "sibling" })])).toThrow(
      /per child/,
    );
    // A swap's or an absence's unit may carry any booking numbers: they are ignored.
    expect(
      cancelDecision({
        ...base,
        kind: "SWAP_DAY",
        items: [item("give", "2025-06-16", "PENDING", { direction: "REMOVE" }), item("get", "2025-06-19", "PENDING", { booking: 1 })],
      }),
    ).toMatchObject({ allowed: true });
  });
});
