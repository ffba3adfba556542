// What a family can still do after care has ended (domain.md "After a placement ends"; the lengths are
// organisation policy, OrganisationPolicy): for a while the diary and photos can still be written, for a
// longer while they can still be seen and downloaded, and the account stays open for invoices and annual
// statements for some months more. After that the account has no active features.
//
// The diary and photo code enforces its windows per placement itself (lib/domain/diary.ts, where clauses
// in lib/db/diary.ts); this module gives the dates to tell the parent, and the state of the account.
//
// Per child: its care ends on the last end date of its placements, unless a placement is open-ended or
// ends today or later (then it is in care; a future placement counts as in care too). Per family: the
// account is active while any child is in care or within its download window; then "documents only"
// until the retention end counted from the last child's end; then closed.

import { addDays, addMonths, maxIsoDate } from "./dates";
import type { IsoDate } from "./types";

export interface PostContractPolicy {
  /** Days after the end on which the diary and photos can still be written. */
  diaryWritableDaysAfterEnd: number;
  /** Days after the end on which the diary and photos can still be seen and downloaded. */
  downloadDaysAfterEnd: number;
  /** Months after the (last) end on which guardians can still log in for invoices and annual statements. */
  accountRetentionMonthsAfterEnd: number;
}

/** The column defaults of OrganisationPolicy, for an organisation without a policy row. */
export const DEFAULT_POST_CONTRACT_POLICY: PostContractPolicy = { diaryWritableDaysAfterEnd: 14, downloadDaysAfterEnd: 56, accountRetentionMonthsAfterEnd: 15 };

export interface PlacementPeriod {
  startDate: IsoDate;
  /** null = open-ended */
  endDate: IsoDate | null;
}

export type ChildCare =
  | { state: "inCare" }
  /** Care has ended: the dates are inclusive (the last day on which it is still possible). */
  | { state: "ended"; endedOn: IsoDate; writableUntil: IsoDate; downloadableUntil: IsoDate };

/** A child without placements has none to end: it counts as in care (it is being onboarded). */
export function childCare(placements: readonly PlacementPeriod[], policy: PostContractPolicy, today: IsoDate): ChildCare {
  if (placements.length === 0) return { state: "inCare" };
  if (placements.some((p) => p.endDate === null || p.endDate >= today)) return { state: "inCare" };
  const endedOn = latest(placements.map((p) => p.endDate!));
  return {
    state: "ended",
    endedOn,
    writableUntil: addDays(endedOn, Math.max(0, policy.diaryWritableDaysAfterEnd)),
    downloadableUntil: addDays(endedOn, Math.max(0, policy.downloadDaysAfterEnd)),
  };
}

export type AccountState =
  | { state: "active" }
  /** Only invoices and annual statements (and the personal data pages) remain, until `until` inclusive. */
  | { state: "documentsOnly"; until: IsoDate }
  /** No active features any more: the last day with documents was `closedAfter`. */
  | { state: "closed"; closedAfter: IsoDate };

/** The account of a family with these children's care states (a family without children stays active). */
export function accountState(children: readonly ChildCare[], policy: PostContractPolicy, today: IsoDate): AccountState {
  const ended: Extract<ChildCare, { state: "ended" }>[] = [];
  for (const care of children) {
    if (care.state === "inCare" || today <= care.downloadableUntil) return { state: "active" };
    ended.push(care);
  }
  if (ended.length === 0) return { state: "active" };
  const lastEnd = latest(ended.map((c) => c.endedOn));
  const until = maxIsoDate(addMonths(lastEnd, Math.max(0, policy.accountRetentionMonthsAfterEnd)), ...ended.map((c) => c.downloadableUntil));
  return today <= until ? { state: "documentsOnly", until } : { state: "closed", closedAfter: until };
}

function latest(days: readonly IsoDate[]): IsoDate {
  const [first, ...rest] = days;
  if (first === undefined) throw new RangeError("no days");
  return maxIsoDate(first, ...rest);
}
