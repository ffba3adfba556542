import "server-only";
import { db } from "@/lib/db/client";
import { loginSchema } from "@/lib/schemas/auth";
import { dummyPasswordHash, verifyPassword } from "./password";
import { beginLoginAttempt, finishLoginAttempt } from "./rate-limit";
import { findAccountForLogin } from "./session-user";
import type { SessionUser } from "./types";

// The log-in check behind next-auth's authorize() (lib/auth/options.ts), with plain arguments so the
// integration tests call it directly.

// Compute the dummy hash when the server starts, not during the first unknown-address log-in (which
// would otherwise take twice as long as the others and stand out).
void dummyPasswordHash();

export type LoginResult =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  /** The right password for an account that has been closed after care ended (told only then). */
  | { ok: false; reason: "closed" }
  | { ok: false; reason: "rateLimited"; scope: "account" | "ip"; retryAfterSeconds: number };

export async function authenticate(credentials: unknown, ip: string, now: Date = new Date()): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(credentials);
  // Malformed input cannot match an account; nothing to count or to hash.
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  // Limits first: a blocked attempt never reaches the password check.
  const gate = await beginLoginAttempt(email, ip, now);
  if (!gate.allowed) return { ok: false, reason: "rateLimited", scope: gate.scope, retryAfterSeconds: gate.retryAfterSeconds };

  const account = await findAccountForLogin(email, now);
  // Unknown, not yet activated and disabled accounts spend the same Argon2 time on a dummy hash, so
  // the response time does not tell which addresses have an account.
  const usable = account !== null && account.active && account.passwordHash !== null;
  const hash = usable ? account.passwordHash! : await dummyPasswordHash();
  const matches = await verifyPassword(hash, password);
  const success = usable && matches;

  await finishLoginAttempt(gate.attemptId, success);
  if (!success) return { ok: false, reason: "invalid" };
  if (account.closed) return { ok: false, reason: "closed" };

  await db.user.update({ where: { id: account.user.id }, data: { lastLoginAt: now } });
  return { ok: true, user: account.user, sessionVersion: account.sessionVersion };
}
