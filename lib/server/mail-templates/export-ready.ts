import "server-only";
import { exportTranslator } from "@/lib/server/exports/messages";
import { renderMail, type RenderedMail } from "./layout";

// "Je download staat klaar": the link to an export's ZIP (lib/server/jobs/exports.ts). Texts in
// messages/*.json, namespace "Export.mail".

export interface ExportReadyMailInput {
  locale: string;
  name: string;
  childName: string;
  kind: "DIARY" | "PHOTOS";
  url: string;
  validDays: number;
  organisationName: string;
}

export function renderExportReadyMail(input: ExportReadyMailInput): RenderedMail {
  const { locale, t } = exportTranslator(input.locale);
  return renderMail({
    locale,
    subject: t(input.kind === "DIARY" ? "mail.subjectDiary" : "mail.subjectPhotos", { name: input.childName }),
    greeting: t("mail.greeting", { name: input.name }),
    paragraphs: [t(input.kind === "DIARY" ? "mail.introDiary" : "mail.introPhotos", { name: input.childName })],
    action: { label: t("mail.action"), url: input.url },
    linkFallback: t("mail.linkFallback"),
    afterAction: [t("mail.validity", { days: input.validDays }), t("mail.signInNote")],
    signOff: t("mail.signOff"),
    sender: input.organisationName,
    footer: t("mail.footer"),
  });
}
