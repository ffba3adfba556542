// The expiry job against a real PostgreSQL: pending items of requests whose expiry date has come, or
// whose care date has gone by unassessed, are withdrawn once, credits come back, the family is told
// once, and runs in parallel do not double up.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseIsoDate } from "@/lib/format/date";
import { expirePendingRequests } from "@/lib/server/jobs/expire-requests";

let familyId: string;
let guardianUserId: string;
let childId: string;
let groupId: string;
let dayPartId: string;
let n = 0;

beforeAll(async () => {
  const org = await db.organisation.create({ data: { name: "Opvang", slug: "opvang-exp" } });
  const location = await db.location.create({ data: { organisationId: org.id, name: "L" } });
  const group = await db.group.create({
    data: { locationId: location.id, name: "G", type: "KDV", dayParts: { create: [{ code: "MORNING", startMinute: 420, endMinute: 780, capacity: 5 }] } },
    include: { dayParts: true },
  });
  groupId = group.id;
  dayPartId = group.dayParts[0]!.id;
  const family = await db.family.create({ data: { organisationId: org.id, name: "F" } });
  familyId = family.id;
  const user = await db.user.create({ data: { organisationId: org.id, email: "exp@example.test", name: "O", role: "PARENT" } });
  guardianUserId = user.id;
  await db.guardian.create({ data: { familyId, userId: user.id, rank: 1 } });
  childId = (await db.child.create({ data: { familyId, firstName: "K", lastName: "F", birthDate: parseIsoDate("2023-01-01") } })).id;
});

async function request(expiresOn: string | null, date: string, statuses: ("PENDING" | "APPROVED")[], creditId?: string) {
  return db.request.create({
    data: {
      familyId, kind: "EXTRA_DAY", createdById: guardianUserId, idempotencyKey: `e${++n}`,
      expiresOn: expiresOn ? parseIsoDate(expiresOn) : null, periodStart: parseIsoDate(date), periodEnd: parseIsoDate(date),
      items: {
        create: statuses.map((status) => ({
          childId, groupId, dayPartId, date: parseIsoDate(date), direction: "ADD" as const, startMinute: 420, endMinute: 780, status,
          payment: creditId ? ("CREDIT" as const) : ("INVOICE" as const), creditId: creditId ?? null,
        })),
      },
    },
    include: { items: true },
  });
}

describe("expirePendingRequests", () => {
  it("withdraws pending items from the expiry date on, gives credits back and notifies once", async () => {
    const credit = await db.credit.create({
      data: { childId, kind: "SWAP", minutes: 720, usedMinutes: 360, validFrom: parseIsoDate("2026-01-01"), validUntil: parseIsoDate("2027-12-31") },
    });
    const due = await request("2026-12-01", "2026-12-03", ["PENDING"], credit.id);
    const mixed = await request("2026-12-01", "2026-12-04", ["PENDING", "APPROVED"]);
    const later = await request("2026-12-02", "2026-12-05", ["PENDING"]);
    const never = await request(null, "2026-12-06", ["PENDING"]);

    // The evening before (Amsterdam): nothing yet.
    expect(await expirePendingRequests(new Date("2026-11-30T22:59:00Z"))).toMatchObject({ ran: true, expiredItems: 0 });
    // 1 December 00:00 in Amsterdam is 23:00 UTC the day before.
    const result = await expirePendingRequests(new Date("2026-11-30T23:00:00Z"));
    expect(result).toMatchObject({ ran: true, expiredItems: 2 });

    const status = async (id: string) => (await db.requestItem.findMany({ where: { requestId: id }, orderBy: { status: "asc" } })).map((i) => i.status);
    expect(await status(due.id)).toEqual(["EXPIRED"]);
    expect((await status(mixed.id)).sort()).toEqual(["APPROVED", "EXPIRED"]);
    expect(await status(later.id)).toEqual(["PENDING"]);
    expect(await status(never.id)).toEqual(["PENDING"]);
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.id } })).usedMinutes).toBe(0);
    expect((await db.requestItem.findFirstOrThrow({ where: { requestId: due.id } })).creditId).toBeNull();

    const notes = await db.notification.findMany({ where: { userId: guardianUserId, event: "REQUEST_EXPIRED" } });
    expect(notes.map((x) => x.url).sort()).toEqual([`/agenda/requests/${due.id}`, `/agenda/requests/${mixed.id}`].sort());

    // Running again changes nothing and tells nobody twice.
    expect(await expirePendingRequests(new Date("2026-12-01T08:00:00Z"))).toMatchObject({ expiredItems: 0 });
    expect(await db.notification.count({ where: { userId: guardianUserId, event: "REQUEST_EXPIRED" } })).toBe(2);
  });

  it("is done by one instance when several run at the same moment", async () => {
    await request("2026-12-10", "2026-12-11", ["PENDING"]);
    await request("2026-12-10", "2026-12-12", ["PENDING"]);
    // Due now: these two, the first test's request that expired on 2 December and its request without
    // an expiry date whose care date (6 December) has gone by.
    const runs = await Promise.all(Array.from({ length: 4 }, () => expirePendingRequests(new Date("2026-12-10T09:00:00Z"))));
    expect(runs.reduce((sum, r) => sum + r.expiredItems, 0)).toBe(4);
    expect(runs.filter((r) => r.expiredItems > 0)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: guardianUserId, event: "REQUEST_EXPIRED" } })).toBe(6);
  });

  it("lets a pending item lapse when its care date has gone by, and a child's whole swap with it", async () => {
    const open = await request(null, "2026-12-14", ["PENDING"]);
    const swap = await db.request.create({
      data: {
        familyId, kind: "SWAP_DAY", createdById: guardianUserId, idempotencyKey: `e${++n}`,
        periodStart: parseIsoDate("2026-12-14"), periodEnd: parseIsoDate("2026-12-18"),
        items: {
          create: [
            { childId, groupId, dayPartId, date: parseIsoDate("2026-12-14"), direction: "REMOVE" as const, startMinute: 420, endMinute: 780, status: "PENDING" as const },
            { childId, groupId, dayPartId, date: parseIsoDate("2026-12-18"), direction: "ADD" as const, startMinute: 420, endMinute: 780, status: "PENDING" as const, payment: "SWAP" as const },
          ],
        },
      },
    });
    // On the care date itself the planner can still assess it.
    expect(await expirePendingRequests(new Date("2026-12-14T10:00:00Z"))).toMatchObject({ expiredItems: 0 });
    // The next day the open extra day and both parts of the swap (the new day is still ahead) lapse.
    expect(await expirePendingRequests(new Date("2026-12-15T07:00:00Z"))).toMatchObject({ expiredItems: 3 });
    const statuses = await db.requestItem.findMany({ where: { requestId: { in: [open.id, swap.id] } }, select: { status: true } });
    expect(statuses.map((i) => i.status)).toEqual(["EXPIRED", "EXPIRED", "EXPIRED"]);
    const note = await db.notification.findFirstOrThrow({ where: { userId: guardianUserId, url: `/agenda/requests/${swap.id}` } });
    expect(note.data).toMatchObject({ kind: "SWAP_DAY", items: 2, expiresOn: null, reason: "DATE_PASSED" });
  });
});
