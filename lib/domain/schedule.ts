// The agenda computation: which day parts a child is expected on, day by day.
//
// "A child's scheduled days come from its placements' weekly patterns, plus approved extra/swap
// bookings, minus absences and swapped-away day parts, minus closing days" — domain.md Calendar;
// seed 002 §5 (Agenda) and §5.2–5.4. The computation is pure: lib/db loads placements, day parts,
// request items and closing days, and the page renders the result.

import type { ClosingInfo, ClosingLookup } from "./closing-days";
import { dayNumber, diffDays, fromDayNumber, weekday as weekdayOf } from "./dates";
import type { DayPartDef, IsoDate, PlacementDef, RequestItemDef, Weekday } from "./types";

/** Where scheduled care comes from: the contract's weekly pattern, an approved extra day, or a swap target. */
export type CareSource = "CONTRACT" | "EXTRA" | "SWAP";

/** Why care the child would have had is not scheduled. */
export type RemovalReason = "ABSENCE" | "SWAPPED_AWAY" | "CLOSED";

export interface ScheduledDayPart {
  dayPartId: string;
  /** Day part code (MORNING, AFTERNOON, VSO, …), translated in the UI. */
  code: string;
  startMinute: number;
  endMinute: number;
  groupId: string;
  source: CareSource;
  /** The placement whose weekly pattern gives this care (CONTRACT); null otherwise. */
  placementId: string | null;
  /** The approved ADD item behind EXTRA or SWAP care; null for CONTRACT. */
  itemId: string | null;
  /**
   * A pending REMOVE item (a swap day waiting for assessment) for this day part. The care still
   * counts as scheduled until the swap is approved; the UI shows a pending marker.
   */
  pendingRemovalItemId: string | null;
}

export interface RemovedDayPart {
  dayPartId: string;
  code: string;
  startMinute: number;
  endMinute: number;
  groupId: string;
  /** What the removed care was (contract care or approved extra/swap care). */
  source: CareSource;
  placementId: string | null;
  itemId: string | null;
  reason: RemovalReason;
  /** The absence (REGISTERED) or swap (APPROVED REMOVE) item that removed it; null for CLOSED. */
  removedByItemId: string | null;
}

/**
 * A pending extra or swap-target day part: "Optie extra" in the calendar until it is assessed
 * ("De status van de aanvraag staat bij aanvang op 'Optie extra'" — seed 002 §5.2, §5.3).
 */
export interface OptionDayPart {
  dayPartId: string;
  code: string;
  startMinute: number;
  endMinute: number;
  groupId: string;
  kind: "EXTRA_DAY" | "SWAP_DAY";
  itemId: string;
  requestId: string;
}

export interface ScheduleDay {
  date: IsoDate;
  weekday: Weekday;
  /**
   * Set when the child's location is closed (every group the child has anything in that day): nothing
   * is scheduled and contract care falls away (seed 003 Openingsdagen).
   */
  closed: ClosingInfo | null;
  /** Care the child is expected for, sorted by start time. */
  scheduled: ScheduledDayPart[];
  /** Care that would have been scheduled but is not (absence, swapped away, closed), sorted by start time. */
  removed: RemovedDayPart[];
  /** Pending ADD items ("Optie extra"), sorted by start time. */
  options: OptionDayPart[];
  /**
   * Every request item of the child on this date, whatever its status, for the day's details
   * (seed 002 §5: "Door te klikken op een specifiek opvangmoment krijg je gedetailleerde informatie").
   * CANCELLED, REJECTED and EXPIRED items appear only here. In input order.
   */
  requests: RequestItemDef[];
}

export interface ChildSchedule {
  childId: string;
  from: IsoDate;
  to: IsoDate;
  /** One entry per calendar day from `from` to `to`, inclusive, in order. */
  days: ScheduleDay[];
}

export interface ScheduleInput {
  childId: string;
  from: IsoDate;
  to: IsoDate;
  /** Placements to consider; other children's placements are ignored. */
  placements: readonly PlacementDef[];
  /** Every day part referenced by the placements' patterns and by the items that yield an entry. */
  dayParts: readonly DayPartDef[];
  /** Request items to consider; other children's and out-of-range items are ignored. */
  items: readonly RequestItemDef[];
  /**
   * Closing days, e.g. from closingLookup()/closingLookupByGroup() in closing-days.ts. Called with the
   * date and the group of the care in question (a one-argument function works too).
   */
  closing: ClosingLookup;
}

/** Longest range one call accepts, so a typo in a date cannot make the server loop for years of days. */
export const MAX_SCHEDULE_DAYS = 2 * 366;

