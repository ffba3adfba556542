// "Dag aanvragen" against a real PostgreSQL: the price is computed on the server, credits are spent
// whole or not at all, flex contracts spend flex hours, and every kind of bad input is refused with
// its own code while nothing is written. Double submits (sequential and concurrent) make one request;
// two requests racing for the last minutes of a credit: one wins.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitExtraDay, type RequestActor } from "@/lib/db/requests/extra-day";
import { requestOptions } from "@/lib/db/requests/options";
import { parseIsoDate } from "@/lib/format/date";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");
const d = parseIsoDate;

let orgId: string;
let parent: RequestActor;
let parent2: RequestActor;
let otherParent: RequestActor;
let noor: string; // FIXED, Dolfijnen (KDV), Mon + Tue full days, €10.45/h
let sem: string; // FIXED, Avonturiers (BSO), Mon NSO, €9.40/h
let lucas: string; // FLEX, Dolfijnen, 20 flex hours a year
let otherChild: string; // another family
const dp = { morning: "", afternoon: "", vso: "", nso: "" };
const credit = { big: "", small: "", expired: "", sem: "", other: "", holidays: "" };

async function makeParent(familyId: string, rank: number, email: string): Promise<RequestActor> {
  const user = await db.user.create({ data: { organisationId: orgId, email, name: email, role: "PARENT" } });
  await db.guardian.create({ data: { familyId, userId: user.id, rank } });
  return { id: user.id, role: "PARENT", organisationId: orgId, familyId };
}

async function makeCredit(childId: string, minutes: number, validFrom: string, validUntil: string, restriction: "NONE" | "HOLIDAYS_ONLY" = "NONE") {
  return (await db.credit.create({ data: { childId, kind: "GRANTED", minutes, validFrom: d(validFrom), validUntil: d(validUntil), restriction } })).id;
}

async function snapshot() {
  const [requests, items, used] = await Promise.all([
    db.request.count(),
    db.requestItem.count(),
    db.credit.aggregate({ _sum: { usedMinutes: true } }),
  ]);
  return { requests, items, used: used._sum.usedMinutes ?? 0 };
}

type Booking = {
  childId: string;
  date: string;
  dayPartId: string;
  payment: { method: "INVOICE" } | { method: "CREDIT"; creditId: string } | { method: "FLEX" };
  booking?: number;
};
const invoice = { method: "INVOICE" } as const;
const byCredit = (creditId: string) => ({ method: "CREDIT", creditId }) as const;
function input(bookings: Booking[], extra: Record<string, unknown> = {}) {
  return { bookings, assessAsWhole: false, idempotencyKey: randomUUID(), ...extra };
}

