import "server-only";
import { createTranslator } from "next-intl";
import { formatDay } from "@/lib/format/date";
import { formatHours } from "@/lib/format/money";
import type { NotificationEvent, Role } from "@/lib/generated/prisma/enums";
import { routing, type Locale } from "@/lib/i18n/routing";
import { renderAbsenceConfirmationMail, type AbsenceMailChild } from "@/lib/server/mail-templates/absence-confirmation";
import { renderMail, type RenderedMail } from "@/lib/server/mail-templates/layout";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

// What an e-mail or push says, rendered at SEND time (lib/notify/worker.ts) from the notification's
// event and data, in the recipient's language at that moment (messages/*.json "Mail.events", plus the
// request kinds and periods of "Requests"). A photo series merged into one notification is therefore
// announced with its final count. Links are APP_URL + "/" + locale + the notification's url; the mail
// footer links to the recipient's notification settings.

const MESSAGES: Record<Locale, typeof nl> = { nl, en };

/** Longest push text: payloads are limited to ~4 kB and a notification shows two or three lines. */
export const PUSH_BODY_MAX = 240;

export interface NotificationContent {
  id: string;
  event: NotificationEvent;
  /** In-app path without locale: "/agenda/requests/…". */
  url: string;
  data: unknown;
}

export interface Recipient {
  name: string;
  locale: string;
  role: Role;
}

export interface PushPayload {
  title: string;
  body: string;
  /** Path with locale, opened by the service worker on a click: "/nl/agenda/requests/…". */
  url: string;
  /** One notification on the device per in-app notification (a re-announced photo series replaces it). */
  tag: string;
  icon?: string;
}

export function recipientLocale(locale: string): Locale {
  return (routing.locales as readonly string[]).includes(locale) ? (locale as Locale) : routing.defaultLocale;
}

/** Where a user changes their notification switches (the parent and the staff settings page). */
export function settingsPath(role: Role): string {
  return role === "PARENT" ? "/more/notifications" : "/staff/settings/notifications";
}

