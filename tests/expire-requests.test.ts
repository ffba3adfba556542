// The expiry job against a real PostgreSQL: pending items of requests whose expiry date has come, or
// whose care date has gone by unassessed, are withdrawn once, credits come back, the family is told
// once, and runs in parallel do not double up. Racing a planner's assessment or a parent's cancel of
// the same credit-paid items, every item ends in exactly one final status and every credit minute is
// given back exactly once (and never for approved care).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { assessItem } from "@/lib/db/assessment";
import { db } from "@/lib/db/client";
import { cancelRequestItems } from "@/lib/db/requests/cancel";
import { parseIsoDate } from "@/lib/format/date";
import { expirePendingRequests } from "@/lib/server/jobs/expire-requests";
import { createRequestsWorld, type RequestsWorld } from "./requests-fixtures";

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

describe("expirePendingRequests racing assessments and cancels", () => {
  // Requests that expire on 1 March 2027 for Wednesday 10 March. The planner and the parent act on
  // them while they are still open (their clock says 1 February), the job as they have just expired:
  // the moment the expiry date comes, as both reach the rows.
  const EXPIRES_ON = "2027-03-01";
  const CARE_DATE = "2027-03-10";
  const EXPIRY_NOW = new Date("2027-03-01T09:00:00Z");
  const BEFORE_EXPIRY = new Date("2027-02-01T09:00:00Z");
  const MINUTES = 360; // MORNING 07:00–13:00
  let w: RequestsWorld;

  beforeAll(async () => {
    w = await createRequestsWorld({ pendingCancelMinHours: 24 });
    // Every round approves care on the same day part: room enough for all of them.
    await db.dayPart.update({ where: { id: w.morningId }, data: { capacity: 1000 } });
  });

  /** A pending extra morning for Noor, paid with (and reserving the minutes of) the credit. */
  async function creditPaidRequest(creditId: string, status: "PENDING" | "APPROVED" = "PENDING") {
    return db.request.create({
      data: {
        familyId: w.parent.familyId!, kind: "EXTRA_DAY", createdById: w.parent.id, idempotencyKey: randomUUID(),
        expiresOn: parseIsoDate(EXPIRES_ON), periodStart: parseIsoDate(CARE_DATE), periodEnd: parseIsoDate(CARE_DATE),
        items: {
          create: [{
            childId: w.noorId, groupId: w.groupId, dayPartId: w.morningId, date: parseIsoDate(CARE_DATE), direction: "ADD" as const,
            startMinute: 420, endMinute: 780, status, payment: "CREDIT" as const, creditId, priceCents: 0,
          }],
        },
      },
      include: { items: true },
    });
  }

  const notes = (requestId: string, event: "REQUEST_EXPIRED" | "REQUEST_ASSESSED") =>
    db.notification.count({ where: { userId: w.parent.id, event, url: `/agenda/requests/${requestId}` } });

  type Competitor = "reject" | "approve" | "cancel";
  const FINAL: Record<Competitor, "REJECTED" | "APPROVED" | "CANCELLED"> = { reject: "REJECTED", approve: "APPROVED", cancel: "CANCELLED" };

  /** The planner or parent acting on the item; ok when it got there before the job. */
  async function compete(competitor: Competitor, request: Awaited<ReturnType<typeof creditPaidRequest>>) {
    const itemId = request.items[0]!.id;
    if (competitor === "cancel") {
      const result = await cancelRequestItems(w.parent, { requestId: request.id, childId: w.noorId }, BEFORE_EXPIRY);
      if (result.ok) expect(result.data.cancelled).toBe(1);
      else expect(result.code).toBe("Cancel.reasons.ALREADY_FINAL");
      return result.ok;
    }
    const result = competitor === "reject"
      ? await assessItem(w.planner, { itemId, action: "REJECT", rejectionReason: "De groep is vol" }, BEFORE_EXPIRY)
      : await assessItem(w.planner, { itemId, action: "APPROVE" }, BEFORE_EXPIRY);
    if (!result.ok) expect(result.code).toBe("Assess.errors.notPending");
    return result.ok;
  }

  it.each<[string, Competitor[]]>([
    ["a planner rejecting", ["reject"]],
    ["a planner approving", ["approve"]],
    ["a parent cancelling", ["cancel"]],
    ["all three at once, on one shared credit", ["reject", "approve", "cancel"]],
  ])("with %s, gives every credit minute back exactly once, and never for approved care (20 rounds)", async (_, competitors) => {
    for (let round = 0; round < 20; round++) {
      // One credit pays every item, as the bookings reserved it: fully used.
      const credit = await db.credit.create({
        data: {
          childId: w.noorId, kind: "GRANTED", minutes: competitors.length * MINUTES, usedMinutes: competitors.length * MINUTES,
          validFrom: parseIsoDate("2027-01-01"), validUntil: parseIsoDate("2027-12-31"),
        },
      });
      const requests: Awaited<ReturnType<typeof creditPaidRequest>>[] = [];
      while (requests.length < competitors.length) requests.push(await creditPaidRequest(credit.id));

      const [run, ...won] = await Promise.all([
        expirePendingRequests(EXPIRY_NOW),
        ...competitors.map((c, i) => compete(c, requests[i]!)),
      ]);
      expect(run.ran).toBe(true);

      // Whoever came first decided the item's one final status; the other found nothing pending.
      const items = await Promise.all(requests.map((r) => db.requestItem.findUniqueOrThrow({ where: { id: r.items[0]!.id } })));
      items.forEach((item, i) => expect(item.status).toBe(won[i] ? FINAL[competitors[i]!] : "EXPIRED"));
      const expired = items.filter((i) => i.status === "EXPIRED").length;
      expect(run).toMatchObject({ expiredItems: expired, requests: expired });

      // The credit: only an approved day keeps its minutes; every other item gave them back once.
      const approved = items.filter((i) => i.status === "APPROVED");
      expect((await db.credit.findUniqueOrThrow({ where: { id: credit.id } })).usedMinutes).toBe(approved.length * MINUTES);
      expect(items.map((i) => i.creditId)).toEqual(items.map((i) => (i.status === "APPROVED" ? credit.id : null)));

      // The family hears of each request once, and only of what really happened to it.
      for (const [i, request] of requests.entries()) {
        const status = items[i]!.status;
        expect(await notes(request.id, "REQUEST_EXPIRED")).toBe(status === "EXPIRED" ? 1 : 0);
        expect(await notes(request.id, "REQUEST_ASSESSED")).toBe(status === "APPROVED" || status === "REJECTED" ? 1 : 0);
      }
    }
  });

  it("never touches an approved item, nor gives its credit back", async () => {
    const credit = await db.credit.create({
      data: { childId: w.noorId, kind: "GRANTED", minutes: 2 * MINUTES, usedMinutes: 2 * MINUTES, validFrom: parseIsoDate("2027-01-01"), validUntil: parseIsoDate("2027-12-31") },
    });
    const approved = await creditPaidRequest(credit.id, "APPROVED");
    const pending = await creditPaidRequest(credit.id);
    const before = await db.requestItem.findUniqueOrThrow({ where: { id: approved.items[0]!.id } });

    expect(await expirePendingRequests(EXPIRY_NOW)).toMatchObject({ ran: true, expiredItems: 1, requests: 1 });
    // Long after the care date too.
    expect(await expirePendingRequests(new Date("2027-04-01T09:00:00Z"))).toMatchObject({ ran: true, expiredItems: 0, requests: 0 });

    expect(await db.requestItem.findUniqueOrThrow({ where: { id: approved.items[0]!.id } })).toEqual(before);
    expect(await db.requestItem.findUniqueOrThrow({ where: { id: pending.items[0]!.id } })).toMatchObject({ status: "EXPIRED", creditId: null, updatedAt: EXPIRY_NOW });
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.id } })).usedMinutes).toBe(MINUTES);
    expect(await notes(approved.id, "REQUEST_EXPIRED")).toBe(0);
    expect(await notes(pending.id, "REQUEST_EXPIRED")).toBe(1);
  });
});
