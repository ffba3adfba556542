import "server-only";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/routing";
import type { ForgotPasswordData, ResetPasswordData } from "@/lib/schemas/auth";
import { hashPassword } from "./password";
import { mailPasswordLink } from "./password-link-mail";
import { allowResetRequest, recordAccountRecovered } from "./rate-limit";
import { consumePasswordToken, inspectPasswordToken } from "./tokens";

// "Wachtwoord vergeten" and setting the password through the mailed link. Plain arguments (ip, locale,
// a way to defer work) so the integration tests call these directly; lib/actions/auth/* wraps them.

/** Runs work after the response is sent (next/server's after() in the action; the tests collect it). */
export type Defer = (task: () => Promise<void>) => void;

/** At most this many link mails per account per hour, whoever asks (no mail bombing of one address). */
export const MAX_LINK_MAILS_PER_HOUR = 3;

export type RequestResetResult = { ok: true } | { ok: false; code: "Auth.forgot.rateLimited" };

/**
 * Always the same answer for known and unknown addresses (domain.md: "The answer never reveals whether
 * an address is known"). Even the time it takes is the same: the lookup, the token and the mail all
 * happen in the deferred task, after the answer. Only the per-IP limit can refuse, and it does not
 * depend on the address.
 */
export async function requestPasswordReset(
  input: ForgotPasswordData & { ip: string; locale: Locale },
  defer: Defer,
  now: Date = new Date(),
): Promise<RequestResetResult> {
  if (!(await allowResetRequest(input.ip, now))) return { ok: false, code: "Auth.forgot.rateLimited" };
  defer(async () => {
    try {
      await mailLinkIfKnown(input.email, input.locale, now);
    } catch (error) {
      console.error("[auth] could not send the password link mail", error);
    }
  });
  return { ok: true };
}

async function mailLinkIfKnown(email: string, locale: Locale, now: Date): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      activatedAt: true,
      disabledAt: true,
      organisation: { select: { name: true } },
    },
  });
  if (!user || user.disabledAt) return;
  const recent = await db.passwordToken.count({
    where: { userId: user.id, createdAt: { gte: new Date(now.getTime() - 3_600_000) } },
  });
  if (recent >= MAX_LINK_MAILS_PER_HOUR) return;
  // An account that was never activated gets the activation link again (the same flow activates new
  // accounts, domain.md), an active one a reset link.
  const purpose = user.passwordHash && user.activatedAt ? "RESET" : "ACTIVATE";
  await mailPasswordLink(
    { id: user.id, name: user.name, email: user.email, organisationName: user.organisation.name },
    purpose,
    locale,
    now,
  );
}

export type ResetPasswordResult =
  | { ok: true; email: string; purpose: "RESET" | "ACTIVATE" }
  | { ok: false; code: "Auth.reset.invalidToken" };

/**
 * Sets the password through a link: exactly once per link. Also activates a new account, ends every
 * existing session of the user (sessionVersion) and lifts a log-in lock-out of the account (the user
 * who forgot their password has probably just locked it).
 */
export async function resetPassword(
  data: Pick<ResetPasswordData, "token" | "password">,
  ip: string,
  now: Date = new Date(),
): Promise<ResetPasswordResult> {
  const invalid = { ok: false, code: "Auth.reset.invalidToken" } as const;
  // Check first, so a dead link does not cost an Argon2 hash; the consume below decides for real.
  if (!(await inspectPasswordToken(data.token, now))) return invalid;
  const passwordHash = await hashPassword(data.password);
  const used = await consumePasswordToken(data.token, passwordHash, now);
  if (!used) return invalid;
  await recordAccountRecovered(used.email, ip, now);
  return { ok: true, email: used.email, purpose: used.purpose };
}
