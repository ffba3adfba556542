import "server-only";
import { getServerSession } from "next-auth";
import { getLocale } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { isLocale, routing, type Locale } from "@/lib/i18n/routing";
import {
  guardianRank1Access,
  parentAccess,
  plannerAccess,
  staffAccess,
  staffGroupAccess,
  userAccess,
  type AccessDecision,
} from "./access";
import { authOptions } from "./options";
import { loadGroupScope } from "./scopes";
import type { SessionUser } from "./types";

// The next-aware side of lib/auth/access.ts: read the session, decide, then redirect() or notFound().
// Pages call one of these first; server actions go through lib/actions/safe-action.ts; route handlers
// call getSessionUser() and answer 401/404 themselves. The middleware's log-in gate is only a shortcut.

/** The signed-in user, re-validated against the database (lib/auth/options.ts), or null. Once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
});

async function currentLocale(locale?: string): Promise<Locale> {
  if (isLocale(locale)) return locale;
  try {
    const fromRequest = await getLocale();
    if (isLocale(fromRequest)) return fromRequest;
  } catch {
    // outside a request with next-intl (should not happen): fall back to the default
  }
  return routing.defaultLocale;
}

async function enforce(decision: AccessDecision, locale?: string): Promise<SessionUser> {
  switch (decision.kind) {
    case "allow":
      return decision.user;
    case "login":
      redirect(`/${await currentLocale(locale)}/login`);
    case "redirect":
      redirect(`/${await currentLocale(locale)}${decision.to === "/" ? "" : decision.to}`);
    case "notFound":
      notFound();
  }
}

/** Any signed-in user; otherwise to /{locale}/login. */
export async function requireUser(locale?: string): Promise<SessionUser> {
  return enforce(userAccess(await getSessionUser()), locale);
}

/**
 * A parent; staff are sent to /staff. A parent whose account is open for documents only (care ended
 * and the diary windows passed, lib/domain/post-contract.ts) is sent to Overig unless the page is one
 * of those that stay: `documentsOnly: true` (Overig, personal data, documents, the data export).
 */
export async function requireParent(locale?: string, options: { documentsOnly?: boolean } = {}): Promise<SessionUser> {
  const user = await enforce(parentAccess(await getSessionUser()), locale);
  if (user.documentsOnlyUntil && !options.documentsOnly) redirect(`/${await currentLocale(locale)}/more`);
  return user;
}

/** STAFF, PLANNER or ADMIN; parents are sent to their home. */
export async function requireStaff(locale?: string): Promise<SessionUser> {
  return enforce(staffAccess(await getSessionUser()), locale);
}

/** PLANNER or ADMIN; other staff get a 404. */
export async function requirePlanner(locale?: string): Promise<SessionUser> {
  return enforce(plannerAccess(await getSessionUser()), locale);
}

/**
 * Staff of this very group, or a planner/admin of the group's organisation; anyone else gets a 404
 * (another group looks exactly like a group that does not exist).
 */
export async function requireStaffOfGroup(groupId: string, locale?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  const staff = staffAccess(user);
  if (staff.kind !== "allow") return enforce(staff, locale);
  return enforce(staffGroupAccess(user, await loadGroupScope(groupId)), locale);
}

/** The first guardian of a family: invoices, annual statements, contracts and rates. */
export async function requireGuardianRank1(locale?: string): Promise<SessionUser> {
  return enforce(guardianRank1Access(await getSessionUser()), locale);
}
