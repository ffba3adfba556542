// A real SMTP server inside the test process (smtp-server) that keeps what it receives (or refuses it when told),
// MIME reader for nodemailer's messages (headers, multipart/alternative, quoted-printable, base64).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  envelopeTo: string[];
  subject: string;
  from: string;
  to: string;
  text: string;
  html: string;
  raw: string;
}

type Part = { headers: Map<string, string>; body: string };

function splitHeaders(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body);
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  return part.body;
}

/** RFC 2047 encoded words in headers (=?UTF-8?Q?…?= / =?UTF-8?B?…?=). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function leaves(part: Part): Part[] {
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith("--"))
    // The line break before a boundary belongs to the boundary (RFC 2046).
    .flatMap((chunk) => leaves(splitHeaders(chunk.replace(/^\r?\n/, "").replace(/\r?\n$/, ""))));
}

export function parseMail(raw: string, envelopeTo: string[] = []): CapturedMail {
  const top = splitHeaders(raw);
  const parts = leaves(top);
  const find = (type: string) => parts.find((p) => (p.headers.get("content-type") ?? "text/plain").toLowerCase().startsWith(type));
  const text = find("text/plain");
  const html = find("text/html");
  return {
    envelopeTo,
    subject: decodeHeader(top.headers.get("subject") ?? ""),
    from: decodeHeader(top.headers.get("from") ?? ""),
    to: decodeHeader(top.headers.get("to") ?? ""),
    text: text ? decodeBody(text) : "",
    html: html ? decodeBody(html) : "",
    raw,
  };
}

export interface SmtpCapture {
  url: string;
  port: number;
  mails: CapturedMail[];
  /** Resolves with the first mail (received so far or later) that matches. */
  waitFor(match: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** The next `n` messages are refused with a temporary error (451) after their DATA (a mail server down for a moment). */
  refuseNext(n: number): void;
  /** How many messages were refused so far. */
  readonly refused: number;
  stop(): Promise<void>;
}

/** `waitTimeoutMs`: how long waitFor waits when the call does not say (5 s unless told). */
export async function startSmtpCapture({ waitTimeoutMs = 5000 }: { waitTimeoutMs?: number } = {}): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  let refuse = 0;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuse > 0) {
          refuse -= 1;
          refused += 1;
          callback(Object.assign(new Error("Mailbox temporarily unavailable, try again later"), { responseCode: 451 }));
          return;
        }
        mails.push(parseMail(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address)));
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    refuseNext(n) {
      refuse = n;
    },
    get refused() {
      return refused;
    },
    waitFor(match, timeoutMs = waitTimeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = mails.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (received ${mails.length})`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of a password link in a mail's text part. */
export function linkToken(mail: CapturedMail, page: "reset-password" | "activate"): { url: string; token: string } {
  const m = new RegExp(`(https?://\\S+/(nl|en)/${page}\\?token=([A-Za-z0-9_-]{43}))`).exec(mail.text);
  if (!m) throw new Error(`no ${page} link in mail "${mail.subject}":\n${mail.text}`);
  return { url: m[1]!, token: m[3]! };
}
