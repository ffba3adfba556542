// lib/db/agenda.ts against the demo data (today = Monday 2026-11-23): the parent's agenda follows the
// weekly pattern, shows absences as removed care, pending extra care as "Optie extra", closing days as
// closed, and never anything of another family.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  AGENDA_DEFAULT_WEEKS,
  AGENDA_MAX_WEEKS,
  getParentAgenda,
  parseAgendaWeeks,
  type AgendaDayDto,
  type AgendaDto,
} from "@/lib/db/agenda";
import { weekday } from "@/lib/domain/dates";
import { toIsoDate } from "@/lib/format/date";
import { seedDemoData } from "../scripts/seed/demo";

const TODAY = "2026-11-23";

async function familyOf(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { guardian: true } });
  return { organisationId: user.organisationId, familyId: user.guardian!.familyId };
}

function dayOf(agenda: AgendaDto, date: string): AgendaDayDto {
  const day = agenda.days.find((d) => d.date === date);
  if (!day) throw new Error(`no agenda day ${date}`);
  return day;
}

function childDay(day: AgendaDayDto, firstName: string) {
  return day.children.find((c) => c.firstName === firstName) ?? null;
}

describe("parseAgendaWeeks", () => {
  it("accepts whole numbers of weeks up to the cap and falls back to the default otherwise", () => {
    expect(parseAgendaWeeks(undefined)).toBe(AGENDA_DEFAULT_WEEKS);
    expect(parseAgendaWeeks("8")).toBe(8);
    expect(parseAgendaWeeks(["12", "3"])).toBe(12);
    expect(parseAgendaWeeks("999")).toBe(AGENDA_MAX_WEEKS);
    for (const bad of ["0", "-3", "2.5", "abc", "", "1e3", "4; drop"]) expect(parseAgendaWeeks(bad)).toBe(AGENDA_DEFAULT_WEEKS);
  });
});

