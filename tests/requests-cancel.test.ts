// Cancelling per child against a real PostgreSQL (seed 000/001/002, domain.md "Cancelling"): absences
// only outside the policy window, approved extra care never, a partly approved swap never, a pending
// period request as a whole for that child, an extra day per booking of the child ("Een aanvraag kan
// uit meerdere boekingen bestaan"), the other child's items untouched, reserved credits freed,
// make-up hours taken back; a cancel that leaves nothing pending in a request with assessed parts sends
// the one "request assessed" notification, also when two cancels finish it at the same moment.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { counts, createRequestsWorld, type RequestsWorld } from "./requests-fixtures";

// The absences made here mail their confirmation as .eml files into a temporary directory.
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "op-cancel-mail-"));
const { db } = await import("@/lib/db/client");
const { submitAbsence } = await import("@/lib/db/requests/absence");
const { cancelRequestItems } = await import("@/lib/db/requests/cancel");
const { getFamilyRequest } = await import("@/lib/db/requests/overview");
const { absenceSchema } = await import("@/lib/schemas/absence");

// Monday 23 November 2026, 09:00 in Amsterdam.
const NOW = new Date("2026-11-23T08:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
let w: RequestsWorld;

async function absence(selections: { childId: string; date: string; dayPartId: string }[]) {
  const dates = selections.map((s) => s.date).sort();
  const result = await submitAbsence(
    w.parent,
    absenceSchema.parse({
      childIds: [...new Set(selections.map((s) => s.childId))],
      from: dates[0],
      to: dates[dates.length - 1],
      selections,
      reason: "HOLIDAY",
      idempotencyKey: randomUUID(),
    }),
    NOW,
  );
  if (!result.ok) throw new Error(result.code);
  return result.data.requestId;
}

type ItemSpec = {
  childId: string;
  date: string;
  dayPartId?: string;
  status?: "PENDING" | "APPROVED" | "REJECTED";
  creditId?: string;
  direction?: "ADD" | "REMOVE";
  booking?: number;
};
async function extraRequest(items: ItemSpec[], kind: "EXTRA_DAY" | "SWAP_DAY" = "EXTRA_DAY") {
  const dates = items.map((i) => i.date).sort();
  return db.request.create({
    data: {
      familyId: w.parent.familyId!,
      kind,
      createdById: w.parent.id,
      idempotencyKey: randomUUID(),
      periodStart: day(dates[0]!),
      periodEnd: day(dates[dates.length - 1]!),
      items: {
        create: items.map((i) => ({
          childId: i.childId,
          groupId: w.groupId,
          dayPartId: i.dayPartId ?? w.morningId,
          date: day(i.date),
          direction: i.direction ?? ("ADD" as const),
          startMinute: i.dayPartId === w.afternoonId ? 780 : 420,
          endMinute: i.dayPartId === w.afternoonId ? 1110 : 780,
          booking: i.booking ?? 0,
          status: i.status ?? "PENDING",
          payment: i.creditId ? ("CREDIT" as const) : ("INVOICE" as const),
          creditId: i.creditId ?? null,
          priceCents: 6270,
        })),
      },
    },
    include: { items: true },
  });
}

const statuses = async (requestId: string, childId: string) =>
  (await db.requestItem.findMany({ where: { requestId, childId }, orderBy: [{ date: "asc" }, { startMinute: "asc" }] })).map((i) => i.status);
/** Every item of the request as "child date booking status cancelledAt", to prove nothing was written. */
const itemRows = async (requestId: string) =>
  (await db.requestItem.findMany({ where: { requestId }, orderBy: [{ date: "asc" }, { startMinute: "asc" }, { childId: "asc" }] })).map(
    (i) => `${i.childId} ${i.date.toISOString().slice(0, 10)} ${i.startMinute} ${i.booking} ${i.status} ${i.cancelledAt?.toISOString() ?? "-"}`,
  );

/** An absence far enough ahead to be cancelled (outside the 30-day window). */
const absenceRequest = () => absence([{ childId: w.semId, date: "2027-03-22", dayPartId: w.morningId }]);

beforeAll(async () => {
  w = await createRequestsWorld({ absenceCancelRule: "OUTSIDE_WINDOW", absenceCancelWindowDays: 30, pendingCancelMinHours: 24 });
});

describe("cancelRequestItems: absences", () => {
  it("refuses an absence within 30 days, with the reason, and changes nothing", async () => {
    const requestId = await absence([{ childId: w.noorId, date: "2026-12-07", dayPartId: w.morningId }]);
    const before = await counts();
    expect(await cancelRequestItems(w.parent, { requestId, childId: w.noorId }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.ABSENCE_WITHIN_WINDOW" });
    expect(await statuses(requestId, w.noorId)).toEqual(["REGISTERED"]);
    expect(await counts()).toEqual(before);
  });

  it("cancels an absence outside the window for one child: its make-up hours go, the other child's part stays", async () => {
    const requestId = await absence([
      { childId: w.noorId, date: "2027-01-04", dayPartId: w.morningId },
      { childId: w.noorId, date: "2027-01-05", dayPartId: w.afternoonId },
      { childId: w.semId, date: "2027-01-04", dayPartId: w.morningId },
    ]);
    expect(await db.credit.count({ where: { sourceItem: { requestId } } })).toBe(3);
    const result = await cancelRequestItems(w.parent, { requestId, childId: w.noorId }, NOW);
    expect(result).toEqual({ ok: true, data: { requestId, childId: w.noorId, booking: 0, cancelled: 2, kept: 0, creditsRemoved: 2 } });
    const noor = await db.requestItem.findMany({ where: { requestId, childId: w.noorId } });
    expect(noor.every((i) => i.status === "CANCELLED" && i.cancelledById === w.parent.id && i.cancelledAt?.getTime() === NOW.getTime())).toBe(true);
    expect(await statuses(requestId, w.semId)).toEqual(["REGISTERED"]);
    const credits = await db.credit.findMany({ where: { sourceItem: { requestId } } });
    expect(credits.map((c) => c.childId)).toEqual([w.semId]);
    // Cancelling again: nothing live is left.
    expect(await cancelRequestItems(w.parent, { requestId, childId: w.noorId }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.ALREADY_FINAL" });
  });

  it("refuses when the absence's make-up hours have been used", async () => {
    const requestId = await absence([{ childId: w.noorId, date: "2027-01-11", dayPartId: w.morningId }]);
    const credit = await db.credit.findFirstOrThrow({ where: { sourceItem: { requestId } } });
    await db.credit.update({ where: { id: credit.id }, data: { usedMinutes: 360 } });
    const before = await counts();
    expect(await cancelRequestItems(w.parent, { requestId, childId: w.noorId }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.MAKE_UP_CREDIT_USED" });
    expect(await statuses(requestId, w.noorId)).toEqual(["REGISTERED"]);
    expect(await counts()).toEqual(before);
  });

  it("refuses every absence when policy says never", async () => {
    const requestId = await absence([{ childId: w.semId, date: "2027-02-01", dayPartId: w.morningId }]);
    await db.organisationPolicy.update({ where: { organisationId: w.orgId }, data: { absenceCancelRule: "NEVER" } });
    try {
      expect(await cancelRequestItems(w.parent, { requestId, childId: w.semId }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.ABSENCE_NEVER" });
      expect(await statuses(requestId, w.semId)).toEqual(["REGISTERED"]);
    } finally {
      await db.organisationPolicy.update({ where: { organisationId: w.orgId }, data: { absenceCancelRule: "OUTSIDE_WINDOW" } });
    }
  });
});

describe("cancelRequestItems: extra days", () => {
  it("never cancels approved extra care", async () => {
    const req = await extraRequest([{ childId: w.noorId, date: "2026-12-09", status: "APPROVED" }]);
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.APPROVED_EXTRA_CARE" });
    expect(await statuses(req.id, w.noorId)).toEqual(["APPROVED"]);
  });

  it("cancels a pending period request for the whole period of that child, frees the reserved credit, leaves the other child", async () => {
    const credit = await db.credit.create({
      data: { childId: w.noorId, kind: "GRANTED", minutes: 360, usedMinutes: 360, validFrom: day("2026-11-01"), validUntil: day("2027-03-01") },
    });
    const req = await extraRequest([
      { childId: w.noorId, date: "2026-12-09" },
      { childId: w.noorId, date: "2026-12-10", creditId: credit.id },
      { childId: w.noorId, date: "2026-12-16" },
      { childId: w.semId, date: "2026-12-09" },
      { childId: w.semId, date: "2026-12-10" },
    ]);
    const result = await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW);
    expect(result).toEqual({ ok: true, data: { requestId: req.id, childId: w.noorId, booking: 0, cancelled: 3, kept: 0, creditsRemoved: 0 } });
    expect(await statuses(req.id, w.noorId)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(await statuses(req.id, w.semId)).toEqual(["PENDING", "PENDING"]);
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.id } })).usedMinutes).toBe(0);
    expect(await db.requestItem.count({ where: { creditId: credit.id } })).toBe(0);
  });

  it("withdraws the still-pending rest of a partly approved period and keeps the approved day", async () => {
    const req = await extraRequest([
      { childId: w.noorId, date: "2026-12-02", status: "APPROVED" },
      { childId: w.noorId, date: "2026-12-03" },
    ]);
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW)).toMatchObject({ ok: true, data: { cancelled: 1, kept: 1 } });
    expect(await statuses(req.id, w.noorId)).toEqual(["APPROVED", "CANCELLED"]);
  });

  it("refuses a pending request too close to its start (policy 24 hours)", async () => {
    const req = await extraRequest([{ childId: w.noorId, date: "2026-11-24" }]); // tomorrow 07:00, 22 hours ahead
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.TOO_LATE" });
    expect(await statuses(req.id, w.noorId)).toEqual(["PENDING"]);
  });

  it("lets exactly one of two simultaneous cancels through", async () => {
    const req = await extraRequest([{ childId: w.noorId, date: "2026-12-17" }]);
    const results = await Promise.all([
      cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW),
      cancelRequestItems(w.parentEn, { requestId: req.id, childId: w.noorId }, NOW),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: "Cancel.reasons.ALREADY_FINAL" });
  });
});

describe("cancelRequestItems: bookings of an extra day (seed 002 §5.2)", () => {
  it("cancels one of two single-day bookings; the other stays pending and can still be cancelled; a double cancel is harmless", async () => {
    const req = await extraRequest([
      { childId: w.noorId, date: "2027-02-03", booking: 0 },
      { childId: w.noorId, date: "2027-02-10", booking: 1 },
      { childId: w.noorId, date: "2027-02-10", dayPartId: w.afternoonId, booking: 1 },
    ]);
    const result = await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId, booking: 1 }, NOW);
    expect(result).toEqual({ ok: true, data: { requestId: req.id, childId: w.noorId, booking: 1, cancelled: 2, kept: 0, creditsRemoved: 0 } });
    expect(await statuses(req.id, w.noorId)).toEqual(["PENDING", "CANCELLED", "CANCELLED"]);

    const overview = await getFamilyRequest(w.parent, req.id, NOW);
    expect(overview!.children[0]!.bookings.map((b) => [b.booking, b.dates, b.isPeriod, b.status, b.items.length, b.cancel])).toEqual([
      [0, ["2027-02-03"], false, "PENDING", 1, { allowed: true }],
      [1, ["2027-02-10"], false, "CANCELLED", 2, { allowed: false, reason: "ALREADY_FINAL", code: "Cancel.reasons.ALREADY_FINAL" }],
    ]);

    // The same cancel again (a second click, the other guardian): refused, nothing written.
    const before = { rows: await itemRows(req.id), counts: await counts() };
    expect(await cancelRequestItems(w.parentEn, { requestId: req.id, childId: w.noorId, booking: 1 }, NOW)).toEqual({
      ok: false,
      code: "Cancel.reasons.ALREADY_FINAL",
    });
    expect({ rows: await itemRows(req.id), counts: await counts() }).toEqual(before);

    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId, booking: 0 }, NOW)).toMatchObject({
      ok: true,
      data: { booking: 0, cancelled: 1 },
    });
    expect(await statuses(req.id, w.noorId)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
  });

  it("cancels a period booking as a whole for the child, with its reserved credit, and leaves the single day and the sibling", async () => {
    const credit = await db.credit.create({
      data: { childId: w.noorId, kind: "GRANTED", minutes: 360, usedMinutes: 360, validFrom: day("2026-11-01"), validUntil: day("2027-03-01") },
    });
    const req = await extraRequest([
      { childId: w.noorId, date: "2027-02-17", booking: 0 },
      { childId: w.noorId, date: "2027-02-22", booking: 1 },
      { childId: w.noorId, date: "2027-02-23", booking: 1, creditId: credit.id },
      { childId: w.noorId, date: "2027-02-24", booking: 1 },
      { childId: w.semId, date: "2027-02-22", booking: 1 },
    ]);
    const overview = await getFamilyRequest(w.parent, req.id, NOW);
    const noor = overview!.children.find((c) => c.childId === w.noorId)!;
    expect(noor.bookings.map((b) => [b.booking, b.dates.length, b.isPeriod])).toEqual([
      [0, 1, false],
      [1, 3, true],
    ]);
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId, booking: 1 }, NOW)).toMatchObject({
      ok: true,
      data: { booking: 1, cancelled: 3, kept: 0 },
    });
    expect(await statuses(req.id, w.noorId)).toEqual(["PENDING", "CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(await statuses(req.id, w.semId)).toEqual(["PENDING"]);
    expect((await db.credit.findUniqueOrThrow({ where: { id: credit.id } })).usedMinutes).toBe(0);
  });

  it("judges each booking on its own: too late for one does not block another, and a period is judged on its first day", async () => {
    const req = await extraRequest([
      // Booking 0: this afternoon 13:00, 4 hours ahead (policy 24 hours).
      { childId: w.noorId, date: "2026-11-23", dayPartId: w.afternoonId, booking: 0 },
      // Booking 1: a period whose first day is tomorrow 07:00 (22 hours ahead), its last day well ahead.
      { childId: w.noorId, date: "2026-11-24", booking: 1 },
      { childId: w.noorId, date: "2026-12-11", booking: 1 },
      // Booking 2: a single day well ahead.
      { childId: w.noorId, date: "2026-12-04", booking: 2 },
    ]);
    const overview = await getFamilyRequest(w.parent, req.id, NOW);
    expect(overview!.children[0]!.bookings.map((b) => b.cancel)).toEqual([
      { allowed: false, reason: "TOO_LATE", code: "Cancel.reasons.TOO_LATE" },
      { allowed: false, reason: "TOO_LATE", code: "Cancel.reasons.TOO_LATE" },
      { allowed: true },
    ]);
    // The child's summary: something can still be cancelled.
    expect(overview!.children[0]!.cancel).toEqual({ allowed: true });
    const before = await itemRows(req.id);
    for (const booking of [0, 1]) {
      expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId, booking }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.TOO_LATE" });
    }
    expect(await itemRows(req.id)).toEqual(before);
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId, booking: 2 }, NOW)).toMatchObject({ ok: true, data: { cancelled: 1 } });
    expect(await statuses(req.id, w.noorId)).toEqual(["PENDING", "PENDING", "CANCELLED", "PENDING"]);
  });

  it("needs the booking in a multi-booking request and refuses one that is missing, malformed or not the child's, writing nothing", async () => {
    const req = await extraRequest([
      { childId: w.noorId, date: "2027-03-03", booking: 0 },
      { childId: w.noorId, date: "2027-03-10", booking: 1 },
      { childId: w.semId, date: "2027-03-10", booking: 2 },
    ]);
    const before = { rows: await itemRows(req.id), counts: await counts() };
    const attempt = (childId: string, booking?: number, user = w.parent) => cancelRequestItems(user, { requestId: req.id, childId, booking }, NOW);
    expect(await attempt(w.noorId)).toEqual({ ok: false, code: "errors.validation" });
    expect(await attempt(w.semId)).toEqual({ ok: false, code: "errors.validation" }); // one booking himself, but the request has three
    expect(await attempt(w.noorId, 5)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await attempt(w.noorId, 2)).toEqual({ ok: false, code: "errors.notFound" }); // Sem's booking
    expect(await attempt(w.semId, 0)).toEqual({ ok: false, code: "errors.notFound" }); // Noor's booking
    expect(await attempt(w.noorId, -1)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await attempt(w.noorId, 1.5)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await attempt(w.noorId, Number.NaN)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await attempt(w.noorId, 1, w.other)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await attempt(w.juliaId, 1)).toEqual({ ok: false, code: "errors.notFound" });
    expect({ rows: await itemRows(req.id), counts: await counts() }).toEqual(before);
    expect(await attempt(w.semId, 2)).toMatchObject({ ok: true, data: { childId: w.semId, booking: 2, cancelled: 1 } });
  });

  it("ignores the booking for a one-booking request, an absence and a swap (their unit is the child's whole part)", async () => {
    const one = await extraRequest([
      { childId: w.noorId, date: "2027-03-15" },
      { childId: w.noorId, date: "2027-03-16" },
    ]);
    expect(await cancelRequestItems(w.parent, { requestId: one.id, childId: w.noorId, booking: 3 }, NOW)).toMatchObject({
      ok: true,
      data: { booking: 0, cancelled: 2 },
    });
    const swap = await extraRequest(
      [
        { childId: w.noorId, date: "2027-03-22", direction: "REMOVE" },
        { childId: w.noorId, date: "2027-03-24", booking: 1 },
      ],
      "SWAP_DAY",
    );
    expect(await cancelRequestItems(w.parent, { requestId: swap.id, childId: w.noorId, booking: 1 }, NOW)).toMatchObject({
      ok: true,
      data: { booking: 0, cancelled: 2 },
    });
    const absence = await absenceRequest();
    expect(await cancelRequestItems(w.parent, { requestId: absence, childId: w.semId, booking: 7 }, NOW)).toMatchObject({ ok: true, data: { cancelled: 1 } });
  });
});

