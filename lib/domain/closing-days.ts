// Closing days: the computed Dutch holidays plus the days an admin adds for the organisation or for one
// location ("Closing days: Dutch national holidays … plus closing days an admin adds" — domain.md
// Calendar; the holiday list is seed 003 Openingsdagen). No care is scheduled on a closing day and no
// credits are earned for it (seed 003: "Voor deze dagen krijg je geen ruil- en inhaaluren").

import { assertIsoDate, isWithin } from "./dates";
import { dutchHolidaysBetween, type HolidayCode } from "./holidays";
import type { ClosingDayDef, IsoDate } from "./types";

/** Why a day is closed: a computed national holiday (translated by `code`) or an admin's own day (`name`). */
export type ClosingInfo =
  | { date: IsoDate; source: "HOLIDAY"; code: HolidayCode; name: null }
  | { date: IsoDate; source: "ORGANISATION"; code: null; name: string };

export type ClosingSource = ClosingInfo["source"];

export interface ClosingOptions {
  /** The organisation's own closing days (ClosingDay rows); locationId null = every location. */
  organisationDays: readonly ClosingDayDef[];
  /**
   * The location whose calendar is asked for. Days of other locations are ignored; null = only the
   * organisation-wide days apply.
   */
  locationId: string | null;
  /** Organisation policy: Bevrijdingsdag is closed in years divisible by this (0 = never) — see holidays.ts. */
  liberationDayEveryYears: number;
}

/** Closing function as the schedule uses it: the reason `date` is closed for `groupId`'s location, or null. */
export type ClosingLookup = (date: IsoDate, groupId?: string | null) => ClosingInfo | null;

/**
 * One entry per date. When several reasons share a date the national holiday wins (its translated
 * name is what parents know), then a day of this location, then an organisation-wide day; among
 * equals the first in the input wins.
 */
function rank(info: ClosingInfo, locationSpecific: boolean): number {
  return info.source === "HOLIDAY" ? 0 : locationSpecific ? 1 : 2;
}

function buildMap(from: IsoDate, to: IsoDate, options: ClosingOptions): Map<IsoDate, ClosingInfo> {
  assertIsoDate(from);
  assertIsoDate(to);
  const best = new Map<IsoDate, { info: ClosingInfo; rank: number }>();
  const offer = (info: ClosingInfo, r: number) => {
    const current = best.get(info.date);
    if (!current || r < current.rank) best.set(info.date, { info, rank: r });
  };
  for (const h of dutchHolidaysBetween(from, to, options)) {
    offer({ date: h.date, source: "HOLIDAY", code: h.code, name: null }, 0);
  }
  for (const d of options.organisationDays) {
    if (d.locationId !== null && d.locationId !== options.locationId) continue;
    if (!isWithin(d.date, from, to)) continue;
    const info: ClosingInfo = { date: d.date, source: "ORGANISATION", code: null, name: d.name };
    offer(info, rank(info, d.locationId !== null));
  }
  const sorted = [...best.keys()].sort();
  return new Map(sorted.map((date) => [date, best.get(date)!.info]));
}

/** The closing days in [from, to] (inclusive) for one location, one per date, sorted by date. */
export function closingDaysBetween(from: IsoDate, to: IsoDate, options: ClosingOptions): ClosingInfo[] {
  return [...buildMap(from, to, options).values()];
}

/** Why `date` is closed for the location in `options`, or null when it is open. */
export function closingInfoOn(date: IsoDate, options: ClosingOptions): ClosingInfo | null {
  return buildMap(date, date, options).get(date) ?? null;
}

/** True when `date` is a closing day for the location in `options`. */
export function isClosed(date: IsoDate, options: ClosingOptions): boolean {
  return closingInfoOn(date, options) !== null;
}

/**
 * A fast lookup for one location, precomputed for [from, to]; dates outside the range are computed on
 * demand. Pass it as `closing` to scheduleForChild when all of a child's groups share a location.
 */
export function closingLookup(from: IsoDate, to: IsoDate, options: ClosingOptions): ClosingLookup {
  const map = buildMap(from, to, options);
  return (date) => (isWithin(date, from, to) ? (map.get(date) ?? null) : closingInfoOn(date, options));
}

/**
 * A lookup for children whose groups lie in different locations (e.g. a KDV group and a BSO group
 * elsewhere): each group sees the holidays, the organisation-wide days and its own location's days.
 * Unknown groups and `groupId` null see only the holidays and organisation-wide days.
 */
export function closingLookupByGroup(
  from: IsoDate,
  to: IsoDate,
  options: Omit<ClosingOptions, "locationId"> & { locationOfGroup: ReadonlyMap<string, string> },
): ClosingLookup {
  const perLocation = new Map<string | null, ClosingLookup>();
  const forLocation = (locationId: string | null): ClosingLookup => {
    let lookup = perLocation.get(locationId);
    if (!lookup) {
      lookup = closingLookup(from, to, { ...options, locationId });
      perLocation.set(locationId, lookup);
    }
    return lookup;
  };
  return (date, groupId) => forLocation(groupId ? (options.locationOfGroup.get(groupId) ?? null) : null)(date);
}
