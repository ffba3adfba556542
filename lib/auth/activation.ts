import "server-only";
import { db } from "@/lib/db/client";
import type { MailDelivery } from "@/lib/server/mail";
import { mailPasswordLink } from "./password-link-mail";

// The welcome mail of a new account (sent ~6 weeks before care starts, domain.md): a link to choose a
// password, valid for 14 days. Expired links are replaced through "Wachtwoord vergeten", which sends
// a fresh activation link to accounts that are not yet active.

export type ActivationMailResult =
  | { sent: true; delivery: MailDelivery; expiresAt: Date }
  | { sent: false; reason: "notFound" | "alreadyActive" | "disabled" };

export async function sendActivationMail(
  userId: string,
  options: { locale?: string; now?: Date } = {},
): Promise<ActivationMailResult> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      passwordHash: true,
      activatedAt: true,
      disabledAt: true,
      organisation: { select: { name: true } },
    },
  });
  if (!user) return { sent: false, reason: "notFound" };
  if (user.disabledAt) return { sent: false, reason: "disabled" };
  if (user.activatedAt && user.passwordHash) return { sent: false, reason: "alreadyActive" };
  const { delivery, expiresAt } = await mailPasswordLink(
    { id: user.id, name: user.name, email: user.email, organisationName: user.organisation.name },
    "ACTIVATE",
    options.locale ?? user.locale,
    options.now,
  );
  return { sent: true, delivery, expiresAt };
}
