// "Afwezigheid doorgeven" against a real PostgreSQL and a real SMTP server in the test: registered at
// once, make-up hours only where policy grants them, a confirmation mail with the hours, nothing
// written for bad input, and exactly one request for a double submit (sequential and concurrent).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture, type CapturedMail } from "./auth-mail-capture";
import { counts, createRequestsWorld, type RequestsWorld } from "./requests-fixtures";

// serverEnv() reads the environment once, so the SMTP server must run before any app module loads.
const smtp = await startSmtpCapture();
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "https://ouders.example.test";
process.env.MAIL_FROM = "Ouderportaal <no-reply@ouders.example.test>";

const { db } = await import("@/lib/db/client");
const { submitAbsence } = await import("@/lib/db/requests/absence");
const { absenceSchema } = await import("@/lib/schemas/absence");
const { createAuthedAction } = await import("@/lib/actions/safe-action");
// The confirmation mail is sent by the notification delivery worker after the commit (lib/notify).
const { runDeliveries } = await import("@/lib/notify/worker");

// Monday 23 November 2026, 09:00 in Amsterdam.
const NOW = new Date("2026-11-23T08:00:00.000Z");
const MONDAY = "2026-12-07"; // two weeks ahead: timely notice
let w: RequestsWorld;

type Sel = { childId: string; date: string; dayPartId: string };
function input(selections: Sel[], extra: Record<string, unknown> = {}) {
  const dates = selections.map((s) => s.date).sort();
  return absenceSchema.parse({
    childIds: [...new Set(selections.map((s) => s.childId))],
    from: dates[0],
    to: dates[dates.length - 1],
    selections,
    reason: "SICK",
    idempotencyKey: randomUUID(),
    ...extra,
  });
}

const mailsTo = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address));

beforeAll(async () => {
  w = await createRequestsWorld({ makeUpNoticeHours: 24, makeUpValidityDays: 90, makeUpReasons: ["SICK", "HOLIDAY"] });
});

afterAll(async () => {
  await smtp.stop();
});

