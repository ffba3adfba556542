import { describe, expect, it } from "vitest";
import { accountState, childCare, type PostContractPolicy } from "./post-contract";

// The defaults of OrganisationPolicy: 2 weeks writing, 8 weeks downloading, 15 months invoices.
const policy: PostContractPolicy = { diaryWritableDaysAfterEnd: 14, downloadDaysAfterEnd: 56, accountRetentionMonthsAfterEnd: 15 };

describe("childCare", () => {
  it("is in care with an open-ended placement, one ending today or later, a future one, or none at all", () => {
    expect(childCare([{ startDate: "2024-01-01", endDate: null }], policy, "2026-11-23")).toEqual({ state: "inCare" });
    expect(childCare([{ startDate: "2024-01-01", endDate: "2026-11-23" }], policy, "2026-11-23")).toEqual({ state: "inCare" });
    expect(childCare([{ startDate: "2024-01-01", endDate: "2026-06-30" }, { startDate: "2027-01-01", endDate: null }], policy, "2026-11-23")).toEqual({ state: "inCare" });
    expect(childCare([], policy, "2026-11-23")).toEqual({ state: "inCare" });
  });

  it("ends on the last end date of its placements, with the windows counted from that day", () => {
    const care = childCare(
      [
        { startDate: "2022-01-01", endDate: "2023-12-31" },
        { startDate: "2024-01-01", endDate: "2026-10-31" },
      ],
      policy,
      "2026-11-23",
    );
    expect(care).toEqual({ state: "ended", endedOn: "2026-10-31", writableUntil: "2026-11-14", downloadableUntil: "2026-12-26" });
  });

  it("takes policies of zero days as 'not after the end' and never counts negative windows", () => {
    const none = { diaryWritableDaysAfterEnd: 0, downloadDaysAfterEnd: -5, accountRetentionMonthsAfterEnd: 0 };
    const care = childCare([{ startDate: "2024-01-01", endDate: "2026-10-31" }], none, "2026-11-01");
    expect(care).toMatchObject({ writableUntil: "2026-10-31", downloadableUntil: "2026-10-31" });
  });
});

describe("accountState", () => {
  const ended = (endDate: string, today = "2026-11-23") => childCare([{ startDate: "2020-01-01", endDate }], policy, today);

  it("stays active while a child is in care or still within its download window", () => {
    expect(accountState([ended("2025-01-31"), { state: "inCare" }], policy, "2026-11-23")).toEqual({ state: "active" });
    expect(accountState([ended("2026-10-31")], policy, "2026-12-26")).toEqual({ state: "active" });
    expect(accountState([], policy, "2026-11-23")).toEqual({ state: "active" });
  });

  it("keeps invoices and annual statements for the retention months after the last end, then closes", () => {
    const children = [ended("2025-03-31", "2025-09-30"), ended("2025-06-30", "2025-09-30")];
    // The last end is 30 June 2025: 15 months later is 30 September 2026.
    expect(accountState(children, policy, "2025-09-30")).toEqual({ state: "documentsOnly", until: "2026-09-30" });
    expect(accountState(children, policy, "2026-09-30")).toEqual({ state: "documentsOnly", until: "2026-09-30" });
    expect(accountState(children, policy, "2026-10-01")).toEqual({ state: "closed", closedAfter: "2026-09-30" });
  });

  it("never closes before the download window of the last child has passed, even with a short retention", () => {
    const short = { ...policy, accountRetentionMonthsAfterEnd: 0 };
    const care = childCare([{ startDate: "2020-01-01", endDate: "2026-10-31" }], short, "2026-11-23");
    expect(accountState([care], short, "2026-12-26")).toEqual({ state: "active" });
    expect(accountState([care], short, "2026-12-27")).toEqual({ state: "closed", closedAfter: "2026-12-26" });
  });
});