beforeAll(async () => {
  const org = await db.organisation.create({ data: { name: "Opvang", slug: "opvang-extra" } });
  orgId = org.id;
  await db.organisationPolicy.create({ data: { organisationId: orgId, bookingHorizonDays: 90, flexRequestMonthsAhead: 1 } });
  const location = await db.location.create({ data: { organisationId: orgId, name: "Centrum" } });
  const kdv = await db.group.create({
    data: {
      locationId: location.id, name: "Dolfijnen", type: "KDV",
      dayParts: { create: [{ code: "MORNING", startMinute: 420, endMinute: 780, capacity: 12, sortOrder: 1 }, { code: "AFTERNOON", startMinute: 780, endMinute: 1110, capacity: 12, sortOrder: 2 }] },
    },
    include: { dayParts: true },
  });
  const bso = await db.group.create({
    data: {
      locationId: location.id, name: "Avonturiers", type: "BSO",
      dayParts: { create: [{ code: "VSO", startMinute: 420, endMinute: 510, capacity: 20, sortOrder: 1 }, { code: "NSO", startMinute: 840, endMinute: 1110, capacity: 20, sortOrder: 2 }] },
    },
    include: { dayParts: true },
  });
  const part = (g: typeof kdv, c: string) => g.dayParts.find((x) => x.code === c)!.id;
  dp.morning = part(kdv, "MORNING");
  dp.afternoon = part(kdv, "AFTERNOON");
  dp.vso = part(bso, "VSO");
  dp.nso = part(bso, "NSO");

  const family = await db.family.create({ data: { organisationId: orgId, name: "De Boer" } });
  parent = await makeParent(family.id, 1, "laura@example.test");
  parent2 = await makeParent(family.id, 2, "thomas@example.test");
  const child = async (familyId: string, firstName: string) =>
    (await db.child.create({ data: { familyId, firstName, lastName: "Test", birthDate: d("2023-01-01") } })).id;
  noor = await child(family.id, "Noor");
  sem = await child(family.id, "Sem");
  lucas = await child(family.id, "Lucas");
  await db.placement.create({
    data: {
      childId: noor, groupId: kdv.id, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 1045,
      days: { create: [1, 2].flatMap((weekday) => [{ weekday, dayPartId: dp.morning }, { weekday, dayPartId: dp.afternoon }]) },
    },
  });
  await db.placement.create({
    data: { childId: sem, groupId: bso.id, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 940, days: { create: [{ weekday: 1, dayPartId: dp.nso }] } },
  });
  await db.placement.create({
    data: { childId: lucas, groupId: kdv.id, startDate: d("2026-01-01"), contractType: "FLEX", hourlyRateCents: 1095, flexMinutesPerYear: 20 * 60 },
  });

  const otherFamily = await db.family.create({ data: { organisationId: orgId, name: "Anders" } });
  otherParent = await makeParent(otherFamily.id, 1, "anders@example.test");
  otherChild = await child(otherFamily.id, "Ander");
  await db.placement.create({
    data: { childId: otherChild, groupId: kdv.id, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 1045, days: { create: [{ weekday: 3, dayPartId: dp.morning }] } },
  });

  credit.big = await makeCredit(noor, 400, "2026-11-01", "2027-01-31");
  credit.small = await makeCredit(noor, 180, "2026-11-01", "2027-01-31");
  credit.expired = await makeCredit(noor, 600, "2026-09-01", "2026-11-24");
  credit.holidays = await makeCredit(noor, 600, "2026-11-01", "2027-01-31", "HOLIDAYS_ONLY");
  credit.sem = await makeCredit(sem, 600, "2026-11-01", "2027-01-31");
  credit.other = await makeCredit(otherChild, 600, "2026-11-01", "2027-01-31");
});

