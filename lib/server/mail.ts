import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv } from "./env";

// Outgoing e-mail. With SMTP_URL: nodemailer over SMTP (smtp://, smtps://, with credentials in the URL).
// Without it (development, demo): every mail is written as a complete .eml file into MAIL_DIR and one
// log line names the file, so a developer can open it (any mail client, or just read it).

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type MailDelivery = { via: "smtp"; messageId: string } | { via: "file"; messageId: string; file: string };

let smtp: { url: string; transporter: Transporter } | undefined;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) smtp = { url, transporter: nodemailer.createTransport(url) };
  return smtp.transporter;
}

// Builds the raw RFC 5322 message without sending it.
const fileComposer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

export async function sendMail(message: MailMessage): Promise<MailDelivery> {
  const env = serverEnv();
  const mail = { from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html };

  if (env.SMTP_URL) {
    const info = await smtpTransport(env.SMTP_URL).sendMail(mail);
    return { via: "smtp", messageId: info.messageId };
  }

  const info = await fileComposer.sendMail(mail);
  const dir = path.resolve(env.MAIL_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const recipient = message.to.replace(/[^a-zA-Z0-9@._-]/g, "_").slice(0, 80);
  const file = path.join(dir, `${stamp}-${recipient}-${randomBytes(3).toString("hex")}.eml`);
  await writeFile(file, info.message as Buffer, { mode: 0o600 });
  console.info(`[mail] SMTP_URL not set: "${message.subject}" to ${message.to} written to ${file}`);
  return { via: "file", messageId: info.messageId, file };
}
