import "server-only";
import { closingLookup, type ClosingInfo } from "@/lib/domain/closing-days";
import { addDays, diffDays } from "@/lib/domain/dates";
import { scheduleForChildren } from "@/lib/domain/schedule";
import type { DayPartDef, IsoDate, RequestItemDef } from "@/lib/domain/types";
import { parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadPolicyWith } from "./calendar-data";
import { toDayPartDef, toPlacementDef, toRequestItemDef } from "./mappers";

// How many children a group expects per day part on a date: contract care from the placements'
// weekly patterns plus approved extra/swap care, minus absences and swapped-away care, nothing on
// closing days — the same rules as the parent's agenda (lib/domain/schedule.ts). Pending requests
// ("Optie extra") do not occupy a place until they are approved.

export interface GroupDayOccupancy {
  date: IsoDate;
  /** Set when the group's location is closed that day: nothing is scheduled and no care can be added. */
  closed: ClosingInfo | null;
  dayParts: (DayPartDef & { occupied: number })[];
}

/** Reads with the given client, so it sees (and is serialised with) the caller's transaction. */
export async function groupOccupancy(tx: Prisma.TransactionClient, groupId: string, date: IsoDate): Promise<GroupDayOccupancy> {
  return (await groupOccupancyBetween(tx, groupId, date, date))[0]!;
}

/**
 * The occupancy of every date in [from, to] (inclusive, in date order) in one read: the queue shows
 * many dates of one group, and one query set per group instead of per date keeps it cheap.
 */
export async function groupOccupancyBetween(tx: Prisma.TransactionClient, groupId: string, from: IsoDate, to: IsoDate): Promise<GroupDayOccupancy[]> {
  if (to < from) throw new RangeError(`Empty range ${from}..${to}`);
  const first = parseIsoDate(from);
  const last = parseIsoDate(to);
  const group = await tx.group.findUniqueOrThrow({
    where: { id: groupId },
    select: { locationId: true, location: { select: { organisationId: true } }, dayParts: true },
  });
  const [placements, items, closingDays, policy] = await Promise.all([
    tx.placement.findMany({
      where: { groupId, startDate: { lte: last }, OR: [{ endDate: null }, { endDate: { gte: first } }] },
      include: { days: { select: { weekday: true, dayPartId: true } } },
    }),
    tx.requestItem.findMany({ where: { groupId, date: { gte: first, lte: last } }, include: { request: { select: { kind: true } } } }),
    tx.closingDay.findMany({ where: { organisationId: group.location.organisationId, date: { gte: first, lte: last } } }),
    loadPolicyWith(tx, group.location.organisationId),
  ]);
  const dayParts: DayPartDef[] = group.dayParts.map(toDayPartDef);
  const sortedDayParts = [...dayParts].sort((a, b) => a.sortOrder - b.sortOrder || a.startMinute - b.startMinute);
  const itemDefs: RequestItemDef[] = items.map(toRequestItemDef);
  const closing = closingLookup(from, to, {
    organisationDays: closingDays.map((c) => ({ date: toIsoDate(c.date), name: c.name, locationId: c.locationId })),
    locationId: group.locationId,
    liberationDayEveryYears: policy.liberationDayEveryYears,
  });
  const childIds = [...new Set([...placements.map((p) => p.childId), ...items.map((i) => i.childId)])];
  const schedules = scheduleForChildren({
    childIds,
    from,
    to,
    placements: placements.map(toPlacementDef),
    dayParts,
    items: itemDefs,
    closing,
  });
  // date → day part id → children expected there.
  const occupied = new Map<IsoDate, Map<string, number>>();
  for (const schedule of schedules.values()) {
    for (const day of schedule.days) {
      const byDayPart = occupied.get(day.date) ?? new Map<string, number>();
      occupied.set(day.date, byDayPart);
      for (const entry of day.scheduled) {
        if (entry.groupId === groupId) byDayPart.set(entry.dayPartId, (byDayPart.get(entry.dayPartId) ?? 0) + 1);
      }
    }
  }
  return Array.from({ length: diffDays(from, to) + 1 }, (_, index) => {
    const date = addDays(from, index);
    const byDayPart = occupied.get(date);
    return {
      date,
      closed: closing(date),
      dayParts: sortedDayParts.map((d) => ({ ...d, occupied: byDayPart?.get(d.id) ?? 0 })),
    };
  });
}
