import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import { loadFamilyCalendarData, type FamilyCalendarData } from "@/lib/db/calendar-data";
import { db } from "@/lib/db/client";
import { closingLookupByGroup } from "@/lib/domain/closing-days";
import { makeUpCreditFor } from "@/lib/domain/credits";
import { amsterdamInstant, validateRequestDate } from "@/lib/domain/requests";
import { scheduleDay, scheduleForChildren, type CareSource, type ChildSchedule } from "@/lib/domain/schedule";
import type { AbsenceReason, IsoDate } from "@/lib/domain/types";
import { amsterdamIsoDate, parseIsoDate, toIsoDate } from "@/lib/format/date";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AbsenceData } from "@/lib/schemas/absence";
import type { AbsenceMailChild } from "@/lib/server/mail-templates/absence-confirmation";
import { familyUserIds, notify } from "@/lib/notify";

// "Afwezigheid doorgeven" (seed 002 §5.4, seed 003 "Afwezigheid", domain.md Requests): registered at
// once (no assessment) as one ABSENCE request with one REMOVE item (status REGISTERED) per child, date
// and day part; make-up hours where the organisation's policy grants them (lib/domain/credits); the
// ABSENCE_CONFIRMATION notification in the same transaction: in-app for the family's guardians, and
// (per preferences) an e-mail/push to the reporting guardian confirming the hours reported absent,
// sent after the commit by the delivery worker (lib/notify) from what `data.mail` records.
//
// Checks, all before anything is written (a failure writes nothing):
// - only the user's own family's children (another family's child → errors.notFound);
// - each date: not before today (an absence may be reported for today — validateRequestDate's ABSENCE
//   rule), not a closing day; a day part that has already ended today is PAST too (reporting it
//   afterwards changes nothing for the group);
// - each day part: one the child is scheduled for that date per lib/domain/schedule (contract care or
//   approved extra/swap care), not already reported absent, not waiting for a swap that gives it up.
//
// Double submits: the form sends a fresh idempotencyKey per report; (user, key) is unique. The same
// key again returns the first request (replayed: true) without writing or mailing again. Concurrent
// submits of one family are serialised by a row lock on the Family, so the second sees the first's
// items (or its key) after the first commits; a unique violation is still caught as the last line.

export type AbsenceCode =
  | "errors.forbidden"
  | "errors.notFound"
  | "errors.conflict"
  | "Absence.errors.past"
  | "Absence.errors.closed"
  | "Absence.errors.notScheduled"
  | "Absence.errors.alreadyAbsent"
  | "Absence.errors.swapPending";

export interface AbsenceSubmitted {
  requestId: string;
  /** true when this key was submitted before: nothing new was written. */
  replayed: boolean;
  items: number;
  /** Minutes reported absent, all children together. */
  totalMinutes: number;
  /** Minutes of make-up credit granted (0 when policy grants none). */
  makeUpMinutes: number;
}

export type AbsenceResult =
  | { ok: true; data: AbsenceSubmitted }
  | { ok: false; code: AbsenceCode; detail?: { childId: string; date: IsoDate; dayPartId: string } };

interface PlannedItem {
  childId: string;
  groupId: string;
  dayPartId: string;
  code: string;
  date: IsoDate;
  startMinute: number;
  endMinute: number;
  source: CareSource;
}

type User = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId" | "locale" | "email" | "name">;

class Refused extends Error {
  constructor(readonly result: Extract<AbsenceResult, { ok: false }>) {
    super(result.code);
  }
}

