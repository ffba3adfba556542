import "server-only";
import { db } from "@/lib/db/client";
import { loadFamilyCalendarData } from "@/lib/db/calendar-data";
import { toDayPartDef } from "@/lib/db/mappers";
import { closingLookupByGroup, type ClosingInfo } from "@/lib/domain/closing-days";
import { addDays, isIsoDate, isWeekend, weekday } from "@/lib/domain/dates";
import type { HolidayCode } from "@/lib/domain/holidays";
import { scheduleForChildren, type CareSource, type RemovalReason, type ScheduleDay } from "@/lib/domain/schedule";
import { calendarMark, itemDisplayStatus, type CalendarMark, type ItemDisplayStatus } from "@/lib/domain/status";
import type { DayPartDef, IsoDate, ItemDirection, RequestKind, Weekday } from "@/lib/domain/types";

// The parent's agenda (seed 002 §5): per day from today, per child the scheduled day parts with their
// times, what fell away (absence, swap, closing day), pending requests ("Optie extra") and every request
// item of that day for the details. Scoped to the signed-in parent's family through
// loadFamilyCalendarData; the child filter only ever narrows that family's own children.

/** Weeks shown without a `?weeks=` parameter ("4 weeks ahead"). */
export const AGENDA_DEFAULT_WEEKS = 4;
/** Step of "Meer weken tonen". */
export const AGENDA_WEEKS_STEP = 4;
/** Upper bound of `?weeks=`, so a hand-made URL cannot make the server compute years of days. */
export const AGENDA_MAX_WEEKS = 26;

/** `?weeks=` → a whole number of weeks in [1, AGENDA_MAX_WEEKS]; anything else → the default. */
export function parseAgendaWeeks(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,3}$/.test(value)) return AGENDA_DEFAULT_WEEKS;
  const weeks = Number(value);
  if (weeks < 1) return AGENDA_DEFAULT_WEEKS;
  return Math.min(weeks, AGENDA_MAX_WEEKS);
}

export interface AgendaChildDto {
  id: string;
  firstName: string;
  lastName: string;
}

/** Why a day (or a child's care that day) is closed: a holiday code to translate, or the organisation's own name. */
export type AgendaClosedDto =
  | { source: "HOLIDAY"; code: HolidayCode; name: null }
  | { source: "ORGANISATION"; code: null; name: string };

interface AgendaDayPartBase {
  dayPartId: string;
  /** MORNING, AFTERNOON, VSO, NSO, … — translated in the UI, raw code as the fallback. */
  code: string;
  startMinute: number;
  endMinute: number;
  groupId: string;
  groupName: string;
}

export interface AgendaScheduledDto extends AgendaDayPartBase {
  source: CareSource;
  /** A swap giving this care up is waiting for assessment; the care still counts until approved. */
  pendingSwapAway: boolean;
}

export interface AgendaRemovedDto extends AgendaDayPartBase {
  source: CareSource;
  reason: RemovalReason;
}

export interface AgendaOptionDto extends AgendaDayPartBase {
  /** "Optie extra": a pending extra day or swap target. */
  kind: "EXTRA_DAY" | "SWAP_DAY";
  itemId: string;
  requestId: string;
}

export interface AgendaRequestItemDto extends AgendaDayPartBase {
  itemId: string;
  requestId: string;
  kind: RequestKind;
  direction: ItemDirection;
  status: ItemDisplayStatus;
  /** How the item marks the day, or null when it leaves none (rejected, cancelled, expired). */
  mark: CalendarMark | null;
}

export interface AgendaChildDayDto {
  childId: string;
  firstName: string;
  /** Set when every group the child has something in that day is closed. */
  closed: AgendaClosedDto | null;
  scheduled: AgendaScheduledDto[];
  removed: AgendaRemovedDto[];
  options: AgendaOptionDto[];
  requests: AgendaRequestItemDto[];
}

export interface AgendaDayDto {
  date: IsoDate;
  weekday: Weekday;
  /** Set when the day is closed for every shown child (a holiday or the organisation's own closing day). */
  closed: AgendaClosedDto | null;
  /** The shown children with anything on this day (care, removed care, options or requests). */
  children: AgendaChildDayDto[];
}

export interface AgendaDto {
  from: IsoDate;
  to: IsoDate;
  weeks: number;
  /** The family's children (for the filter), oldest first. */
  children: AgendaChildDto[];
  /** The filtered child, when `?child=` named one of the family's children; null = all. */
  selectedChildId: string | null;
  /** Weekdays always; weekend days only when a shown child has something on them. */
  days: AgendaDayDto[];
}

function closedDto(info: ClosingInfo | null): AgendaClosedDto | null {
  if (!info) return null;
  return info.source === "HOLIDAY"
    ? { source: "HOLIDAY", code: info.code, name: null }
    : { source: "ORGANISATION", code: null, name: info.name };
}

/**
 * The agenda of a parent's family for `weeks` weeks from `from` (today in Amsterdam, normally).
 * `childId` narrows to one child; an id that is not one of the family's children is ignored.
 */