interface PreparedPlacement {
  id: string;
  groupId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** Index 1–7 (ISO weekday) → day parts of the weekly pattern. */
  pattern: DayPartDef[][];
}

function byStart<T extends { startMinute: number; endMinute: number; dayPartId: string }>(
  order: ReadonlyMap<string, DayPartDef>,
): (a: T, b: T) => number {
  return (a, b) =>
    a.startMinute - b.startMinute ||
    a.endMinute - b.endMinute ||
    (order.get(a.dayPartId)?.sortOrder ?? 0) - (order.get(b.dayPartId)?.sortOrder ?? 0) ||
    (a.dayPartId < b.dayPartId ? -1 : a.dayPartId > b.dayPartId ? 1 : 0);
}

function dayPartOrThrow(map: ReadonlyMap<string, DayPartDef>, id: string): DayPartDef {
  const dp = map.get(id);
  if (!dp) throw new Error(`Unknown day part ${id}: pass every day part the placements and items refer to`);
  return dp;
}

/** Whether an ADD item's kind gives care (absence items never add care). */
function addKind(item: RequestItemDef): "EXTRA_DAY" | "SWAP_DAY" | null {
  return item.direction === "ADD" && (item.kind === "EXTRA_DAY" || item.kind === "SWAP_DAY") ? item.kind : null;
}

function computeSchedule(
  input: Omit<ScheduleInput, "placements" | "items">,
  placements: readonly PlacementDef[],
  itemsByDate: ReadonlyMap<IsoDate, RequestItemDef[]>,
  dayPartById: ReadonlyMap<string, DayPartDef>,
): ChildSchedule {
  const { childId, from, to, closing } = input;
  const start = dayNumber(from);
  const count = dayNumber(to) - start + 1;
  if (count < 1) throw new RangeError(`Schedule range ends before it starts: ${from} – ${to}`);
  if (count > MAX_SCHEDULE_DAYS) throw new RangeError(`Schedule range too long: ${count} days`);

  const prepared: PreparedPlacement[] = [];
  for (const p of placements) {
    if (p.childId !== childId) continue;
    // Skip placements that do not touch the range at all.
    if (p.startDate > to || (p.endDate !== null && p.endDate < from)) continue;
    const pattern: DayPartDef[][] = [[], [], [], [], [], [], [], []];
    for (const d of p.days) pattern[d.weekday]!.push(dayPartOrThrow(dayPartById, d.dayPartId));
    prepared.push({ id: p.id, groupId: p.groupId, startDate: p.startDate, endDate: p.endDate, pattern });
  }

  const sortEntries = byStart(dayPartById);
  const days: ScheduleDay[] = new Array(count);
  let wd: number = weekdayOf(from);

  for (let i = 0; i < count; i++, wd = (wd % 7) + 1) {
    const date = fromDayNumber(start + i);
    const weekday = wd as Weekday;
    const items = itemsByDate.get(date) ?? [];

    // Closing is per group (a child's KDV and BSO groups may lie at different locations).
    const closedByGroup = new Map<string, ClosingInfo | null>();
    const closedFor = (groupId: string): ClosingInfo | null => {
      if (!closedByGroup.has(groupId)) closedByGroup.set(groupId, closing(date, groupId));
      return closedByGroup.get(groupId)!;
    };

    // 1. Care before removals: contract pattern of every placement active on this date (placement
    //    period inclusive, endDate null = open), then approved extra days and swap targets.
    const care = new Map<string, ScheduledDayPart>();
    const activeGroups: string[] = [];
    for (const p of prepared) {
      if (date < p.startDate || (p.endDate !== null && date > p.endDate)) continue;
      activeGroups.push(p.groupId);
      for (const dp of p.pattern[weekday]!) {
        if (care.has(dp.id)) continue;
        care.set(dp.id, {
          dayPartId: dp.id,
          code: dp.code,
          startMinute: dp.startMinute,
          endMinute: dp.endMinute,
          groupId: dp.groupId,
          source: "CONTRACT",
          placementId: p.id,
          itemId: null,
          pendingRemovalItemId: null,
        });
      }
    }
    for (const item of items) {
      const kind = addKind(item);
      if (!kind || item.status !== "APPROVED" || care.has(item.dayPartId)) continue;
      care.set(item.dayPartId, {
        dayPartId: item.dayPartId,
        code: dayPartOrThrow(dayPartById, item.dayPartId).code,
        // The item keeps the times it was requested (and approved) with.
        startMinute: item.startMinute,
        endMinute: item.endMinute,
        groupId: item.groupId,
        source: kind === "EXTRA_DAY" ? "EXTRA" : "SWAP",
        placementId: null,
        itemId: item.id,
        pendingRemovalItemId: null,
      });
    }

    const removed: RemovedDayPart[] = [];
    const remove = (entry: ScheduledDayPart, reason: RemovalReason, byItem: string | null) => {
      care.delete(entry.dayPartId);
      removed.push({
        dayPartId: entry.dayPartId,
        code: entry.code,
        startMinute: entry.startMinute,
        endMinute: entry.endMinute,
        groupId: entry.groupId,
        source: entry.source,
        placementId: entry.placementId,
        itemId: entry.itemId,
        reason,
        removedByItemId: byItem,
      });
    };

    // 2. Closing days first: nothing is scheduled on them, so an absence there removes nothing
    //    (and earns no credit — seed 003 Openingsdagen).
    for (const entry of [...care.values()]) if (closedFor(entry.groupId)) remove(entry, "CLOSED", null);

    // 3. Registered absences and approved swaps take care away; a pending swap only marks it.
    for (const item of items) {
      if (item.direction !== "REMOVE") continue;
      const entry = care.get(item.dayPartId);
      if (!entry) continue;
      if (item.status === "REGISTERED" || item.status === "APPROVED") {
        remove(entry, item.kind === "ABSENCE" ? "ABSENCE" : "SWAPPED_AWAY", item.id);
      } else if (item.status === "PENDING" && entry.pendingRemovalItemId === null) {
        entry.pendingRemovalItemId = item.id;
      }
    }

    // 4. Pending extra days and swap targets are options ("Optie extra"), except on closed days.
    const options: OptionDayPart[] = [];
    for (const item of items) {
      const kind = addKind(item);
      if (!kind || item.status !== "PENDING" || closedFor(item.groupId)) continue;
      options.push({
        dayPartId: item.dayPartId,
        code: dayPartOrThrow(dayPartById, item.dayPartId).code,
        startMinute: item.startMinute,
        endMinute: item.endMinute,
        groupId: item.groupId,
        kind,
        itemId: item.id,
        requestId: item.requestId,
      });
    }

    // The day's closed marker: set when every group the child has a placement or an item in that
    // day is closed (the reason of the first), or from the organisation-wide calendar when the child
    // has no group that day. A closure of only one of two locations shows as CLOSED entries in
    // `removed` instead.
    let closed: ClosingInfo | null = null;
    if (activeGroups.length === 0 && items.length === 0) {
      closed = closing(date, null);
    } else {
      for (const g of [...activeGroups, ...items.map((it) => it.groupId)]) {
        const info = closedFor(g);
        if (!info) {
          closed = null;
          break;
        }
        closed ??= info;
      }
    }

    days[i] = {
      date,
      weekday,
      closed,
      scheduled: [...care.values()].sort(sortEntries),
      removed: removed.sort(sortEntries),
      options: options.sort(sortEntries),
      requests: items,
    };
  }

  return { childId, from, to, days };
}

