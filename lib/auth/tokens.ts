import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { PASSWORD_TOKEN_PATTERN } from "@/lib/schemas/auth";

// Single-use password links ("Wachtwoord vergeten" and account activation). The link carries 32 random
// bytes (base64url); the database keeps only their SHA-256, so a leaked database or backup holds no
// usable link. A token is consumed with one conditional UPDATE (unused and unexpired), so it works
// exactly once, also when the form is submitted twice at the same moment.

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000; // 1 hour
export const ACTIVATE_TOKEN_TTL_MS = 14 * 24 * 60 * 60 * 1000; // 14 days: the welcome mail may wait a while

export function tokenTtlMs(purpose: TokenPurpose): number {
  return purpose === "RESET" ? RESET_TOKEN_TTL_MS : ACTIVATE_TOKEN_TTL_MS;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * A new link for the user. Older unused links of the same purpose stop working: only the newest mail's
 * link counts (a forwarded or intercepted older mail is useless).
 */
export async function issuePasswordToken(userId: string, purpose: TokenPurpose, now: Date = new Date()): Promise<IssuedToken> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + tokenTtlMs(purpose));
  await db.$transaction([
    db.passwordToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } }),
    db.passwordToken.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt, createdAt: now } }),
  ]);
  return { token, expiresAt };
}

/** A password link (reset or activation) that still works; never an e-mail change link. */
const usable = (now: Date) =>
  ({ purpose: { in: PASSWORD_PURPOSES }, usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } }) as const;
const PASSWORD_PURPOSES: TokenPurpose[] = ["RESET", "ACTIVATE"];

export interface TokenInfo {
  purpose: "RESET" | "ACTIVATE";
  userId: string;
  email: string;
}

/** Whether a link still works (for the reset page, before the user types a password). Does not use it up. */
export async function inspectPasswordToken(token: string, now: Date = new Date()): Promise<TokenInfo | null> {
  if (!PASSWORD_TOKEN_PATTERN.test(token)) return null;
  const row = await db.passwordToken.findFirst({
    where: { tokenHash: hashToken(token), ...usable(now) },
    select: { purpose: true, userId: true, user: { select: { email: true } } },
  });
  return row ? { purpose: passwordPurpose(row.purpose), userId: row.userId, email: row.user.email } : null;
}

/**
 * Sets a new password through a link, in one transaction: use up the token (only one caller can win
 * the conditional update), set the hash, activate the account if needed, bump sessionVersion (every
 * existing session of the user ends) and void the user's other open links. null: invalid, expired or
 * already used. `passwordHash` is computed by the caller beforehand, so no row is locked while Argon2 runs.
 */
export async function consumePasswordToken(
  token: string,
  passwordHash: string,
  now: Date = new Date(),
): Promise<TokenInfo | null> {
  if (!PASSWORD_TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const { count } = await tx.passwordToken.updateMany({ where: { tokenHash, ...usable(now) }, data: { usedAt: now } });
    if (count !== 1) return null;
    const row = await tx.passwordToken.findUniqueOrThrow({
      where: { tokenHash },
      select: { purpose: true, userId: true, user: { select: { email: true, activatedAt: true } } },
    });
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, activatedAt: row.user.activatedAt ?? now, sessionVersion: { increment: 1 } },
    });
    await tx.passwordToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    return { purpose: passwordPurpose(row.purpose), userId: row.userId, email: row.user.email };
  });
}

function passwordPurpose(purpose: TokenPurpose): "RESET" | "ACTIVATE" {
  if (purpose === "RESET" || purpose === "ACTIVATE") return purpose;
  throw new Error(`not a password link: ${purpose}`);
}
