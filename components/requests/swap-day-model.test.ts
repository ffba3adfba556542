import { describe, expect, it } from "vitest";
import {
  assessAsWholePossible,
  blockedKey,
  childBalance,
  flattenErrors,
  givenUpDates,
  latestExpiry,
  mergeOptions,
  optionKey,
  placeErrors,
  slotKey,
  swapChildren,
  type SwapDayOption,
} from "./swap-day-model";

// Noor: Dolfijnen, full days on Monday 7 and Tuesday 8 December 2026; Wednesday 9 free, with the
// morning (07:00–13:00, 6 h) and afternoon (13:00–18:30, 5.5 h) of the group.
const NOOR = "noor";
const SEM = "sem";
const MORNING = "dp-morning";
const AFTERNOON = "dp-afternoon";
const parts = (scheduled: boolean) => [
  { dayPartId: MORNING, code: "MORNING", groupName: "Dolfijnen", startMinute: 420, endMinute: 780, alreadyScheduled: scheduled ? { startMinute: 420, endMinute: 780 } : null, pending: false, absent: false, closed: false },
  { dayPartId: AFTERNOON, code: "AFTERNOON", groupName: "Dolfijnen", startMinute: 780, endMinute: 1110, alreadyScheduled: scheduled ? { startMinute: 780, endMinute: 1110 } : null, pending: false, absent: false, closed: false },
];
const scheduledDay = (childId: string, date: string): SwapDayOption => ({
  childId,
  date,
  blocked: null,
  scheduled: [
    { dayPartId: MORNING, code: "MORNING", startMinute: 420, endMinute: 780, canGiveUp: true, reason: null },
    { dayPartId: AFTERNOON, code: "AFTERNOON", startMinute: 780, endMinute: 1110, canGiveUp: true, reason: null },
  ],
  dayParts: parts(true),
});
const freeDay = (childId: string, date: string): SwapDayOption => ({ childId, date, blocked: null, scheduled: [], dayParts: parts(false) });
const options = mergeOptions(new Map(), [scheduledDay(NOOR, "2026-12-07"), scheduledDay(NOOR, "2026-12-08"), freeDay(NOOR, "2026-12-09")]);
const none = new Set<string>();

describe("mergeOptions", () => {
  it("keeps what was known and lets the newest load win", () => {
    const reloaded = { ...freeDay(NOOR, "2026-12-09"), blocked: "CLOSED" as const };
    const next = mergeOptions(options, [reloaded, freeDay(SEM, "2027-01-06")]);
    expect(next.get(optionKey(NOOR, "2026-12-07"))).toBe(options.get(optionKey(NOOR, "2026-12-07")));
    expect(next.get(optionKey(NOOR, "2026-12-09"))?.blocked).toBe("CLOSED");
    expect(next.has(optionKey(SEM, "2027-01-06"))).toBe(true);
    expect(options.get(optionKey(NOOR, "2026-12-09"))?.blocked).toBeNull();
  });
});


describe("swapChildren and childBalance", () => {
  it("gives up every ticked scheduled day part in the period and wants the ticked target parts", () => {
    const children = swapChildren(options, {
      childIds: [NOOR],
      period: { from: "2026-12-07", to: "2026-12-07" },
      unticked: none,
      target: "2026-12-09",
      wanted: new Set([slotKey(NOOR, "2026-12-09", MORNING)]),
    });
    expect(children).toEqual([
      {
        childId: NOOR,
        giveUp: [
          { date: "2026-12-07", dayPartId: MORNING },
          { date: "2026-12-07", dayPartId: AFTERNOON },
        ],
        want: [{ date: "2026-12-09", dayPartId: MORNING }],
      },
    ]);
    // 11.5 h given up, 6 h wanted: 5.5 h forfeited.
    expect(childBalance(options, children[0]!)).toEqual({ givenUpMinutes: 690, wantedMinutes: 360, forfeitedMinutes: 330, exceeds: false });
  });

  it("leaves out unticked parts, parts that cannot be given up, and wanted parts that are already scheduled", () => {
    const pending = scheduledDay(NOOR, "2026-12-08");
    pending.scheduled[0] = { ...pending.scheduled[0]!, canGiveUp: false, reason: "PENDING_SWAP" };
    const index = mergeOptions(options, [pending]);
    const children = swapChildren(index, {
      childIds: [NOOR],
      period: { from: "2026-12-07", to: "2026-12-09" },
      unticked: new Set([slotKey(NOOR, "2026-12-07", MORNING)]),
      target: "2026-12-08",
      wanted: new Set([slotKey(NOOR, "2026-12-08", MORNING)]),
    });
    expect(children[0]!.giveUp).toEqual([
      { date: "2026-12-07", dayPartId: AFTERNOON },
      { date: "2026-12-08", dayPartId: AFTERNOON },
    ]);
    expect(children[0]!.want).toEqual([]);
  });

  it("flags wanting more than is given up", () => {
    const [child] = swapChildren(options, {
      childIds: [NOOR],
      period: { from: "2026-12-07", to: "2026-12-07" },
      unticked: new Set([slotKey(NOOR, "2026-12-07", MORNING)]),
      target: "2026-12-09",
      wanted: new Set([slotKey(NOOR, "2026-12-09", MORNING)]),
    });
    expect(childBalance(options, child!)).toEqual({ givenUpMinutes: 330, wantedMinutes: 360, forfeitedMinutes: 0, exceeds: true });
  });

  it("has empty sides for a chosen child without data or without a period and target", () => {
    expect(swapChildren(options, { childIds: [SEM], period: { from: "2026-12-07", to: "2026-12-07" }, unticked: none, target: "2026-12-09", wanted: none })).toEqual([
      { childId: SEM, giveUp: [], want: [] },
    ]);
    expect(swapChildren(options, { childIds: [NOOR], period: null, unticked: none, target: null, wanted: none })).toEqual([{ childId: NOOR, giveUp: [], want: [] }]);
  });
});

