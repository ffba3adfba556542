import "server-only";
import { closingLookup, type ClosingInfo } from "@/lib/domain/closing-days";
import { scheduleForChildren } from "@/lib/domain/schedule";
import type { DayPartDef, IsoDate, RequestItemDef } from "@/lib/domain/types";
import { parseIsoDate } from "@/lib/format/date";
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
  const day = parseIsoDate(date);
  const group = await tx.group.findUniqueOrThrow({
    where: { id: groupId },
    select: { locationId: true, location: { select: { organisationId: true } }, dayParts: true },
  });
  const [placements, items, closingDays, policy] = await Promise.all([
    tx.placement.findMany({
      where: { groupId, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] },
      include: { days: { select: { weekday: true, dayPartId: true } } },
    }),
    tx.requestItem.findMany({ where: { groupId, date: day }, include: { request: { select: { kind: true } } } }),
    tx.closingDay.findMany({ where: { organisationId: group.location.organisationId, date: day } }),
    loadPolicyWith(tx, group.location.organisationId),
  ]);
  const dayParts: DayPartDef[] = group.dayParts.map(toDayPartDef);
  const itemDefs: RequestItemDef[] = items.map(toRequestItemDef);
  const closing = closingLookup(date, date, {
    organisationDays: closingDays.map((c) => ({ date, name: c.name, locationId: c.locationId })),
    locationId: group.locationId,
    liberationDayEveryYears: policy.liberationDayEveryYears,
  });
  const childIds = [...new Set([...placements.map((p) => p.childId), ...items.map((i) => i.childId)])];
  const schedules = scheduleForChildren({
    childIds,
    from: date,
    to: date,
    placements: placements.map(toPlacementDef),
    dayParts,
    items: itemDefs,
    closing,
  });
  const occupied = new Map<string, number>();
  for (const schedule of schedules.values()) {
    for (const entry of schedule.days[0]?.scheduled ?? []) {
      if (entry.groupId === groupId) occupied.set(entry.dayPartId, (occupied.get(entry.dayPartId) ?? 0) + 1);
    }
  }
  return {
    date,
    closed: closing(date),
    dayParts: dayParts
      .sort((a, b) => a.sortOrder - b.sortOrder || a.startMinute - b.startMinute)
      .map((d) => ({ ...d, occupied: occupied.get(d.id) ?? 0 })),
  };
}
