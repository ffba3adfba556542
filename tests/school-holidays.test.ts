// School holidays against a real PostgreSQL: a HOLIDAYS_ONLY credit is offered by the "Dag aanvragen"
// form and accepted on submit only in a school holiday of the location of the booked group, a
// SCHOOL_WEEKS_ONLY credit only outside them (seed 002 §5.2). A location with periods of its own (a
// location in another region) uses only those, also when none of them lies in the range asked for.
// And the demo: Sem's holidays-only credit can pay an NSO in the kerstvakantie.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadFamilyCalendarData } from "@/lib/db/calendar-data";
import { submitExtraDay } from "@/lib/db/requests/extra-day";
import { requestOptions, type RequestOptions } from "@/lib/db/requests/options";
import { parseIsoDate } from "@/lib/format/date";
import { seedDemoData } from "../scripts/seed/demo";
import { createRequestsWorld, type RequestsWorld } from "./requests-fixtures";

// Monday 23 November 2026, 10:00 in Amsterdam; requestable up to 21 February 2027.
const NOW = new Date("2026-11-23T09:00:00Z");
const d = parseIsoDate;

// The organisation's periods (region midden) and those of location Zuid (its own calendar).
// Wednesdays used below: 9 Dec school week everywhere; 23 and 30 Dec kerstvakantie everywhere;
// 10 Feb the last day of zuid's carnavalsvakantie (a school week in midden), 11 Feb a school week
// everywhere; 17 Feb midden's voorjaarsvakantie (a school week in zuid).
const ORGANISATION_PERIODS = [
  { name: "Kerstvakantie", startDate: "2026-12-19", endDate: "2027-01-03" },
  { name: "Voorjaarsvakantie", startDate: "2027-02-13", endDate: "2027-02-21" },
];
const ZUID_PERIODS = [
  { name: "Kerstvakantie", startDate: "2026-12-19", endDate: "2027-01-03" },
  { name: "Carnavalsvakantie", startDate: "2027-02-06", endDate: "2027-02-10" },
];

let w: RequestsWorld;
let zuidGroupId: string;
let zuidNsoId: string;
const credit = { noorHolidays: "", noorSchoolWeeks: "", semHolidays: "", semSchoolWeeks: "" };

async function makeCredit(childId: string, restriction: "HOLIDAYS_ONLY" | "SCHOOL_WEEKS_ONLY") {
  const row = await db.credit.create({
    data: { childId, kind: "GRANTED", minutes: 6000, validFrom: d("2026-11-01"), validUntil: d("2027-03-31"), restriction },
  });
  return row.id;
}

async function snapshot() {
  const [requests, items, used] = await Promise.all([
    db.request.count(),
    db.requestItem.count(),
    db.credit.aggregate({ _sum: { usedMinutes: true } }),
  ]);
  return { requests, items, used: used._sum.usedMinutes ?? 0 };
}

function book(childId: string, date: string, dayPartId: string, creditId: string) {
  return submitExtraDay(
    w.parent,
    { bookings: [{ childId, date, dayPartId, payment: { method: "CREDIT", creditId } }], assessAsWhole: false, idempotencyKey: randomUUID() },
    NOW,
  );
}

/** The ids of the credits offered for one child, date and day part. */
function offered(options: RequestOptions, childId: string, date: string, dayPartId: string): string[] {
  const day = options.children.find((c) => c.id === childId)!.days.find((x) => x.date === date)!;
  const part = day.dayParts.find((p) => p.dayPartId === dayPartId);
  if (!part) throw new Error(`no day part ${dayPartId} on ${date}`);
  return part.credits.map((c) => c.id);
}

beforeAll(async () => {
  // Noor: Mon, Tue, Fri full days in the Dolfijnen (location Centrum, the organisation's periods).
  // Sem: Monday morning in the Dolfijnen, and Friday NSO in a BSO group of location Zuid.
  w = await createRequestsWorld({ bookingHorizonDays: 90 });
  const zuid = await db.location.create({ data: { organisationId: w.orgId, name: "Locatie Maastricht", city: "Maastricht" } });
  const bso = await db.group.create({
    data: {
      locationId: zuid.id,
      name: "Avonturiers Zuid",
      type: "BSO",
      dayParts: { create: [{ code: "NSO", startMinute: 840, endMinute: 1110, capacity: 20, sortOrder: 1 }] },
    },
    include: { dayParts: true },
  });
  zuidGroupId = bso.id;
  zuidNsoId = bso.dayParts[0]!.id;
  await db.placement.create({
    data: { childId: w.semId, groupId: bso.id, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 940, days: { create: [{ weekday: 5, dayPartId: zuidNsoId }] } },
  });
  await db.schoolHoliday.createMany({
    data: [
      ...ORGANISATION_PERIODS.map((p) => ({ organisationId: w.orgId, locationId: null, name: p.name, startDate: d(p.startDate), endDate: d(p.endDate) })),
      ...ZUID_PERIODS.map((p) => ({ organisationId: w.orgId, locationId: zuid.id, name: p.name, startDate: d(p.startDate), endDate: d(p.endDate) })),
    ],
  });
  // Another organisation's periods never count.
  const elsewhere = await db.organisation.create({ data: { name: "Elders", slug: `elders-${randomUUID().slice(0, 8)}` } });
  await db.schoolHoliday.create({ data: { organisationId: elsewhere.id, name: "Zomer elders", startDate: d("2026-12-01"), endDate: d("2026-12-12") } });

  credit.noorHolidays = await makeCredit(w.noorId, "HOLIDAYS_ONLY");
  credit.noorSchoolWeeks = await makeCredit(w.noorId, "SCHOOL_WEEKS_ONLY");
  credit.semHolidays = await makeCredit(w.semId, "HOLIDAYS_ONLY");
  credit.semSchoolWeeks = await makeCredit(w.semId, "SCHOOL_WEEKS_ONLY");
});

