import "server-only";
import { db } from "@/lib/db/client";
import { parseIsoDate, toIsoDate } from "@/lib/format/date";
import { toDayPartDef, toPlacementDef, toRequestItemDef } from "./mappers";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SchoolHolidayDef } from "@/lib/domain/school-holidays";
import type {
  ClosingDayDef,
  CreditDef,
  DayPartDef,
  IsoDate,
  PlacementDef,
  Policy,
  RequestItemDef,
} from "@/lib/domain/types";

// Loads what the calendar rules (lib/domain) need for one family and a date range, mapped to the
// domain's plain shapes. Scoped by family in the query itself: ids of another family find nothing.

export interface FamilyCalendarData {
  children: { id: string; firstName: string; lastName: string }[];
  /** Placements of the family's children overlapping the range. */
  placements: PlacementDef[];
  /** Day parts of every group the children are placed in (within the range). */
  dayParts: DayPartDef[];
  groups: { id: string; name: string; locationId: string; locationName: string }[];
  /** Items of the family's children dated within the range, any status. */
  items: RequestItemDef[];
  /** The organisation's own closing days in the range (holidays are computed, not stored). */
  closingDays: ClosingDayDef[];
  credits: CreditDef[];
  /**
   * School holidays overlapping the range for the organisation and the locations of `groups`, and which
   * of those locations keep periods of their own (lib/domain/school-holidays.ts).
   */
  schoolHolidays: LoadedSchoolHolidays;
  policy: Policy;
}

export const DEFAULT_POLICY: Policy = {
  bookingHorizonDays: 90,
  pendingCancelMinHours: 0,
  absenceCancelRule: "OUTSIDE_WINDOW",
  absenceCancelWindowDays: 30,
  makeUpCreditsEnabled: true,
  makeUpNoticeHours: 24,
  makeUpValidityDays: 90,
  makeUpReasons: ["SICK", "HOLIDAY"],
  flexRequestMonthsAhead: 1,
  liberationDayEveryYears: 5,
};

export function loadPolicy(organisationId: string): Promise<Policy> {
  return loadPolicyWith(db, organisationId);
}

/** The policy read with the given client (e.g. inside a transaction). */
export async function loadPolicyWith(client: Pick<Prisma.TransactionClient, "organisationPolicy">, organisationId: string): Promise<Policy> {
  const row = await client.organisationPolicy.findUnique({ where: { organisationId } });
  if (!row) return DEFAULT_POLICY;
  return {
    bookingHorizonDays: row.bookingHorizonDays,
    pendingCancelMinHours: row.pendingCancelMinHours,
    absenceCancelRule: row.absenceCancelRule,
    absenceCancelWindowDays: row.absenceCancelWindowDays,
    makeUpCreditsEnabled: row.makeUpCreditsEnabled,
    makeUpNoticeHours: row.makeUpNoticeHours,
    makeUpValidityDays: row.makeUpValidityDays,
    makeUpReasons: row.makeUpReasons,
    flexRequestMonthsAhead: row.flexRequestMonthsAhead,
    liberationDayEveryYears: row.liberationDayEveryYears,
  };
}

/** A SchoolHolidayCalendar (lib/domain/school-holidays.ts) as loaded for a date range. */
export interface LoadedSchoolHolidays {
  /** Periods overlapping the range, sorted by start date. */
  periods: SchoolHolidayDef[];
  /** Locations with periods of their own at all (also outside the range), sorted. */
  locationsWithOwnPeriods: string[];
}

/**
 * The organisation's school holidays for [from, to]: its own periods and those of `locationIds`
 * (every location when omitted) that overlap the range, plus which of these locations have periods
 * of their own at all — also outside the range, so such a location never falls back to the
 * organisation's periods. Read with the given client (e.g. inside a transaction).
 */
