import "server-only";
import { PLANNER_ROLES, STAFF_ROLES, type Role, type SessionUser } from "./types";

// Who may open what: pure decisions, no next/*, no database. lib/auth/guards.ts turns a decision into
// redirect()/notFound(); these functions are what the unit tests pin down (access.test.ts).
//
// - No session: to the log-in page.
// - The wrong kind of user for an area (a parent on /staff, staff on a parent page): to their own home
//   (brief: "Parents hitting /staff/* and staff hitting parent pages get redirected to their own home").
// - The right kind of user but not this record (another group, guardian 2 and documents, a staff
//   member on a planner page): notFound(), indistinguishable from an id that does not exist.

export type AccessDecision =
  | { kind: "allow"; user: SessionUser }
  | { kind: "login" }
  | { kind: "redirect"; to: HomePath }
  | { kind: "notFound" };

/** Paths after the locale prefix. */
export type HomePath = "/" | "/staff";

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function isPlannerRole(role: Role): boolean {
  return PLANNER_ROLES.includes(role);
}

/** Where a user lands after log-in or when they wander into the other area. */
export function homePathFor(user: Pick<SessionUser, "role">): HomePath {
  return isStaffRole(user.role) ? "/staff" : "/";
}

export function userAccess(user: SessionUser | null): AccessDecision {
  return user ? { kind: "allow", user } : { kind: "login" };
}

/** The parent area (Mijn kind, Berichten, Agenda, Mijn locatie, Overig). */
export function parentAccess(user: SessionUser | null): AccessDecision {
  if (!user) return { kind: "login" };
  if (user.role !== "PARENT") return { kind: "redirect", to: homePathFor(user) };
  return { kind: "allow", user };
}

/** The staff area: STAFF, PLANNER and ADMIN. */
export function staffAccess(user: SessionUser | null): AccessDecision {
  if (!user) return { kind: "login" };
  if (!isStaffRole(user.role)) return { kind: "redirect", to: homePathFor(user) };
  return { kind: "allow", user };
}

/** Assessing requests and managing the organisation: PLANNER and ADMIN. */
export function plannerAccess(user: SessionUser | null): AccessDecision {
  const staff = staffAccess(user);
  if (staff.kind !== "allow") return staff;
  return isPlannerRole(staff.user.role) ? staff : { kind: "notFound" };
}

/** Admin-only pages (organisation settings, accounts). */
export function adminAccess(user: SessionUser | null): AccessDecision {
  const staff = staffAccess(user);
  if (staff.kind !== "allow") return staff;
  return staff.user.role === "ADMIN" ? staff : { kind: "notFound" };
}

/** What a guard knows about the group in the URL: null when the id does not exist (or is malformed). */
export interface GroupScope {
  id: string;
  organisationId: string;
}

/**
 * May this user see this group? Staff: only the groups they are a member of. Planners and admins: every
 * group of their own organisation. Nobody: a group of another organisation.
 */
export function canAccessGroup(user: SessionUser, group: GroupScope): boolean {
  if (!isStaffRole(user.role)) return false;
  if (group.organisationId !== user.organisationId) return false;
  return isPlannerRole(user.role) || user.groupIds.includes(group.id);
}

export function staffGroupAccess(user: SessionUser | null, group: GroupScope | null): AccessDecision {
  const staff = staffAccess(user);
  if (staff.kind !== "allow") return staff;
  if (!group || !canAccessGroup(staff.user, group)) return { kind: "notFound" };
  return staff;
}

/** Invoices, annual statements, contracts, rates: only the first guardian (seed 000/001). */
export function guardianRank1Access(user: SessionUser | null): AccessDecision {
  const parent = parentAccess(user);
  if (parent.kind !== "allow") return parent;
  return parent.user.guardianRank === 1 && parent.user.familyId ? parent : { kind: "notFound" };
}

// ─── After log-in ─────────────────────────────────────────────────────────────────────────────────

const CALLBACK_BASE = "http://callback.invalid";

/**
 * The `callbackUrl` of the log-in page, if it is a safe place to go: a relative path on this site.
 * Absolute URLs, protocol-relative `//evil.example`, backslash tricks (`/\evil.example`, which browsers
 * read as `//`), control characters, the API (but for an export's download link) and the public auth
 * pages themselves are refused, so the
 * log-in page can never be used as an open redirect. Returns the normalised path or null.
 */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return null;
  if (!raw.startsWith("/") || raw.startsWith("//")) return null;
  // Control characters and whitespace (tabs and newlines are stripped by URL parsers) and backslashes.
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, CALLBACK_BASE);
  } catch {
    return null;
  }
  if (url.origin !== CALLBACK_BASE) return null;
  const path = url.pathname;
  // The one API path a person is sent to: the mailed link of a diary export (lib/server/exports), which
  // asks a signed-out visitor to log in first and then downloads.
  const exportLink = /^\/api\/exports\/[A-Za-z0-9_-]{43}$/.test(path) && url.search === "" && url.hash === "";
  if (!exportLink && (path === "/api" || path.startsWith("/api/") || path.startsWith("/_next/"))) return null;
  if (/^\/[a-z]{2}\/(login|forgot-password|reset-password|activate)(\/|$)/.test(path)) return null;
  return `${path}${url.search}${url.hash}`;
}