describe("holidays-only and school-weeks-only credits (organisation's periods)", () => {
  it("offers a holidays-only credit in the kerstvakantie and a school-weeks-only credit in a school week", async () => {
    const options = await requestOptions(w.parent, { from: "2026-12-01", to: "2027-01-08" }, NOW);
    expect(offered(options, w.noorId, "2026-12-23", w.morningId)).toEqual([credit.noorHolidays]);
    expect(offered(options, w.noorId, "2026-12-09", w.morningId)).toEqual([credit.noorSchoolWeeks]);
    // Wednesday 6 January: the first school week after the kerstvakantie.
    expect(offered(options, w.noorId, "2027-01-06", w.morningId)).toEqual([credit.noorSchoolWeeks]);
    // Friday 18 December is the last school day before it.
    expect(offered(options, w.semId, "2026-12-18", w.morningId)).toEqual([credit.semSchoolWeeks]);
  });

  it("accepts a holidays-only credit on submit in the kerstvakantie and refuses it in a school week", async () => {
    const before = await snapshot();
    const refused = await book(w.noorId, "2026-12-09", w.morningId, credit.noorHolidays);
    expect(refused).toMatchObject({ ok: false, code: "ExtraDay.errors.creditRestricted", fieldErrors: { "bookings.0": ["ExtraDay.errors.creditRestricted"] } });
    expect(await snapshot()).toEqual(before);

    const accepted = await book(w.noorId, "2026-12-23", w.morningId, credit.noorHolidays);
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    expect(accepted.data.items.map((i) => [i.date, i.payment, i.creditId])).toEqual([["2026-12-23", "CREDIT", credit.noorHolidays]]);
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.noorHolidays } })).usedMinutes).toBe(360);
  });

  it("accepts a school-weeks-only credit in a school week and refuses it in the kerstvakantie", async () => {
    const before = await snapshot();
    const refused = await book(w.noorId, "2026-12-30", w.afternoonId, credit.noorSchoolWeeks);
    expect(refused).toMatchObject({ ok: false, code: "ExtraDay.errors.creditRestricted" });
    expect(await snapshot()).toEqual(before);

    const accepted = await book(w.noorId, "2026-12-09", w.afternoonId, credit.noorSchoolWeeks);
    expect(accepted.ok && accepted.data.items[0]!.creditId).toBe(credit.noorSchoolWeeks);
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.noorSchoolWeeks } })).usedMinutes).toBe(330);
  });
});

