// "Ruildag aanvragen" against a real PostgreSQL: scheduled contract care is given up for wanted care,
// the forfeited remainder is computed, and bad input is refused with its own code while nothing is
// written. Double submits make one request.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { RequestActor } from "@/lib/db/requests/extra-day";
import { submitSwapDay } from "@/lib/db/requests/swap-day";
import { parseIsoDate } from "@/lib/format/date";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");
const d = parseIsoDate;

let orgId: string;
let parent: RequestActor;
let noor: string; // Dolfijnen, Mon + Tue full days
let sem: string; // Avonturiers, Mon NSO
let otherChild: string;
const dp = { morning: "", afternoon: "", nso: "" };

async function snapshot() {
  const [requests, items] = await Promise.all([db.request.count(), db.requestItem.count()]);
  return { requests, items };
}

type Slot = { date: string; dayPartId: string };
function input(children: { childId: string; giveUp: Slot[]; want: Slot[] }[], extra: Record<string, unknown> = {}) {
  return { children, assessAsWhole: false, idempotencyKey: randomUUID(), ...extra };
}

beforeAll(async () => {
  const org = await db.organisation.create({ data: { name: "Opvang", slug: "opvang-swap" } });
  orgId = org.id;
  await db.organisationPolicy.create({ data: { organisationId: orgId, bookingHorizonDays: 90 } });
  const location = await db.location.create({ data: { organisationId: orgId, name: "Centrum" } });
  const kdv = await db.group.create({
    data: {
      locationId: location.id, name: "Dolfijnen", type: "KDV",
      dayParts: { create: [{ code: "MORNING", startMinute: 420, endMinute: 780, capacity: 12, sortOrder: 1 }, { code: "AFTERNOON", startMinute: 780, endMinute: 1110, capacity: 12, sortOrder: 2 }] },
    },
    include: { dayParts: true },
  });
  const bso = await db.group.create({
    data: { locationId: location.id, name: "Avonturiers", type: "BSO", dayParts: { create: [{ code: "NSO", startMinute: 840, endMinute: 1110, capacity: 20 }] } },
    include: { dayParts: true },
  });
  dp.morning = kdv.dayParts.find((x) => x.code === "MORNING")!.id;
  dp.afternoon = kdv.dayParts.find((x) => x.code === "AFTERNOON")!.id;
  dp.nso = bso.dayParts[0]!.id;

  const family = await db.family.create({ data: { organisationId: orgId, name: "De Boer" } });
  const user = await db.user.create({ data: { organisationId: orgId, email: "laura@example.test", name: "Laura", role: "PARENT" } });
  await db.guardian.create({ data: { familyId: family.id, userId: user.id, rank: 1 } });
  parent = { id: user.id, role: "PARENT", organisationId: orgId, familyId: family.id };
  const child = async (familyId: string, firstName: string) =>
    (await db.child.create({ data: { familyId, firstName, lastName: "Test", birthDate: d("2023-01-01") } })).id;
  noor = await child(family.id, "Noor");
  sem = await child(family.id, "Sem");
  await db.placement.create({
    data: {
      childId: noor, groupId: kdv.id, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 1045,
      days: { create: [1, 2].flatMap((weekday) => [{ weekday, dayPartId: dp.morning }, { weekday, dayPartId: dp.afternoon }]) },
    },
  });
  await db.placement.create({
    data: { childId: sem, groupId: bso.id, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 940, days: { create: [{ weekday: 1, dayPartId: dp.nso }] } },
  });
  const otherFamily = await db.family.create({ data: { organisationId: orgId, name: "Anders" } });
  otherChild = await child(otherFamily.id, "Ander");
  await db.placement.create({
    data: { childId: otherChild, groupId: kdv.id, startDate: d("2026-01-01"), contractType: "FIXED", hourlyRateCents: 1045, days: { create: [{ weekday: 1, dayPartId: dp.morning }] } },
  });

  // Noor is reported absent (registered) on Tuesday 1 December.
  await db.request.create({
    data: {
      familyId: family.id, kind: "ABSENCE", createdById: user.id, idempotencyKey: randomUUID(), absenceReason: "SICK",
      periodStart: d("2026-12-01"), periodEnd: d("2026-12-01"),
      items: { create: [{ childId: noor, groupId: kdv.id, dayPartId: dp.morning, date: d("2026-12-01"), direction: "REMOVE", startMinute: 420, endMinute: 780, status: "REGISTERED" }] },
    },
  });
});

