// Shared set-up for tests/requests-*.test.ts: an organisation with one KDV group (MORNING 07:00–13:00,
// AFTERNOON 13:00–18:30), two families and a planner, as real rows in the file's own database.
// App modules are imported lazily: a test file may first have to set the environment.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";

const getDb = async () => (await import("@/lib/db/client")).db;
const date = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

let counter = 0;

export interface RequestsWorld {
  orgId: string;
  groupId: string;
  morningId: string;
  afternoonId: string;
  /** Guardian 1 of family A (nl) and guardian 2 (en). */
  parent: SessionUser;
  parentEn: SessionUser;
  /** Family A: Noor (Mon, Tue, Fri full days), Sem (Mon morning). */
  noorId: string;
  semId: string;
  /** Family B with its own child Julia (Mon full day). */
  other: SessionUser;
  juliaId: string;
  planner: SessionUser;
}

async function user(orgId: string, role: SessionUser["role"], locale: string, familyId: string | null, rank: 1 | 2 | null): Promise<SessionUser> {
  const db = await getDb();
  const n = ++counter;
  const email = `user${n}-${randomUUID().slice(0, 6)}@example.test`;
  const name = role === "PARENT" ? `Ouder ${n}` : `Planner ${n}`;
  const row = await db.user.create({ data: { organisationId: orgId, email, name, role, locale } });
  if (familyId && rank) await db.guardian.create({ data: { familyId, userId: row.id, rank } });
  return { id: row.id, email, name, role, organisationId: orgId, locale, familyId, guardianRank: rank, groupIds: [] };
}

export async function createRequestsWorld(policy: Record<string, unknown> = {}): Promise<RequestsWorld> {
  const db = await getDb();
  const org = await db.organisation.create({ data: { name: "Kinderopvang De Zonnebloem", slug: `zonnebloem-${randomUUID().slice(0, 8)}` } });
  await db.organisationPolicy.create({ data: { organisationId: org.id, ...policy } });
  const location = await db.location.create({ data: { organisationId: org.id, name: "Locatie Centrum" } });
  const group = await db.group.create({
    data: {
      locationId: location.id,
      name: "Dolfijnen",
      type: "KDV",
      dayParts: {
        create: [
          { code: "MORNING", startMinute: 420, endMinute: 780, capacity: 10, sortOrder: 1 },
          { code: "AFTERNOON", startMinute: 780, endMinute: 1110, capacity: 10, sortOrder: 2 },
        ],
      },
    },
    include: { dayParts: true },
  });
  const morningId = group.dayParts.find((d) => d.code === "MORNING")!.id;
  const afternoonId = group.dayParts.find((d) => d.code === "AFTERNOON")!.id;

  const familyA = await db.family.create({ data: { organisationId: org.id, name: "De Boer" } });
  const familyB = await db.family.create({ data: { organisationId: org.id, name: "Van den Berg" } });
  const parent = await user(org.id, "PARENT", "nl", familyA.id, 1);
  const parentEn = await user(org.id, "PARENT", "en", familyA.id, 2);
  const other = await user(org.id, "PARENT", "nl", familyB.id, 1);
  const planner = await user(org.id, "PLANNER", "nl", null, null);

  const child = async (familyId: string, firstName: string, birthDate: string, days: { weekday: number; dayPartId: string }[]) => {
    const c = await db.child.create({ data: { familyId, firstName, lastName: "Test", birthDate: date(birthDate) } });
    await db.placement.create({
      data: { childId: c.id, groupId: group.id, startDate: date("2026-01-01"), contractType: "FIXED", hourlyRateCents: 1045, days: { create: days } },
    });
    return c.id;
  };
  const full = (weekdays: number[]) => weekdays.flatMap((weekday) => [{ weekday, dayPartId: morningId }, { weekday, dayPartId: afternoonId }]);
  const noorId = await child(familyA.id, "Noor", "2025-01-10", full([1, 2, 5]));
  const semId = await child(familyA.id, "Sem", "2024-03-05", [{ weekday: 1, dayPartId: morningId }]);
  const juliaId = await child(familyB.id, "Julia", "2024-06-01", full([1]));

  return { orgId: org.id, groupId: group.id, morningId, afternoonId, parent, parentEn, noorId, semId, other, juliaId, planner };
}

/** Row counts of everything a request writes. */
export async function counts() {
  const db = await getDb();
  const [requests, items, credits, notifications] = await Promise.all([
    db.request.count(),
    db.requestItem.count(),
    db.credit.count(),
    db.notification.count(),
  ]);
  return { requests, items, credits, notifications };
}
