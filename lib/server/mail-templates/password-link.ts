import "server-only";
import { createTranslator } from "next-intl";
import { routing, type Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { renderMail, type RenderedMail } from "./layout";

// The two mails with a password link: "Wachtwoord vergeten" (RESET) and the welcome mail that
// activates a new account (ACTIVATE). Texts live in messages/*.json, namespace "Mail".

const MESSAGES: Record<Locale, typeof nl> = { nl, en };

function mailTranslator(locale: string) {
  const l: Locale = (routing.locales as readonly string[]).includes(locale) ? (locale as Locale) : routing.defaultLocale;
  return { locale: l, t: createTranslator({ locale: l, messages: MESSAGES[l], namespace: "Mail" }) };
}

export interface PasswordLinkMailInput {
  locale: string;
  name: string;
  email: string;
  organisationName: string;
  url: string;
}

export function renderPasswordResetMail(input: PasswordLinkMailInput & { validHours: number }): RenderedMail {
  const { locale, t } = mailTranslator(input.locale);
  return renderMail({
    locale,
    subject: t("reset.subject"),
    greeting: t("greeting", { name: input.name }),
    paragraphs: [t("reset.intro", { email: input.email })],
    action: { label: t("reset.action"), url: input.url },
    linkFallback: t("linkFallback"),
    afterAction: [t("reset.validity", { hours: input.validHours }), t("reset.notYou")],
    signOff: t("signOff"),
    sender: input.organisationName,
    footer: t("footer"),
  });
}

export function renderActivationMail(input: PasswordLinkMailInput & { validDays: number }): RenderedMail {
  const { locale, t } = mailTranslator(input.locale);
  return renderMail({
    locale,
    subject: t("activate.subject", { organisation: input.organisationName }),
    greeting: t("greeting", { name: input.name }),
    paragraphs: [
      t("activate.intro", { organisation: input.organisationName }),
      t("activate.username", { email: input.email }),
    ],
    action: { label: t("activate.action"), url: input.url },
    linkFallback: t("linkFallback"),
    afterAction: [t("activate.validity", { days: input.validDays }), t("activate.notYou")],
    signOff: t("signOff"),
    sender: input.organisationName,
    footer: t("footer"),
  });
}
