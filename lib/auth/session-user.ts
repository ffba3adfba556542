import "server-only";
import { db } from "@/lib/db/client";
import { isLocale, routing } from "@/lib/i18n/routing";
import type { SessionUser } from "./types";

// The SessionUser of an account, read from the database. Used at log-in and again by the JWT callback
// on every request, so a changed role, family, group membership, a disabled account or a password
// change (sessionVersion) takes effect at once rather than when a 30-day token expires.

export interface AccountState {
  user: SessionUser;
  sessionVersion: number;
  /** Activated (has a password) and not disabled. */
  active: boolean;
}

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  organisationId: true,
  locale: true,
  passwordHash: true,
  activatedAt: true,
  disabledAt: true,
  sessionVersion: true,
  guardian: { select: { familyId: true, rank: true } },
  memberships: { select: { groupId: true }, orderBy: { groupId: "asc" } },
} as const;

type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

function findAccount(where: { id: string } | { email: string }) {
  return db.user.findUnique({ where, select });
}

function toState(row: AccountRow): AccountState {
  const rank = row.guardian?.rank;
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      organisationId: row.organisationId,
      locale: isLocale(row.locale) ? row.locale : routing.defaultLocale,
      familyId: row.role === "PARENT" ? (row.guardian?.familyId ?? null) : null,
      guardianRank: row.role === "PARENT" && (rank === 1 || rank === 2) ? rank : null,
      groupIds: row.memberships.map((m) => m.groupId),
    },
    sessionVersion: row.sessionVersion,
    active: row.passwordHash !== null && row.activatedAt !== null && row.disabledAt === null,
  };
}

export async function loadAccountState(userId: string): Promise<AccountState | null> {
  const row = await findAccount({ id: userId });
  return row ? toState(row) : null;
}

/** For log-in: the account and its password hash (never leaves lib/auth). */
export async function findAccountForLogin(email: string): Promise<(AccountState & { passwordHash: string | null }) | null> {
  const row = await findAccount({ email });
  return row ? { ...toState(row), passwordHash: row.passwordHash } : null;
}
