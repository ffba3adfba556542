import "server-only";
import { escapeHtml } from "@/lib/format/html";

// The shared shape of our e-mails: a plain-text part that reads well on its own, and a simple HTML part
// (inline styles only, one button, the link also written out) for mail clients that show HTML.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}


export interface MailContent {
  locale: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  linkFallback: string;
  afterAction: string[];
  signOff: string;
  sender: string;
  footer: string;
  /** Under the footer: why this mail came and where to change that (notification mails). */
  footerLink?: { note: string; label: string; url: string };
}

export function renderMail(c: MailContent): RenderedMail {
  const text = [
    c.greeting,
    ...c.paragraphs,
    `${c.action.label}:\n${c.action.url}`,
    ...c.afterAction,
    `${c.signOff}\n${c.sender}`,
    "--",
    c.footer,
    ...(c.footerLink ? [`${c.footerLink.note}\n${c.footerLink.url}`] : []),
  ].join("\n\n");

  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const url = escapeHtml(c.action.url);
  const html = `<!doctype html>
<html lang="${escapeHtml(c.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f6f4;color:#1d2521;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dde1dc;border-radius:12px;padding:24px">
${p(c.greeting)}
${c.paragraphs.map(p).join("\n")}
<p style="margin:24px 0"><a href="${url}" style="display:inline-block;background:#22614f;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:8px">${escapeHtml(c.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#4f5b55">${escapeHtml(c.linkFallback)}<br><a href="${url}" style="color:#22614f;word-break:break-all">${url}</a></p>
${c.afterAction.map(p).join("\n")}
<p style="margin:0">${escapeHtml(c.signOff)}<br>${escapeHtml(c.sender)}</p>
</div>
<p style="max-width:560px;margin:16px auto 0;font-size:13px;color:#4f5b55">${escapeHtml(c.footer)}</p>
${c.footerLink ? `<p style="max-width:560px;margin:8px auto 0;font-size:13px;color:#4f5b55">${escapeHtml(c.footerLink.note)} <a href="${escapeHtml(c.footerLink.url)}" style="color:#22614f">${escapeHtml(c.footerLink.label)}</a></p>\n` : ""}</body>
</html>
`;
  return { subject: c.subject, text, html };
}