/** Validates every selection against the family's schedule; the items to write, or the first refusal. */
function planItems(
  data: AbsenceData,
  calendar: FamilyCalendarData,
  today: IsoDate,
  now: Date,
): { ok: true; items: PlannedItem[] } | Extract<AbsenceResult, { ok: false }> {
  const own = new Set(calendar.children.map((c) => c.id));
  if (data.childIds.some((id) => !own.has(id))) return { ok: false, code: "errors.notFound" };

  const locationOfGroup = new Map(calendar.groups.map((g) => [g.id, g.locationId]));
  const closing = closingLookupByGroup(data.from, data.to, {
    organisationDays: calendar.closingDays,
    liberationDayEveryYears: calendar.policy.liberationDayEveryYears,
    locationOfGroup,
  });
  const schedules: Map<string, ChildSchedule> = scheduleForChildren({
    childIds: data.childIds,
    from: data.from,
    to: data.to,
    placements: calendar.placements,
    dayParts: calendar.dayParts,
    items: calendar.items,
    closing,
  });
  const dayPartGroup = new Map(calendar.dayParts.map((d) => [d.id, d.groupId]));

  const items: PlannedItem[] = [];
  const sorted = [...data.selections].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const s of sorted) {
    const detail = { childId: s.childId, date: s.date, dayPartId: s.dayPartId };
    const day = scheduleDay(schedules.get(s.childId)!, s.date)!;
    const groupId = dayPartGroup.get(s.dayPartId) ?? null;
    const closed = day.closed !== null || (groupId !== null && closing(s.date, groupId) !== null);
    const dateCheck = validateRequestDate(s.date, { today, policy: calendar.policy, closed, kind: "ABSENCE" });
    if (!dateCheck.ok) {
      return { ok: false, code: dateCheck.code === "CLOSED" ? "Absence.errors.closed" : "Absence.errors.past", detail };
    }
    const entry = day.scheduled.find((p) => p.dayPartId === s.dayPartId);
    if (!entry) {
      const absent = day.removed.some((r) => r.dayPartId === s.dayPartId && r.reason === "ABSENCE");
      return { ok: false, code: absent ? "Absence.errors.alreadyAbsent" : "Absence.errors.notScheduled", detail };
    }
    if (entry.pendingRemovalItemId !== null) return { ok: false, code: "Absence.errors.swapPending", detail };
    if (amsterdamInstant(s.date, entry.endMinute).getTime() <= now.getTime()) {
      return { ok: false, code: "Absence.errors.past", detail };
    }
    items.push({
      childId: s.childId,
      groupId: entry.groupId,
      dayPartId: s.dayPartId,
      code: entry.code,
      date: s.date,
      startMinute: entry.startMinute,
      endMinute: entry.endMinute,
      source: entry.source,
    });
  }
  return { ok: true, items };
}

async function findReplay(userId: string, key: string, client: Pick<Prisma.TransactionClient, "request"> = db) {
  return client.request.findUnique({
    where: { createdById_idempotencyKey: { createdById: userId, idempotencyKey: key } },
    select: {
      id: true,
      kind: true,
      items: { select: { startMinute: true, endMinute: true, earnedCredit: { select: { minutes: true } } } },
    },
  });
}

function replayResult(found: NonNullable<Awaited<ReturnType<typeof findReplay>>>): AbsenceResult {
  if (found.kind !== "ABSENCE") return { ok: false, code: "errors.conflict" };
  return {
    ok: true,
    data: {
      requestId: found.id,
      replayed: true,
      items: found.items.length,
      totalMinutes: found.items.reduce((s, i) => s + (i.endMinute - i.startMinute), 0),
      makeUpMinutes: found.items.reduce((s, i) => s + (i.earnedCredit?.minutes ?? 0), 0),
    },
  };
}

/**
 * Registers an absence for the signed-in parent's family (see the comment at the top). `data` is the
 * output of absenceSchema; `now` is when it is reported (notice for make-up hours is measured from it).
 */
