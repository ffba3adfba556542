import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { loadPolicy } from "@/lib/db/calendar-data";
import { db } from "@/lib/db/client";
import { itemDisplayStatus, requestSummaryStatus, type ItemDisplayStatus, type RequestSummaryStatus } from "@/lib/domain/status";
import type { AbsenceReason, IsoDate, ItemDirection, PaymentMethod, Policy, RequestKind } from "@/lib/domain/types";
import { toIsoDate } from "@/lib/format/date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cancelUnits } from "@/lib/domain/cancel-policy";
import { isUuid, toCancelItem, unitCancelDecision, type CancelReason } from "./cancel";

// "Aanvragenoverzicht" (seed 002 §5.5, seed 004): all requests and absences of the family, newest
// first; per child the items with kind, date, day part, times, status (+ rejection reason) and group,
// the submission time, and per cancel unit — each booking of an extra day ("Een aanvraag kan uit
// meerdere boekingen bestaan", seed 002 §5.2), the child's whole absence or swap — whether it can be
// cancelled or the reason why not, computed with the same rule as the cancel itself
// (lib/db/requests/cancel.ts unitCancelDecision). Scoped by the user's family in every query:
// another family's request id finds nothing.

export const OVERVIEW_DEFAULT_LIMIT = 20;
export const OVERVIEW_MAX_LIMIT = 100;

export interface OverviewItemDto {
  id: string;
  date: IsoDate;
  direction: ItemDirection;
  dayPartId: string;
  /** MORNING, AFTERNOON, VSO, … (Agenda.dayPart.* in the UI). */
  dayPartCode: string;
  startMinute: number;
  endMinute: number;
  status: ItemDisplayStatus;
  rejectionReason: string | null;
  groupId: string;
  groupName: string;
  payment: PaymentMethod | null;
  priceCents: number | null;
  /** Absences: make-up minutes this item earned. */
  makeUpMinutes: number | null;
}

export type OverviewCancelDto = { allowed: true } | { allowed: false; reason: CancelReason; code: `Cancel.reasons.${CancelReason}` };

/** One cancel unit of a child: a booking of an extra day; the child's whole part of an absence or swap. */
export interface OverviewBookingDto {
  /** RequestItem.booking: send it along to cancel this unit (0 for absences and swaps). */
  booking: number;
  /** The unit's dates, sorted, without duplicates. */
  dates: IsoDate[];
  /** More than one date: cancelled as a whole period. */
  isPeriod: boolean;
  status: RequestSummaryStatus;
  items: OverviewItemDto[];
  cancel: OverviewCancelDto;
}

export interface OverviewChildDto {
  childId: string;
  firstName: string;
  lastName: string;
  status: RequestSummaryStatus;
  /** The child's dates in this request, sorted, without duplicates. */
  dates: IsoDate[];
  items: OverviewItemDto[];
  /** The child's cancel units in booking order; one for an absence, a swap and a one-booking extra day. */
  bookings: OverviewBookingDto[];
  /** Whether any of the child's units can be cancelled; if none can, the first unit's reason. */
  cancel: OverviewCancelDto;
}

export interface OverviewRequestDto {
  id: string;
  kind: RequestKind;
  /** ISO instant. */
  submittedAt: string;
  submittedBy: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  isPeriod: boolean;
  status: RequestSummaryStatus;
  absenceReason: AbsenceReason | null;
  comment: string | null;
  assessAsWhole: boolean;
  expiresOn: IsoDate | null;
  children: OverviewChildDto[];
}

