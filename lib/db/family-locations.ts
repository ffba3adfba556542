import "server-only";
import { db } from "@/lib/db/client";
import { amsterdamToday } from "@/lib/format/date";

/**
 * The locations whose news, newsletters, information pages and team a family sees: those of the groups
 * of its children's placements that have not ended (no end date, or ending today or later in
 * Europe/Amsterdam), future placements included. Content with no location is for every location of the
 * family's organisation. Sorted by name, without duplicates.
 */
export async function familyLocationIds(familyId: string, now: Date = new Date()): Promise<string[]> {
  const today = amsterdamToday(now);
  const rows = await db.location.findMany({
    where: {
      groups: {
        some: {
          placements: { some: { child: { familyId }, OR: [{ endDate: null }, { endDate: { gte: today } }] } },
        },
      },
    },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => row.id);
}
