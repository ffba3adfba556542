import { describe, expect, it } from "vitest";
import { closingLookup, closingLookupByGroup, type ClosingLookup } from "./closing-days";
import { addDays } from "./dates";
import {
  dayPartChoices,
  isScheduled,
  MAX_SCHEDULE_DAYS,
  scheduleDay,
  scheduledDayParts,
  scheduleForChild,
  scheduleForChildren,
  type ScheduleInput,
} from "./schedule";
import type { DayPartDef, ItemDirection, ItemStatus, PlacementDef, RequestItemDef, RequestKind } from "./types";

// Week of 2025-04-21: Mon 21 = Tweede paasdag (closed), Sat 26 = Koningsdag. Mon 28 is an ordinary Monday.
const KDV = "g-kdv";
const BSO = "g-bso";
const dayParts: DayPartDef[] = [
  { id: "dp-pm", groupId: KDV, code: "AFTERNOON", startMinute: 780, endMinute: 1110, capacity: 12, sortOrder: 2 },
  { id: "dp-am", groupId: KDV, code: "MORNING", startMinute: 420, endMinute: 780, capacity: 12, sortOrder: 1 },
  { id: "dp-vso", groupId: BSO, code: "VSO", startMinute: 420, endMinute: 510, capacity: 20, sortOrder: 1 },
  { id: "dp-nso", groupId: BSO, code: "NSO", startMinute: 900, endMinute: 1110, capacity: 20, sortOrder: 2 },
];

function placement(over: Partial<PlacementDef> = {}): PlacementDef {
  return {
    id: "p1",
    childId: "c1",
    groupId: KDV,
    startDate: "2025-01-01",
    endDate: null,
    contractType: "FIXED",
    hourlyRateCents: 1000,
    flexMinutesPerYear: null,
    days: [
      { weekday: 1, dayPartId: "dp-pm" },
      { weekday: 1, dayPartId: "dp-am" },
      { weekday: 3, dayPartId: "dp-am" },
    ],
    ...over,
  };
}

let seq = 0;
function item(
  date: string,
  dayPartId: string,
  kind: RequestKind,
  direction: ItemDirection,
  status: ItemStatus,
  over: Partial<RequestItemDef> = {},
): RequestItemDef {
  const dp = dayParts.find((d) => d.id === dayPartId)!;
  seq++;
  return {
    id: `i${seq}`,
    requestId: `r${seq}`,
    kind,
    childId: "c1",
    groupId: dp.groupId,
    dayPartId,
    date,
    direction,
    status,
    startMinute: dp.startMinute,
    endMinute: dp.endMinute,
    ...over,
  };
}

const closing = closingLookup("2025-01-01", "2025-12-31", {
  organisationDays: [],
  locationId: "loc",
  liberationDayEveryYears: 5,
});

function run(over: Partial<ScheduleInput> = {}) {
  return scheduleForChild({
    childId: "c1",
    from: "2025-04-21",
    to: "2025-05-04",
    placements: [placement()],
    dayParts,
    items: [],
    closing,
    ...over,
  });
}

const ids = (list: { dayPartId: string }[]) => list.map((p) => p.dayPartId);