export async function getParentAgenda(
  scope: { organisationId: string; familyId: string },
  options: { from: IsoDate; weeks: number; childId?: string | null },
): Promise<AgendaDto> {
  if (!isIsoDate(options.from)) throw new RangeError(`Not an ISO date: ${options.from}`);
  const weeks = Math.min(Math.max(Math.trunc(options.weeks) || AGENDA_DEFAULT_WEEKS, 1), AGENDA_MAX_WEEKS);
  const from = options.from;
  const to = addDays(from, weeks * 7 - 1);

  const data = await loadFamilyCalendarData(scope, from, to);
  const children = data.children.map(({ id, firstName, lastName }) => ({ id, firstName, lastName }));
  const selectedChildId = options.childId && children.some((c) => c.id === options.childId) ? options.childId : null;
  const shown = selectedChildId ? children.filter((c) => c.id === selectedChildId) : children;

  // Items may name a day part of a group the child has no placement in within the range (e.g. an
  // approved extra day in a sibling's group). The schedule needs every referenced day part, so load
  // those too — their ids come from this family's own items, so nothing of anyone else is read.
  const dayParts: DayPartDef[] = [...data.dayParts];
  const groupName = new Map(data.groups.map((g) => [g.id, g.name]));
  const locationOfGroup = new Map(data.groups.map((g) => [g.id, g.locationId]));
  const known = new Set(dayParts.map((d) => d.id));
  const missing = [...new Set(data.items.map((i) => i.dayPartId).filter((id) => !known.has(id)))];
  if (missing.length > 0) {
    const rows = await db.dayPart.findMany({
      where: { id: { in: missing }, group: { location: { organisationId: scope.organisationId } } },
      include: { group: { select: { id: true, name: true, locationId: true } } },
    });
    for (const dp of rows) {
      dayParts.push(toDayPartDef(dp));
      groupName.set(dp.group.id, dp.group.name);
      locationOfGroup.set(dp.group.id, dp.group.locationId);
    }
  }
  const dayPartIds = new Set(dayParts.map((d) => d.id));
  const dayPartById = new Map(dayParts.map((d) => [d.id, d]));

  const schedules = scheduleForChildren({
    childIds: shown.map((c) => c.id),
    from,
    to,
    placements: data.placements,
    dayParts,
    // An item whose day part could not be found (should not happen) is left out rather than failing the page.
    items: data.items.filter((i) => dayPartIds.has(i.dayPartId)),
    closing: closingLookupByGroup(from, to, {
      organisationDays: data.closingDays,
      liberationDayEveryYears: data.policy.liberationDayEveryYears,
      locationOfGroup,
    }),
  });

  const group = (groupId: string) => groupName.get(groupId) ?? "";
  const toChildDay = (child: AgendaChildDto, day: ScheduleDay): AgendaChildDayDto => ({
    childId: child.id,
    firstName: child.firstName,
    closed: closedDto(day.closed),
    scheduled: day.scheduled.map((s) => ({
      dayPartId: s.dayPartId,
      code: s.code,
      startMinute: s.startMinute,
      endMinute: s.endMinute,
      groupId: s.groupId,
      groupName: group(s.groupId),
      source: s.source,
      pendingSwapAway: s.pendingRemovalItemId !== null,
    })),
    removed: day.removed.map((r) => ({
      dayPartId: r.dayPartId,
      code: r.code,
      startMinute: r.startMinute,
      endMinute: r.endMinute,
      groupId: r.groupId,
      groupName: group(r.groupId),
      source: r.source,
      reason: r.reason,
    })),
    options: day.options.map((o) => ({
      dayPartId: o.dayPartId,
      code: o.code,
      startMinute: o.startMinute,
      endMinute: o.endMinute,
      groupId: o.groupId,
      groupName: group(o.groupId),
      kind: o.kind,
      itemId: o.itemId,
      requestId: o.requestId,
    })),
    requests: [...day.requests]
      .sort((a, b) => a.startMinute - b.startMinute || a.endMinute - b.endMinute)
      .map((i) => ({
        dayPartId: i.dayPartId,
        code: dayPartById.get(i.dayPartId)?.code ?? "",
        startMinute: i.startMinute,
        endMinute: i.endMinute,
        groupId: i.groupId,
        groupName: group(i.groupId),
        itemId: i.id,
        requestId: i.requestId,
        kind: i.kind,
        direction: i.direction,
        status: itemDisplayStatus(i.status),
        mark: calendarMark(i),
      })),
  });

  const days: AgendaDayDto[] = [];
  const dayCount = weeks * 7;
  for (let index = 0; index < dayCount; index++) {
    const date = addDays(from, index);
    const perChild: AgendaChildDayDto[] = [];
    const closings: (AgendaClosedDto | null)[] = [];
    for (const child of shown) {
      const day = schedules.get(child.id)?.days[index];
      if (!day) continue;
      const entry = toChildDay(child, day);
      closings.push(entry.closed);
      const hasAnything =
        entry.scheduled.length + entry.removed.length + entry.options.length + entry.requests.length > 0;
      if (hasAnything) perChild.push(entry);
    }
    // Weekends without anything for the shown children are left out (closed or not).
    if (isWeekend(date) && perChild.length === 0) continue;
    const closed = closings.length > 0 && closings.every((c) => c !== null) ? closings[0]! : null;
    days.push({ date, weekday: weekday(date), closed, children: perChild });
  }

  return { from, to, weeks, children, selectedChildId, days };
}

