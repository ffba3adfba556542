// What the session carries about the signed-in user. Filled from the database at log-in and refreshed
// by the JWT callback; authorisation decisions still re-check the database where it matters.
export type Role = "PARENT" | "STAFF" | "PLANNER" | "ADMIN";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  locale: string;
  /** Parents: their family. */
  familyId: string | null;
  /** Parents: 1 = eerste ouder/verzorger (sees documents), 2 = second guardian. */
  guardianRank: 1 | 2 | null;
  /** Staff: the groups they work in. */
  groupIds: string[];
  /**
   * Parents whose care has ended and whose diary windows have passed: the last day (Europe/Amsterdam,
   * "YYYY-MM-DD") on which they can still log in for invoices and annual statements
   * (lib/domain/post-contract.ts). Absent or null for everyone else.
   */
  documentsOnlyUntil?: string | null;
}

export const STAFF_ROLES: readonly Role[] = ["STAFF", "PLANNER", "ADMIN"];
export const PLANNER_ROLES: readonly Role[] = ["PLANNER", "ADMIN"];
