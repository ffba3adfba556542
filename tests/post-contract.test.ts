// After care has ended (lib/domain/post-contract.ts, OrganisationPolicy): Mijn kind tells the dates
// until which the diary can be written and downloaded; once those have passed the account is open for
// documents only (the session says until when, and requireParent keeps the parent on Overig); after the
// retention months it is closed: log-in says so (only with the right password) and an open session ends.
import { beforeAll, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { authenticate } from "@/lib/auth/login";
import { authOptions, authorizeCredentials, SessionRevokedError } from "@/lib/auth/options";
import { loadAccountState } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { endedChildrenNotices } from "@/lib/db/post-contract";
import { parseLoginError } from "@/lib/schemas/auth";
import { createGroup, createOrganisation, createUser, PASSWORD } from "./auth-fixtures";

// A fixed "today" (Europe/Amsterdam): 23 November 2026, noon.
const NOW = new Date("2026-11-23T11:00:00Z");
let orgId: string;
let groupId: string;
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  orgId = (await createOrganisation()).id;
  // The seed's defaults, spelled out: 14 days writing, 56 days downloading, 15 months documents.
  await db.organisationPolicy.create({
    data: { organisationId: orgId, diaryWritableDaysAfterEnd: 14, downloadDaysAfterEnd: 56, accountRetentionMonthsAfterEnd: 15 },
  });
  groupId = (await createGroup(orgId)).id;
});

/** A family with one parent (guardian 1) and children whose placements end on the given days (null = open-ended). */
async function family(email: string, ends: (string | null)[]) {
  const familyId = (await db.family.create({ data: { organisationId: orgId, name: email } })).id;
  const user = await createUser({ organisationId: orgId, email, familyId, guardianRank: 1 });
  const children = [];
  for (const [i, end] of ends.entries()) {
    const child = await db.child.create({ data: { familyId, firstName: `Kind ${i + 1}`, lastName: "Test", birthDate: new Date("2022-01-01") } });
    await db.placement.create({
      data: {
        childId: child.id,
        groupId,
        startDate: new Date("2023-01-01"),
        endDate: end ? new Date(end) : null,
        contractType: "FIXED",
        hourlyRateCents: 1000,
      },
    });
    children.push(child);
  }
  return { familyId, user, children };
}

describe("Mijn kind's notices for children whose care has ended", () => {
  it("gives the writing and download dates while they last, and nothing for children in care or past the window", async () => {
    const { familyId, user, children } = await family("notices@example.test", ["2026-11-10", "2026-10-01", null, "2026-08-01"]);
    const notices = await endedChildrenNotices({ familyId, organisationId: user.organisationId }, NOW);
    expect(notices).toEqual([
      // Ended 13 days ago: still writable until 24 November, downloadable until 5 January.
      { childId: children[0]!.id, firstName: "Kind 1", endedOn: "2026-11-10", writableUntil: "2026-11-24", downloadableUntil: "2027-01-05" },
      // Ended 53 days ago: writing is over, downloading lasts until 26 November.
      { childId: children[1]!.id, firstName: "Kind 2", endedOn: "2026-10-01", writableUntil: null, downloadableUntil: "2026-11-26" },
    ]);
  });
});

describe("the account after care has ended", () => {
  it("is active while a child is in care or within its download window", async () => {
    const { user } = await family("active@example.test", ["2026-10-01"]);
    const state = await loadAccountState(user.id, NOW);
    expect(state).toMatchObject({ active: true, closed: false, user: { documentsOnlyUntil: null } });
  });

  it("is open for documents only after the download window, until the retention months after the end", async () => {
    // Ended 1 August 2026: downloads until 26 September; documents until 1 November 2027.
    const { user } = await family("documents@example.test", ["2026-08-01"]);
    const state = await loadAccountState(user.id, NOW);
    expect(state).toMatchObject({ active: true, closed: false, user: { documentsOnlyUntil: "2027-11-01" } });
    const login = await authenticate({ email: "documents@example.test", password: PASSWORD }, freshIp(), NOW);
    expect(login).toMatchObject({ ok: true, user: { documentsOnlyUntil: "2027-11-01" } });
  });

  it("is closed after that: log-in tells so only with the right password, and an open session ends", async () => {
    const { user } = await family("closed@example.test", ["2025-05-31", "2025-07-31"]);
    // The last end, 31 July 2025, plus 15 months: 31 October 2026, which has passed.
    expect(await loadAccountState(user.id, NOW)).toMatchObject({ closed: true });
    expect(await authenticate({ email: "closed@example.test", password: PASSWORD }, freshIp(), NOW)).toEqual({ ok: false, reason: "closed" });
    expect(await authenticate({ email: "closed@example.test", password: "wrong password!" }, freshIp(), NOW)).toEqual({ ok: false, reason: "invalid" });

    // next-auth's authorize() turns it into the form's "account closed" message.
    const thrown = await authorizeCredentials({ email: "closed@example.test", password: PASSWORD }, { "x-forwarded-for": freshIp() }).catch((e: Error) => e.message);
    expect(parseLoginError(thrown as string)).toEqual({ kind: "accountClosed" });

    // A session issued before the account closed is not accepted any more.
    const jwt = authOptions.callbacks!.jwt!;
    const token: JWT = { sub: user.id, sv: 0 } as JWT;
    await expect(jwt({ token } as never)).rejects.toBeInstanceOf(SessionRevokedError);
  });

  it("never closes staff accounts or parents whose family has no placements yet", async () => {
    const staff = await createUser({ organisationId: orgId, email: "staff-pc@example.test", role: "STAFF", groupIds: [groupId] });
    expect(await loadAccountState(staff.id, NOW)).toMatchObject({ closed: false, user: { documentsOnlyUntil: null } });
    const { user } = await family("onboarding@example.test", []);
    expect(await loadAccountState(user.id, NOW)).toMatchObject({ closed: false, user: { documentsOnlyUntil: null } });
  });
});
