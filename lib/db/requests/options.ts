import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { loadFamilyCalendarData } from "@/lib/db/calendar-data";
import { db } from "@/lib/db/client";
import { closingLookupByGroup, type ClosingInfo } from "@/lib/domain/closing-days";
import { flexBalance, flexDeadline, isFlexRequestInTime, remainingMinutes, usableCredits } from "@/lib/domain/credits";
import { addDays, assertIsoDate, eachDay, isWithin, yearOf } from "@/lib/domain/dates";
import { dayPartMinutes, dayPartPrice } from "@/lib/domain/pricing";
import { lastRequestableDate, validateRequestDate, type RequestDateError } from "@/lib/domain/requests";
import { dayPartChoices, scheduleDay, scheduleForChildren, type CareSource } from "@/lib/domain/schedule";
import { schoolHolidayLookupByGroup } from "@/lib/domain/school-holidays";
import type { CreditKind, CreditRestriction, IsoDate } from "@/lib/domain/types";
import { amsterdamIsoDate } from "@/lib/format/date";
import { flexUsedMinutes } from "./extra-day";

// What the "Dag aanvragen" and "Ruildag aanvragen" forms offer (seed 002 §5.2–5.3): per child and
// date the day parts of the child's groups, the ones already scheduled marked "reeds gepland" with
// their times, the price of each (placement rate; flex contracts spend flex hours instead), and the
// credits that can pay that whole day part (no mixing; only credits valid that date and of a fitting
// restriction: a holidays-only credit only in a school holiday of the location of the day part's
// group, a school-weeks-only credit only outside them — lib/domain/school-holidays.ts). The server
// re-checks everything on submit.

/** Longest range one call computes (a quarter; the form asks per month). */
export const MAX_OPTION_DAYS = 93;

export interface CreditOption {
  id: string;
  kind: CreditKind;
  remainingMinutes: number;
  validUntil: IsoDate;
  restriction: CreditRestriction;
}

export interface DayPartOption {
  dayPartId: string;
  groupId: string;
  groupName: string;
  /** MORNING, AFTERNOON, VSO, NSO … (translated in the UI) */
  code: string;
  startMinute: number;
  endMinute: number;
  minutes: number;
  /** "reeds gepland": the scheduled times; such a day part cannot be requested (the swap form warns). */
  alreadyScheduled: { startMinute: number; endMinute: number } | null;
  /** A pending request for this day part exists ("Optie extra"); it cannot be requested again. */
  pending: boolean;
  /** The child is reported absent for this day part: cancel the absence instead of requesting care. */
  absent: boolean;
  /** This day part's location is closed that day (a child with groups at two locations). */
  closed: boolean;
  /** FLEX for a flex contract (flex hours, no invoice, no credit). */
  payment: "INVOICE" | "FLEX";
  /** Placement rate × minutes; null for flex. */
  priceCents: number | null;
  /** Credits that can pay this whole day part on this date (empty when it cannot be requested). */
  credits: CreditOption[];
}

export interface GiveUpOption {
  dayPartId: string;
  groupId: string;
  code: string;
  startMinute: number;
  endMinute: number;
  source: CareSource;
  /** Only contract care that is not already being swapped away can be given up. */
  canGiveUp: boolean;
  reason: "NOT_CONTRACT" | "PENDING_SWAP" | null;
}

export interface DayOptions {
  date: IsoDate;
  /** Why nothing can be requested for this date, or null. */
  blocked: RequestDateError | null;
  closed: ClosingInfo | null;
  /** Flex contracts: the last day this date can be requested (seed 003: a month ahead). */
  flex: { deadline: IsoDate; inTime: boolean } | null;
  dayParts: DayPartOption[];
  /** The day parts the child is expected for (what a swap can give up). */
  scheduled: GiveUpOption[];
}

export interface ChildOptions {
  id: string;
  firstName: string;
  lastName: string;
  flex: { contract: true; monthsAhead: number; balances: { year: number; totalMinutes: number; usedMinutes: number; remainingMinutes: number }[] } | null;
  days: DayOptions[];
}

export interface RequestOptions {
  /** Requestable dates: the day after today up to today + the policy's booking horizon. */
  window: { today: IsoDate; firstDate: IsoDate; lastDate: IsoDate };
  children: ChildOptions[];
}

/**
 * The options for the family of `user`, for the dates from…to (at most {@link MAX_OPTION_DAYS};
 * a longer range is cut). Throws for anyone but a parent with a family (pages check the role first).
 */
