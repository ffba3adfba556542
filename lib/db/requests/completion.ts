import "server-only";
import { isFullyAssessed } from "@/lib/domain/requests";
import { toIsoDate } from "@/lib/format/date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { familyUserIds, notify } from "@/lib/notify";

// "Je ontvangt een melding wanneer alle individuele aanvragen beoordeeld zijn" (seed 002 §5.2): the one
// REQUEST_ASSESSED notification of a request, sent by whichever change leaves no item PENDING — the
// planner's last assessment (lib/db/assessment.ts) or the parent cancelling the last pending part
// (lib/db/requests/cancel.ts), e.g. child A approved, child B pending, B cancelled.
//
// Call it inside the transaction that changed the items, after the changes and after the item row
// locks. It locks the Request row (FOR NO KEY UPDATE; lock order items → credits → request, as all
// writers of requests do) and only then reads the items and completedNotifiedAt: two transactions that
// each finish a different child's part (two cancels, which lock only their own child's items) are
// serialised here, so the second sees the first one's commit and exactly one of them notifies.
//
// Not sent when nothing was assessed: a request whose items were all cancelled or expired needs no
// "assessed" message (the parent cancelled it, or was told it expired), nor does an absence (its
// confirmation is sent when it is registered).

/** Sends REQUEST_ASSESSED once when the request is now fully assessed; true when it did. */
export async function notifyIfRequestAssessed(tx: Prisma.TransactionClient, requestId: string, now: Date): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ${requestId}::uuid FOR NO KEY UPDATE`;
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: { id: true, familyId: true, kind: true, periodStart: true, periodEnd: true, completedNotifiedAt: true },
  });
  if (!request || request.kind === "ABSENCE" || request.completedNotifiedAt !== null) return false;
  const items = await tx.requestItem.findMany({ where: { requestId }, select: { status: true } });
  if (!isFullyAssessed(items) || !items.some((i) => i.status === "APPROVED" || i.status === "REJECTED")) return false;

  await tx.request.update({ where: { id: requestId }, data: { completedNotifiedAt: now } });
  await notify(tx, {
    event: "REQUEST_ASSESSED",
    userIds: await familyUserIds(tx, request.familyId),
    url: `/agenda/requests/${request.id}`,
    data: { requestId: request.id, kind: request.kind, periodStart: toIsoDate(request.periodStart), periodEnd: toIsoDate(request.periodEnd) },
  });
  return true;
}
