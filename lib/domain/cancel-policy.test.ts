import { describe, expect, it } from "vitest";
import { cancelDecision, type CancelInput, type CancelItem } from "./cancel-policy";
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
const base = { now, today, policy, periodRequest: false };

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

  it("cancels only the selected booking of a multi-booking request", () => {
    const items = [item("a", "2025-06-20", "PENDING"), item("b", "2025-06-27", "PENDING")];
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items, selectedItemIds: ["b"] })).toEqual({
      allowed: true,
      itemIds: ["b"],
      keptItemIds: [],
    });
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items })).toMatchObject({ itemIds: ["a", "b"] });
  });

  it("refuses a selected approved booking", () => {
    const items = [item("a", "2025-06-20", "APPROVED"), item("b", "2025-06-27", "PENDING")];
    expect(cancelDecision({ ...base, kind: "EXTRA_DAY", items, selectedItemIds: ["a"] })).toEqual({
      allowed: false,
      reason: "APPROVED_EXTRA_CARE",
    });
  });
});

describe("cancelDecision — a period is cancelled as a whole (seed 002 §5.2)", () => {
  const period = { ...base, periodRequest: true, kind: "EXTRA_DAY" as const };

  it("cancels every pending day of the period for that child, whatever was selected", () => {
    const items = [item("a", "2025-06-16", "PENDING"), item("b", "2025-06-17", "PENDING"), item("c", "2025-06-18", "PENDING")];
    expect(cancelDecision({ ...period, items, selectedItemIds: ["b"] })).toEqual({
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
    expect(cancelDecision({ ...base, kind: "SWAP_DAY", items, selectedItemIds: ["get"] })).toEqual({
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
      // Picking only the pending side does not get around it: a swap is always taken as a whole.
      const pendingId = items.find((i) => i.status === "PENDING")!.id;
      expect(cancelDecision({ ...base, kind: "SWAP_DAY", items, selectedItemIds: [pendingId] })).toEqual({
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
    expect(cancelDecision({ ...absence, periodRequest: true, items })).toEqual({
      allowed: false,
      reason: "ABSENCE_WITHIN_WINDOW",
    });
    const later = [item("a", "2025-07-15", "REGISTERED"), item("b", "2025-07-20", "REGISTERED")];
    expect(cancelDecision({ ...absence, periodRequest: true, items: later, selectedItemIds: ["b"] })).toEqual({
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
  it("throws on no items, mixed children or requests, and unknown selections", () => {
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
      cancelDecision({ ...base, kind: "EXTRA_DAY", items: [item("a", "2025-06-20", "PENDING")], selectedItemIds: ["x"] }),
    ).toThrow(/Unknown item/);
    expect(() =>
      cancelDecision({ ...base, kind: "EXTRA_DAY", items: [item("a", "2025-06-20", "PENDING")], selectedItemIds: [] }),
    ).toThrow(/Unknown item/);
  });
});