/** APP_URL + "/" + locale + path. */
export function appLink(appUrl: string, locale: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}/${locale}${path.startsWith("/") ? path : `/${path}`}`;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const isDay = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

interface EventText {
  subject: string;
  title: string;
  /** The mail's paragraphs. */
  paragraphs: string[];
  /** The push's text. */
  pushBody: string;
  action: string;
}

function translators(locale: Locale) {
  const messages = MESSAGES[locale];
  return {
    t: createTranslator({ locale, messages, namespace: "Mail.events" }),
    requests: createTranslator({ locale, messages, namespace: "Requests" }),
    absence: createTranslator({ locale, messages, namespace: "Absence.mail" }),
  };
}

/** The sentences of one event for one language. Unknown or missing data never throws: it reads empty. */
export function eventText(event: NotificationEvent, rawData: unknown, localeInput: string): EventText {
  const locale = recipientLocale(localeInput);
  const { t, requests, absence } = translators(locale);
  const d = record(rawData);
  const kind = (v: unknown) => (v === "EXTRA_DAY" || v === "SWAP_DAY" || v === "ABSENCE" ? requests(`kind.${v}`) : "");
  const period = (from: unknown, to: unknown) => {
    if (!isDay(from)) return "";
    if (!isDay(to) || to === from) return formatDay(from, locale, "long");
    return requests("period", { from: formatDay(from, locale, "long"), to: formatDay(to, locale, "long") });
  };
  const list = (v: unknown) => {
    const names = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x !== "") : [];
    return names.length ? new Intl.ListFormat(locale, { type: "conjunction" }).format(names) : "none";
  };

  switch (event) {
    case "NEW_MESSAGE": {
      const values = { author: str(d.authorName), subject: str(d.subject) };
      const intro = t("NEW_MESSAGE.intro", { ...values, group: str(d.groupName), child: str(d.childFirstName) || "none" });
      const preview = str(d.preview);
      return {
        subject: t("NEW_MESSAGE.subject", values),
        title: t("NEW_MESSAGE.title", values),
        // The message itself stays in the app: an e-mail passes mail servers and sits in mailboxes, so
        // it only says who wrote about what. A push is end-to-end encrypted to the device and shows a preview.
        paragraphs: [intro],
        pushBody: preview || str(d.subject),
        action: t("NEW_MESSAGE.action"),
      };
    }
    case "NEW_DIARY_ENTRY": {
      const child = str(d.childName);
      const intro = t("NEW_DIARY_ENTRY.intro", { child, author: str(d.authorName), date: isDay(d.date) ? formatDay(d.date, locale, "long") : "" });
      return { subject: t("NEW_DIARY_ENTRY.subject", { child }), title: t("NEW_DIARY_ENTRY.title", { child }), paragraphs: [intro], pushBody: intro, action: t("NEW_DIARY_ENTRY.action") };
    }
    case "NEW_PHOTOS": {
      const values = { count: Math.max(1, num(d.count)), group: str(d.groupName) };
      const intro = t("NEW_PHOTOS.intro", { ...values, uploader: str(d.uploaderName), children: list(d.childNames) });
      return { subject: t("NEW_PHOTOS.subject", values), title: t("NEW_PHOTOS.title", values), paragraphs: [intro], pushBody: intro, action: t("NEW_PHOTOS.action") };
    }
    case "NEWS": {
      const title = str(d.title);
      const intro = t("NEWS.intro", { title, location: str(d.locationName) || "none" });
      return {
        subject: title ? t("NEWS.subject", { title }) : t("NEWS.untitled"),
        title: title ? t("NEWS.title", { title }) : t("NEWS.untitled"),
        paragraphs: title ? [intro] : [],
        pushBody: title ? intro : t("NEWS.untitled"),
        action: t("NEWS.action"),
      };
    }
    case "REQUEST_ASSESSED": {
      const intro = t("REQUEST_ASSESSED.intro", { kind: kind(d.kind), period: period(d.periodStart, d.periodEnd) });
      return { subject: t("REQUEST_ASSESSED.subject"), title: t("REQUEST_ASSESSED.title"), paragraphs: [intro], pushBody: intro, action: t("REQUEST_ASSESSED.action") };
    }
    case "REQUEST_EXPIRED": {
      const intro =
        d.reason === "EXPIRES_ON" && isDay(d.expiresOn)
          ? t("REQUEST_EXPIRED.introOn", { kind: kind(d.kind), count: num(d.items), date: formatDay(d.expiresOn, locale, "long") })
          : t("REQUEST_EXPIRED.introLate", { kind: kind(d.kind), count: num(d.items) });
      return { subject: t("REQUEST_EXPIRED.subject"), title: t("REQUEST_EXPIRED.title"), paragraphs: [intro], pushBody: intro, action: t("REQUEST_EXPIRED.action") };
    }
    case "ABSENCE_CONFIRMATION": {
      const intro = t("ABSENCE_CONFIRMATION.intro", {
        period: period(d.periodStart, d.periodEnd),
        hours: formatHours(num(d.minutes), locale),
        makeUp: formatHours(num(d.makeUpMinutes), locale),
      });
      const title = t("ABSENCE_CONFIRMATION.title");
      return { subject: title, title, paragraphs: [intro], pushBody: intro, action: absence("action") };
    }
  }
}

/** The push message of a notification for one recipient (JSON payload of the push, before encryption). */
export function renderPushPayload(n: NotificationContent, recipient: Pick<Recipient, "locale">): PushPayload {
  const locale = recipientLocale(recipient.locale);
  const text = eventText(n.event, n.data, locale);
  return { title: truncate(text.title, 120), body: truncate(text.pushBody, PUSH_BODY_MAX), url: `/${locale}${n.url}`, tag: n.id };
}

export interface MailEnv {
  appUrl: string;
  organisationName: string;
}

/** The e-mail of a notification for one recipient: subject, text and HTML (escaped), in their language. */
export function renderNotificationMail(n: NotificationContent, recipient: Recipient, env: MailEnv): RenderedMail {
  const locale = recipientLocale(recipient.locale);
  const url = appLink(env.appUrl, locale, n.url);
  const settingsUrl = appLink(env.appUrl, locale, settingsPath(recipient.role));
  const d = record(n.data);

  // The absence confirmation keeps its detailed mail (per child the dates, day parts and hours).
  const absence = record(d.mail);
  if (n.event === "ABSENCE_CONFIRMATION" && Array.isArray(absence.children)) {
    const reason = d.reason === "SICK" || d.reason === "HOLIDAY" || d.reason === "OTHER" ? d.reason : "OTHER";
    return renderAbsenceConfirmationMail({
      locale,
      name: recipient.name,
      organisationName: env.organisationName,
      reason,
      children: absence.children as AbsenceMailChild[],
      makeUpMinutes: num(d.makeUpMinutes),
      url,
      settingsUrl,
    });
  }

  const text = eventText(n.event, n.data, locale);
  const common = createTranslator({ locale, messages: MESSAGES[locale], namespace: "Mail" });
  return renderMail({
    locale,
    subject: text.subject,
    greeting: common("greeting", { name: recipient.name }),
    paragraphs: text.paragraphs,
    action: { label: text.action, url },
    linkFallback: common("linkFallback"),
    afterAction: [],
    signOff: common("signOff"),
    sender: env.organisationName,
    footer: common("footer"),
    footerLink: { note: common("notify.settingsNote"), label: common("notify.settingsLink"), url: settingsUrl },
  });
}