export async function loadSchoolHolidaysWith(
  client: Pick<Prisma.TransactionClient, "schoolHoliday">,
  organisationId: string,
  from: IsoDate,
  to: IsoDate,
  locationIds?: readonly string[],
): Promise<LoadedSchoolHolidays> {
  const locationFilter = locationIds ? { in: [...new Set(locationIds)] } : { not: null };
  const [rows, own] = await Promise.all([
    client.schoolHoliday.findMany({
      where: {
        organisationId,
        startDate: { lte: parseIsoDate(to) },
        endDate: { gte: parseIsoDate(from) },
        OR: [{ locationId: null }, { locationId: locationFilter }],
      },
      orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
    }),
    client.schoolHoliday.findMany({
      where: { organisationId, locationId: locationFilter },
      distinct: ["locationId"],
      select: { locationId: true },
    }),
  ]);
  return {
    periods: rows.map((r) => ({ name: r.name, startDate: toIsoDate(r.startDate), endDate: toIsoDate(r.endDate), locationId: r.locationId })),
    locationsWithOwnPeriods: own.flatMap((r) => (r.locationId ? [r.locationId] : [])).sort(),
  };
}

export async function loadFamilyCalendarData(
  scope: { organisationId: string; familyId: string },
  from: IsoDate,
  to: IsoDate,
): Promise<FamilyCalendarData> {
  const fromDate = parseIsoDate(from);
  const toDate = parseIsoDate(to);
  const children = await db.child.findMany({
    where: { familyId: scope.familyId, family: { organisationId: scope.organisationId } },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      placements: {
        where: { startDate: { lte: toDate }, OR: [{ endDate: null }, { endDate: { gte: fromDate } }] },
        orderBy: { startDate: "asc" },
        include: {
          days: { select: { weekday: true, dayPartId: true } },
          group: { include: { dayParts: true, location: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const childIds = children.map((c) => c.id);

  const [items, credits, closingDays, schoolHolidays, policy] = await Promise.all([
    db.requestItem.findMany({
      where: { childId: { in: childIds }, date: { gte: fromDate, lte: toDate } },
      orderBy: [{ date: "asc" }, { startMinute: "asc" }],
      include: { request: { select: { kind: true } } },
    }),
    db.credit.findMany({ where: { childId: { in: childIds } }, orderBy: { validUntil: "asc" } }),
    db.closingDay.findMany({
      where: { organisationId: scope.organisationId, date: { gte: fromDate, lte: toDate } },
      orderBy: { date: "asc" },
    }),
    // Every location's periods, narrowed below to the family's locations (one round trip less).
    loadSchoolHolidaysWith(db, scope.organisationId, from, to),
    loadPolicy(scope.organisationId),
  ]);

  const placements: PlacementDef[] = [];
  const dayParts = new Map<string, DayPartDef>();
  const groups = new Map<string, FamilyCalendarData["groups"][number]>();
  for (const child of children) {
    for (const p of child.placements) {
      placements.push(toPlacementDef(p));
      groups.set(p.group.id, { id: p.group.id, name: p.group.name, locationId: p.group.location.id, locationName: p.group.location.name });
      for (const dp of p.group.dayParts) {
        dayParts.set(dp.id, toDayPartDef(dp));
      }
    }
  }

  const familyLocations = new Set([...groups.values()].map((g) => g.locationId));

  return {
    children: children.map(({ id, firstName, lastName }) => ({ id, firstName, lastName })),
    placements,
    dayParts: [...dayParts.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.startMinute - b.startMinute),
    groups: [...groups.values()],
    items: items.map(toRequestItemDef),
    closingDays: closingDays
      .filter((d) => d.locationId === null || familyLocations.has(d.locationId))
      .map((d) => ({ date: toIsoDate(d.date), name: d.name, locationId: d.locationId })),
    credits: credits.map((c) => ({
      id: c.id,
      childId: c.childId,
      kind: c.kind,
      minutes: c.minutes,
      usedMinutes: c.usedMinutes,
      validFrom: toIsoDate(c.validFrom),
      validUntil: toIsoDate(c.validUntil),
      restriction: c.restriction,
    })),
    schoolHolidays: {
      periods: schoolHolidays.periods.filter((p) => p.locationId === null || familyLocations.has(p.locationId)),
      locationsWithOwnPeriods: schoolHolidays.locationsWithOwnPeriods.filter((id) => familyLocations.has(id)),
    },
    policy,
  };
}
