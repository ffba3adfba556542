// School holidays (schoolvakanties): the periods in which a credit "alleen geldig in vakanties" can be
// spent and a school-weeks-only credit cannot — "Tegoeden die bijvoorbeeld alleen geldig zijn in
// vakanties, zijn niet inzetbaar in schoolweken" (seed 002 §5.2; domain.md "Requests": credits "may be
// restricted (e.g. holidays only, school weeks only)"). The government sets the dates per region
// (noord, midden, zuid) and school year, so they cannot be computed: they are data the organisation
// maintains (SchoolHoliday rows), unlike the national holidays in holidays.ts.
//
// Which periods count for a location:
// - periods without a location are the organisation's own, for the region it is in;
// - a location with periods of its own (a location in another region) uses ONLY those: they replace
//   the organisation's periods for that location, they are not added to them. The regions' dates
//   differ, so adding would turn the other region's school weeks into holidays as well. Such a
//   location keeps all of its periods itself, also the ones every region shares (kerstvakantie);
// - a location without periods of its own uses the organisation's.
// Both ends of a period are inclusive (a holiday runs from its first Saturday up to its last Sunday).

import { assertIsoDate, isWithin } from "./dates";
import type { IsoDate } from "./types";

export interface SchoolHolidayDef {
  /** "Kerstvakantie", "Zomervakantie", … as the organisation named it. */
  name: string;
  /** First day, inclusive. */
  startDate: IsoDate;
  /** Last day, inclusive. */
  endDate: IsoDate;
  /** null = the organisation's period; otherwise a period of that location only. */
  locationId: string | null;
}

/**
 * What the lookups need: the periods (all of them, or only those overlapping a date range) and the
 * locations that keep periods of their own at all. The second is needed because a loaded range may
 * hold none of a location's own periods: that location must then see no holiday in the range, not
 * fall back to the organisation's periods.
 */
export interface SchoolHolidayCalendar {
  periods: readonly SchoolHolidayDef[];
  /** Locations with at least one period of their own (anywhere in time). */
  locationsWithOwnPeriods: readonly string[];
}

/** True on the school-holiday dates of one location (the shape lib/domain/credits.ts asks for). */
export type SchoolHolidayLookup = (date: IsoDate) => boolean;

/** Per group: true when `date` is a school holiday for the group's location. */
export type SchoolHolidayByGroup = (date: IsoDate, groupId: string | null) => boolean;

function checkPeriod(period: SchoolHolidayDef): SchoolHolidayDef {
  assertIsoDate(period.startDate);
  assertIsoDate(period.endDate);
  if (period.endDate < period.startDate) {
    throw new RangeError(`School holiday "${period.name}" ends before it starts: ${period.startDate}…${period.endDate}`);
  }
  return period;
}

/**
 * The periods that apply to `locationId` (see the top of this file): the location's own when it has
 * any, otherwise the organisation's. `locationId` null or undefined: the organisation's periods.
 * `locationsWithOwnPeriods` tells which locations keep their own periods when `periods` is only a
 * window; a location with a period among `periods` always counts as having its own.
 */
export function schoolHolidayPeriodsFor(
  periods: readonly SchoolHolidayDef[],
  locationId?: string | null,
  locationsWithOwnPeriods?: Iterable<string>,
): SchoolHolidayDef[] {
  const ownCalendar =
    locationId != null &&
    ((locationsWithOwnPeriods !== undefined && new Set(locationsWithOwnPeriods).has(locationId)) ||
      periods.some((p) => p.locationId === locationId));
  const owner = ownCalendar ? locationId : null;
  return periods
    .filter((p) => p.locationId === owner)
    .map(checkPeriod)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

/** The school holiday `date` falls in for the location (the first by start date when periods overlap), or null. */
export function schoolHolidayOn(
  date: IsoDate,
  periods: readonly SchoolHolidayDef[],
  locationId?: string | null,
  locationsWithOwnPeriods?: Iterable<string>,
): SchoolHolidayDef | null {
  assertIsoDate(date);
  return schoolHolidayPeriodsFor(periods, locationId, locationsWithOwnPeriods).find((p) => isWithin(date, p.startDate, p.endDate)) ?? null;
}

/**
 * `(date) => boolean` for one location: true on every day of a period that applies to it (see
 * {@link schoolHolidayPeriodsFor}). Pass it as `isSchoolHoliday` to the credit rules.
 */
export function schoolHolidayLookup(
  periods: readonly SchoolHolidayDef[],
  locationId?: string | null,
  locationsWithOwnPeriods?: Iterable<string>,
): SchoolHolidayLookup {
  const applicable = schoolHolidayPeriodsFor(periods, locationId, locationsWithOwnPeriods);
  return (date) => {
    assertIsoDate(date);
    return applicable.some((p) => isWithin(date, p.startDate, p.endDate));
  };
}

/**
 * A lookup for children whose groups lie in different locations (a KDV group here, a BSO group in a
 * location in another region): each group sees the periods of its own location. An unknown group, or
 * `groupId` null, sees the organisation's periods.
 */
export function schoolHolidayLookupByGroup(
  calendar: SchoolHolidayCalendar,
  locationOfGroup: ReadonlyMap<string, string>,
): SchoolHolidayByGroup {
  const own = new Set(calendar.locationsWithOwnPeriods);
  const perLocation = new Map<string | null, SchoolHolidayLookup>();
  const forLocation = (locationId: string | null): SchoolHolidayLookup => {
    let lookup = perLocation.get(locationId);
    if (!lookup) {
      lookup = schoolHolidayLookup(calendar.periods, locationId, own);
      perLocation.set(locationId, lookup);
    }
    return lookup;
  };
  return (date, groupId) => forLocation(groupId ? (locationOfGroup.get(groupId) ?? null) : null)(date);
}