export async function submitAbsence(user: User, data: AbsenceData, now: Date = new Date()): Promise<AbsenceResult> {
  if (user.role !== "PARENT" || !user.familyId) return { ok: false, code: "errors.forbidden" };
  const familyId = user.familyId;

  const earlier = await findReplay(user.id, data.idempotencyKey);
  if (earlier) return replayResult(earlier);

  const today = amsterdamIsoDate(now);
  const calendar = await loadFamilyCalendarData({ organisationId: user.organisationId, familyId }, data.from, data.to);
  const planned = planItems(data, calendar, today, now);
  if (!planned.ok) {
    // The same report may have been committed by a concurrent submit after the first look and before
    // the calendar was read (it then shows these day parts as absent already): that is a replay.
    const committed = await findReplay(user.id, data.idempotencyKey);
    return committed ? replayResult(committed) : planned;
  }
  const reason: AbsenceReason = data.reason;

  let created: { requestId: string; makeUpMinutes: number };
  try {
    created = await db.$transaction(
      async (tx) => {
        // One family's reports one after another: the checks below see what a concurrent report wrote.
        await tx.$queryRaw`SELECT id FROM "Family" WHERE id = ${familyId}::uuid FOR UPDATE`;
        const again = await findReplay(user.id, data.idempotencyKey, tx);
        if (again) throw new Replayed();

        // Re-check under the lock what a concurrent request of this family may have changed since the
        // calendar was read: an absence or a pending/approved swap for the same day parts.
        const clash = await tx.requestItem.findFirst({
          where: {
            direction: "REMOVE",
            status: { in: ["REGISTERED", "PENDING", "APPROVED"] },
            OR: planned.items.map((i) => ({ childId: i.childId, dayPartId: i.dayPartId, date: parseIsoDate(i.date) })),
          },
          select: { childId: true, dayPartId: true, date: true, status: true },
        });
        if (clash) {
          throw new Refused({
            ok: false,
            code: clash.status === "REGISTERED" ? "Absence.errors.alreadyAbsent" : clash.status === "PENDING" ? "Absence.errors.swapPending" : "Absence.errors.notScheduled",
            detail: { childId: clash.childId, date: toIsoDate(clash.date), dayPartId: clash.dayPartId },
          });
        }

        const request = await tx.request.create({
          data: {
            familyId,
            kind: "ABSENCE",
            createdById: user.id,
            idempotencyKey: data.idempotencyKey,
            absenceReason: reason,
            comment: data.comment ?? null,
            periodStart: parseIsoDate(data.from),
            periodEnd: parseIsoDate(data.to),
          },
          select: { id: true },
        });
        const itemIds = planned.items.map(() => randomUUID());
        await tx.requestItem.createMany({
          data: planned.items.map((i, n) => ({
            id: itemIds[n]!,
            requestId: request.id,
            childId: i.childId,
            groupId: i.groupId,
            dayPartId: i.dayPartId,
            date: parseIsoDate(i.date),
            direction: "REMOVE" as const,
            startMinute: i.startMinute,
            endMinute: i.endMinute,
            status: "REGISTERED" as const,
          })),
        });

        // Make-up hours per item where policy grants them (closing days never get here).
        const credits: Prisma.CreditCreateManyInput[] = [];
        planned.items.forEach((i, n) => {
          const credit = makeUpCreditFor({
            absenceDate: i.date,
            dayPart: { startMinute: i.startMinute, endMinute: i.endMinute },
            reportedAt: now,
            reason,
            policy: calendar.policy,
            closed: false,
            source: i.source,
          });
          if (!credit) return;
          credits.push({
            childId: i.childId,
            kind: credit.kind,
            minutes: credit.minutes,
            validFrom: parseIsoDate(credit.validFrom),
            validUntil: parseIsoDate(credit.validUntil),
            restriction: credit.restriction,
            sourceItemId: itemIds[n]!,
          });
        });
        if (credits.length > 0) await tx.credit.createMany({ data: credits });
        const makeUpMinutes = credits.reduce((s, c) => s + c.minutes, 0);

        await notify(tx, {
          event: "ABSENCE_CONFIRMATION",
          userIds: await familyUserIds(tx, familyId),
          // The confirmation e-mail (and push) goes to the guardian who reported it.
          deliverTo: [user.id],
          url: `/agenda/requests/${request.id}`,
          data: {
            requestId: request.id,
            reason,
            periodStart: data.from,
            periodEnd: data.to,
            childIds: [...new Set(planned.items.map((i) => i.childId))],
            items: planned.items.length,
            minutes: planned.items.reduce((s, i) => s + (i.endMinute - i.startMinute), 0),
            makeUpMinutes,
            // What the confirmation e-mail lists, rendered at send time (lib/notify/content.ts).
            mail: { children: mailChildren(planned.items, calendar) } as unknown as Prisma.InputJsonObject,
          },
        });
        return { requestId: request.id, makeUpMinutes };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000, maxWait: 20_000 },
    );
  } catch (error) {
    if (error instanceof Refused) return error.result;
    if (error instanceof Replayed || isUniqueViolation(error)) {
      const first = await findReplay(user.id, data.idempotencyKey);
      if (first) return replayResult(first);
    }
    throw error;
  }

  const totalMinutes = planned.items.reduce((s, i) => s + (i.endMinute - i.startMinute), 0);
  return {
    ok: true,
    data: { requestId: created.requestId, replayed: false, items: planned.items.length, totalMinutes, makeUpMinutes: created.makeUpMinutes },
  };
}

class Replayed extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Per child the day parts reported absent, for the confirmation e-mail ("Via e-mail ontvang je een
 * bevestiging van de uren die je hebt afgemeld" — seed 003; lib/server/mail-templates/absence-confirmation.ts).
 */
function mailChildren(items: readonly PlannedItem[], calendar: FamilyCalendarData): AbsenceMailChild[] {
  const groupName = new Map(calendar.groups.map((g) => [g.id, g.name]));
  return calendar.children
    .filter((c) => items.some((i) => i.childId === c.id))
    .map((c) => ({
      name: `${c.firstName} ${c.lastName}`.trim(),
      dayParts: items
        .filter((i) => i.childId === c.id)
        .map((i) => ({ date: i.date, code: i.code, startMinute: i.startMinute, endMinute: i.endMinute, groupName: groupName.get(i.groupId) ?? "" })),
    }));
}