describe("getParentAgenda", () => {
  let scope: { organisationId: string; familyId: string };
  let agenda: AgendaDto;

  beforeAll(async () => {
    await seedDemoData(db, { storageDir: mkdtempSync(path.join(os.tmpdir(), "op-agenda-")), today: TODAY });
    scope = await familyOf("ouder@demo.ouderportaal.nl");
    agenda = await getParentAgenda(scope, { from: TODAY, weeks: 4 });
  });

  it("lists four weeks of weekdays from today, skipping weekends without care", () => {
    expect(agenda.from).toBe(TODAY);
    expect(agenda.to).toBe("2026-12-20");
    expect(agenda.children.map((c) => c.firstName)).toEqual(["Sem", "Noor"]); // oldest first
    expect(agenda.selectedChildId).toBeNull();
    expect(agenda.days).toHaveLength(20);
    expect(agenda.days[0]!.date).toBe(TODAY);
    expect(agenda.days.every((d) => d.weekday <= 5 && weekday(d.date) === d.weekday)).toBe(true);
  });

  it("schedules contract days from the weekly pattern, with the day parts' times and groups", () => {
    for (const day of agenda.days) {
      const noor = childDay(day, "Noor");
      const contract = noor?.scheduled.filter((s) => s.source === "CONTRACT") ?? [];
      // Noor: Monday, Tuesday and Thursday, a full day (seed: pattern { 1, 2, 4 }).
      if (contract.length > 0) expect([1, 2, 4]).toContain(day.weekday);
      if ([3, 5].includes(day.weekday)) expect(contract).toEqual([]);
    }
    const monday = dayOf(agenda, TODAY);
    const noor = childDay(monday, "Noor")!;
    expect(noor.scheduled.map((s) => [s.code, s.startMinute, s.endMinute, s.source])).toEqual([
      ["MORNING", 420, 780, "CONTRACT"],
      ["AFTERNOON", 780, 1110, "CONTRACT"],
    ]);
    expect(noor.scheduled.every((s) => s.groupName === "Dolfijnen")).toBe(true);
    const sem = childDay(monday, "Sem")!;
    expect(sem.scheduled.map((s) => [s.code, s.startMinute, s.endMinute])).toEqual([
      ["VSO", 420, 510],
      ["NSO", 840, 1110],
    ]);
    expect(sem.scheduled.every((s) => s.groupName === "Avonturiers")).toBe(true);
    // A Wednesday without care is listed, with nobody in it.
    expect(dayOf(agenda, "2026-11-25").children).toEqual([]);
  });

  it("shows a registered absence as removed care with the item's status", async () => {
    const absence = await db.requestItem.findFirstOrThrow({
      where: { status: "REGISTERED", child: { familyId: scope.familyId, firstName: "Noor" }, date: { gte: new Date(`${TODAY}T00:00:00Z`) } },
    });
    const day = dayOf(agenda, toIsoDate(absence.date));
    const noor = childDay(day, "Noor")!;
    expect(noor.scheduled).toEqual([]);
    expect(noor.removed.map((r) => [r.code, r.reason, r.source])).toEqual([
      ["MORNING", "ABSENCE", "CONTRACT"],
      ["AFTERNOON", "ABSENCE", "CONTRACT"],
    ]);
    expect(noor.requests.map((r) => [r.kind, r.direction, r.status, r.mark])).toEqual([
      ["ABSENCE", "REMOVE", "REGISTERED", "ABSENT"],
      ["ABSENCE", "REMOVE", "REGISTERED", "ABSENT"],
    ]);
    expect(noor.requests.map((r) => r.itemId)).toContain(absence.id);
  });

  it("shows a pending extra day as an option (Optie extra), not as scheduled care", async () => {
    const pending = await db.requestItem.findFirstOrThrow({
      where: { status: "PENDING", direction: "ADD", request: { kind: "EXTRA_DAY" }, child: { familyId: scope.familyId, firstName: "Noor" } },
    });
    const day = dayOf(agenda, toIsoDate(pending.date));
    expect(day.weekday).toBe(3);
    const noor = childDay(day, "Noor")!;
    expect(noor.scheduled).toEqual([]);
    expect(noor.options.map((o) => [o.code, o.kind, o.startMinute, o.endMinute])).toEqual([
      ["MORNING", "EXTRA_DAY", 420, 780],
      ["AFTERNOON", "EXTRA_DAY", 780, 1110],
    ]);
    expect(noor.requests.every((r) => r.status === "PENDING" && r.mark === "OPTION_EXTRA")).toBe(true);
    const sem = childDay(day, "Sem")!;
    expect(sem.options.map((o) => o.code)).toEqual(["NSO"]);
    // The pending swap: the Thursday stays scheduled but is marked; the Friday is an option.
    const swapAway = await db.requestItem.findFirstOrThrow({
      where: { status: "PENDING", direction: "REMOVE", request: { kind: "SWAP_DAY" }, child: { familyId: scope.familyId } },
    });
    const thursday = childDay(dayOf(agenda, toIsoDate(swapAway.date)), "Noor")!;
    expect(thursday.scheduled.length).toBeGreaterThan(0);
    expect(thursday.scheduled.every((s) => s.pendingSwapAway)).toBe(true);
  });

  it("shows closing days as closed with nothing scheduled: holidays by code, the organisation's days by name", async () => {
    const long = await getParentAgenda(scope, { from: TODAY, weeks: AGENDA_MAX_WEEKS });
    expect(long.weeks).toBe(AGENDA_MAX_WEEKS);
    const christmas = dayOf(long, "2026-12-25");
    expect(christmas.closed).toEqual({ source: "HOLIDAY", code: "CHRISTMAS_DAY", name: null });
    expect(christmas.children.flatMap((c) => c.scheduled)).toEqual([]);
    // Boxing Day is a Saturday without care: skipped like any other empty weekend day.
    expect(long.days.some((d) => d.date === "2026-12-26")).toBe(false);
    // Easter Monday 2027 is a Monday: Noor's and Sem's contract care falls away as CLOSED.
    const easterMonday = dayOf(long, "2027-03-29");
    expect(easterMonday.closed).toEqual({ source: "HOLIDAY", code: "EASTER_MONDAY", name: null });
    for (const name of ["Noor", "Sem"]) {
      const entry = childDay(easterMonday, name)!;
      expect(entry.scheduled).toEqual([]);
      expect(entry.removed.length).toBeGreaterThan(0);
      expect(entry.removed.every((r) => r.reason === "CLOSED")).toBe(true);
    }
    // The organisation's own study day (seeded on a Wednesday about 3½ weeks ahead).
    const studyDay = await db.closingDay.findFirstOrThrow({
      where: { organisationId: scope.organisationId, name: "Studiedag", date: { gte: new Date(`${TODAY}T00:00:00Z`) } },
    });
    expect(dayOf(long, toIsoDate(studyDay.date)).closed).toEqual({ source: "ORGANISATION", code: null, name: "Studiedag" });
    expect(long.days.every((d) => d.date <= long.to && d.date >= TODAY)).toBe(true);
  });

  it("removes contract care on an organisation-wide closing day added on a Monday", async () => {
    await db.closingDay.create({
      data: { organisationId: scope.organisationId, locationId: null, date: new Date("2026-11-30T00:00:00Z"), name: "Teamdag" },
    });
    const fresh = await getParentAgenda(scope, { from: TODAY, weeks: 2 });
    const day = dayOf(fresh, "2026-11-30");
    expect(day.closed).toEqual({ source: "ORGANISATION", code: null, name: "Teamdag" });
    expect(day.children.flatMap((c) => c.scheduled)).toEqual([]);
    expect(childDay(day, "Noor")!.removed.map((r) => [r.code, r.reason])).toEqual([
      ["MORNING", "CLOSED"],
      ["AFTERNOON", "CLOSED"],
    ]);
  });

  it("never shows another family's children or requests, and ignores their ids in the filter", async () => {
    const ownChildren = await db.child.findMany({ where: { familyId: scope.familyId }, select: { id: true } });
    const ownIds = new Set(ownChildren.map((c) => c.id));
    const ownItems = await db.requestItem.findMany({ where: { childId: { in: [...ownIds] } }, select: { id: true } });
    const ownItemIds = new Set(ownItems.map((i) => i.id));
    const shownItems = agenda.days.flatMap((d) => d.children.flatMap((c) => c.requests.map((r) => r.itemId)));
    expect(shownItems.length).toBeGreaterThan(0);
    expect(shownItems.every((id) => ownItemIds.has(id))).toBe(true);
    expect(agenda.days.every((d) => d.children.every((c) => ownIds.has(c.childId)))).toBe(true);

    // Emir (Kaya) is in Sem's group and has a pending NSO on a Friday in range: not in this agenda.
    const emir = await db.child.findFirstOrThrow({ where: { firstName: "Emir" } });
    const emirPending = await db.requestItem.findFirstOrThrow({ where: { childId: emir.id, status: "PENDING" } });
    const friday = dayOf(agenda, toIsoDate(emirPending.date));
    expect(friday.children.flatMap((c) => c.requests.map((r) => r.itemId))).not.toContain(emirPending.id);

    const filtered = await getParentAgenda(scope, { from: TODAY, weeks: 4, childId: emir.id });
    expect(filtered.selectedChildId).toBeNull();
    expect(filtered.children.map((c) => c.firstName)).toEqual(["Sem", "Noor"]); // oldest first
    expect(filtered.days.flatMap((d) => d.children.map((c) => c.childId)).every((id) => ownIds.has(id))).toBe(true);

    const nonsense = await getParentAgenda(scope, { from: TODAY, weeks: 4, childId: "not-a-uuid" });
    expect(nonsense.selectedChildId).toBeNull();

    // Another family's scope with this family's id mixed in finds nothing of this family.
    const kaya = await familyOf("elif.kaya@demo.ouderportaal.nl");
    const theirs = await getParentAgenda(kaya, { from: TODAY, weeks: 4 });
    expect(theirs.children.map((c) => c.firstName).sort()).toEqual(["Emir", "Zeynep"]);
    expect(theirs.days.every((d) => d.children.every((c) => !ownIds.has(c.childId)))).toBe(true);
  });

  it("narrows to one of the family's own children with the filter", async () => {
    const sem = agenda.children.find((c) => c.firstName === "Sem")!;
    const onlySem = await getParentAgenda(scope, { from: TODAY, weeks: 4, childId: sem.id });
    expect(onlySem.selectedChildId).toBe(sem.id);
    expect(onlySem.children).toHaveLength(2);
    const shown = new Set(onlySem.days.flatMap((d) => d.children.map((c) => c.firstName)));
    expect([...shown]).toEqual(["Sem"]);
  });
});
