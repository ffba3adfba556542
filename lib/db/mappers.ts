import "server-only";
import type { DayPartDef, PlacementDef, RequestItemDef, Weekday } from "@/lib/domain/types";
import { toIsoDate } from "@/lib/format/date";
import type { DayPart, Placement, PlacementDay, RequestItem, RequestKind } from "@/lib/generated/prisma/client";

// Prisma rows → the plain shapes of lib/domain. One place, so every query feeds the rules the same way.

export function toDayPartDef(d: DayPart): DayPartDef {
  return {
    id: d.id,
    groupId: d.groupId,
    code: d.code,
    startMinute: d.startMinute,
    endMinute: d.endMinute,
    capacity: d.capacity,
    sortOrder: d.sortOrder,
  };
}

export function toPlacementDef(p: Placement & { days: Pick<PlacementDay, "weekday" | "dayPartId">[] }): PlacementDef {
  return {
    id: p.id,
    childId: p.childId,
    groupId: p.groupId,
    startDate: toIsoDate(p.startDate),
    endDate: p.endDate ? toIsoDate(p.endDate) : null,
    contractType: p.contractType,
    hourlyRateCents: p.hourlyRateCents,
    flexMinutesPerYear: p.flexMinutesPerYear,
    days: p.days.map((d) => ({ weekday: d.weekday as Weekday, dayPartId: d.dayPartId })),
  };
}

export function toRequestItemDef(i: RequestItem & { request: { kind: RequestKind } }): RequestItemDef {
  return {
    id: i.id,
    requestId: i.requestId,
    kind: i.request.kind,
    childId: i.childId,
    groupId: i.groupId,
    dayPartId: i.dayPartId,
    date: toIsoDate(i.date),
    direction: i.direction,
    status: i.status,
    startMinute: i.startMinute,
    endMinute: i.endMinute,
  };
}
