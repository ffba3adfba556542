import "server-only";
import { PLANNER_ROLES, type SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { assessDecision, assessmentUnit, itemsToExpire, type AssessAction, type ItemUpdate } from "@/lib/domain/requests";
import { amsterdamIsoDate, toIsoDate } from "@/lib/format/date";
import { Prisma } from "@/lib/generated/prisma/client";
import { groupOccupancy } from "./occupancy";
import { notifyIfRequestAssessed } from "./requests/completion";

// Assessing request items (the planner's queue). Approving added care can never exceed a day part's
// capacity, also when two planners approve the last place at the same moment (domain.md: "approving
// must never exceed capacity"): each approval locks the affected DayPart rows (FOR UPDATE, in id
// order so two transactions never wait for each other in a circle) and counts the occupancy after
// the lock, so a concurrent approval of the same day part waits and then sees the first one's result.
//
// What one assessment decides is lib/domain/requests.ts assessDecision, whatever item id is posted: an
// assess-as-whole request as a whole, a child's swap (given-up and wanted day parts) as one unit, other
// items one by one. Nothing is assessed that has expired: from the request's expiry date on, or after
// the care date, the items are withdrawn (domain.md "Expires on"; lib/server/jobs/expire-requests.ts
// does the withdrawing, which may not have run yet).

export type AssessCode =
  | "Assess.errors.notFound"
  | "Assess.errors.forbidden"
  | "Assess.errors.notPending"
  | "Assess.errors.nothingPending"
  | "Assess.errors.reasonRequired"
  | "Assess.errors.wholeRequestOnly"
  | "Assess.errors.notAssessable"
  | "Assess.errors.capacityFull"
  | "Assess.errors.closedDay"
  | "Assess.errors.expired";

export type AssessResult =
  | { ok: true; data: { updated: number; requestCompleted: boolean } }
  | { ok: false; code: AssessCode; detail?: { date: string; dayPartId: string } };

const DOMAIN_CODES: Record<string, AssessCode> = {
  NOTHING_PENDING: "Assess.errors.nothingPending",
  NOT_PENDING: "Assess.errors.notPending",
  REASON_REQUIRED: "Assess.errors.reasonRequired",
  ASSESS_AS_WHOLE_REQUIRED: "Assess.errors.wholeRequestOnly",
  NOT_ASSESS_AS_WHOLE: "Assess.errors.wholeRequestOnly",
  NOT_ASSESSABLE: "Assess.errors.notAssessable",
};

/** Thrown inside the transaction to roll back every update of this assessment. */
class NoRoom extends Error {
  constructor(
    readonly code: "Assess.errors.capacityFull" | "Assess.errors.closedDay",
    readonly date: string,
    readonly dayPartId: string,
  ) {
    super(code);
  }
}

export interface AssessInput {
  /**
   * One item; for an assess-as-whole request any of its items (the whole request is assessed), for a
   * swap any item of the child (the child's whole swap is assessed).
   */
  itemId: string;
  action: AssessAction;
  rejectionReason?: string | null;
}

type Actor = Pick<SessionUser, "id" | "role" | "organisationId">;

/** Approve or reject; see the comment at the top. Expected failures are values, never partial writes. */
export async function assessItem(actor: Actor, input: AssessInput, now: Date = new Date()): Promise<AssessResult> {
  if (!PLANNER_ROLES.includes(actor.role)) return { ok: false, code: "Assess.errors.forbidden" };
  try {
    return await db.$transaction(
      async (tx) => {
        const target = await tx.requestItem.findFirst({
          where: { id: input.itemId, group: { location: { organisationId: actor.organisationId } } },
          select: { requestId: true },
        });
        if (!target) return { ok: false, code: "Assess.errors.notFound" } as const;

        // Lock the request's items: a second planner assessing the same request waits here.
        await tx.$queryRaw`SELECT id FROM "RequestItem" WHERE "requestId" = ${target.requestId}::uuid ORDER BY id FOR UPDATE`;
        const request = await tx.request.findUniqueOrThrow({
          where: { id: target.requestId },
          include: { items: { orderBy: [{ date: "asc" }, { startMinute: "asc" }] } },
        });

        // Expired (the job has not withdrawn it yet): the expiry date has come, or a care date in the
        // unit has gone by — the same rule as the job, so a unit lapses as one.
        const today = amsterdamIsoDate(now);
        const items = request.items.map((i) => ({ ...i, date: toIsoDate(i.date) }));
        const unit = new Set(assessmentUnit(items, input.itemId, request).map((i) => i.id));
        const expiresOn = request.expiresOn ? toIsoDate(request.expiresOn) : null;
        const lapsed = itemsToExpire(items, { kind: request.kind, assessAsWhole: request.assessAsWhole, expiresOn, today });
        if (lapsed.some((i) => unit.has(i.id))) return { ok: false, code: "Assess.errors.expired" } as const;

        const decision = assessDecision(items, input.itemId, request, input.action, input.rejectionReason);
        if (!decision.ok) return { ok: false, code: DOMAIN_CODES[decision.code] ?? "Assess.errors.notPending" } as const;

        const byId = new Map(request.items.map((i) => [i.id, i]));
        const approvedAdds = decision.updates
          .filter((u) => u.status === "APPROVED")
          .map((u) => byId.get(u.id)!)
          .filter((i) => i.direction === "ADD");
        if (approvedAdds.length > 0) {
          const dayPartIds = [...new Set(approvedAdds.map((i) => i.dayPartId))].sort();
          await tx.$queryRaw`SELECT id FROM "DayPart" WHERE id = ANY(${dayPartIds}::uuid[]) ORDER BY id FOR UPDATE`;
        }

        await applyUpdates(tx, decision.updates, actor.id, now);

        // Capacity, counted after the lock and after this request's own updates.
        const checked = new Set<string>();
        for (const item of approvedAdds) {
          const date = toIsoDate(item.date);
          const key = `${item.groupId}|${date}`;
          if (checked.has(key)) continue;
          checked.add(key);
          const occupancy = await groupOccupancy(tx, item.groupId, date);
          // A closing day added after the request was made: no care can be approved on it.
          if (occupancy.closed) throw new NoRoom("Assess.errors.closedDay", date, item.dayPartId);
          const over = occupancy.dayParts.find((d) => d.occupied > d.capacity && approvedAdds.some((a) => a.dayPartId === d.id && toIsoDate(a.date) === date));
          if (over) throw new NoRoom("Assess.errors.capacityFull", date, over.id);
        }

        const requestCompleted = await notifyIfRequestAssessed(tx, request.id, now);
        return { ok: true, data: { updated: decision.updates.length, requestCompleted } } as const;
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 15_000, maxWait: 15_000 },
    );
  } catch (error) {
    if (error instanceof NoRoom) return { ok: false, code: error.code, detail: { date: error.date, dayPartId: error.dayPartId } };
    throw error;
  }
}

async function applyUpdates(tx: Prisma.TransactionClient, updates: readonly ItemUpdate[], actorId: string, now: Date) {
  const giveBack = new Map<string, number>();
  for (const update of updates) {
    const item = await tx.requestItem.update({
      where: { id: update.id },
      data: { status: update.status, rejectionReason: update.rejectionReason, assessedById: actorId, assessedAt: now },
      select: { creditId: true, startMinute: true, endMinute: true },
    });
    // A rejected item paid with a credit gives the credit's minutes back.
    if (update.status === "REJECTED" && item.creditId) {
      giveBack.set(item.creditId, (giveBack.get(item.creditId) ?? 0) + item.endMinute - item.startMinute);
      await tx.requestItem.update({ where: { id: update.id }, data: { creditId: null } });
    }
  }
  // Credits in id order, as the expiry job and cancelling do (items → credits → request), so these
  // writers never wait on each other in a cycle.
  for (const [creditId, minutes] of [...giveBack].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await tx.credit.update({ where: { id: creditId }, data: { usedMinutes: { decrement: minutes } } });
  }
}