describe("cancelRequestItems: swaps", () => {
  it("never cancels a child's partly approved swap, and the overview says so too", async () => {
    const req = await extraRequest(
      [
        { childId: w.noorId, date: "2026-12-14", direction: "REMOVE", status: "APPROVED" },
        { childId: w.noorId, date: "2026-12-16" },
      ],
      "SWAP_DAY",
    );
    const before = await counts();
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.APPROVED_SWAP" });
    expect(await statuses(req.id, w.noorId)).toEqual(["APPROVED", "PENDING"]);
    expect(await counts()).toEqual(before);
    const overview = await getFamilyRequest(w.parent, req.id, NOW);
    expect(overview!.children[0]!.cancel).toEqual({ allowed: false, reason: "APPROVED_SWAP", code: "Cancel.reasons.APPROVED_SWAP" });
  });

  it("cancels a pending swap as a whole for the child", async () => {
    const req = await extraRequest(
      [
        { childId: w.noorId, date: "2026-12-14", direction: "REMOVE" },
        { childId: w.noorId, date: "2026-12-16" },
      ],
      "SWAP_DAY",
    );
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW)).toMatchObject({ ok: true, data: { cancelled: 2, kept: 0 } });
    expect(await statuses(req.id, w.noorId)).toEqual(["CANCELLED", "CANCELLED"]);
  });
});

