import "server-only";
import { db } from "@/lib/db/client";
import { accountState, childCare, type AccountState as AccountPhase, DEFAULT_POST_CONTRACT_POLICY } from "@/lib/domain/post-contract";
import { amsterdamIsoDate, toIsoDate } from "@/lib/format/date";
import { isLocale, routing } from "@/lib/i18n/routing";
import type { SessionUser } from "./types";

// The SessionUser of an account, read from the database. Used at log-in and again by the JWT callback
// on every request, so a changed role, family, group membership, a disabled account or a password
// change (sessionVersion) takes effect at once rather than when a 30-day token expires. The same goes for
// a parent's account after care has ended: "documents only", then closed (lib/domain/post-contract.ts).

export interface AccountState {
  user: SessionUser;
  sessionVersion: number;
  /** Activated (has a password) and not disabled. */
  active: boolean;
  /** A parent whose care ended longer ago than the organisation keeps accounts (post-contract windows). */
  closed: boolean;
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
  guardian: {
    select: {
      familyId: true,
      rank: true,
      // For the post-contract windows: every placement of the family's children.
      family: { select: { children: { select: { placements: { select: { startDate: true, endDate: true } } } } } },
    },
  },
  organisation: { select: { policy: { select: { diaryWritableDaysAfterEnd: true, downloadDaysAfterEnd: true, accountRetentionMonthsAfterEnd: true } } } },
  memberships: { select: { groupId: true }, orderBy: { groupId: "asc" } },
} as const;

type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

function findAccount(where: { id: string } | { email: string }) {
  return db.user.findUnique({ where, select });
}


/** A parent's account after care has ended (lib/domain/post-contract.ts); staff accounts are always active. */
function parentAccount(row: AccountRow, now: Date): AccountPhase {
  if (row.role !== "PARENT" || !row.guardian) return { state: "active" };
  const policy = row.organisation.policy ?? DEFAULT_POST_CONTRACT_POLICY;
  const today = amsterdamIsoDate(now);
  const children = row.guardian.family.children.map((child) =>
    childCare(
      child.placements.map((p) => ({ startDate: toIsoDate(p.startDate), endDate: p.endDate ? toIsoDate(p.endDate) : null })),
      policy,
      today,
    ),
  );
  return accountState(children, policy, today);
}

function toState(row: AccountRow, now: Date = new Date()): AccountState {
  const rank = row.guardian?.rank;
  const phase = parentAccount(row, now);
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
      documentsOnlyUntil: phase.state === "documentsOnly" ? phase.until : null,
    },
    sessionVersion: row.sessionVersion,
    active: row.passwordHash !== null && row.activatedAt !== null && row.disabledAt === null,
    closed: phase.state === "closed",
  };
}

export async function loadAccountState(userId: string, now: Date = new Date()): Promise<AccountState | null> {
  const row = await findAccount({ id: userId });
  return row ? toState(row, now) : null;
}

/** For log-in: the account and its password hash (never leaves lib/auth). */
export async function findAccountForLogin(email: string, now: Date = new Date()): Promise<(AccountState & { passwordHash: string | null }) | null> {
  const row = await findAccount({ email });
  return row ? { ...toState(row, now), passwordHash: row.passwordHash } : null;
}
