import "server-only";
import { createTranslator } from "next-intl";
import { formatDay, formatMinuteRange } from "@/lib/format/date";
import { intlLocale } from "@/lib/format/locale";
import { routing, type Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { renderMail, type RenderedMail } from "./layout";

// The confirmation of an absence report: "Via e-mail ontvang je een bevestiging van de uren die je
// hebt afgemeld" (seed 003). Per child the dates, day parts and times reported absent with the hours,
// the total, and any make-up hours granted. Texts: messages/*.json "Absence.mail" (plus the shared
// greeting/sign-off of "Mail" and the day part names of "Agenda.dayPart").

const MESSAGES: Record<Locale, typeof nl> = { nl, en };

export interface AbsenceMailDayPart {
  date: string;
  /** MORNING, AFTERNOON, VSO, … */
  code: string;
  startMinute: number;
  endMinute: number;
  groupName: string;
}

export interface AbsenceMailChild {
  name: string;
  dayParts: AbsenceMailDayPart[];
}

export interface AbsenceMailInput {
  locale: string;
  /** The reporting guardian. */
  name: string;
  organisationName: string;
  reason: "SICK" | "HOLIDAY" | "OTHER";
  children: AbsenceMailChild[];
  makeUpMinutes: number;
  /** The request's details in the overview. */
  url: string;
  /** The notification settings page (absolute), for the footer. */
  settingsUrl?: string;
}

/** Minutes as hours for people: 330 → "5,5" (nl) / "5.5" (en). */
export function formatHours(minutes: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(minutes / 60);
}

export function renderAbsenceConfirmationMail(input: AbsenceMailInput): RenderedMail {
  const locale: Locale = (routing.locales as readonly string[]).includes(input.locale) ? (input.locale as Locale) : routing.defaultLocale;
  const messages = MESSAGES[locale];
  const t = createTranslator({ locale, messages, namespace: "Absence.mail" });
  const common = createTranslator({ locale, messages, namespace: "Mail" });
  const parts = createTranslator({ locale, messages, namespace: "Agenda.dayPart" });
  const reasons = createTranslator({ locale, messages, namespace: "Absence.reason" });
  const dayPartName = (code: string) => (parts.has(code as never) ? parts(code as never) : code);

  const minutesOf = (p: AbsenceMailDayPart) => p.endMinute - p.startMinute;
  const total = input.children.reduce((s, c) => s + c.dayParts.reduce((x, p) => x + minutesOf(p), 0), 0);

  const childParagraphs = input.children.flatMap((child) => {
    const childMinutes = child.dayParts.reduce((x, p) => x + minutesOf(p), 0);
    const byDate = new Map<string, AbsenceMailDayPart[]>();
    for (const p of [...child.dayParts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.startMinute - b.startMinute))) {
      const list = byDate.get(p.date);
      if (list) list.push(p);
      else byDate.set(p.date, [p]);
    }
    const lines = [...byDate].map(([date, list]) =>
      t("line", {
        date: formatDay(date, locale, "long"),
        dayParts: list.map((p) => `${dayPartName(p.code)} ${formatMinuteRange(p.startMinute, p.endMinute)}`).join(", "),
        hours: formatHours(list.reduce((x, p) => x + minutesOf(p), 0), locale),
      }),
    );
    return [t("child", { name: child.name, hours: formatHours(childMinutes, locale) }), ...lines];
  });

  return renderMail({
    locale,
    subject: t("subject"),
    greeting: common("greeting", { name: input.name }),
    paragraphs: [
      t("intro", { reason: reasons(input.reason) }),
      ...childParagraphs,
      t("total", { hours: formatHours(total, locale) }),
      input.makeUpMinutes > 0 ? t("makeUp", { hours: formatHours(input.makeUpMinutes, locale) }) : t("noMakeUp"),
    ],
    action: { label: t("action"), url: input.url },
    linkFallback: common("linkFallback"),
    afterAction: [t("cancelNote")],
    signOff: common("signOff"),
    sender: input.organisationName,
    footer: common("footer"),
    footerLink: input.settingsUrl ? { note: common("notify.settingsNote"), label: common("notify.settingsLink"), url: input.settingsUrl } : undefined,
  });
}
