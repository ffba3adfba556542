// The request overview (Aanvragenoverzicht) against a real PostgreSQL: the family's requests and
// absences only, newest first, per child the items with day part, times, group and status, and
// whether that child's part may be cancelled — per booking for an extra day with several — the same
// answer the cancel itself gives.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createRequestsWorld, type RequestsWorld } from "./requests-fixtures";

process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "op-overview-mail-"));
const { db } = await import("@/lib/db/client");
const { submitAbsence } = await import("@/lib/db/requests/absence");
const { cancelRequestItems } = await import("@/lib/db/requests/cancel");
const { getFamilyRequest, listFamilyRequests } = await import("@/lib/db/requests/overview");
const { absenceSchema } = await import("@/lib/schemas/absence");

const NOW = new Date("2026-11-23T08:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
let w: RequestsWorld;
const ids = { approved: "", rejected: "", period: "", otherFamily: "", absence: "" };

async function extra(
  familyId: string,
  createdById: string,
  items: { childId: string; date: string; status: "PENDING" | "APPROVED" | "REJECTED"; rejectionReason?: string; booking?: number }[],
  createdAt: Date,
) {
  const dates = items.map((i) => i.date).sort();
  const req = await db.request.create({
    data: {
      familyId, kind: "EXTRA_DAY", createdById, idempotencyKey: randomUUID(), createdAt,
      periodStart: day(dates[0]!), periodEnd: day(dates[dates.length - 1]!),
      items: {
        create: items.map((i) => ({
          childId: i.childId, groupId: w.groupId, dayPartId: w.morningId, date: day(i.date), direction: "ADD" as const,
          startMinute: 420, endMinute: 780, status: i.status, rejectionReason: i.rejectionReason ?? null, payment: "INVOICE" as const, priceCents: 6270,
          booking: i.booking ?? 0,
        })),
      },
    },
  });
  return req.id;
}

beforeAll(async () => {
  w = await createRequestsWorld({ absenceCancelRule: "OUTSIDE_WINDOW", absenceCancelWindowDays: 30, pendingCancelMinHours: 0 });
  ids.approved = await extra(w.parent.familyId!, w.parent.id, [{ childId: w.noorId, date: "2026-12-09", status: "APPROVED" }], new Date("2026-11-01T10:00:00Z"));
  ids.rejected = await extra(w.parent.familyId!, w.parent.id, [{ childId: w.semId, date: "2026-12-10", status: "REJECTED", rejectionReason: "De groep is vol." }], new Date("2026-11-02T10:00:00Z"));
  ids.period = await extra(w.parent.familyId!, w.parentEn.id, [
    { childId: w.noorId, date: "2026-12-16", status: "PENDING" },
    { childId: w.noorId, date: "2026-12-17", status: "PENDING" },
    { childId: w.semId, date: "2026-12-16", status: "APPROVED" },
  ], new Date("2026-11-03T10:00:00Z"));
  ids.otherFamily = await extra(w.other.familyId!, w.other.id, [{ childId: w.juliaId, date: "2026-12-15", status: "PENDING" }], new Date("2026-11-04T10:00:00Z"));
  const absence = await submitAbsence(
    w.parent,
    absenceSchema.parse({
      childIds: [w.noorId], from: "2026-12-07", to: "2026-12-07", reason: "SICK", idempotencyKey: randomUUID(),
      selections: [{ childId: w.noorId, date: "2026-12-07", dayPartId: w.morningId }, { childId: w.noorId, date: "2026-12-07", dayPartId: w.afternoonId }],
    }),
    NOW,
  );
  if (!absence.ok) throw new Error(absence.code);
  ids.absence = absence.data.requestId;
});

describe("listFamilyRequests", () => {
  it("lists the family's own requests and absences, newest first, per child with the item details", async () => {
    const page = await listFamilyRequests(w.parent, { limit: 20 }, NOW);
    expect(page.nextCursor).toBeNull();
    expect(page.requests.map((r) => r.id)).toEqual([ids.absence, ids.period, ids.rejected, ids.approved]);

    const absence = page.requests[0]!;
    expect(absence).toMatchObject({ kind: "ABSENCE", status: "REGISTERED", absenceReason: "SICK", periodStart: "2026-12-07", periodEnd: "2026-12-07", isPeriod: false, submittedBy: w.parent.name });
    expect(absence.children).toHaveLength(1);
    expect(absence.children[0]).toMatchObject({
      childId: w.noorId, firstName: "Noor", status: "REGISTERED", dates: ["2026-12-07"],
      cancel: { allowed: false, reason: "ABSENCE_WITHIN_WINDOW", code: "Cancel.reasons.ABSENCE_WITHIN_WINDOW" },
    });
    expect(absence.children[0]!.items).toEqual([
      expect.objectContaining({ date: "2026-12-07", dayPartCode: "MORNING", startMinute: 420, endMinute: 780, status: "REGISTERED", groupName: "Dolfijnen", direction: "REMOVE", makeUpMinutes: 360 }),
      expect.objectContaining({ date: "2026-12-07", dayPartCode: "AFTERNOON", startMinute: 780, endMinute: 1110, status: "REGISTERED", groupName: "Dolfijnen", makeUpMinutes: 330 }),
    ]);

    const period = page.requests[1]!;
    expect(period).toMatchObject({ kind: "EXTRA_DAY", isPeriod: true, status: "PENDING", submittedBy: w.parentEn.name });
    // Children oldest first: Sem (2024) before Noor (2025).
    expect(period.children.map((c) => [c.firstName, c.status, c.cancel])).toEqual([
      ["Sem", "APPROVED", { allowed: false, reason: "APPROVED_EXTRA_CARE", code: "Cancel.reasons.APPROVED_EXTRA_CARE" }],
      ["Noor", "PENDING", { allowed: true }],
    ]);
    expect(period.children[1]!.dates).toEqual(["2026-12-16", "2026-12-17"]);

    const rejected = page.requests[2]!;
    expect(rejected.children[0]!.items[0]).toMatchObject({ status: "REJECTED", rejectionReason: "De groep is vol.", priceCents: 6270, payment: "INVOICE" });
    expect(rejected.children[0]!.cancel).toMatchObject({ allowed: false, reason: "ALREADY_FINAL" });
    expect(page.requests[3]!.children[0]!.cancel).toMatchObject({ allowed: false, reason: "APPROVED_EXTRA_CARE" });
  });

  it("never shows another family's requests, and nothing to staff", async () => {
    const other = await listFamilyRequests(w.other, {}, NOW);
    expect(other.requests.map((r) => r.id)).toEqual([ids.otherFamily]);
    expect((await listFamilyRequests(w.planner, {}, NOW)).requests).toEqual([]);
  });

  it("pages with a cursor without gaps or overlaps, and ignores a foreign cursor", async () => {
    const first = await listFamilyRequests(w.parent, { limit: 3 }, NOW);
    expect(first.requests).toHaveLength(3);
    expect(first.nextCursor).toBe(first.requests[2]!.id);
    const second = await listFamilyRequests(w.parent, { limit: 3, cursor: first.nextCursor }, NOW);
    expect(second.requests.map((r) => r.id)).toEqual([ids.approved]);
    expect(second.nextCursor).toBeNull();
    const foreign = await listFamilyRequests(w.parent, { limit: 3, cursor: ids.otherFamily }, NOW);
    expect(foreign.requests.map((r) => r.id)).toEqual(first.requests.map((r) => r.id));
  });

  it("agrees with the cancel itself, and shows the new status afterwards", async () => {
    const before = await getFamilyRequest(w.parent, ids.period, NOW);
    const noor = before!.children.find((c) => c.childId === w.noorId)!;
    expect(noor.cancel.allowed).toBe(true);
    expect(await cancelRequestItems(w.parent, { requestId: ids.period, childId: w.noorId }, NOW)).toMatchObject({ ok: true, data: { cancelled: 2 } });
    const sem = before!.children.find((c) => c.childId === w.semId)!;
    expect(await cancelRequestItems(w.parent, { requestId: ids.period, childId: w.semId }, NOW)).toEqual({ ok: false, code: sem.cancel.allowed ? "?" : sem.cancel.code });

    const after = await getFamilyRequest(w.parent, ids.period, NOW);
    expect(after!.status).toBe("PARTIALLY_APPROVED");
    const noorAfter = after!.children.find((c) => c.childId === w.noorId)!;
    expect(noorAfter.status).toBe("CANCELLED");
    expect(noorAfter.items.map((i) => i.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(noorAfter.cancel).toMatchObject({ allowed: false, reason: "ALREADY_FINAL" });
  });
});

describe("getFamilyRequest", () => {
  it("returns the family's own request and null for anyone else's, unknown or malformed ids", async () => {
    expect((await getFamilyRequest(w.parentEn, ids.absence, NOW))?.id).toBe(ids.absence);
    expect(await getFamilyRequest(w.other, ids.absence, NOW)).toBeNull();
    expect(await getFamilyRequest(w.parent, ids.otherFamily, NOW)).toBeNull();
    expect(await getFamilyRequest(w.parent, randomUUID(), NOW)).toBeNull();
    expect(await getFamilyRequest(w.parent, "../etc/passwd", NOW)).toBeNull();
    expect(await getFamilyRequest(w.planner, ids.absence, NOW)).toBeNull();
  });
});

describe("bookings (seed 002 §5.2: “Een aanvraag kan uit meerdere boekingen bestaan”)", () => {
  it("shows a one-booking request, an absence and a swap as one unit per child, as before", async () => {
    const period = await getFamilyRequest(w.parent, ids.period, NOW);
    const noor = period!.children.find((c) => c.childId === w.noorId)!;
    expect(noor.bookings).toEqual([
      { booking: 0, dates: ["2026-12-16", "2026-12-17"], isPeriod: true, status: noor.status, items: noor.items, cancel: noor.cancel },
    ]);
    const absence = await getFamilyRequest(w.parent, ids.absence, NOW);
    expect(absence!.children[0]!.bookings.map((b) => [b.booking, b.dates, b.isPeriod, b.items.length, b.cancel.allowed])).toEqual([
      [0, ["2026-12-07"], false, 2, false],
    ]);
  });

  it("groups an extra day per booking with its own cancel answer, and cancelling one leaves the other pending and cancellable", async () => {
    const id = await extra(
      w.parent.familyId!,
      w.parent.id,
      [
        { childId: w.noorId, date: "2027-01-08", status: "PENDING", booking: 0 },
        { childId: w.noorId, date: "2027-01-15", status: "PENDING", booking: 1 },
        { childId: w.noorId, date: "2027-01-18", status: "PENDING", booking: 2 },
        { childId: w.noorId, date: "2027-01-19", status: "PENDING", booking: 2 },
        { childId: w.noorId, date: "2027-01-22", status: "APPROVED", booking: 3 },
        { childId: w.semId, date: "2027-01-18", status: "PENDING", booking: 2 },
      ],
      new Date("2026-11-20T10:00:00Z"),
    );
    const before = await getFamilyRequest(w.parent, id, NOW);
    const noor = before!.children.find((c) => c.childId === w.noorId)!;
    expect(noor.bookings.map((b) => [b.booking, b.dates, b.isPeriod, b.status, b.items.map((i) => i.date), b.cancel])).toEqual([
      [0, ["2027-01-08"], false, "PENDING", ["2027-01-08"], { allowed: true }],
      [1, ["2027-01-15"], false, "PENDING", ["2027-01-15"], { allowed: true }],
      [2, ["2027-01-18", "2027-01-19"], true, "PENDING", ["2027-01-18", "2027-01-19"], { allowed: true }],
      [3, ["2027-01-22"], false, "APPROVED", ["2027-01-22"], { allowed: false, reason: "APPROVED_EXTRA_CARE", code: "Cancel.reasons.APPROVED_EXTRA_CARE" }],
    ]);
    // Every item is in exactly one booking, in the child's item order.
    expect(noor.bookings.flatMap((b) => b.items)).toEqual(noor.items);
    const sem = before!.children.find((c) => c.childId === w.semId)!;
    expect(sem.bookings.map((b) => [b.booking, b.isPeriod])).toEqual([[2, false]]);

    expect(await cancelRequestItems(w.parent, { requestId: id, childId: w.noorId, booking: 0 }, NOW)).toMatchObject({ ok: true, data: { cancelled: 1 } });
    const after = await getFamilyRequest(w.parent, id, NOW);
    const noorAfter = after!.children.find((c) => c.childId === w.noorId)!;
    expect(noorAfter.bookings.map((b) => [b.booking, b.status, b.cancel.allowed])).toEqual([
      [0, "CANCELLED", false],
      [1, "PENDING", true],
      [2, "PENDING", true],
      [3, "APPROVED", false],
    ]);
    expect(noorAfter.bookings[0]!.cancel).toMatchObject({ reason: "ALREADY_FINAL" });
    // The other bookings are still pending and the overview's answer still matches the cancel.
    expect(await cancelRequestItems(w.parent, { requestId: id, childId: w.noorId, booking: 2 }, NOW)).toMatchObject({ ok: true, data: { cancelled: 2 } });
    expect(await cancelRequestItems(w.parent, { requestId: id, childId: w.noorId, booking: 3 }, NOW)).toEqual({
      ok: false,
      code: noorAfter.bookings[3]!.cancel.allowed ? "?" : noorAfter.bookings[3]!.cancel.code,
    });
    const last = await getFamilyRequest(w.parent, id, NOW);
    expect(last!.children.find((c) => c.childId === w.noorId)!.bookings.map((b) => b.status)).toEqual(["CANCELLED", "PENDING", "CANCELLED", "APPROVED"]);
    expect(last!.children.find((c) => c.childId === w.semId)!.bookings.map((b) => b.status)).toEqual(["PENDING"]);
  });

  it("summarises a child whose bookings can none be cancelled with the first one's reason", async () => {
    const id = await extra(
      w.parent.familyId!,
      w.parent.id,
      [
        { childId: w.noorId, date: "2027-02-05", status: "REJECTED", booking: 0 },
        { childId: w.noorId, date: "2027-02-12", status: "APPROVED", booking: 1 },
      ],
      new Date("2026-11-21T10:00:00Z"),
    );
    const child = (await getFamilyRequest(w.parent, id, NOW))!.children[0]!;
    expect(child.bookings.map((b) => b.cancel)).toEqual([
      { allowed: false, reason: "ALREADY_FINAL", code: "Cancel.reasons.ALREADY_FINAL" },
      { allowed: false, reason: "APPROVED_EXTRA_CARE", code: "Cancel.reasons.APPROVED_EXTRA_CARE" },
    ]);
    expect(child.cancel).toEqual(child.bookings[0]!.cancel);
  });
});
