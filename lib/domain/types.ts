// Plain data shapes the domain rules work on. No Prisma, no Next: lib/db maps rows to these.
//
// Calendar days are ISO strings "YYYY-MM-DD" (a day in Europe/Amsterdam, no time of day), so rules
// never trip over time zones. Times of day are minutes since local midnight (07:00 = 420). Money is
// integer euro cents, durations integer minutes.

export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type ContractType = "FIXED" | "FLEX";
export type RequestKind = "EXTRA_DAY" | "SWAP_DAY" | "ABSENCE";
export type ItemDirection = "ADD" | "REMOVE";
export type ItemStatus = "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED" | "EXPIRED" | "REGISTERED";
export type PaymentMethod = "INVOICE" | "CREDIT" | "FLEX" | "SWAP";
export type AbsenceReason = "SICK" | "HOLIDAY" | "OTHER";
export type CreditKind = "SWAP" | "MAKE_UP" | "GRANTED";
export type CreditRestriction = "NONE" | "HOLIDAYS_ONLY" | "SCHOOL_WEEKS_ONLY";
export type AbsenceCancelRule = "ALWAYS" | "OUTSIDE_WINDOW" | "NEVER";

export interface DayPartDef {
  id: string;
  groupId: string;
  /** MORNING, AFTERNOON, VSO, NSO, … (translated in the UI) */
  code: string;
  startMinute: number;
  endMinute: number;
  capacity: number;
  sortOrder: number;
}

export interface PlacementDef {
  id: string;
  childId: string;
  groupId: string;
  startDate: IsoDate;
  /** null = open-ended */
  endDate: IsoDate | null;
  contractType: ContractType;
  hourlyRateCents: number;
  flexMinutesPerYear: number | null;
  /** The weekly pattern. */
  days: { weekday: Weekday; dayPartId: string }[];
}

/** One (child, date, day part) of a request, as stored in RequestItem. */
export interface RequestItemDef {
  id: string;
  requestId: string;
  kind: RequestKind;
  childId: string;
  groupId: string;
  dayPartId: string;
  date: IsoDate;
  direction: ItemDirection;
  status: ItemStatus;
  startMinute: number;
  endMinute: number;
}

export interface ClosingDayDef {
  date: IsoDate;
  name: string;
  /** null = every location */
  locationId: string | null;
}

export interface CreditDef {
  id: string;
  childId: string;
  kind: CreditKind;
  minutes: number;
  usedMinutes: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  restriction: CreditRestriction;
}

/** The organisation's rules (mirrors OrganisationPolicy in prisma/schema.prisma). */
export interface Policy {
  bookingHorizonDays: number;
  pendingCancelMinHours: number;
  absenceCancelRule: AbsenceCancelRule;
  absenceCancelWindowDays: number;
  makeUpCreditsEnabled: boolean;
  makeUpNoticeHours: number;
  makeUpValidityDays: number;
  makeUpReasons: AbsenceReason[];
  flexRequestMonthsAhead: number;
  liberationDayEveryYears: number;
}