describe("a location with school holidays of its own", () => {
  it("offers the credits by the calendar of the location of each day part's group", async () => {
    const options = await requestOptions(w.parent, { from: "2027-02-08", to: "2027-02-19" }, NOW);
    // 10 February, zuid's carnavalsvakantie (its last day, inclusive): a holiday in the Zuid group only.
    expect(offered(options, w.semId, "2027-02-10", zuidNsoId)).toEqual([credit.semHolidays]);
    expect(offered(options, w.semId, "2027-02-10", w.morningId)).toEqual([credit.semSchoolWeeks]);
    // 11 February: a school week in both.
    expect(offered(options, w.semId, "2027-02-11", zuidNsoId)).toEqual([credit.semSchoolWeeks]);
    expect(offered(options, w.semId, "2027-02-11", w.morningId)).toEqual([credit.semSchoolWeeks]);
    // 17 February, the organisation's voorjaarsvakantie: Zuid has its own calendar, so not there.
    expect(offered(options, w.semId, "2027-02-17", w.morningId)).toEqual([credit.semHolidays]);
    expect(offered(options, w.semId, "2027-02-17", zuidNsoId)).toEqual([credit.semSchoolWeeks]);
  });

  it("keeps Zuid on its own calendar when none of its periods lies in the range asked for", async () => {
    const data = await loadFamilyCalendarData({ organisationId: w.orgId, familyId: w.parent.familyId! }, "2027-02-15", "2027-02-19");
    expect(data.schoolHolidays.periods.map((p) => [p.name, p.locationId])).toEqual([["Voorjaarsvakantie", null]]);
    const zuidLocation = data.groups.find((g) => g.id === zuidGroupId)!.locationId;
    expect(data.schoolHolidays.locationsWithOwnPeriods).toEqual([zuidLocation]);

    const options = await requestOptions(w.parent, { from: "2027-02-15", to: "2027-02-19" }, NOW);
    expect(offered(options, w.semId, "2027-02-17", zuidNsoId)).toEqual([credit.semSchoolWeeks]);
    expect(offered(options, w.semId, "2027-02-17", w.morningId)).toEqual([credit.semHolidays]);
  });

  it("accepts and refuses on submit by the location of the booked group", async () => {
    const before = await snapshot();
    expect(await book(w.semId, "2027-02-10", w.morningId, credit.semHolidays)).toMatchObject({ ok: false, code: "ExtraDay.errors.creditRestricted" });
    expect(await book(w.semId, "2027-02-17", zuidNsoId, credit.semHolidays)).toMatchObject({ ok: false, code: "ExtraDay.errors.creditRestricted" });
    expect(await book(w.semId, "2027-02-11", zuidNsoId, credit.semHolidays)).toMatchObject({ ok: false, code: "ExtraDay.errors.creditRestricted" });
    expect(await book(w.semId, "2027-02-10", zuidNsoId, credit.semSchoolWeeks)).toMatchObject({ ok: false, code: "ExtraDay.errors.creditRestricted" });
    expect(await snapshot()).toEqual(before);

    const zuidHoliday = await book(w.semId, "2027-02-10", zuidNsoId, credit.semHolidays);
    expect(zuidHoliday.ok && zuidHoliday.data.items.map((i) => [i.groupId, i.creditId])).toEqual([[zuidGroupId, credit.semHolidays]]);
    const middenHoliday = await book(w.semId, "2027-02-17", w.morningId, credit.semHolidays);
    expect(middenHoliday.ok && middenHoliday.data.items.map((i) => [i.groupId, i.creditId])).toEqual([[w.groupId, credit.semHolidays]]);
    const zuidSchoolWeek = await book(w.semId, "2027-02-17", zuidNsoId, credit.semSchoolWeeks);
    expect(zuidSchoolWeek.ok).toBe(true);
    // 270 (NSO) + 360 (morning) on the holidays credit, 270 on the school-weeks credit.
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.semHolidays } })).usedMinutes).toBe(630);
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.semSchoolWeeks } })).usedMinutes).toBe(270);
  });
});

describe("the demo", () => {
  it("offers Sem's holidays-only credit for an NSO in the kerstvakantie, not in a school week", async () => {
    await seedDemoData(db, { storageDir: mkdtempSync(path.join(os.tmpdir(), "op-holidays-")), today: "2026-11-23" });
    const laura = await db.user.findUniqueOrThrow({ where: { email: "ouder@demo.ouderportaal.nl" }, include: { guardian: true } });
    const user = { role: laura.role, organisationId: laura.organisationId, familyId: laura.guardian!.familyId };
    const holidaysCredit = await db.credit.findFirstOrThrow({ where: { restriction: "HOLIDAYS_ONLY", child: { firstName: "Sem", familyId: user.familyId } } });
    const periods = await db.schoolHoliday.findMany({ where: { organisationId: user.organisationId }, orderBy: { startDate: "asc" } });
    const christmas = periods.find((p) => p.name === "Kerstvakantie" && p.startDate > d("2026-11-23"))!;
    expect([christmas.startDate, christmas.endDate]).toEqual([d("2026-12-19"), d("2027-01-03")]);

    // Every day on which Sem's NSO can be requested (open, not scheduled, not already requested).
    const options = await requestOptions(user, { from: "2026-12-01", to: "2027-01-03" }, NOW);
    const sem = options.children.find((c) => c.firstName === "Sem")!;
    const requestable = sem.days.flatMap((day) => {
      const nso = day.dayParts.find((p) => p.code === "NSO");
      return day.blocked === null && nso && !nso.alreadyScheduled && !nso.pending ? [{ date: day.date, credits: nso.credits.map((c) => c.id) }] : [];
    });
    const inBreak = requestable.filter((x) => x.date >= "2026-12-19");
    const schoolWeeks = requestable.filter((x) => x.date < "2026-12-19");
    expect(inBreak.length).toBeGreaterThan(0);
    expect(schoolWeeks.length).toBeGreaterThan(0);
    for (const x of inBreak) expect(x.credits, x.date).toContain(holidaysCredit.id);
    for (const x of schoolWeeks) expect(x.credits, x.date).not.toContain(holidaysCredit.id);
  });
});