function indexDayParts(dayParts: readonly DayPartDef[]): Map<string, DayPartDef> {
  return new Map(dayParts.map((dp) => [dp.id, dp]));
}

function indexItemsByDate(items: readonly RequestItemDef[], childId: string, from: IsoDate, to: IsoDate) {
  const byDate = new Map<IsoDate, RequestItemDef[]>();
  for (const item of items) {
    if (item.childId !== childId || item.date < from || item.date > to) continue;
    const list = byDate.get(item.date);
    if (list) list.push(item);
    else byDate.set(item.date, [item]);
  }
  return byDate;
}

/**
 * The agenda of one child for [from, to] (inclusive, at most {@link MAX_SCHEDULE_DAYS} days).
 *
 * Rules (domain.md Calendar; seed 002 §5.2–5.4, seed 003 Openingsdagen):
 * - a placement applies on dates within [startDate, endDate] (endDate null = open-ended), with its
 *   weekly pattern by ISO weekday;
 * - APPROVED ADD items (extra day, swap target) add care, with the times the item was requested with;
 * - REGISTERED absence items and APPROVED swap REMOVE items take care away (listed in `removed`);
 * - a PENDING swap REMOVE leaves the care scheduled with `pendingRemovalItemId` set;
 * - PENDING extra-day / swap-target ADD items are `options` ("Optie extra");
 * - on a closing day of the care's group nothing is scheduled: contract care is listed in `removed`
 *   with reason CLOSED and `closed` names the day;
 * - CANCELLED, REJECTED and EXPIRED items have no effect; like every item they are listed in `requests`.
 */