describe("submitExtraDay", () => {
  it("stores one pending request with the price computed on the server and the credit spent", async () => {
    const before = await snapshot();
    const result = await submitExtraDay(
      parent,
      input(
        [
          // Wednesday 25 November: nobody is scheduled.
          { childId: noor, date: "2026-11-25", dayPartId: dp.morning, payment: invoice },
          { childId: noor, date: "2026-11-25", dayPartId: dp.afternoon, payment: byCredit(credit.big) },
          { childId: sem, date: "2026-11-25", dayPartId: dp.nso, payment: invoice },
        ],
        { assessAsWhole: true, expiresOn: "2026-11-24", comment: "  Congres in Amsterdam  " },
      ),
      NOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.duplicate).toBe(false);
    // 360 min × €10.45 = €62.70; 330 min × €10.45 = €57.475 → €57.48 (credit); 270 min × €9.40 = €42.30.
    expect(result.data.items.map((i) => [i.childId, i.dayPartId, i.payment, i.priceCents, i.creditId])).toEqual(
      expect.arrayContaining([
        [noor, dp.morning, "INVOICE", 6270, null],
        [noor, dp.afternoon, "CREDIT", 5748, credit.big],
        [sem, dp.nso, "INVOICE", 4230, null],
      ]),
    );
    expect(result.data.totals).toEqual({ minutes: 960, valueCents: 6270 + 5748 + 4230, invoicedCents: 6270 + 4230 });

    const stored = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId }, include: { items: true } });
    expect(stored).toMatchObject({ kind: "EXTRA_DAY", familyId: parent.familyId, createdById: parent.id, assessAsWhole: true, comment: "Congres in Amsterdam" });
    expect(stored.expiresOn).toEqual(d("2026-11-24"));
    expect(stored.periodStart).toEqual(d("2026-11-25"));
    expect(stored.periodEnd).toEqual(d("2026-11-25"));
    expect(stored.items.every((i) => i.status === "PENDING" && i.direction === "ADD")).toBe(true);
    expect(stored.items.find((i) => i.dayPartId === dp.afternoon)).toMatchObject({ startMinute: 780, endMinute: 1110 });
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.big } })).usedMinutes).toBe(330);
    expect(await snapshot()).toEqual({ requests: before.requests + 1, items: before.items + 3, used: before.used + 330 });
  });

  it("stores the booking each day part was added with, renumbered densely in the order sent (seed 002 §5.2)", async () => {
    // Wednesday 27 January 2027 for Noor and Sem in one "Toevoegen" (4), Thursday–Friday as a period (7).
    const result = await submitExtraDay(
      parent,
      input([
        { childId: noor, date: "2027-01-28", dayPartId: dp.morning, payment: invoice, booking: 7 },
        { childId: noor, date: "2027-01-27", dayPartId: dp.morning, payment: invoice, booking: 4 },
        { childId: sem, date: "2027-01-27", dayPartId: dp.nso, payment: invoice, booking: 4 },
        { childId: noor, date: "2027-01-29", dayPartId: dp.morning, payment: invoice, booking: 7 },
      ]),
      NOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await db.requestItem.findMany({ where: { requestId: result.data.requestId }, orderBy: [{ date: "asc" }, { childId: "asc" }] });
    expect(stored.map((i) => [i.childId === noor ? "noor" : "sem", i.date.toISOString().slice(0, 10), i.booking]).sort()).toEqual(
      [
        ["noor", "2027-01-27", 0],
        ["sem", "2027-01-27", 0],
        ["noor", "2027-01-28", 1],
        ["noor", "2027-01-29", 1],
      ].sort(),
    );
    expect(result.data.items.map((i) => [i.date, i.booking]).sort()).toEqual(stored.map((i) => [i.date.toISOString().slice(0, 10), i.booking]).sort());

    // Without numbers (an older client) the whole request is one booking.
    const plain = await submitExtraDay(parent, input([{ childId: noor, date: "2027-02-03", dayPartId: dp.morning, payment: invoice }]), NOW);
    expect(plain.ok && plain.data.items.map((i) => i.booking)).toEqual([0]);

    // A malformed number is refused before anything is written.
    const before = await snapshot();
    const bad = await submitExtraDay(
      parent,
      input([{ childId: noor, date: "2027-02-04", dayPartId: dp.morning, payment: invoice, booking: -1 }]),
      NOW,
    );
    expect(bad).toMatchObject({ ok: false, code: "errors.validation", fieldErrors: { "bookings.0.booking": ["errors.validation"] } });
    expect(await snapshot()).toEqual(before);
  });

  it("ignores a price sent by the client", async () => {
    const result = await submitExtraDay(
      parent,
      input([{ childId: noor, date: "2026-11-26", dayPartId: dp.morning, payment: invoice, priceCents: 1 } as Booking]),
      NOW,
    );
    expect(result.ok && result.data.items[0]!.priceCents).toBe(6270);
  });

  it("spends flex hours for a flex contract, with the month-ahead rule and the yearly pot", async () => {
    // January 2027 may still be requested until 30 November 2026; the pot is 20 h (1200 min).
    const ok = await submitExtraDay(
      parent,
      input(["2027-01-05", "2027-01-06", "2027-01-07"].map((date) => ({ childId: lucas, date, dayPartId: dp.morning, payment: invoice }))),
      NOW,
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.data.items.map((i) => [i.payment, i.priceCents])).toEqual([["FLEX", null], ["FLEX", null], ["FLEX", null]]);

    const before = await snapshot();
    // 3 × 360 min used, 120 min left: a fourth morning does not fit.
    const empty = await submitExtraDay(parent, input([{ childId: lucas, date: "2027-01-08", dayPartId: dp.morning, payment: { method: "FLEX" } }]), NOW);
    expect(empty).toMatchObject({ ok: false, code: "ExtraDay.errors.flexInsufficient", fieldErrors: { "bookings.0": ["ExtraDay.errors.flexInsufficient"] } });
    // December 2026 had to be requested before 1 November.
    const late = await submitExtraDay(parent, input([{ childId: lucas, date: "2026-12-02", dayPartId: dp.morning, payment: invoice }]), NOW);
    expect(late).toMatchObject({ ok: false, code: "ExtraDay.errors.flexTooLate" });
    const withCredit = await submitExtraDay(parent, input([{ childId: lucas, date: "2027-01-12", dayPartId: dp.morning, payment: byCredit(credit.big) }]), NOW);
    expect(withCredit).toMatchObject({ ok: false, code: "ExtraDay.errors.paymentNotAllowed" });
    expect(await snapshot()).toEqual(before);
  });

  const WED = "2026-12-02";
  const bad: [string, () => Booking[], string, Record<string, unknown>?][] = [
    ["another family's child", () => [{ childId: otherChild, date: WED, dayPartId: dp.morning, payment: invoice }], "ExtraDay.errors.childNotFound"],
    ["a day part of a group the child is not placed in", () => [{ childId: noor, date: WED, dayPartId: dp.nso, payment: invoice }], "ExtraDay.errors.dayPartNotAvailable"],
    ["an unknown day part id", () => [{ childId: noor, date: WED, dayPartId: randomUUID(), payment: invoice }], "ExtraDay.errors.dayPartNotAvailable"],
    ["a past date", () => [{ childId: noor, date: "2026-11-18", dayPartId: dp.morning, payment: invoice }], "ExtraDay.errors.past"],
    ["today", () => [{ childId: noor, date: "2026-11-23", dayPartId: dp.morning, payment: invoice }], "ExtraDay.errors.today"],
    ["a closed day (Eerste Kerstdag)", () => [{ childId: noor, date: "2026-12-25", dayPartId: dp.morning, payment: invoice }], "ExtraDay.errors.closed"],
    ["a date beyond the horizon", () => [{ childId: noor, date: "2027-02-24", dayPartId: dp.morning, payment: invoice }], "ExtraDay.errors.tooFar"],
    ["an already scheduled day part", () => [{ childId: noor, date: "2026-11-24", dayPartId: dp.morning, payment: invoice }], "ExtraDay.errors.alreadyScheduled"],
    ["a day part already requested", () => [{ childId: noor, date: "2026-11-25", dayPartId: dp.morning, payment: invoice }], "ExtraDay.errors.alreadyRequested"],
    ["a credit of another child", () => [{ childId: noor, date: WED, dayPartId: dp.morning, payment: byCredit(credit.sem) }], "ExtraDay.errors.creditOtherChild"],
    ["a credit of another family", () => [{ childId: noor, date: WED, dayPartId: dp.morning, payment: byCredit(credit.other) }], "ExtraDay.errors.creditNotFound"],
    ["a credit too small for the day part (no mixing)", () => [{ childId: noor, date: WED, dayPartId: dp.morning, payment: byCredit(credit.small) }], "ExtraDay.errors.creditInsufficient"],
    ["an expired credit", () => [{ childId: noor, date: WED, dayPartId: dp.afternoon, payment: byCredit(credit.expired) }], "ExtraDay.errors.creditNotValidOnDate"],
    ["a holidays-only credit outside school holidays (the organisation has none)", () => [{ childId: noor, date: WED, dayPartId: dp.afternoon, payment: byCredit(credit.holidays) }], "ExtraDay.errors.creditRestricted"],
    [
      "one credit for two day parts it cannot both pay",
      () => [
        { childId: noor, date: "2026-12-09", dayPartId: dp.morning, payment: invoice },
        { childId: noor, date: "2026-12-09", dayPartId: dp.afternoon, payment: byCredit(credit.small) },
      ],
      "ExtraDay.errors.creditInsufficient",
    ],
    ["a flex payment on a fixed contract", () => [{ childId: noor, date: WED, dayPartId: dp.morning, payment: { method: "FLEX" } }], "ExtraDay.errors.paymentNotAllowed"],
    [
      "assess as a whole with two dates",
      () => [
        { childId: noor, date: WED, dayPartId: dp.morning, payment: invoice },
        { childId: noor, date: "2026-12-09", dayPartId: dp.morning, payment: invoice },
      ],
      "ExtraDay.validation.assessAsWholeSingleDate",
      { assessAsWhole: true },
    ],
    [
      "the same booking twice",
      () => [
        { childId: noor, date: WED, dayPartId: dp.morning, payment: invoice },
        { childId: noor, date: WED, dayPartId: dp.morning, payment: invoice },
      ],
      "ExtraDay.validation.duplicateBooking",
    ],
    ["an expiry date that is not after today", () => [{ childId: noor, date: WED, dayPartId: dp.morning, payment: invoice }], "ExtraDay.errors.expiresNotAfterToday", { expiresOn: "2026-11-23" }],
    ["an expiry date after the first date", () => [{ childId: noor, date: WED, dayPartId: dp.morning, payment: invoice }], "ExtraDay.validation.expiresAfterFirstDate", { expiresOn: "2026-12-03" }],
    ["a malformed date", () => [{ childId: noor, date: "2026-02-30", dayPartId: dp.morning, payment: invoice }], "ExtraDay.validation.dateInvalid"],
  ];

  it.each(bad)("refuses %s, and writes nothing", async (_name, bookings, code, extra) => {
    const before = await snapshot();
    const result = await submitExtraDay(parent, input(bookings(), extra), NOW);
    expect(result).toMatchObject({ ok: false, code });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses staff and parents without a family", async () => {
    const bookings = [{ childId: noor, date: WED, dayPartId: dp.morning, payment: invoice }];
    expect(await submitExtraDay({ ...parent, role: "STAFF" }, input(bookings), NOW)).toEqual({ ok: false, code: "errors.forbidden" });
    expect(await submitExtraDay({ ...parent, familyId: null }, input(bookings), NOW)).toEqual({ ok: false, code: "errors.forbidden" });
    // A tampered family id of the session (another organisation's user) finds no family.
    expect(await submitExtraDay({ ...otherParent, organisationId: randomUUID() }, input(bookings), NOW)).toEqual({ ok: false, code: "errors.forbidden" });
  });

  it("returns the first request on a sequential double submit", async () => {
    const before = await snapshot();
    const payload = input([{ childId: noor, date: "2026-12-16", dayPartId: dp.morning, payment: invoice }]);
    const first = await submitExtraDay(parent, payload, NOW);
    const second = await submitExtraDay(parent, payload, NOW);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data).toEqual({ ...first.data, duplicate: true });
    expect(await snapshot()).toEqual({ ...before, requests: before.requests + 1, items: before.items + 1 });
  });

  it("makes exactly one request from a concurrent double (quintuple) submit", async () => {
    const before = await snapshot();
    const payload = input([{ childId: noor, date: "2026-12-23", dayPartId: dp.morning, payment: invoice }]);
    const results = await Promise.all(Array.from({ length: 5 }, () => submitExtraDay(parent, payload, NOW)));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => r.ok && r.data.requestId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1);
    expect(await db.request.count({ where: { idempotencyKey: payload.idempotencyKey } })).toBe(1);
    expect(await snapshot()).toEqual({ ...before, requests: before.requests + 1, items: before.items + 1 });
  });

  it("lets only one of two concurrent requests spend the last minutes of a credit", async () => {
    const last = await makeCredit(noor, 360, "2026-11-01", "2027-01-31");
    const before = await snapshot();
    const [a, b] = await Promise.all([
      submitExtraDay(parent, input([{ childId: noor, date: "2027-01-06", dayPartId: dp.morning, payment: byCredit(last) }]), NOW),
      submitExtraDay(parent2, input([{ childId: noor, date: "2027-01-13", dayPartId: dp.morning, payment: byCredit(last) }]), NOW),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "ExtraDay.errors.creditInsufficient" });
    expect((await db.credit.findUniqueOrThrow({ where: { id: last } })).usedMinutes).toBe(360);
    expect(await db.requestItem.count({ where: { creditId: last } })).toBe(1);
    expect(await snapshot()).toEqual({ requests: before.requests + 1, items: before.items + 1, used: before.used + 360 });
  });

  it("lets only one of two concurrent requests (two guardians) take the same day part", async () => {
    const before = await snapshot();
    const [a, b] = await Promise.all([
      submitExtraDay(parent, input([{ childId: noor, date: "2027-01-20", dayPartId: dp.afternoon, payment: invoice }]), NOW),
      submitExtraDay(parent2, input([{ childId: noor, date: "2027-01-20", dayPartId: dp.afternoon, payment: invoice }]), NOW),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "ExtraDay.errors.alreadyRequested" });
    expect(await snapshot()).toEqual({ ...before, requests: before.requests + 1, items: before.items + 1 });
  });
});

