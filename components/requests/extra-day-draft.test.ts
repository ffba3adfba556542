import { describe, expect, it } from "vitest";
import type { ChildOptions, CreditOption, DayOptions, DayPartOption } from "@/lib/db/requests/options";
import { addBookings, bookingsFor, creditOverspent, creditUse, dayPartChoices, draftTotals, flexUse, mergeChildDays, numberBookings } from "./extra-day-draft";

const MORNING = "00000000-0000-4000-8000-00000000000a";
const AFTERNOON = "00000000-0000-4000-8000-00000000000b";
const CREDIT = "00000000-0000-4000-8000-0000000000c1";

const credit = (remainingMinutes: number): CreditOption => ({ id: CREDIT, kind: "MAKE_UP", remainingMinutes, validUntil: "2027-03-31", restriction: "NONE" });

function part(dayPartId: string, over: Partial<DayPartOption> = {}): DayPartOption {
  const morning = dayPartId === MORNING;
  return {
    dayPartId,
    groupId: "g",
    groupName: "Dolfijnen",
    code: morning ? "MORNING" : "AFTERNOON",
    startMinute: morning ? 420 : 780,
    endMinute: morning ? 780 : 1110,
    minutes: morning ? 360 : 330,
    alreadyScheduled: null,
    pending: false,
    absent: false,
    closed: false,
    payment: "INVOICE",
    priceCents: morning ? 5400 : 4950,
    credits: [],
    ...over,
  };
}

function day(date: string, parts: DayPartOption[], over: Partial<DayOptions> = {}): DayOptions {
  return { date, blocked: null, closed: null, flex: null, dayParts: parts, scheduled: [], ...over };
}

const child = (days: DayOptions[]): ChildOptions => ({ id: "child-1", firstName: "Noor", lastName: "de Boer", flex: null, days });

