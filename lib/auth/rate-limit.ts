import "server-only";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/server/env";
import { UNKNOWN_IP } from "./client-ip";

// Failed log-ins are limited per account (e-mail address, known or not, so the limit itself reveals
// nothing) and per client IP, within a sliding window (LOGIN_WINDOW_MINUTES). The counts live in
// PostgreSQL (LoginAttempt), so they hold across server processes and restarts.
//
// Race-free against parallel guessing: under a per-account (and per-IP) advisory lock, an attempt
// inserts its own row as a failure and counts the failures before it. Forty parallel requests therefore
// cannot all see "4 failures so far"; only the first ones get to check a password. A blocked attempt
// deletes its row again: it did not test a password, and a hammering attacker should not extend the
// real user's lock-out.
//
// A successful log-in ends the account's streak (failures before it no longer count); the IP streak
// does not end, or an attacker could reset it by logging into an account of their own.

export type LoginGate =
  | { allowed: true; attemptId: bigint }
  | { allowed: false; scope: "account" | "ip"; retryAfterSeconds: number };

interface LoginLimits {
  maxPerAccount: number;
  maxPerIp: number;
  windowMs: number;
}

export function loginLimits(): LoginLimits {
  const env = serverEnv();
  return {
    maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
    windowMs: env.LOGIN_WINDOW_MINUTES * 60_000,
  };
}

/** Seconds until the oldest failure that keeps the count at `max` leaves the window. */
function retryAfter(failuresNewestFirst: { createdAt: Date }[], max: number, windowMs: number, now: Date): number | null {
  if (failuresNewestFirst.length < max) return null;
  const deciding = failuresNewestFirst[max - 1]!;
  return Math.max(1, Math.ceil((deciding.createdAt.getTime() + windowMs - now.getTime()) / 1000));
}

/**
 * Call before checking a password. Allowed: the attempt is recorded as a failure until
 * finishLoginAttempt(id, true) says otherwise. Blocked: nothing is recorded; tell the user how long to wait.
 */
export async function beginLoginAttempt(email: string, ip: string, now: Date = new Date()): Promise<LoginGate> {
  const { maxPerAccount, maxPerIp, windowMs } = loginLimits();
  const windowStart = new Date(now.getTime() - windowMs);
  return db.$transaction(async (tx) => {
    // Attempts on the same account (and from the same IP) take turns for these few queries: without
    // it, a row inserted just before ours might not be committed yet when we count. Always the account
    // lock first, then the IP lock, so two attempts can never wait for each other in a circle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-account:${email}`}, 0))`;
    if (ip !== UNKNOWN_IP) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`;

    const { id } = await tx.loginAttempt.create({ data: { email, ip, success: false, createdAt: now }, select: { id: true } });
    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { email, success: true, createdAt: { gte: windowStart }, id: { lt: id } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const accountFailures = await tx.loginAttempt.findMany({
      where: {
        email,
        success: false,
        id: { lt: id },
        createdAt: lastSuccess ? { gt: lastSuccess.createdAt } : { gte: windowStart },
      },
      orderBy: { createdAt: "desc" },
      take: maxPerAccount,
      select: { createdAt: true },
    });
    const ipFailures =
      ip === UNKNOWN_IP
        ? []
        : await tx.loginAttempt.findMany({
            where: { ip, success: false, id: { lt: id }, createdAt: { gte: windowStart } },
            orderBy: { createdAt: "desc" },
            take: maxPerIp,
            select: { createdAt: true },
          });

    const accountWait = retryAfter(accountFailures, maxPerAccount, windowMs, now);
    const ipWait = retryAfter(ipFailures, maxPerIp, windowMs, now);
    if (accountWait === null && ipWait === null) return { allowed: true, attemptId: id } as const;

    await tx.loginAttempt.delete({ where: { id } });
    return (accountWait ?? 0) >= (ipWait ?? 0)
      ? ({ allowed: false, scope: "account", retryAfterSeconds: accountWait! } as const)
      : ({ allowed: false, scope: "ip", retryAfterSeconds: ipWait! } as const);
  });
}

export async function finishLoginAttempt(attemptId: bigint, success: boolean): Promise<void> {
  if (success) await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/**
 * Records a success without a log-in, e.g. after the password was reset through an e-mailed link:
 * the account's earlier failures (the user who forgot their password) no longer lock it.
 */
export async function recordAccountRecovered(email: string, ip: string, now: Date = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success: true, createdAt: now } });
}

// ─── "Wachtwoord vergeten" requests ──────────────────────────────────────────────────────────────
// Limited per IP, so the form cannot be used to send mail in bulk. Stored as LoginAttempt rows with
// an empty e-mail (never a log-in's: the log-in schema requires one) and the IP prefixed with
// "reset:", so they never count as failed log-ins. Per address, lib/auth/password-reset.ts caps the
// mails it sends.

export const RESET_REQUESTS_PER_IP = 10;
const RESET_IP_PREFIX = "reset:";

export async function allowResetRequest(ip: string, now: Date = new Date()): Promise<boolean> {
  if (ip === UNKNOWN_IP) return true;
  const { windowMs } = loginLimits();
  const key = `${RESET_IP_PREFIX}${ip}`;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-ip:${key}`}, 0))`;
    const earlier = await tx.loginAttempt.count({ where: { ip: key, createdAt: { gte: new Date(now.getTime() - windowMs) } } });
    if (earlier >= RESET_REQUESTS_PER_IP) return false;
    await tx.loginAttempt.create({ data: { email: "", ip: key, success: false, createdAt: now } });
    return true;
  });
}

/** Drops rows no window needs any more; for a periodic job (they are also an audit trail, so keep some). */
export async function pruneLoginAttempts(olderThanDays = 30, now: Date = new Date()): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - olderThanDays * 86_400_000) } },
  });
  return count;
}