describe("submitSwapDay", () => {
  it("gives up a full Monday for a Wednesday morning and forfeits the rest", async () => {
    const before = await snapshot();
    const result = await submitSwapDay(
      parent,
      input(
        [
          { childId: noor, giveUp: [{ date: "2026-11-30", dayPartId: dp.morning }, { date: "2026-11-30", dayPartId: dp.afternoon }], want: [{ date: "2026-12-02", dayPartId: dp.morning }] },
          { childId: sem, giveUp: [{ date: "2026-11-30", dayPartId: dp.nso }], want: [{ date: "2026-12-02", dayPartId: dp.nso }] },
        ],
        { assessAsWhole: true, expiresOn: "2026-11-27", comment: "Oma past op" },
      ),
      NOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.balances).toEqual(
      expect.arrayContaining([
        { childId: noor, givenUpMinutes: 690, wantedMinutes: 360, forfeitedMinutes: 330 },
        { childId: sem, givenUpMinutes: 270, wantedMinutes: 270, forfeitedMinutes: 0 },
      ]),
    );
    const stored = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId }, include: { items: true } });
    expect(stored).toMatchObject({ kind: "SWAP_DAY", assessAsWhole: true, comment: "Oma past op" });
    expect(stored.periodStart).toEqual(d("2026-11-30"));
    expect(stored.periodEnd).toEqual(d("2026-12-02"));
    expect(stored.items.filter((i) => i.direction === "REMOVE")).toHaveLength(3);
    expect(stored.items.filter((i) => i.direction === "ADD").every((i) => i.payment === "SWAP" && i.priceCents === null)).toBe(true);
    expect(stored.items.filter((i) => i.direction === "REMOVE").every((i) => i.payment === null && i.priceCents === null)).toBe(true);
    expect(stored.items.every((i) => i.status === "PENDING")).toBe(true);
    expect(await snapshot()).toEqual({ requests: before.requests + 1, items: before.items + 5 });
  });

  const MON = "2026-12-07";
  const WED = "2026-12-09";
  const bad: [string, () => { childId: string; giveUp: Slot[]; want: Slot[] }[], string, Record<string, unknown>?][] = [
    ["another family's child", () => [{ childId: otherChild, giveUp: [{ date: MON, dayPartId: dp.morning }], want: [{ date: WED, dayPartId: dp.morning }] }], "SwapDay.errors.childNotFound"],
    ["giving up a day part that is not scheduled", () => [{ childId: noor, giveUp: [{ date: WED, dayPartId: dp.morning }], want: [{ date: "2026-12-10", dayPartId: dp.morning }] }], "SwapDay.errors.notScheduled"],
    ["giving up care already given up (pending swap)", () => [{ childId: noor, giveUp: [{ date: "2026-11-30", dayPartId: dp.morning }], want: [{ date: WED, dayPartId: dp.morning }] }], "SwapDay.errors.alreadyGivenUp"],
    ["giving up a day the child is reported absent", () => [{ childId: noor, giveUp: [{ date: "2026-12-01", dayPartId: dp.morning }], want: [{ date: WED, dayPartId: dp.morning }] }], "SwapDay.errors.alreadyAbsent"],
    ["giving up a day part of another group", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.nso }], want: [{ date: WED, dayPartId: dp.morning }] }], "SwapDay.errors.dayPartNotAvailable"],
    ["an unknown day part id", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.morning }], want: [{ date: WED, dayPartId: randomUUID() }] }], "SwapDay.errors.dayPartNotAvailable"],
    ["a past date", () => [{ childId: noor, giveUp: [{ date: "2026-11-16", dayPartId: dp.morning }], want: [{ date: WED, dayPartId: dp.morning }] }], "SwapDay.errors.past"],
    ["today", () => [{ childId: noor, giveUp: [{ date: "2026-11-23", dayPartId: dp.morning }], want: [{ date: WED, dayPartId: dp.morning }] }], "SwapDay.errors.today"],
    ["a closed target day (Eerste Kerstdag)", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.morning }], want: [{ date: "2026-12-25", dayPartId: dp.morning }] }], "SwapDay.errors.closed"],
    ["a target beyond the horizon", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.morning }], want: [{ date: "2027-03-03", dayPartId: dp.morning }] }], "SwapDay.errors.tooFar"],
    ["a target that is already scheduled", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.morning }], want: [{ date: "2026-12-08", dayPartId: dp.morning }] }], "SwapDay.errors.alreadyScheduled"],
    ["a target already requested", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.morning }], want: [{ date: "2026-12-02", dayPartId: dp.morning }] }], "SwapDay.errors.alreadyRequested"],
    ["wanting more than is given up", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.afternoon }], want: [{ date: WED, dayPartId: dp.morning }] }], "SwapDay.errors.wantedExceedsGivenUp"],
    ["nothing wanted", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.afternoon }], want: [] }], "SwapDay.validation.wantRequired"],
    [
      "assess as a whole with two dates given up",
      () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.morning }, { date: "2026-12-08", dayPartId: dp.morning }], want: [{ date: WED, dayPartId: dp.morning }] }],
      "SwapDay.validation.assessAsWholeSingleDate",
      { assessAsWhole: true },
    ],
    ["an expiry date that is not after today", () => [{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.morning }], want: [{ date: WED, dayPartId: dp.morning }] }], "SwapDay.errors.expiresNotAfterToday", { expiresOn: "2026-11-22" }],
  ];

  it.each(bad)("refuses %s, and writes nothing", async (_name, children, code, extra) => {
    const before = await snapshot();
    const result = await submitSwapDay(parent, input(children(), extra), NOW);
    expect(result).toMatchObject({ ok: false, code });
    expect(await snapshot()).toEqual(before);
  });

  it("makes one request from sequential and concurrent double submits", async () => {
    const before = await snapshot();
    const payload = input([{ childId: noor, giveUp: [{ date: "2026-12-14", dayPartId: dp.afternoon }], want: [{ date: "2026-12-16", dayPartId: dp.afternoon }] }]);
    const results = await Promise.all(Array.from({ length: 4 }, () => submitSwapDay(parent, payload, NOW)));
    const again = await submitSwapDay(parent, payload, NOW);
    expect([...results, again].every((r) => r.ok)).toBe(true);
    expect(new Set([...results, again].map((r) => r.ok && r.data.requestId)).size).toBe(1);
    expect(again.ok && again.data.duplicate).toBe(true);
    expect(again.ok && again.data.balances).toEqual([{ childId: noor, givenUpMinutes: 330, wantedMinutes: 330, forfeitedMinutes: 0 }]);
    expect(await snapshot()).toEqual({ requests: before.requests + 1, items: before.items + 2 });
  });

  it("refuses staff", async () => {
    const payload = input([{ childId: noor, giveUp: [{ date: MON, dayPartId: dp.morning }], want: [{ date: WED, dayPartId: dp.morning }] }]);
    expect(await submitSwapDay({ ...parent, role: "PLANNER" }, payload, NOW)).toEqual({ ok: false, code: "errors.forbidden" });
  });
});
