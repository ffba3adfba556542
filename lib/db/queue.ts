import "server-only";
import { PLANNER_ROLES, STAFF_ROLES, type SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { ItemDirection, ItemStatus, PaymentMethod, RequestKind } from "@/lib/generated/prisma/enums";
import type { QueueFilters } from "@/lib/schemas/assess";
import { groupOccupancyBetween, type GroupDayOccupancy } from "./occupancy";

// The staff/planner queue (issue 3 item 7, domain.md "Staff side"): pending items of extra and swap
// requests by location → group → date, each (group, date) with its occupancy per day part against
// the capacity. Planners and admins see their whole organisation and may assess; other staff see
// only the groups they work in, read-only — also in the other items of a request, which may lie in
// groups they do not work in. Scoped in the query itself, like lib/db/shell.ts.

export type QueueScope = Pick<SessionUser, "id" | "role" | "organisationId">;

export interface QueueOccupancy {
  dayPartId: string;
  code: string;
  startMinute: number;
  endMinute: number;
  capacity: number;
  occupied: number;
}

/**
 * Another item of the same request (for assess-as-whole requests and a child's swap: what is assessed
 * together). For staff who are not planners only items in their own groups.
 */
export interface QueueSiblingItem {
  id: string;
  childId: string;
  childName: string;
  groupName: string;
  date: string;
  dayPartCode: string;
  startMinute: number;
  endMinute: number;
  direction: ItemDirection;
  status: ItemStatus;
}

export interface QueueItem {
  id: string;
  requestId: string;
  childId: string;
  childName: string;
  familyName: string;
  kind: RequestKind;
  direction: ItemDirection;
  dayPartCode: string;
  startMinute: number;
  endMinute: number;
  payment: PaymentMethod | null;
  priceCents: number | null;
  comment: string | null;
  /** ISO instant. */
  submittedAt: string;
  assessAsWhole: boolean;
  expiresOn: string | null;
  otherItems: QueueSiblingItem[];
}

export interface QueueDate {
  date: string;
  /** The location is closed that day (a closing day added after the request). */
  closed: boolean;
  occupancy: QueueOccupancy[];
  items: QueueItem[];
}

export interface QueueGroup {
  id: string;
  name: string;
  dates: QueueDate[];
}

export interface QueueLocation {
  id: string;
  name: string;
  groups: QueueGroup[];
}

export interface AssessmentQueue {
  /** Planners/admins assess; other staff see the queue read-only. */
  canAssess: boolean;
  filters: QueueFilters;
  /** What the filters may choose from: the locations and groups in the user's scope. */
  options: { locations: { id: string; name: string }[]; groups: { id: string; name: string; locationId: string }[] };
  locations: QueueLocation[];
  total: number;
}

const EMPTY_FILTERS: QueueFilters = { locationId: undefined, groupId: undefined, from: undefined, to: undefined };

/** The queue for this user; empty (never an error) for parents or a filter outside the user's scope. */
export async function getAssessmentQueue(user: QueueScope, filters: QueueFilters = EMPTY_FILTERS): Promise<AssessmentQueue> {
  const canAssess = PLANNER_ROLES.includes(user.role);
  const empty: AssessmentQueue = { canAssess, filters, options: { locations: [], groups: [] }, locations: [], total: 0 };
  if (!STAFF_ROLES.includes(user.role)) return { ...empty, canAssess: false };

  // The groups in scope: the organisation's for planners, the memberships for other staff.
  const groupScope = canAssess
    ? { location: { organisationId: user.organisationId } }
    : { location: { organisationId: user.organisationId }, staff: { some: { userId: user.id } } };
  const groups = await db.group.findMany({
    where: groupScope,
    select: { id: true, name: true, location: { select: { id: true, name: true } } },
    orderBy: [{ location: { name: "asc" } }, { name: "asc" }],
  });
  const locationOptions = [...new Map(groups.map((g) => [g.location.id, { id: g.location.id, name: g.location.name }])).values()];
  const groupOptions = groups.map((g) => ({ id: g.id, name: g.name, locationId: g.location.id }));
  const options = { locations: locationOptions, groups: groupOptions };

  const groupIds = groups
    .filter((g) => (!filters.locationId || g.location.id === filters.locationId) && (!filters.groupId || g.id === filters.groupId))
    .map((g) => g.id);
  if (groupIds.length === 0) return { ...empty, options };

  const dateFilter: { gte?: Date; lte?: Date } = {};
  if (filters.from) dateFilter.gte = parseIsoDate(filters.from);
  if (filters.to) dateFilter.lte = parseIsoDate(filters.to);

  const items = await db.requestItem.findMany({
    where: {
      status: "PENDING",
      groupId: { in: groupIds },
      request: { kind: { in: ["EXTRA_DAY", "SWAP_DAY"] } },
      ...(filters.from || filters.to ? { date: dateFilter } : {}),
    },
    select: {
      id: true,
      requestId: true,
      groupId: true,
      childId: true,
      date: true,
      direction: true,
      startMinute: true,
      endMinute: true,
      payment: true,
      priceCents: true,
      child: { select: { firstName: true, lastName: true } },
      dayPart: { select: { code: true } },
      request: {
        select: {
          kind: true,
          assessAsWhole: true,
          expiresOn: true,
          comment: true,
          createdAt: true,
          family: { select: { name: true } },
          items: {
            select: {
              id: true,
              childId: true,
              groupId: true,
              date: true,
              direction: true,
              status: true,
              startMinute: true,
              endMinute: true,
              child: { select: { firstName: true, lastName: true } },
              dayPart: { select: { code: true } },
              group: { select: { name: true } },
            },
            orderBy: [{ date: "asc" }, { startMinute: "asc" }],
          },
        },
      },
    },
    orderBy: [{ date: "asc" }, { startMinute: "asc" }, { createdAt: "asc" }],
  });

  // One occupancy read per group over the range of its queued dates, the groups at once.
  const ranges = new Map<string, { from: string; to: string }>();
  for (const i of items) {
    const date = toIsoDate(i.date);
    const range = ranges.get(i.groupId);
    if (!range) ranges.set(i.groupId, { from: date, to: date });
    else {
      if (date < range.from) range.from = date;
      if (date > range.to) range.to = date;
    }
  }
  const occupancies = new Map<string, GroupDayOccupancy>();
  await Promise.all(
    [...ranges].map(async ([groupId, { from, to }]) => {
      for (const day of await groupOccupancyBetween(db, groupId, from, to)) occupancies.set(`${groupId}|${day.date}`, day);
    }),
  );
  // Read-only staff see the other items of a request only in the groups they work in.
  const visibleGroups = new Set(groups.map((g) => g.id));

  const byGroup = new Map<string, Map<string, QueueItem[]>>();
  for (const i of items) {
    const date = toIsoDate(i.date);
    const dates = byGroup.get(i.groupId) ?? new Map<string, QueueItem[]>();
    byGroup.set(i.groupId, dates);
    const list = dates.get(date) ?? [];
    dates.set(date, list);
    list.push({
      id: i.id,
      requestId: i.requestId,
      childId: i.childId,
      childName: `${i.child.firstName} ${i.child.lastName}`,
      familyName: i.request.family.name,
      kind: i.request.kind,
      direction: i.direction,
      dayPartCode: i.dayPart.code,
      startMinute: i.startMinute,
      endMinute: i.endMinute,
      payment: i.payment,
      priceCents: i.priceCents,
      comment: i.request.comment,
      submittedAt: i.request.createdAt.toISOString(),
      assessAsWhole: i.request.assessAsWhole,
      expiresOn: i.request.expiresOn ? toIsoDate(i.request.expiresOn) : null,
      otherItems: i.request.items
        .filter((o) => o.id !== i.id && (canAssess || visibleGroups.has(o.groupId)))
        .map((o) => ({
          id: o.id,
          childId: o.childId,
          childName: `${o.child.firstName} ${o.child.lastName}`,
          groupName: o.group.name,
          date: toIsoDate(o.date),
          dayPartCode: o.dayPart.code,
          startMinute: o.startMinute,
          endMinute: o.endMinute,
          direction: o.direction,
          status: o.status,
        })),
    });
  }

  const locations: QueueLocation[] = [];
  for (const g of groups) {
    const dates = byGroup.get(g.id);
    if (!dates) continue;
    let location = locations.find((l) => l.id === g.location.id);
    if (!location) {
      location = { id: g.location.id, name: g.location.name, groups: [] };
      locations.push(location);
    }
    location.groups.push({
      id: g.id,
      name: g.name,
      dates: [...dates.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, list]) => {
          const occ = occupancies.get(`${g.id}|${date}`)!;
          return {
            date,
            closed: occ.closed !== null,
            occupancy: occ.dayParts.map((d) => ({
              dayPartId: d.id,
              code: d.code,
              startMinute: d.startMinute,
              endMinute: d.endMinute,
              capacity: d.capacity,
              occupied: d.occupied,
            })),
            items: list,
          };
        }),
    });
  }
  return { canAssess, filters, options, locations, total: items.length };
}