export interface OverviewPage {
  requests: OverviewRequestDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

type User = Pick<SessionUser, "role" | "organisationId" | "familyId">;

const requestInclude = {
  createdBy: { select: { name: true } },
  items: {
    orderBy: [{ date: "asc" }, { startMinute: "asc" }, { id: "asc" }],
    include: {
      child: { select: { id: true, firstName: true, lastName: true, birthDate: true } },
      dayPart: { select: { code: true } },
      group: { select: { name: true } },
      earnedCredit: { select: { id: true, minutes: true, usedMinutes: true } },
    },
  },
} satisfies Prisma.RequestInclude;

type RequestRow = Prisma.RequestGetPayload<{ include: typeof requestInclude }>;

function toDto(request: RequestRow, policy: Policy, now: Date): OverviewRequestDto {
  const byChild = new Map<string, RequestRow["items"]>();
  for (const item of request.items) {
    const list = byChild.get(item.childId);
    if (list) list.push(item);
    else byChild.set(item.childId, [item]);
  }
  const children = [...byChild.values()]
    .sort((a, b) => a[0]!.child.birthDate.getTime() - b[0]!.child.birthDate.getTime() || a[0]!.child.firstName.localeCompare(b[0]!.child.firstName))
    .map((items): OverviewChildDto => {
      const child = items[0]!.child;
      const bookings = cancelUnits(request.kind, items.map(toCancelItem)).map((unit): OverviewBookingDto => {
        const unitItems = unit.items.map((i) => i.source);
        return {
          booking: unit.booking,
          dates: unit.dates,
          isPeriod: unit.isPeriod,
          status: requestSummaryStatus(unitItems),
          items: unitItems.map(toItemDto),
          cancel: toCancelDto(unitCancelDecision(request.kind, unitItems, policy, now)),
        };
      });
      return {
        childId: child.id,
        firstName: child.firstName,
        lastName: child.lastName,
        status: requestSummaryStatus(items),
        dates: [...new Set(items.map((i) => toIsoDate(i.date)))],
        items: items.map(toItemDto),
        bookings,
        cancel: bookings.find((b) => b.cancel.allowed)?.cancel ?? bookings[0]!.cancel,
      };
    });
  return {
    id: request.id,
    kind: request.kind,
    submittedAt: request.createdAt.toISOString(),
    submittedBy: request.createdBy.name,
    periodStart: toIsoDate(request.periodStart),
    periodEnd: toIsoDate(request.periodEnd),
    isPeriod: request.periodStart.getTime() < request.periodEnd.getTime(),
    status: requestSummaryStatus(request.items),
    absenceReason: request.absenceReason,
    comment: request.comment,
    assessAsWhole: request.assessAsWhole,
    expiresOn: request.expiresOn ? toIsoDate(request.expiresOn) : null,
    children,
  };
}

function toItemDto(i: RequestRow["items"][number]): OverviewItemDto {
  return {
    id: i.id,
    date: toIsoDate(i.date),
    direction: i.direction,
    dayPartId: i.dayPartId,
    dayPartCode: i.dayPart.code,
    startMinute: i.startMinute,
    endMinute: i.endMinute,
    status: itemDisplayStatus(i.status),
    rejectionReason: i.rejectionReason,
    groupId: i.groupId,
    groupName: i.group.name,
    payment: i.payment,
    priceCents: i.priceCents,
    makeUpMinutes: i.earnedCredit?.minutes ?? null,
  };
}

function toCancelDto(decision: ReturnType<typeof unitCancelDecision>): OverviewCancelDto {
  return decision.allowed ? { allowed: true } : { allowed: false, reason: decision.reason, code: `Cancel.reasons.${decision.reason}` };
}

/**
 * One page of the family's requests, newest first (submission time, then id). `cursor` is the last
 * request id of the previous page; an id that is not the family's (or not a uuid) starts from the top.
 */
export async function listFamilyRequests(
  user: User,
  options: { cursor?: string | null; limit?: number } = {},
  now: Date = new Date(),
): Promise<OverviewPage> {
  if (user.role !== "PARENT" || !user.familyId) return { requests: [], nextCursor: null };
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? OVERVIEW_DEFAULT_LIMIT), 1), OVERVIEW_MAX_LIMIT);
  const where = { familyId: user.familyId, family: { organisationId: user.organisationId } } satisfies Prisma.RequestWhereInput;

  let cursor: { id: string } | undefined;
  if (isUuid(options.cursor)) {
    const own = await db.request.findFirst({ where: { ...where, id: options.cursor }, select: { id: true } });
    if (own) cursor = { id: own.id };
  }
  const [rows, policy] = await Promise.all([
    db.request.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      ...(cursor ? { cursor, skip: 1 } : {}),
      include: requestInclude,
    }),
    loadPolicy(user.organisationId),
  ]);
  const page = rows.slice(0, limit).filter((r) => r.items.length > 0);
  return {
    requests: page.map((r) => toDto(r, policy, now)),
    nextCursor: rows.length > limit ? rows[limit - 1]!.id : null,
  };
}

/** One request of the user's family for the details view, or null (other family, unknown, malformed id). */
export async function getFamilyRequest(user: User, requestId: string, now: Date = new Date()): Promise<OverviewRequestDto | null> {
  if (user.role !== "PARENT" || !user.familyId || !isUuid(requestId)) return null;
  const row = await db.request.findFirst({
    where: { id: requestId, familyId: user.familyId, family: { organisationId: user.organisationId } },
    include: requestInclude,
  });
  if (!row || row.items.length === 0) return null;
  return toDto(row, await loadPolicy(user.organisationId), now);
}
