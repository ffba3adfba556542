import { describe, expect, it } from "vitest";
import {
  calendarMark,
  ITEM_DISPLAY_STATUSES,
  isFinalStatus,
  itemDisplayStatus,
  REQUEST_SUMMARY_STATUSES,
  requestSummaryStatus,
} from "./status";
import type { ItemStatus } from "./types";

const ALL: ItemStatus[] = ["PENDING", "APPROVED", "REJECTED", "CANCELLED", "EXPIRED", "REGISTERED"];
const s = (...statuses: ItemStatus[]) => statuses.map((status) => ({ status }));

describe("itemDisplayStatus", () => {
  it("maps every item status to its display key", () => {
    for (const status of ALL) expect(itemDisplayStatus(status)).toBe(status);
    expect([...ITEM_DISPLAY_STATUSES].sort()).toEqual([...ALL].sort());
  });
});

describe("calendarMark", () => {
  it("pending added care is 'Optie extra' (seed 002 §5.2), for extra days and swap targets", () => {
    expect(calendarMark({ kind: "EXTRA_DAY", status: "PENDING", direction: "ADD" })).toBe("OPTION_EXTRA");
    expect(calendarMark({ kind: "SWAP_DAY", status: "PENDING", direction: "ADD" })).toBe("OPTION_EXTRA");
  });

  it("a pending give-up is marked, an approved one swapped away", () => {
    expect(calendarMark({ kind: "SWAP_DAY", status: "PENDING", direction: "REMOVE" })).toBe("OPTION_SWAP_AWAY");
    expect(calendarMark({ kind: "SWAP_DAY", status: "APPROVED", direction: "REMOVE" })).toBe("SWAPPED_AWAY");
  });

  it("approved care is extra; absences are absent", () => {
    expect(calendarMark({ kind: "EXTRA_DAY", status: "APPROVED", direction: "ADD" })).toBe("EXTRA");
    expect(calendarMark({ kind: "SWAP_DAY", status: "APPROVED", direction: "ADD" })).toBe("EXTRA");
    expect(calendarMark({ kind: "ABSENCE", status: "REGISTERED", direction: "REMOVE" })).toBe("ABSENT");
  });

  it("rejected, cancelled and expired items leave no mark", () => {
    for (const status of ["REJECTED", "CANCELLED", "EXPIRED"] as ItemStatus[]) {
      expect(calendarMark({ kind: "EXTRA_DAY", status, direction: "ADD" })).toBeNull();
      expect(calendarMark({ kind: "ABSENCE", status, direction: "REMOVE" })).toBeNull();
    }
  });
});

describe("requestSummaryStatus", () => {
  it("is the common status when all items agree", () => {
    for (const status of ALL) expect(requestSummaryStatus(s(status, status))).toBe(status);
  });

  it("is pending while anything is pending", () => {
    expect(requestSummaryStatus(s("APPROVED", "PENDING"))).toBe("PENDING");
    expect(requestSummaryStatus(s("REJECTED", "PENDING", "CANCELLED"))).toBe("PENDING");
  });

  it("is partially approved when approvals mix with other outcomes", () => {
    expect(requestSummaryStatus(s("APPROVED", "REJECTED"))).toBe("PARTIALLY_APPROVED");
    expect(requestSummaryStatus(s("APPROVED", "CANCELLED"))).toBe("PARTIALLY_APPROVED");
    expect(requestSummaryStatus(s("EXPIRED", "APPROVED"))).toBe("PARTIALLY_APPROVED");
  });

  it("ranks the other mixes registered > rejected > expired > cancelled", () => {
    expect(requestSummaryStatus(s("REGISTERED", "CANCELLED"))).toBe("REGISTERED");
    expect(requestSummaryStatus(s("CANCELLED", "REJECTED", "EXPIRED"))).toBe("REJECTED");
    expect(requestSummaryStatus(s("CANCELLED", "EXPIRED"))).toBe("EXPIRED");
  });

  it("every summary is a known key", () => {
    const keys = new Set<string>(REQUEST_SUMMARY_STATUSES);
    for (const a of ALL) for (const b of ALL) expect(keys.has(requestSummaryStatus(s(a, b)))).toBe(true);
  });

  it("throws on an empty request", () => {
    expect(() => requestSummaryStatus([])).toThrow(RangeError);
  });
});

describe("isFinalStatus", () => {
  it("approved, rejected, cancelled and expired do not change any more", () => {
    expect(ALL.filter(isFinalStatus)).toEqual(["APPROVED", "REJECTED", "CANCELLED", "EXPIRED"]);
  });
});