describe("assess as a whole and the expiry date", () => {
  const child = (giveUp: string[], want: string[]) => ({
    childId: NOOR,
    giveUp: giveUp.map((date) => ({ date, dayPartId: MORNING })),
    want: want.map((date) => ({ date, dayPartId: MORNING })),
  });

  it("is possible for one date given up only", () => {
    expect(assessAsWholePossible([child(["2026-12-07"], ["2026-12-09"])], { from: "2026-12-07", to: "2026-12-08" })).toBe(true);
    expect(assessAsWholePossible([child(["2026-12-07", "2026-12-08"], [])], { from: "2026-12-07", to: "2026-12-08" })).toBe(false);
    expect(givenUpDates([child(["2026-12-08", "2026-12-07"], []), child(["2026-12-07"], [])])).toEqual(["2026-12-07", "2026-12-08"]);
    // Nothing ticked yet: the period decides.
    expect(assessAsWholePossible([child([], [])], { from: "2026-12-07", to: "2026-12-08" })).toBe(false);
    expect(assessAsWholePossible([child([], [])], null)).toBe(true);
  });

  it("expires at the latest on the first date of the swap", () => {
    expect(latestExpiry([child(["2026-12-08"], ["2026-12-04"])], { from: "2026-12-08", to: "2026-12-08" }, "2026-12-04")).toBe("2026-12-04");
    expect(latestExpiry([child([], [])], { from: "2026-12-08", to: "2026-12-10" }, "2026-12-11")).toBe("2026-12-08");
    expect(latestExpiry([], null, null)).toBeNull();
  });
});

describe("errors", () => {
  it("flattens a react-hook-form error tree", () => {
    const tree = {
      children: [{ giveUp: { message: "SwapDay.validation.giveUpRequired", type: "too_small", ref: { name: "x" } } }],
      expiresOn: { message: "SwapDay.validation.expiresAfterFirstDate", type: "custom" },
    };
    expect(flattenErrors(tree)).toEqual({
      "children.0.giveUp": "SwapDay.validation.giveUpRequired",
      expiresOn: "SwapDay.validation.expiresAfterFirstDate",
    });
  });

  it("places server paths with the child and side they belong to", () => {
    expect(
      placeErrors({
        "children.1.want.0": "SwapDay.errors.alreadyScheduled",
        "children.1.want.1": "SwapDay.errors.closed",
        "children.0": "SwapDay.errors.wantedExceedsGivenUp",
        "children.0.giveUp.2": "SwapDay.errors.notScheduled",
        "children.2.childId": "SwapDay.errors.childNotFound",
        children: "SwapDay.validation.childrenRequired",
        assessAsWhole: "SwapDay.errors.assessAsWholeMultipleDates",
      }),
    ).toEqual({
      fields: { children: "SwapDay.validation.childrenRequired", assessAsWhole: "SwapDay.errors.assessAsWholeMultipleDates" },
      children: {
        0: { child: "SwapDay.errors.wantedExceedsGivenUp", giveUp: "SwapDay.errors.notScheduled" },
        1: { want: "SwapDay.errors.alreadyScheduled" },
        2: { child: "SwapDay.errors.childNotFound" },
      },
    });
  });

  it("has a message key for every blocked date", () => {
    expect(blockedKey("CLOSED")).toBe("SwapDay.errors.closed");
    expect(blockedKey("TOO_FAR")).toBe("SwapDay.errors.tooFar");
  });
});