describe("submitAbsence", () => {
  it("registers the absence at once, grants make-up hours, notifies the family and mails the hours", async () => {
    const before = await counts();
    const data = input([
      { childId: w.noorId, date: MONDAY, dayPartId: w.morningId },
      { childId: w.noorId, date: MONDAY, dayPartId: w.afternoonId },
      { childId: w.semId, date: MONDAY, dayPartId: w.morningId },
    ], { comment: "Waterpokken" });
    const result = await submitAbsence(w.parent, data, NOW);
    expect(result).toEqual({
      ok: true,
      data: { requestId: expect.any(String), replayed: false, items: 3, totalMinutes: 360 + 330 + 360, makeUpMinutes: 360 + 330 + 360 },
    });
    if (!result.ok) return;

    const request = await db.request.findUniqueOrThrow({ where: { id: result.data.requestId }, include: { items: { include: { earnedCredit: true } } } });
    expect(request).toMatchObject({ kind: "ABSENCE", familyId: w.parent.familyId, createdById: w.parent.id, absenceReason: "SICK", comment: "Waterpokken" });
    expect(request.items).toHaveLength(3);
    for (const item of request.items) {
      expect(item).toMatchObject({ direction: "REMOVE", status: "REGISTERED", groupId: w.groupId });
      expect(item.earnedCredit).toMatchObject({ kind: "MAKE_UP", childId: item.childId, minutes: item.endMinute - item.startMinute, usedMinutes: 0, restriction: "NONE" });
      expect(item.earnedCredit!.validFrom.toISOString().slice(0, 10)).toBe(MONDAY);
      expect(item.earnedCredit!.validUntil.toISOString().slice(0, 10)).toBe("2027-03-07");
    }
    const after = await counts();
    expect(after).toEqual({ requests: before.requests + 1, items: before.items + 3, credits: before.credits + 3, notifications: before.notifications + 2 });
    const notes = await db.notification.findMany({ where: { event: "ABSENCE_CONFIRMATION", url: `/agenda/requests/${request.id}` } });
    expect(notes.map((n) => n.userId).sort()).toEqual([w.parent.id, w.parentEn.id].sort());

    // The confirmation mail goes to the reporting guardian, in Dutch, with the hours: sent by the
    // delivery worker, not in the request.
    expect(mailsTo(w.parent.email)).toHaveLength(0);
    expect(await runDeliveries()).toMatchObject({ sent: 1, failed: 0, retried: 0 });
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(w.parent.email));
    expect(mailsTo(w.parentEn.email)).toHaveLength(0);
    expect(mail.subject).toBe("Bevestiging van je afwezigheidsmelding");
    expect(mail.text).toContain(`Beste ${w.parent.name},`);
    expect(mail.text).toContain("reden: Ziek");
    expect(mail.text).toContain("Noor Test: 11,5 uur afgemeld");
    expect(mail.text).toContain("7 december 2026: Ochtend 07:00–13:00, Middag 13:00–18:30 (11,5 uur)");
    expect(mail.text).toContain("Sem Test: 6 uur afgemeld");
    expect(mail.text).toContain("Totaal afgemeld: 17,5 uur.");
    expect(mail.text).toContain("17,5 inhaaluren");
    expect(mail.text).toContain(`https://ouders.example.test/nl/agenda/requests/${request.id}`);
    expect(mail.text).toContain("Kinderopvang De Zonnebloem");
    expect(mail.html).toContain("Totaal afgemeld: 17,5 uur.");
    expect(mail.text).toContain("https://ouders.example.test/nl/more/notifications");
    // Once sent, a further run sends nothing again.
    expect(await runDeliveries()).toMatchObject({ sent: 0 });
    expect(mailsTo(w.parent.email)).toHaveLength(1);
  });

  it("mails in the reporting guardian's language", async () => {
    const result = await submitAbsence(w.parentEn, input([{ childId: w.noorId, date: "2026-12-08", dayPartId: w.afternoonId }], { reason: "HOLIDAY" }), NOW);
    expect(result.ok).toBe(true);
    await runDeliveries();
    const mail: CapturedMail = await smtp.waitFor((m) => m.envelopeTo.includes(w.parentEn.email));
    expect(mail.subject).toBe("Confirmation of your absence report");
    expect(mail.text).toContain("reason: Holiday");
    expect(mail.text).toContain("8 December 2026: Afternoon 13:00–18:30 (5.5 hours)");
    expect(mail.text).toContain("Total reported absent: 5.5 hours.");
    expect(mail.text).toContain(`https://ouders.example.test/en/agenda/requests/`);
  });

  it("grants no make-up hours for a reason policy excludes, nor at short notice (today)", async () => {
    const before = await counts();
    const other = await submitAbsence(w.parent, input([{ childId: w.noorId, date: "2026-12-11", dayPartId: w.morningId }], { reason: "OTHER" }), NOW);
    expect(other).toMatchObject({ ok: true, data: { items: 1, makeUpMinutes: 0 } });
    // Today, Monday 09:00: the morning has begun and the afternoon starts in 4 hours — reported, no credit.
    const today = await submitAbsence(w.parent, input([
      { childId: w.noorId, date: "2026-11-23", dayPartId: w.morningId },
      { childId: w.noorId, date: "2026-11-23", dayPartId: w.afternoonId },
    ]), NOW);
    expect(today).toMatchObject({ ok: true, data: { items: 2, totalMinutes: 690, makeUpMinutes: 0 } });
    const after = await counts();
    expect(after.credits).toBe(before.credits);
    expect(after.items).toBe(before.items + 3);
  });

  it("grants no make-up hours for an approved extra day reported absent (only contract care earns them)", async () => {
    // Wednesday 16 December: not one of Noor's contract days; an extra morning was approved.
    await db.request.create({
      data: {
        familyId: w.parent.familyId!, kind: "EXTRA_DAY", createdById: w.parent.id, idempotencyKey: randomUUID(),
        periodStart: new Date("2026-12-16"), periodEnd: new Date("2026-12-16"),
        items: {
          create: [{
            childId: w.noorId, groupId: w.groupId, dayPartId: w.morningId, date: new Date("2026-12-16"), direction: "ADD",
            startMinute: 420, endMinute: 780, status: "APPROVED", payment: "INVOICE", priceCents: 6270,
          }],
        },
      },
    });
    const result = await submitAbsence(w.parent, input([{ childId: w.noorId, date: "2026-12-16", dayPartId: w.morningId }]), NOW);
    expect(result).toMatchObject({ ok: true, data: { items: 1, totalMinutes: 360, makeUpMinutes: 0 } });
  });

  it("grants none when the organisation grants no make-up hours at all", async () => {
    await db.organisationPolicy.update({ where: { organisationId: w.orgId }, data: { makeUpCreditsEnabled: false } });
    try {
      const result = await submitAbsence(w.parent, input([{ childId: w.noorId, date: "2026-12-14", dayPartId: w.morningId }]), NOW);
      expect(result).toMatchObject({ ok: true, data: { makeUpMinutes: 0 } });
      if (result.ok) expect(await db.credit.count({ where: { sourceItem: { requestId: result.data.requestId } } })).toBe(0);
    } finally {
      await db.organisationPolicy.update({ where: { organisationId: w.orgId }, data: { makeUpCreditsEnabled: true } });
    }
  });

  describe("bad input writes nothing", () => {
    const cases: [string, () => Sel[], string, Date?][] = [
      ["another family's child", () => [{ childId: w.juliaId, date: "2026-12-14", dayPartId: w.morningId }], "errors.notFound"],
      ["a day part the child is not scheduled for", () => [{ childId: w.semId, date: "2026-12-14", dayPartId: w.afternoonId }], "Absence.errors.notScheduled"],
      ["a day the child is not scheduled at all (Wednesday)", () => [{ childId: w.noorId, date: "2026-12-09", dayPartId: w.morningId }], "Absence.errors.notScheduled"],
      ["an unknown day part id", () => [{ childId: w.noorId, date: "2026-12-14", dayPartId: randomUUID() }], "Absence.errors.notScheduled"],
      ["a past date", () => [{ childId: w.noorId, date: "2026-11-16", dayPartId: w.morningId }], "Absence.errors.past"],
      ["a closing day (Christmas, a Friday)", () => [{ childId: w.noorId, date: "2026-12-25", dayPartId: w.morningId }], "Absence.errors.closed"],
      ["a day part that is already over today", () => [{ childId: w.semId, date: "2026-11-23", dayPartId: w.morningId }], "Absence.errors.past", new Date("2026-11-23T13:30:00.000Z")],
      ["a day part already reported absent", () => [{ childId: w.noorId, date: MONDAY, dayPartId: w.morningId }], "Absence.errors.alreadyAbsent"],
      ["one bad selection among good ones", () => [
        { childId: w.noorId, date: "2026-12-15", dayPartId: w.morningId },
        { childId: w.juliaId, date: "2026-12-14", dayPartId: w.morningId },
      ], "errors.notFound"],
    ];
    it.each(cases)("%s", async (_name, selections, code, now) => {
      const before = await counts();
      await runDeliveries(); // what earlier tests left pending
      const mailsBefore = smtp.mails.length;
      const result = await submitAbsence(w.parent, input(selections()), now ?? NOW);
      expect(result).toMatchObject({ ok: false, code });
      expect(await counts()).toEqual(before);
      await runDeliveries();
      expect(smtp.mails.length).toBe(mailsBefore);
    });

    it("refuses a closing day the organisation added, and gives no credit for it", async () => {
      await db.closingDay.create({ data: { organisationId: w.orgId, date: new Date("2026-12-22T00:00:00Z"), name: "Studiedag" } });
      const before = await counts();
      const result = await submitAbsence(w.parent, input([{ childId: w.noorId, date: "2026-12-22", dayPartId: w.morningId }]), NOW);
      expect(result).toMatchObject({ ok: false, code: "Absence.errors.closed" });
      expect(await counts()).toEqual(before);
    });

    it("refuses a day part a pending swap gives up", async () => {
      const swap = await db.request.create({
        data: {
          familyId: w.parent.familyId!, kind: "SWAP_DAY", createdById: w.parent.id, idempotencyKey: randomUUID(),
          periodStart: new Date("2026-12-29T00:00:00Z"), periodEnd: new Date("2026-12-29T00:00:00Z"),
          items: { create: [{ childId: w.noorId, groupId: w.groupId, dayPartId: w.morningId, date: new Date("2026-12-29T00:00:00Z"), direction: "REMOVE", startMinute: 420, endMinute: 780, status: "PENDING" }] },
        },
      });
      const before = await counts();
      const result = await submitAbsence(w.parent, input([{ childId: w.noorId, date: "2026-12-29", dayPartId: w.morningId }]), NOW);
      expect(result).toMatchObject({ ok: false, code: "Absence.errors.swapPending" });
      expect(await counts()).toEqual(before);
      await db.request.delete({ where: { id: swap.id } });
    });

    it("refuses staff (only parents report absences)", async () => {
      const before = await counts();
      const result = await submitAbsence(w.planner, input([{ childId: w.noorId, date: "2026-12-14", dayPartId: w.morningId }]), NOW);
      expect(result).toEqual({ ok: false, code: "errors.forbidden" });
      expect(await counts()).toEqual(before);
    });

    it("through the action wrapper: invalid input is a validation error, a planner is forbidden", async () => {
      const handler = async (data: Parameters<typeof submitAbsence>[1], user: Parameters<typeof submitAbsence>[0]) => {
        const r = await submitAbsence(user, data, NOW);
        return r.ok ? { ok: true as const, data: r.data } : { ok: false as const, code: r.code };
      };
      const asParent = createAuthedAction(async () => w.parent)(absenceSchema, handler, { roles: ["PARENT"] });
      const asPlanner = createAuthedAction(async () => w.planner)(absenceSchema, handler, { roles: ["PARENT"] });
      const before = await counts();
      const bad = await asParent({ childIds: [], from: "2026-12-14", to: "2026-12-13", selections: [], reason: "X", idempotencyKey: "nope" });
      expect(bad).toMatchObject({ ok: false, code: "errors.validation", fieldErrors: { childIds: ["Absence.validation.childrenRequired"], reason: ["Absence.validation.reasonRequired"] } });
      const good = input([{ childId: w.noorId, date: "2026-12-14", dayPartId: w.morningId }]);
      expect(await asPlanner(good)).toEqual({ ok: false, code: "errors.forbidden" });
      expect(await counts()).toEqual(before);
    });
  });

  describe("double submit", () => {
    it("returns the first request for the same key, sequentially, without writing or mailing again", async () => {
      const data = input([{ childId: w.noorId, date: "2026-12-15", dayPartId: w.afternoonId }]);
      const first = await submitAbsence(w.parent, data, NOW);
      expect(first).toMatchObject({ ok: true, data: { replayed: false } });
      await runDeliveries();
      await smtp.waitFor((m) => m.envelopeTo.includes(w.parent.email) && m.text.includes("15 december 2026"));
      const before = await counts();
      const mailsBefore = smtp.mails.length;
      const second = await submitAbsence(w.parent, data, NOW);
      expect(second).toEqual({ ok: true, data: { ...(first.ok ? first.data : {}), replayed: true } });
      expect(await counts()).toEqual(before);
      await runDeliveries();
      expect(smtp.mails.length).toBe(mailsBefore);
      expect(await db.request.count({ where: { idempotencyKey: data.idempotencyKey } })).toBe(1);
    });

    it("creates exactly one request when the same key arrives concurrently", async () => {
      const data = input([
        { childId: w.noorId, date: "2027-01-04", dayPartId: w.morningId },
        { childId: w.semId, date: "2027-01-04", dayPartId: w.morningId },
      ]);
      const before = await counts();
      const results = await Promise.all(Array.from({ length: 6 }, () => submitAbsence(w.parent, data, NOW)));
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const ids = new Set(results.map((r) => (r.ok ? r.data.requestId : null)));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.ok && !r.data.replayed)).toHaveLength(1);
      expect(await db.request.count({ where: { idempotencyKey: data.idempotencyKey } })).toBe(1);
      const after = await counts();
      expect(after).toEqual({ requests: before.requests + 1, items: before.items + 2, credits: before.credits + 2, notifications: before.notifications + 2 });
    });

    it("registers a day part once when two reports with different keys race for it", async () => {
      const selections = [{ childId: w.noorId, date: "2027-01-05", dayPartId: w.morningId }];
      const results = await Promise.all([
        submitAbsence(w.parent, input(selections), NOW),
        submitAbsence(w.parentEn, input(selections), NOW),
        submitAbsence(w.parent, input(selections), NOW),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["Absence.errors.alreadyAbsent", "Absence.errors.alreadyAbsent"]);
      expect(await db.requestItem.count({ where: { childId: w.noorId, date: new Date("2027-01-05T00:00:00Z"), status: "REGISTERED" } })).toBe(1);
    });
  });
});
