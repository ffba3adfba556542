import { describe, expect, it } from "vitest";
import {
  adminAccess,
  canAccessGroup,
  guardianRank1Access,
  homePathFor,
  isPlannerRole,
  isStaffRole,
  parentAccess,
  plannerAccess,
  safeCallbackPath,
  staffAccess,
  staffGroupAccess,
  userAccess,
  type AccessDecision,
  type GroupScope,
} from "./access";
import type { Role, SessionUser } from "./types";

const ORG = "00000000-0000-4000-8000-000000000001";
const OTHER_ORG = "00000000-0000-4000-8000-000000000002";
const GROUP_A = "00000000-0000-4000-8000-00000000000a";
const GROUP_B = "00000000-0000-4000-8000-00000000000b";

function user(role: Role, extra: Partial<SessionUser> = {}): SessionUser {
  return {
    id: `user-${role}`,
    email: `${role.toLowerCase()}@example.test`,
    name: role,
    role,
    organisationId: ORG,
    locale: "nl",
    familyId: null,
    guardianRank: null,
    groupIds: [],
    ...extra,
  };
}

const parent1 = user("PARENT", { familyId: "fam-1", guardianRank: 1 });
const parent2 = user("PARENT", { familyId: "fam-1", guardianRank: 2 });
const parentNoFamily = user("PARENT");
const staffA = user("STAFF", { groupIds: [GROUP_A] });
const staffNone = user("STAFF");
const planner = user("PLANNER");
const admin = user("ADMIN", { groupIds: [GROUP_B] });

const allow = (u: SessionUser): AccessDecision => ({ kind: "allow", user: u });
const login: AccessDecision = { kind: "login" };
const toStaff: AccessDecision = { kind: "redirect", to: "/staff" };
const toParentHome: AccessDecision = { kind: "redirect", to: "/" };
const notFound: AccessDecision = { kind: "notFound" };

describe("roles", () => {
  it.each<[Role, boolean, boolean, string]>([
    ["PARENT", false, false, "/"],
    ["STAFF", true, false, "/staff"],
    ["PLANNER", true, true, "/staff"],
    ["ADMIN", true, true, "/staff"],
  ])("%s: staff %s, planner %s, home %s", (role, staff, plan, home) => {
    expect(isStaffRole(role)).toBe(staff);
    expect(isPlannerRole(role)).toBe(plan);
    expect(homePathFor({ role })).toBe(home);
  });
});

// Every guard against every kind of user: [user, userAccess, parent, staff, planner, admin, guardian rank 1].
const table: [string, SessionUser | null, AccessDecision[]][] = [
  ["no session", null, [login, login, login, login, login, login]],
  ["guardian 1", parent1, [allow(parent1), allow(parent1), toParentHome, toParentHome, toParentHome, allow(parent1)]],
  ["guardian 2", parent2, [allow(parent2), allow(parent2), toParentHome, toParentHome, toParentHome, notFound]],
  ["parent without family", parentNoFamily, [allow(parentNoFamily), allow(parentNoFamily), toParentHome, toParentHome, toParentHome, notFound]],
  ["staff", staffA, [allow(staffA), toStaff, allow(staffA), notFound, notFound, toStaff]],
  ["planner", planner, [allow(planner), toStaff, allow(planner), allow(planner), notFound, toStaff]],
  ["admin", admin, [allow(admin), toStaff, allow(admin), allow(admin), allow(admin), toStaff]],
];

describe.each(table)("%s", (_, u, [any, parent, staff, plan, adm, rank1]) => {
  it("userAccess", () => expect(userAccess(u)).toEqual(any));
  it("parentAccess", () => expect(parentAccess(u)).toEqual(parent));
  it("staffAccess", () => expect(staffAccess(u)).toEqual(staff));
  it("plannerAccess", () => expect(plannerAccess(u)).toEqual(plan));
  it("adminAccess", () => expect(adminAccess(u)).toEqual(adm));
  it("guardianRank1Access", () => expect(guardianRank1Access(u)).toEqual(rank1));
});

describe("a guardian-rank-1 user whose rank is 1 but has no family", () => {
  it("does not see documents", () => {
    expect(guardianRank1Access(user("PARENT", { guardianRank: 1 }))).toEqual(notFound);
  });
});

describe("staffGroupAccess / canAccessGroup", () => {
  const groupA: GroupScope = { id: GROUP_A, organisationId: ORG };
  const groupB: GroupScope = { id: GROUP_B, organisationId: ORG };
  const foreignGroup: GroupScope = { id: GROUP_A, organisationId: OTHER_ORG };

  const cases: [string, SessionUser | null, GroupScope | null, AccessDecision][] = [
    ["no session, existing group", null, groupA, login],
    ["no session, unknown group", null, null, login],
    ["parent, existing group", parent1, groupA, toParentHome],
    ["parent, unknown group", parent1, null, toParentHome],
    ["staff, own group", staffA, groupA, allow(staffA)],
    ["staff, other group of the organisation", staffA, groupB, notFound],
    ["staff, same group id in another organisation", staffA, foreignGroup, notFound],
    ["staff, unknown group", staffA, null, notFound],
    ["staff without groups", staffNone, groupA, notFound],
    ["planner, any group of the organisation", planner, groupA, allow(planner)],
    ["planner, another group of the organisation", planner, groupB, allow(planner)],
    ["planner, group of another organisation", planner, foreignGroup, notFound],
    ["planner, unknown group", planner, null, notFound],
    ["admin, group it is a member of", admin, groupB, allow(admin)],
    ["admin, other group of the organisation", admin, groupA, allow(admin)],
    ["admin, group of another organisation", admin, foreignGroup, notFound],
  ];

  it.each(cases)("%s", (_, u, group, expected) => {
    expect(staffGroupAccess(u, group)).toEqual(expected);
    if (u && group) expect(canAccessGroup(u, group)).toBe(expected.kind === "allow");
  });

  it("a parent whose session somehow lists the group still cannot open it", () => {
    expect(canAccessGroup(user("PARENT", { groupIds: [GROUP_A] }), groupA)).toBe(false);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/nl", "/nl"],
    ["/nl/agenda", "/nl/agenda"],
    ["/en/children/123?tab=photos#top", "/en/children/123?tab=photos#top"],
    ["/nl/staff/groups/abc", "/nl/staff/groups/abc"],
    ["/agenda", "/agenda"],
    ["/nl/../en/agenda", "/en/agenda"],
    ["/nl/%2e%2e/en", "/en"],
    // The mailed link of a diary export: log in first, then download.
    [`/api/exports/${"A".repeat(40)}_-9`, `/api/exports/${"A".repeat(40)}_-9`],
  ])("keeps the same-site path %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [""],
    ["nl/agenda"],
    ["https://evil.example/nl"],
    ["http://localhost:3000/nl"],
    ["//evil.example/nl"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    [" /nl"],
    ["javascript:alert(1)"],
    ["/api/auth/signout"],
    ["/api"],
    ["/api/exports/short"],
    [`/api/exports/${"a".repeat(43)}?x=1`],
    ["/api/photos/1/original"],
    ["/_next/static/x.js"],
    ["/nl/login"],
    ["/en/login?callbackUrl=/en"],
    ["/nl/forgot-password"],
    ["/nl/reset-password?token=x"],
    ["/en/activate"],
    ["/" + "a".repeat(3000)],
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw as string | null | undefined)).toBeNull();
  });
});