describe("requestOptions", () => {
  it("offers per child and date the day parts, marked when scheduled, with price and usable credits only", async () => {
    const exact = await makeCredit(noor, 330, "2026-11-01", "2027-01-31");
    const options = await requestOptions(parent, { from: "2026-11-23", to: "2026-12-31" }, NOW);
    expect(options.window).toEqual({ today: "2026-11-23", firstDate: "2026-11-24", lastDate: "2027-02-21" });
    expect(options.children.map((c) => c.id).sort()).toEqual([noor, sem, lucas].sort());
    const noorOptions = options.children.find((c) => c.id === noor)!;

    const today = noorOptions.days.find((x) => x.date === "2026-11-23")!;
    expect(today.blocked).toBe("TODAY");
    const tuesday = noorOptions.days.find((x) => x.date === "2026-11-24")!;
    expect(tuesday.dayParts.map((p) => [p.code, p.alreadyScheduled])).toEqual([
      ["MORNING", { startMinute: 420, endMinute: 780 }],
      ["AFTERNOON", { startMinute: 780, endMinute: 1110 }],
    ]);
    const wednesday = noorOptions.days.find((x) => x.date === "2026-12-02")!;
    expect(wednesday.blocked).toBeNull();
    const morning = wednesday.dayParts.find((p) => p.code === "MORNING")!;
    expect(morning).toMatchObject({ alreadyScheduled: null, payment: "INVOICE", priceCents: 6270, minutes: 360 });
    // No mixing: the 180-minute credit is not offered; the holidays-only and the expired one neither.
    expect(morning.credits.map((c) => c.id)).not.toContain(credit.small);
    expect(morning.credits.map((c) => c.id)).not.toContain(credit.holidays);
    expect(morning.credits.map((c) => c.id)).not.toContain(credit.sem);
    const afternoon = wednesday.dayParts.find((p) => p.code === "AFTERNOON")!;
    expect(afternoon.priceCents).toBe(5748);
    expect(afternoon.credits.map((c) => c.id)).not.toContain(credit.expired);
    expect(afternoon.credits.map((c) => c.id)).toContain(exact);
    // Exactly the afternoon's 330 minutes: enough for the afternoon, not for the 360-minute morning.
    expect(morning.credits.map((c) => c.id)).not.toContain(exact);

    const christmas = noorOptions.days.find((x) => x.date === "2026-12-25")!;
    expect(christmas).toMatchObject({ blocked: "CLOSED", closed: { source: "HOLIDAY", code: "CHRISTMAS_DAY" } });

    const lucasOptions = options.children.find((c) => c.id === lucas)!;
    expect(lucasOptions.flex).toMatchObject({ contract: true, monthsAhead: 1 });
    const flexDay = lucasOptions.days.find((x) => x.date === "2026-12-02")!;
    expect(flexDay.flex).toEqual({ deadline: "2026-10-31", inTime: false });
    expect(flexDay.dayParts[0]).toMatchObject({ payment: "FLEX", priceCents: null, credits: [] });
  });

  it("neither offers nor accepts a day part the child is reported absent for", async () => {
    // Monday 21 December: Noor's contract morning, reported absent.
    const absence = await db.request.create({
      data: {
        familyId: parent.familyId!, kind: "ABSENCE", createdById: parent.id, idempotencyKey: randomUUID(),
        periodStart: d("2026-12-21"), periodEnd: d("2026-12-21"), absenceReason: "SICK",
        items: { create: [{ childId: noor, groupId: (await db.dayPart.findUniqueOrThrow({ where: { id: dp.morning } })).groupId, dayPartId: dp.morning, date: d("2026-12-21"), direction: "REMOVE", startMinute: 420, endMinute: 780, status: "REGISTERED" }] },
      },
    });
    const options = await requestOptions(parent, { from: "2026-12-21", to: "2026-12-21" }, NOW);
    const morning = options.children.find((c) => c.id === noor)!.days[0]!.dayParts.find((p) => p.dayPartId === dp.morning)!;
    expect(morning).toMatchObject({ absent: true, alreadyScheduled: null, credits: [] });
    const before = await snapshot();
    const result = await submitExtraDay(parent, input([{ childId: noor, date: "2026-12-21", dayPartId: dp.morning, payment: invoice }]), NOW);
    expect(result).toMatchObject({ ok: false, code: "ExtraDay.errors.alreadyAbsent" });
    expect(await snapshot()).toEqual(before);
    await db.request.delete({ where: { id: absence.id } });
  });

  it("marks the day parts of a closed location for a child placed at two locations, and refuses them", async () => {
    const north = await db.location.create({ data: { organisationId: orgId, name: "Noord" } });
    const group = await db.group.create({
      data: { locationId: north.id, name: "Zeesterren", type: "KDV", dayParts: { create: [{ code: "MORNING", startMinute: 450, endMinute: 780, capacity: 8, sortOrder: 1 }] } },
      include: { dayParts: true },
    });
    const family = await db.family.create({ data: { organisationId: orgId, name: "Twee Locaties" } });
    const twoParent = await makeParent(family.id, 1, "twee@example.test");
    const kid = (await db.child.create({ data: { familyId: family.id, firstName: "Mila", lastName: "Test", birthDate: d("2023-01-01") } })).id;
    const kdvGroupId = (await db.dayPart.findUniqueOrThrow({ where: { id: dp.morning } })).groupId;
    await db.placement.create({ data: { childId: kid, groupId: kdvGroupId, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 1045 } });
    await db.placement.create({ data: { childId: kid, groupId: group.id, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 1045 } });
    // Friday 18 December: Noord is closed (studiedag), Centrum is open.
    await db.closingDay.create({ data: { organisationId: orgId, locationId: north.id, date: d("2026-12-18"), name: "Studiedag" } });

    const options = await requestOptions(twoParent, { from: "2026-12-18", to: "2026-12-18" }, NOW);
    const day = options.children[0]!.days[0]!;
    expect(day.blocked).toBeNull();
    const north0 = day.dayParts.find((p) => p.dayPartId === group.dayParts[0]!.id)!;
    const centre = day.dayParts.find((p) => p.dayPartId === dp.morning)!;
    expect(north0).toMatchObject({ closed: true, credits: [] });
    expect(centre).toMatchObject({ closed: false });
    const refused = await submitExtraDay(twoParent, input([{ childId: kid, date: "2026-12-18", dayPartId: group.dayParts[0]!.id, payment: invoice }]), NOW);
    expect(refused).toMatchObject({ ok: false, code: "ExtraDay.errors.closed" });
    const accepted = await submitExtraDay(twoParent, input([{ childId: kid, date: "2026-12-18", dayPartId: dp.morning, payment: invoice }]), NOW);
    expect(accepted.ok).toBe(true);
  });

  it("shows nothing of another family and refuses staff", async () => {
    const options = await requestOptions(otherParent, { from: "2026-11-24", to: "2026-11-30" }, NOW);
    expect(options.children.map((c) => c.id)).toEqual([otherChild]);
    await expect(requestOptions({ ...parent, role: "STAFF" }, { from: "2026-11-24", to: "2026-11-30" }, NOW)).rejects.toThrow();
  });
});