export function scheduleForChild(input: ScheduleInput): ChildSchedule {
  return computeSchedule(
    input,
    input.placements,
    indexItemsByDate(input.items, input.childId, input.from, input.to),
    indexDayParts(input.dayParts),
  );
}

/**
 * The agenda of several children (e.g. a family's four children for eight weeks) in one pass: day
 * parts, placements and items are indexed once instead of per child.
 */
export function scheduleForChildren(
  input: Omit<ScheduleInput, "childId"> & { childIds: readonly string[] },
): Map<string, ChildSchedule> {
  const dayPartById = indexDayParts(input.dayParts);
  const wanted = new Set(input.childIds);
  const placementsByChild = new Map<string, PlacementDef[]>();
  for (const p of input.placements) {
    if (!wanted.has(p.childId)) continue;
    const list = placementsByChild.get(p.childId);
    if (list) list.push(p);
    else placementsByChild.set(p.childId, [p]);
  }
  const itemsByChild = new Map<string, Map<IsoDate, RequestItemDef[]>>();
  for (const item of input.items) {
    if (!wanted.has(item.childId) || item.date < input.from || item.date > input.to) continue;
    let byDate = itemsByChild.get(item.childId);
    if (!byDate) itemsByChild.set(item.childId, (byDate = new Map()));
    const list = byDate.get(item.date);
    if (list) list.push(item);
    else byDate.set(item.date, [item]);
  }
  const result = new Map<string, ChildSchedule>();
  for (const childId of input.childIds) {
    if (result.has(childId)) continue;
    result.set(
      childId,
      computeSchedule(
        { childId, from: input.from, to: input.to, dayParts: input.dayParts, closing: input.closing },
        placementsByChild.get(childId) ?? [],
        itemsByChild.get(childId) ?? new Map(),
        dayPartById,
      ),
    );
  }
  return result;
}

/** The schedule's entry for `date`, or null when the date lies outside the computed range. */
export function scheduleDay(schedule: ChildSchedule, date: IsoDate): ScheduleDay | null {
  if (date < schedule.from || date > schedule.to) return null;
  return schedule.days[diffDays(schedule.from, date)] ?? null;
}

/**
 * The day parts the child is expected for on `date` — the "reeds gepland" entries with their times in
 * the request forms (seed 002 §5.2) and the day parts that can be reported absent or given up for a
 * swap (§5.3, §5.4). Empty on closed days and outside the computed range.
 */
export function scheduledDayParts(schedule: ChildSchedule, date: IsoDate): ScheduledDayPart[] {
  return scheduleDay(schedule, date)?.scheduled ?? [];
}

/** Whether the child is expected for `dayPartId` on `date` ("reeds gepland"). */
export function isScheduled(schedule: ChildSchedule, date: IsoDate, dayPartId: string): boolean {
  return scheduledDayParts(schedule, date).some((p) => p.dayPartId === dayPartId);
}

export interface DayPartChoice {
  dayPart: DayPartDef;
  /** Set when already scheduled: shown as "reeds gepland" with these times and not selectable. */
  scheduled: ScheduledDayPart | null;
  /** Set when a pending request for this day part exists ("Optie extra"). */
  pending: OptionDayPart | null;
}

/**
 * The day parts an extra day can be requested for on `date` (seed 002 §5.2: "Wanneer de kinderen op
 * de bewuste dag al verwacht worden, staat er achter de dagdelen de tekst 'reeds gepland'"): every day
 * part of the groups the child is placed in on that date, sorted, each marked when already scheduled
 * or pending. Empty on a closed day, outside the schedule's range and when no placement applies.
 */
export function dayPartChoices(
  schedule: ChildSchedule,
  date: IsoDate,
  placements: readonly PlacementDef[],
  dayParts: readonly DayPartDef[],
): DayPartChoice[] {
  const day = scheduleDay(schedule, date);
  if (!day || day.closed) return [];
  const groups = new Set(
    placements
      .filter((p) => p.childId === schedule.childId && date >= p.startDate && (p.endDate === null || date <= p.endDate))
      .map((p) => p.groupId),
  );
  return dayParts
    .filter((dp) => groups.has(dp.groupId))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.startMinute - b.startMinute || (a.id < b.id ? -1 : 1))
    .map((dp) => ({
      dayPart: dp,
      scheduled: day.scheduled.find((s) => s.dayPartId === dp.id) ?? null,
      pending: day.options.find((o) => o.dayPartId === dp.id) ?? null,
    }));
}