describe("dayPartChoices", () => {
  it("offers the free day parts of one date with their price and marks the scheduled ones", () => {
    const c = child([day("2026-12-09", [part(MORNING, { alreadyScheduled: { startMinute: 420, endMinute: 780 } }), part(AFTERNOON)])]);
    const [morning, afternoon] = dayPartChoices(c, ["2026-12-09"], []);
    expect(morning).toMatchObject({ code: "MORNING", dates: [], scheduled: [{ date: "2026-12-09", startMinute: 420, endMinute: 780 }] });
    expect(afternoon).toMatchObject({ code: "AFTERNOON", dates: ["2026-12-09"], priceCents: 4950, scheduled: [] });
  });

  it("counts a period per date: scheduled, closed and pending dates are left out", () => {
    const c = child([
      day("2026-12-07", [part(MORNING, { alreadyScheduled: { startMinute: 420, endMinute: 780 } })]),
      day("2026-12-08", [part(MORNING)], { blocked: "CLOSED" }),
      day("2026-12-09", [part(MORNING, { pending: true })]),
      day("2026-12-10", [part(MORNING)]),
      day("2026-12-11", [part(MORNING)]),
      day("2026-12-14", [part(MORNING, { absent: true })]),
      day("2026-12-15", [part(MORNING, { closed: true })]),
    ]);
    const [morning] = dayPartChoices(c, ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15"], []);
    expect(morning!.dates).toEqual(["2026-12-10", "2026-12-11"]);
    expect(morning!.scheduled.map((s) => s.date)).toEqual(["2026-12-07"]);
    expect(morning!.unavailable).toEqual(["2026-12-08", "2026-12-09", "2026-12-14", "2026-12-15"]);
    expect(morning!.absent).toEqual(["2026-12-14"]);
    expect(morning!.closed).toEqual(["2026-12-15"]);
  });

  it("offers a credit only when it covers the day part on every date of the pick, after what the draft spends", () => {
    const days = [day("2026-12-09", [part(MORNING, { credits: [credit(720)] })]), day("2026-12-10", [part(MORNING, { credits: [credit(720)] })])];
    expect(dayPartChoices(child(days), ["2026-12-09", "2026-12-10"], [])[0]!.credits.map((c) => c.id)).toEqual([CREDIT]);
    // 720 minutes pay two mornings of 360, not three.
    const three = [...days, day("2026-12-11", [part(MORNING, { credits: [credit(720)] })])];
    expect(dayPartChoices(child(three), ["2026-12-09", "2026-12-10", "2026-12-11"], [])[0]!.credits).toEqual([]);
    // Not valid on one of the dates (the option lists no credit there): not offered for the period.
    const gap = [days[0]!, day("2026-12-10", [part(MORNING)])];
    expect(dayPartChoices(child(gap), ["2026-12-09", "2026-12-10"], [])[0]!.credits).toEqual([]);
    // The draft already spends 360 of it: one more morning fits, two do not.
    const c = child(days);
    const drafted = bookingsFor(c, dayPartChoices(c, ["2026-12-09"], [])[0]!, { method: "CREDIT", creditId: CREDIT });
    const left = dayPartChoices(c, ["2026-12-10"], drafted)[0]!;
    expect(left.credits).toEqual([{ ...credit(720), remainingMinutes: 360 }]);
    expect(dayPartChoices(c, ["2026-12-09", "2026-12-10"], drafted)[0]!.dates).toEqual(["2026-12-10"]);
  });

  it("does not offer flex care past the month-ahead deadline", () => {
    const c = child([day("2026-12-09", [part(MORNING, { payment: "FLEX", priceCents: null })], { flex: { deadline: "2026-11-09", inTime: false } })]);
    const [morning] = dayPartChoices(c, ["2026-12-09"], []);
    expect(morning).toMatchObject({ dates: [], unavailable: ["2026-12-09"], payment: "FLEX" });
  });
});

describe("the draft", () => {
  it("adds bookings once, sorted, and totals what is invoiced", () => {
    const c = child([day("2026-12-10", [part(MORNING), part(AFTERNOON)]), day("2026-12-09", [part(MORNING)])]);
    const [morning, afternoon] = dayPartChoices(c, ["2026-12-09", "2026-12-10"], []);
    let draft = addBookings([], bookingsFor(c, afternoon!, { method: "INVOICE" }));
    draft = addBookings(draft, bookingsFor(c, morning!, { method: "CREDIT", creditId: CREDIT }));
    draft = addBookings(draft, bookingsFor(c, afternoon!, { method: "INVOICE" }));
    expect(draft.map((b) => `${b.date} ${b.code}`)).toEqual(["2026-12-09 MORNING", "2026-12-10 MORNING", "2026-12-10 AFTERNOON"]);
    expect(draftTotals(draft)).toEqual({ minutes: 360 * 2 + 330, invoicedCents: 4950, dates: ["2026-12-09", "2026-12-10"] });
    expect(creditUse(draft).get(CREDIT)).toBe(720);
    expect(flexUse(draft).size).toBe(0);
    const flex = [...draft.slice(0, 1), { ...draft[0]!, key: "x", date: "2027-01-04" }].map((b) => ({ ...b, payment: { method: "FLEX" as const } }));
    expect(Object.fromEntries(flexUse(flex))).toEqual({ "child-1|2026": 360, "child-1|2027": 360 });
  });
});

describe("booking numbers (one per “Toevoegen”, seed 002 §5.2)", () => {
  const c = child([
    day("2026-12-04", [part(MORNING), part(AFTERNOON)]),
    day("2026-12-07", [part(MORNING)]),
    day("2026-12-08", [part(MORNING)]),
    day("2026-12-11", [part(MORNING)]),
  ]);
  const invoice = { method: "INVOICE" } as const;

  it("gives every row of one add the same booking number (default 0), a period included", () => {
    const [morning] = dayPartChoices(c, ["2026-12-07", "2026-12-08"], []);
    expect(bookingsFor(c, morning!, invoice).map((b) => b.booking)).toEqual([0, 0]);
    expect(bookingsFor(c, morning!, invoice, 3).map((b) => [b.date, b.booking])).toEqual([
      ["2026-12-07", 3],
      ["2026-12-08", 3],
    ]);
  });

  it("keeps each add's number through sorting and renumbers densely in date order, also after removals", () => {
    // Add 0: Friday 11 December; add 1: the period 7–8 December; add 2: Friday 4 December, two day parts.
    let draft = addBookings([], bookingsFor(c, dayPartChoices(c, ["2026-12-11"], [])[0]!, invoice, 0));
    draft = addBookings(draft, bookingsFor(c, dayPartChoices(c, ["2026-12-07", "2026-12-08"], draft)[0]!, invoice, 1));
    const [friMorning, friAfternoon] = dayPartChoices(c, ["2026-12-04"], draft);
    draft = addBookings(draft, [...bookingsFor(c, friMorning!, invoice, 2), ...bookingsFor(c, friAfternoon!, invoice, 2)]);
    expect(draft.map((b) => [b.date, b.code, b.booking])).toEqual([
      ["2026-12-04", "MORNING", 2],
      ["2026-12-04", "AFTERNOON", 2],
      ["2026-12-07", "MORNING", 1],
      ["2026-12-08", "MORNING", 1],
      ["2026-12-11", "MORNING", 0],
    ]);
    expect(numberBookings(draft).map((b) => b.booking)).toEqual([0, 0, 1, 1, 2]);
    // Both rows of the period removed: no gap is left.
    const removed = draft.filter((b) => b.booking !== 1);
    expect(numberBookings(removed).map((b) => [b.date, b.booking])).toEqual([
      ["2026-12-04", 0],
      ["2026-12-04", 0],
      ["2026-12-11", 1],
    ]);
    // Nothing else changes, and the draft itself is left alone.
    const withoutNumber = (b: (typeof draft)[number]) => ({ ...b, booking: null });
    expect(numberBookings(draft).map(withoutNumber)).toEqual(draft.map(withoutNumber));
    expect(draft[0]!.booking).toBe(2);
    expect(numberBookings([])).toEqual([]);
  });
});

describe("mergeChildDays", () => {
  it("keeps the days of earlier months and lets the newest load win per date", () => {
    const december = child([day("2026-12-30", [part(MORNING)]), day("2026-12-31", [part(MORNING)])]);
    const january = child([day("2026-12-31", [part(MORNING, { pending: true })]), day("2027-01-04", [part(MORNING)])]);
    const [merged] = mergeChildDays(mergeChildDays([], [december]), [january]);
    expect(merged!.days.map((d) => d.date)).toEqual(["2026-12-30", "2026-12-31", "2027-01-04"]);
    expect(merged!.days[1]!.dayParts[0]!.pending).toBe(true);
    // A period over the turn of the year offers the morning on the free dates of both months.
    expect(dayPartChoices(merged!, ["2026-12-30", "2026-12-31", "2027-01-04"], [])[0]!.dates).toEqual(["2026-12-30", "2027-01-04"]);
  });
});

describe("creditOverspent", () => {
  it("refuses one credit for two day parts that it covers only one at a time", () => {
    const c = child([day("2026-12-09", [part(MORNING, { credits: [credit(600)] }), part(AFTERNOON, { credits: [credit(600)] })])]);
    const [morning, afternoon] = dayPartChoices(c, ["2026-12-09"], []);
    const pay = { method: "CREDIT" as const, creditId: CREDIT };
    const both = [...bookingsFor(c, morning!, pay), ...bookingsFor(c, afternoon!, pay)];
    expect(creditOverspent(both, morning!.credits)).toBe(true); // 360 + 330 > 600
    expect(creditOverspent(bookingsFor(c, morning!, pay), morning!.credits)).toBe(false);
    expect(creditOverspent(bookingsFor(c, morning!, { method: "INVOICE" }), [])).toBe(false);
  });
});