describe("scheduleForChild: range", () => {
  it("has one day per calendar day, inclusive, with ISO weekdays", () => {
    const s = run();
    expect(s.childId).toBe("c1");
    expect(s.days).toHaveLength(14);
    expect(s.days[0]!.date).toBe("2025-04-21");
    expect(s.days[13]!.date).toBe("2025-05-04");
    expect(s.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("allows a one-day range and rejects reversed or oversized ranges", () => {
    expect(run({ from: "2025-04-28", to: "2025-04-28" }).days).toHaveLength(1);
    expect(() => run({ from: "2025-04-28", to: "2025-04-27" })).toThrow(RangeError);
    expect(() => run({ from: "2025-01-01", to: addDays("2025-01-01", MAX_SCHEDULE_DAYS) })).toThrow(RangeError);
    expect(run({ from: "2025-01-01", to: addDays("2025-01-01", MAX_SCHEDULE_DAYS - 1) }).days).toHaveLength(MAX_SCHEDULE_DAYS);
    expect(() => run({ from: "2025-02-30", to: "2025-03-02" })).toThrow(RangeError);
  });
});

describe("scheduleForChild: contract care", () => {
  it("follows the weekly pattern by ISO weekday, sorted by start time", () => {
    const s = run();
    const mon = scheduleDay(s, "2025-04-28")!;
    expect(mon.scheduled).toEqual([
      {
        dayPartId: "dp-am",
        code: "MORNING",
        startMinute: 420,
        endMinute: 780,
        groupId: KDV,
        source: "CONTRACT",
        placementId: "p1",
        itemId: null,
        pendingRemovalItemId: null,
      },
      {
        dayPartId: "dp-pm",
        code: "AFTERNOON",
        startMinute: 780,
        endMinute: 1110,
        groupId: KDV,
        source: "CONTRACT",
        placementId: "p1",
        itemId: null,
        pendingRemovalItemId: null,
      },
    ]);
    expect(mon.closed).toBeNull();
    expect(mon.removed).toEqual([]);
    expect(mon.options).toEqual([]);
    expect(ids(scheduledDayParts(s, "2025-04-29"))).toEqual([]); // Tuesday
    expect(ids(scheduledDayParts(s, "2025-04-30"))).toEqual(["dp-am"]); // Wednesday
    expect(ids(scheduledDayParts(s, "2025-05-04"))).toEqual([]); // Sunday
  });

  it("applies a placement only within [startDate, endDate], both inclusive", () => {
    const s = run({ placements: [placement({ startDate: "2025-04-28", endDate: "2025-04-30" })] });
    expect(ids(scheduledDayParts(s, "2025-04-23"))).toEqual([]); // before start
    expect(ids(scheduledDayParts(s, "2025-04-28"))).toEqual(["dp-am", "dp-pm"]); // start day
    expect(ids(scheduledDayParts(s, "2025-04-30"))).toEqual(["dp-am"]); // end day
    const after = run({ from: "2025-05-01", to: "2025-05-14", placements: [placement({ endDate: "2025-04-30" })] });
    expect(after.days.every((d) => d.scheduled.length === 0)).toBe(true);
  });

  it("combines placements in two groups and never lists a day part twice", () => {
    const bso = placement({ id: "p2", groupId: BSO, days: [{ weekday: 2, dayPartId: "dp-nso" }, { weekday: 1, dayPartId: "dp-vso" }] });
    const overlap = placement({ id: "p3", days: [{ weekday: 1, dayPartId: "dp-am" }] });
    const s = run({ placements: [placement(), bso, overlap] });
    expect(ids(scheduledDayParts(s, "2025-04-28"))).toEqual(["dp-vso", "dp-am", "dp-pm"]);
    expect(scheduledDayParts(s, "2025-04-28").find((p) => p.dayPartId === "dp-am")!.placementId).toBe("p1");
    expect(scheduledDayParts(s, "2025-04-29")).toMatchObject([{ dayPartId: "dp-nso", groupId: BSO, placementId: "p2" }]);
  });

  it("ignores other children's placements and items", () => {
    const s = run({
      placements: [placement({ childId: "c2", id: "px" })],
      items: [item("2025-04-29", "dp-am", "EXTRA_DAY", "ADD", "APPROVED", { childId: "c2" })],
    });
    expect(s.days.every((d) => d.scheduled.length === 0 && d.requests.length === 0)).toBe(true);
  });

  it("throws for a day part that was not passed in", () => {
    expect(() => run({ dayParts: dayParts.filter((d) => d.id !== "dp-am") })).toThrow(/Unknown day part dp-am/);
  });
});

describe("scheduleForChild: closing days (seed 003 Openingsdagen)", () => {
  it("schedules nothing on a holiday: contract care is removed with reason CLOSED", () => {
    const s = run();
    const easterMonday = scheduleDay(s, "2025-04-21")!;
    expect(easterMonday.closed).toEqual({ date: "2025-04-21", source: "HOLIDAY", code: "EASTER_MONDAY", name: null });
    expect(easterMonday.scheduled).toEqual([]);
    expect(easterMonday.removed.map((r) => [r.dayPartId, r.reason, r.source, r.removedByItemId])).toEqual([
      ["dp-am", "CLOSED", "CONTRACT", null],
      ["dp-pm", "CLOSED", "CONTRACT", null],
    ]);
    expect(isScheduled(s, "2025-04-21", "dp-am")).toBe(false);
  });

  it("marks a closed day also when the child has no care that day", () => {
    const s = run();
    expect(scheduleDay(s, "2025-04-26")!.closed).toMatchObject({ code: "KINGS_DAY" });
    expect(scheduleDay(s, "2025-04-27")!.closed).toBeNull();
    const noPlacement = run({ placements: [] });
    expect(scheduleDay(noPlacement, "2025-04-21")!.closed).toMatchObject({ code: "EASTER_MONDAY" });
  });

  it("an absence on a closed day removes nothing (the day was closed) but is listed", () => {
    const absence = item("2025-04-21", "dp-am", "ABSENCE", "REMOVE", "REGISTERED");
    const day = scheduleDay(run({ items: [absence] }), "2025-04-21")!;
    expect(day.removed.find((r) => r.dayPartId === "dp-am")).toMatchObject({ reason: "CLOSED", removedByItemId: null });
    expect(day.requests).toEqual([absence]);
  });

  it("approved and pending extra care on a closed day is not scheduled nor an option", () => {
    const approved = item("2025-04-26", "dp-am", "EXTRA_DAY", "ADD", "APPROVED");
    const pending = item("2025-04-26", "dp-pm", "EXTRA_DAY", "ADD", "PENDING");
    const day = scheduleDay(run({ items: [approved, pending] }), "2025-04-26")!;
    expect(day.scheduled).toEqual([]);
    expect(day.options).toEqual([]);
    expect(day.removed).toMatchObject([{ dayPartId: "dp-am", source: "EXTRA", reason: "CLOSED", itemId: approved.id }]);
    expect(day.requests).toEqual([approved, pending]);
  });

  it("an organisation's own closing day closes the location", () => {
    const own = closingLookup("2025-04-01", "2025-05-31", {
      organisationDays: [{ date: "2025-04-28", name: "Studiedag", locationId: null }],
      locationId: "loc",
      liberationDayEveryYears: 5,
    });
    const day = scheduleDay(run({ closing: own }), "2025-04-28")!;
    expect(day.closed).toEqual({ date: "2025-04-28", source: "ORGANISATION", code: null, name: "Studiedag" });
    expect(day.scheduled).toEqual([]);
  });

  it("a closure of only one group's location removes that group's care and leaves the other", () => {
    const byGroup = closingLookupByGroup("2025-04-01", "2025-05-31", {
      organisationDays: [{ date: "2025-04-28", name: "Studiedag KDV", locationId: "loc-kdv" }],
      liberationDayEveryYears: 5,
      locationOfGroup: new Map([
        [KDV, "loc-kdv"],
        [BSO, "loc-bso"],
      ]),
    });
    const bso = placement({ id: "p2", groupId: BSO, days: [{ weekday: 1, dayPartId: "dp-nso" }] });
    const day = scheduleDay(run({ placements: [placement(), bso], closing: byGroup }), "2025-04-28")!;
    expect(day.closed).toBeNull();
    expect(ids(day.scheduled)).toEqual(["dp-nso"]);
    expect(day.removed.map((r) => [r.dayPartId, r.reason])).toEqual([
      ["dp-am", "CLOSED"],
      ["dp-pm", "CLOSED"],
    ]);
  });

  it("calls the closing function with the date and the care's group", () => {
    const calls: [string, string | null | undefined][] = [];
    const spy: ClosingLookup = (date, groupId) => {
      calls.push([date, groupId]);
      return null;
    };
    run({ from: "2025-04-28", to: "2025-04-29", closing: spy });
    expect(calls).toContainEqual(["2025-04-28", KDV]);
    // Tuesday: no care, but the placement is active, so its group's calendar decides the marker.
    expect(calls).toContainEqual(["2025-04-29", KDV]);
    calls.length = 0;
    run({ from: "2025-04-29", to: "2025-04-29", closing: spy, placements: [] });
    expect(calls).toEqual([["2025-04-29", null]]);
  });
});

describe("scheduleForChild: requests (seed 002 §5.2–5.4)", () => {
  it("an APPROVED extra day adds care with the item's own times", () => {
    const extra = item("2025-04-29", "dp-am", "EXTRA_DAY", "ADD", "APPROVED", { startMinute: 450, endMinute: 780 });
    const s = run({ items: [extra] });
    expect(scheduledDayParts(s, "2025-04-29")).toEqual([
      {
        dayPartId: "dp-am",
        code: "MORNING",
        startMinute: 450,
        endMinute: 780,
        groupId: KDV,
        source: "EXTRA",
        placementId: null,
        itemId: extra.id,
        pendingRemovalItemId: null,
      },
    ]);
    expect(isScheduled(s, "2025-04-29", "dp-am")).toBe(true);
  });

  it("an extra day in another group is scheduled in that group", () => {
    const extra = item("2025-04-29", "dp-nso", "EXTRA_DAY", "ADD", "APPROVED");
    expect(scheduledDayParts(run({ items: [extra] }), "2025-04-29")).toMatchObject([{ groupId: BSO, code: "NSO" }]);
  });

  it("an approved ADD for a day part already scheduled by contract does not duplicate it", () => {
    const extra = item("2025-04-28", "dp-am", "EXTRA_DAY", "ADD", "APPROVED");
    const mon = scheduledDayParts(run({ items: [extra] }), "2025-04-28");
    expect(mon.filter((p) => p.dayPartId === "dp-am")).toMatchObject([{ source: "CONTRACT" }]);
  });

  it("a PENDING extra day is an option ('Optie extra'), not scheduled", () => {
    const pending = item("2025-04-29", "dp-pm", "EXTRA_DAY", "ADD", "PENDING");
    const s = run({ items: [pending] });
    const day = scheduleDay(s, "2025-04-29")!;
    expect(day.scheduled).toEqual([]);
    expect(day.options).toEqual([
      {
        dayPartId: "dp-pm",
        code: "AFTERNOON",
        startMinute: 780,
        endMinute: 1110,
        groupId: KDV,
        kind: "EXTRA_DAY",
        itemId: pending.id,
        requestId: pending.requestId,
      },
    ]);
    expect(isScheduled(s, "2025-04-29", "dp-pm")).toBe(false);
  });

  it("a REGISTERED absence removes the care", () => {
    const absence = item("2025-04-28", "dp-am", "ABSENCE", "REMOVE", "REGISTERED");
    const day = scheduleDay(run({ items: [absence] }), "2025-04-28")!;
    expect(ids(day.scheduled)).toEqual(["dp-pm"]);
    expect(day.removed).toEqual([
      {
        dayPartId: "dp-am",
        code: "MORNING",
        startMinute: 420,
        endMinute: 780,
        groupId: KDV,
        source: "CONTRACT",
        placementId: "p1",
        itemId: null,
        reason: "ABSENCE",
        removedByItemId: absence.id,
      },
    ]);
    expect(day.requests).toEqual([absence]);
  });

  it("an absence can remove approved extra care too", () => {
    const extra = item("2025-04-29", "dp-am", "EXTRA_DAY", "ADD", "APPROVED");
    const absence = item("2025-04-29", "dp-am", "ABSENCE", "REMOVE", "REGISTERED");
    const day = scheduleDay(run({ items: [absence, extra] }), "2025-04-29")!;
    expect(day.scheduled).toEqual([]);
    expect(day.removed).toMatchObject([{ source: "EXTRA", itemId: extra.id, reason: "ABSENCE", removedByItemId: absence.id }]);
  });

  it("an absence for a day part that is not scheduled removes nothing", () => {
    const absence = item("2025-04-29", "dp-am", "ABSENCE", "REMOVE", "REGISTERED");
    const day = scheduleDay(run({ items: [absence] }), "2025-04-29")!;
    expect(day.removed).toEqual([]);
    expect(day.requests).toEqual([absence]);
  });

  it("an APPROVED swap moves care: REMOVE swaps it away, ADD schedules the target as SWAP", () => {
    const away = item("2025-04-28", "dp-pm", "SWAP_DAY", "REMOVE", "APPROVED", { requestId: "swap" });
    const target = item("2025-05-02", "dp-am", "SWAP_DAY", "ADD", "APPROVED", { requestId: "swap" });
    const s = run({ items: [away, target] });
    expect(ids(scheduledDayParts(s, "2025-04-28"))).toEqual(["dp-am"]);
    expect(scheduleDay(s, "2025-04-28")!.removed).toMatchObject([
      { dayPartId: "dp-pm", reason: "SWAPPED_AWAY", removedByItemId: away.id },
    ]);
    expect(scheduledDayParts(s, "2025-05-02")).toMatchObject([{ dayPartId: "dp-am", source: "SWAP", itemId: target.id }]);
  });

  it("a PENDING swap keeps the care scheduled with a pending marker and shows the target as option", () => {
    const away = item("2025-04-28", "dp-pm", "SWAP_DAY", "REMOVE", "PENDING", { requestId: "swap" });
    const target = item("2025-05-02", "dp-am", "SWAP_DAY", "ADD", "PENDING", { requestId: "swap" });
    const s = run({ items: [away, target] });
    const mon = scheduledDayParts(s, "2025-04-28");
    expect(mon.map((p) => [p.dayPartId, p.pendingRemovalItemId])).toEqual([
      ["dp-am", null],
      ["dp-pm", away.id],
    ]);
    expect(isScheduled(s, "2025-04-28", "dp-pm")).toBe(true);
    const fri = scheduleDay(s, "2025-05-02")!;
    expect(fri.scheduled).toEqual([]);
    expect(fri.options).toMatchObject([{ dayPartId: "dp-am", kind: "SWAP_DAY", itemId: target.id, requestId: "swap" }]);
  });

  it.each(["CANCELLED", "REJECTED", "EXPIRED"] as const)("%s items have no effect but are listed", (status) => {
    const list = [
      item("2025-04-29", "dp-am", "EXTRA_DAY", "ADD", status),
      item("2025-04-28", "dp-am", "ABSENCE", "REMOVE", status),
      item("2025-04-28", "dp-pm", "SWAP_DAY", "REMOVE", status),
      item("2025-04-30", "dp-pm", "SWAP_DAY", "ADD", status),
    ];
    const withItems = run({ items: list });
    const without = run();
    for (const date of ["2025-04-28", "2025-04-29", "2025-04-30"]) {
      const a = scheduleDay(withItems, date)!;
      const b = scheduleDay(without, date)!;
      expect(a.scheduled).toEqual(b.scheduled);
      expect(a.removed).toEqual([]);
      expect(a.options).toEqual([]);
      expect(a.requests).toEqual(list.filter((i) => i.date === date));
    }
  });

  it("ignores meaningless combinations: absence ADD, REGISTERED extra", () => {
    const odd = [
      item("2025-04-29", "dp-am", "ABSENCE", "ADD", "REGISTERED"),
      item("2025-04-29", "dp-pm", "EXTRA_DAY", "ADD", "REGISTERED"),
    ];
    const day = scheduleDay(run({ items: odd }), "2025-04-29")!;
    expect(day.scheduled).toEqual([]);
    expect(day.options).toEqual([]);
    expect(day.requests).toHaveLength(2);
  });

  it("ignores items outside the range", () => {
    const s = run({ items: [item("2025-05-05", "dp-am", "EXTRA_DAY", "ADD", "APPROVED")] });
    expect(s.days.every((d) => d.requests.length === 0)).toBe(true);
  });
});

describe("lookups", () => {
  const s = run({ from: "2025-04-28", to: "2025-04-30" });

  it("scheduleDay finds a day by date and returns null outside the range", () => {
    expect(scheduleDay(s, "2025-04-29")!.date).toBe("2025-04-29");
    expect(scheduleDay(s, "2025-04-27")).toBeNull();
    expect(scheduleDay(s, "2025-05-01")).toBeNull();
  });

  it("isScheduled and scheduledDayParts", () => {
    expect(isScheduled(s, "2025-04-28", "dp-pm")).toBe(true);
    expect(isScheduled(s, "2025-04-29", "dp-pm")).toBe(false);
    expect(isScheduled(s, "2025-04-30", "dp-am")).toBe(true);
    expect(isScheduled(s, "2025-05-05", "dp-am")).toBe(false); // outside range
    expect(scheduledDayParts(s, "2025-01-01")).toEqual([]);
  });
});

describe("dayPartChoices (reeds gepland)", () => {
  it("lists the day parts of the child's groups, marking scheduled and pending ones", () => {
    const pending = item("2025-04-30", "dp-pm", "EXTRA_DAY", "ADD", "PENDING");
    const placements = [placement()];
    const s = run({ items: [pending], placements });
    const choices = dayPartChoices(s, "2025-04-30", placements, dayParts);
    expect(choices.map((c) => [c.dayPart.id, c.scheduled?.startMinute ?? null, c.pending?.itemId ?? null])).toEqual([
      ["dp-am", 420, null],
      ["dp-pm", null, pending.id],
    ]);
  });

  it("is empty on a closed day, outside the range and without a placement", () => {
    const placements = [placement({ endDate: "2025-04-29" })];
    const s = run({ placements });
    expect(dayPartChoices(s, "2025-04-21", placements, dayParts)).toEqual([]);
    expect(dayPartChoices(s, "2025-06-01", placements, dayParts)).toEqual([]);
    expect(dayPartChoices(s, "2025-04-30", placements, dayParts)).toEqual([]);
    expect(dayPartChoices(s, "2025-04-29", placements, dayParts)).toHaveLength(2);
  });
});

describe("scheduleForChildren", () => {
  it("equals scheduleForChild per child", () => {
    const placements = [placement(), placement({ id: "p2", childId: "c2", groupId: BSO, days: [{ weekday: 2, dayPartId: "dp-nso" }] })];
    const items = [
      item("2025-04-28", "dp-am", "ABSENCE", "REMOVE", "REGISTERED"),
      item("2025-04-29", "dp-vso", "EXTRA_DAY", "ADD", "APPROVED", { childId: "c2" }),
      item("2025-04-30", "dp-vso", "EXTRA_DAY", "ADD", "PENDING", { childId: "c3" }),
    ];
    const base = { from: "2025-04-21", to: "2025-05-04", placements, dayParts, items, closing };
    const all = scheduleForChildren({ ...base, childIds: ["c1", "c2", "c2"] });
    expect([...all.keys()]).toEqual(["c1", "c2"]);
    expect(all.get("c1")).toEqual(scheduleForChild({ ...base, childId: "c1" }));
    expect(all.get("c2")).toEqual(scheduleForChild({ ...base, childId: "c2" }));
    expect(ids(scheduledDayParts(all.get("c2")!, "2025-04-29"))).toEqual(["dp-vso", "dp-nso"]);
  });

  it("is fast enough for the agenda: 4 children × 8 weeks with many items", () => {
    const childIds = ["c1", "c2", "c3", "c4"];
    const placements = childIds.map((c, n) =>
      placement({
        id: `p-${c}`,
        childId: c,
        days: [1, 2, 3, 4, 5].flatMap((w) => [
          { weekday: w as 1 | 2 | 3 | 4 | 5, dayPartId: "dp-am" },
          ...(n % 2 ? [{ weekday: w as 1 | 2 | 3 | 4 | 5, dayPartId: "dp-pm" }] : []),
        ]),
      }),
    );
    const statuses: ItemStatus[] = ["PENDING", "APPROVED", "REJECTED", "CANCELLED", "EXPIRED", "REGISTERED"];
    const items: RequestItemDef[] = [];
    for (let k = 0; k < 4000; k++) {
      const date = addDays("2025-03-01", k % 120);
      const status = statuses[k % statuses.length]!;
      items.push(
        item(date, k % 2 ? "dp-pm" : "dp-nso", status === "REGISTERED" ? "ABSENCE" : "EXTRA_DAY", status === "REGISTERED" ? "REMOVE" : "ADD", status, {
          childId: childIds[k % 4]!,
        }),
      );
    }
    const input = { from: "2025-04-01", to: "2025-05-26", placements, dayParts, items, closing, childIds };
    scheduleForChildren(input); // warm up
    const t0 = performance.now();
    for (let r = 0; r < 20; r++) scheduleForChildren(input);
    const perCall = (performance.now() - t0) / 20;
    const result = scheduleForChildren(input);
    expect(result.size).toBe(4);
    expect(result.get("c1")!.days).toHaveLength(56);
    expect(perCall).toBeLessThan(50);
  });
});