describe("cancelRequestItems: completing a request", () => {
  const assessedNotes = (requestId: string) =>
    db.notification.findMany({ where: { event: "REQUEST_ASSESSED", url: `/agenda/requests/${requestId}` }, orderBy: { userId: "asc" } });

  it("tells the family once that the request is assessed when the last pending child is cancelled", async () => {
    const req = await extraRequest([
      { childId: w.noorId, date: "2026-12-21", status: "APPROVED" },
      { childId: w.semId, date: "2026-12-21" },
    ]);
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.semId }, NOW)).toMatchObject({ ok: true, data: { cancelled: 1 } });
    const notes = await assessedNotes(req.id);
    expect(notes.map((n) => n.userId).sort()).toEqual([w.parent.id, w.parentEn.id].sort());
    expect(notes[0]!.data).toEqual({ requestId: req.id, kind: "EXTRA_DAY", periodStart: "2026-12-21", periodEnd: "2026-12-21" });
    expect((await db.request.findUniqueOrThrow({ where: { id: req.id } })).completedNotifiedAt).toEqual(NOW);
    // A refused second cancel tells nobody again.
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.semId }, NOW)).toEqual({ ok: false, code: "Cancel.reasons.ALREADY_FINAL" });
    expect(await assessedNotes(req.id)).toHaveLength(2);
  });

  it("counts a rejected part as assessed too", async () => {
    const req = await extraRequest([
      { childId: w.noorId, date: "2026-12-22", status: "REJECTED" },
      { childId: w.semId, date: "2026-12-22" },
    ]);
    expect(await cancelRequestItems(w.parentEn, { requestId: req.id, childId: w.semId }, NOW)).toMatchObject({ ok: true });
    expect(await assessedNotes(req.id)).toHaveLength(2);
  });

  it("says nothing while a part is still pending, nor when every part was cancelled", async () => {
    const req = await extraRequest([
      { childId: w.noorId, date: "2026-12-23" },
      { childId: w.semId, date: "2026-12-23" },
    ]);
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW)).toMatchObject({ ok: true });
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.semId }, NOW)).toMatchObject({ ok: true });
    expect(await assessedNotes(req.id)).toEqual([]);
    expect((await db.request.findUniqueOrThrow({ where: { id: req.id } })).completedNotifiedAt).toBeNull();
  });

  it("keeps the pending rest of a partly approved request from notifying until it is all done", async () => {
    const req = await extraRequest([
      { childId: w.noorId, date: "2026-12-28", status: "APPROVED" },
      { childId: w.noorId, date: "2026-12-29" },
      { childId: w.semId, date: "2026-12-28" },
    ]);
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW)).toMatchObject({ ok: true, data: { cancelled: 1, kept: 1 } });
    expect(await assessedNotes(req.id)).toEqual([]);
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.semId }, NOW)).toMatchObject({ ok: true });
    expect(await assessedNotes(req.id)).toHaveLength(2);
  });

  it("notifies exactly once when two cancels of different children finish the request at the same moment", async () => {
    for (let round = 0; round < 10; round++) {
      const req = await extraRequest([
        { childId: w.noorId, date: "2027-01-18", status: "APPROVED" },
        { childId: w.noorId, date: "2027-01-19" },
        { childId: w.semId, date: "2027-01-18" },
      ]);
      const results = await Promise.all([
        cancelRequestItems(w.parent, { requestId: req.id, childId: w.noorId }, NOW),
        cancelRequestItems(w.parentEn, { requestId: req.id, childId: w.semId }, NOW),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      expect(await assessedNotes(req.id)).toHaveLength(2); // one per guardian
    }
  });
});

describe("cancelRequestItems: not yours", () => {
  it("finds nothing for another family, a tampered or malformed id, or a child without items, and changes nothing", async () => {
    const req = await extraRequest([{ childId: w.noorId, date: "2026-12-18" }]);
    const before = await counts();
    expect(await cancelRequestItems(w.other, { requestId: req.id, childId: w.noorId }, NOW)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await cancelRequestItems(w.parent, { requestId: randomUUID(), childId: w.noorId }, NOW)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await cancelRequestItems(w.parent, { requestId: "1; DROP TABLE", childId: w.noorId }, NOW)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.semId }, NOW)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await cancelRequestItems(w.parent, { requestId: req.id, childId: w.juliaId }, NOW)).toEqual({ ok: false, code: "errors.notFound" });
    expect(await cancelRequestItems(w.planner, { requestId: req.id, childId: w.noorId }, NOW)).toEqual({ ok: false, code: "errors.forbidden" });
    expect(await statuses(req.id, w.noorId)).toEqual(["PENDING"]);
    expect(await counts()).toEqual(before);
  });
});
