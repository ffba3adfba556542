import "server-only";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { isLocale, routing } from "@/lib/i18n/routing";
import { serverEnv } from "@/lib/server/env";
import { sendMail, type MailDelivery } from "@/lib/server/mail";
import { renderActivationMail, renderPasswordResetMail } from "@/lib/server/mail-templates/password-link";
import { ACTIVATE_TOKEN_TTL_MS, issuePasswordToken, RESET_TOKEN_TTL_MS } from "./tokens";

// Issues a password link and mails it: RESET for accounts that have a password, ACTIVATE (the welcome
// mail, also re-sent through "Wachtwoord vergeten") for accounts that do not yet.

export interface LinkRecipient {
  id: string;
  name: string;
  email: string;
  organisationName: string;
}

/** The page a link opens: /{locale}/reset-password?token=… or /{locale}/activate?token=… */
export function passwordLinkUrl(purpose: TokenPurpose, locale: string, token: string): string {
  const base = serverEnv().APP_URL.replace(/\/+$/, "");
  const l = isLocale(locale) ? locale : routing.defaultLocale;
  const page = purpose === "RESET" ? "reset-password" : "activate";
  return `${base}/${l}/${page}?token=${encodeURIComponent(token)}`;
}

export async function mailPasswordLink(
  recipient: LinkRecipient,
  purpose: TokenPurpose,
  locale: string,
  now: Date = new Date(),
): Promise<{ delivery: MailDelivery; expiresAt: Date }> {
  const { token, expiresAt } = await issuePasswordToken(recipient.id, purpose, now);
  const common = {
    locale,
    name: recipient.name,
    email: recipient.email,
    organisationName: recipient.organisationName,
    url: passwordLinkUrl(purpose, locale, token),
  };
  const mail =
    purpose === "RESET"
      ? renderPasswordResetMail({ ...common, validHours: RESET_TOKEN_TTL_MS / 3_600_000 })
      : renderActivationMail({ ...common, validDays: ACTIVATE_TOKEN_TTL_MS / 86_400_000 });
  const delivery = await sendMail({ to: recipient.email, ...mail });
  return { delivery, expiresAt };
}