export async function requestOptions(
  user: Pick<SessionUser, "role" | "organisationId" | "familyId">,
  range: { from: IsoDate; to: IsoDate },
  now: Date = new Date(),
): Promise<RequestOptions> {
  if (user.role !== "PARENT" || !user.familyId) throw new Error("requestOptions: parents only");
  const from = assertIsoDate(range.from);
  const to = [assertIsoDate(range.to), addDays(from, MAX_OPTION_DAYS - 1)].sort()[0]!;
  const today = amsterdamIsoDate(now);
  const data = await loadFamilyCalendarData({ organisationId: user.organisationId, familyId: user.familyId }, from, to);
  const { policy } = data;
  const groupName = new Map(data.groups.map((g) => [g.id, g.name]));
  const locationOfGroup = new Map(data.groups.map((g) => [g.id, g.locationId]));
  const closing = closingLookupByGroup(from, to, {
    organisationDays: data.closingDays,
    liberationDayEveryYears: policy.liberationDayEveryYears,
    locationOfGroup,
  });
  const schoolHoliday = schoolHolidayLookupByGroup(data.schoolHolidays, locationOfGroup);
  const childIds = data.children.map((c) => c.id);
  const schedules = scheduleForChildren({ childIds, from, to, placements: data.placements, dayParts: data.dayParts, items: data.items, closing });
  const flexUsed = await flexUsedMinutes(db, childIds);
  const dates = eachDay(from, to);
  const years = [...new Set(dates.map(yearOf))];

  const children = data.children.map((child): ChildOptions => {
    const schedule = schedules.get(child.id)!;
    const placements = data.placements.filter((p) => p.childId === child.id);
    const flexPlacement = placements.find((p) => p.contractType === "FLEX");
    const credits = data.credits.filter((c) => c.childId === child.id);
    const days = dates.map((date): DayOptions => {
      const day = scheduleDay(schedule, date)!;
      const childPlacements = placements.filter((p) => isWithin(date, p.startDate, p.endDate));
      const closedInfo = day.closed ?? (childPlacements.length > 0 && childPlacements.every((p) => closing(date, p.groupId)) ? closing(date, childPlacements[0]!.groupId) : null);
      const check = validateRequestDate(date, { today, policy, closed: closedInfo !== null });
      const blocked = check.ok ? null : check.code;
      const isFlexDay = childPlacements.some((p) => p.contractType === "FLEX");
      const dayParts = dayPartChoices(schedule, date, data.placements, data.dayParts).map((choice): DayPartOption => {
        const dp = choice.dayPart;
        const placement = childPlacements.find((p) => p.groupId === dp.groupId)!;
        const minutes = dayPartMinutes(dp);
        const flex = placement.contractType === "FLEX";
        const absent = day.removed.some((r) => r.dayPartId === dp.id && r.reason === "ABSENCE");
        const closedHere = closing(date, dp.groupId) !== null;
        const requestable = blocked === null && !choice.scheduled && !choice.pending && !absent && !closedHere;
        return {
          dayPartId: dp.id,
          groupId: dp.groupId,
          groupName: groupName.get(dp.groupId) ?? "",
          code: dp.code,
          startMinute: dp.startMinute,
          endMinute: dp.endMinute,
          minutes,
          alreadyScheduled: choice.scheduled ? { startMinute: choice.scheduled.startMinute, endMinute: choice.scheduled.endMinute } : null,
          pending: choice.pending !== null,
          absent,
          closed: closedHere,
          payment: flex ? "FLEX" : "INVOICE",
          priceCents: flex ? null : dayPartPrice(dp, placement.hourlyRateCents),
          credits:
            requestable && !flex
              ? usableCredits(credits, { childId: child.id, date, minutes, isSchoolHoliday: (day) => schoolHoliday(day, dp.groupId) }).map((c) => ({
                  id: c.id,
                  kind: c.kind,
                  remainingMinutes: remainingMinutes(c),
                  validUntil: c.validUntil,
                  restriction: c.restriction,
                }))
              : [],
        };
      });
      return {
        date,
        blocked,
        closed: closedInfo,
        flex: isFlexDay
          ? { deadline: flexDeadline(date, policy.flexRequestMonthsAhead), inTime: isFlexRequestInTime(date, today, policy.flexRequestMonthsAhead) }
          : null,
        dayParts,
        scheduled: day.scheduled.map((s) => ({
          dayPartId: s.dayPartId,
          groupId: s.groupId,
          code: s.code,
          startMinute: s.startMinute,
          endMinute: s.endMinute,
          source: s.source,
          canGiveUp: s.source === "CONTRACT" && s.pendingRemovalItemId === null,
          reason: s.source !== "CONTRACT" ? "NOT_CONTRACT" : s.pendingRemovalItemId !== null ? "PENDING_SWAP" : null,
        })),
      };
    });
    return {
      id: child.id,
      firstName: child.firstName,
      lastName: child.lastName,
      flex: flexPlacement
        ? {
            contract: true,
            monthsAhead: policy.flexRequestMonthsAhead,
            balances: years.map((year) => ({ year, ...flexBalance(flexPlacement, year, flexUsed.get(`${child.id}|${year}`) ?? 0) })),
          }
        : null,
      days,
    };
  });

  return { window: { today, firstDate: addDays(today, 1), lastDate: lastRequestableDate(today, policy) }, children };
}
