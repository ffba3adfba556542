// Development without SMTP_URL: every mail is written as an .eml file into MAIL_DIR, and one log line
// names the file, so a developer can read password links without a mail server.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createOrganisation, createUser } from "./auth-fixtures";
import { linkToken, parseMail } from "./auth-mail-capture";

const mailDir = mkdtempSync(path.join(tmpdir(), "ouderportaal-mail-"));
// serverEnv() reads the environment once: set it before any app module loads.
delete process.env.SMTP_URL;
process.env.MAIL_DIR = mailDir;
process.env.APP_URL = "http://localhost:3999";

const { sendMail } = await import("@/lib/server/mail");
const { sendActivationMail } = await import("@/lib/auth/activation");
const { requestPasswordReset, resetPassword } = await import("@/lib/auth/password-reset");

afterAll(() => rmSync(mailDir, { recursive: true, force: true }));

const emlFiles = () => readdirSync(mailDir).filter((f) => f.endsWith(".eml")).sort();

describe("mail without SMTP_URL", () => {
  it("writes a complete .eml file and logs one line with its path", async () => {
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const delivery = await sendMail({ to: "ouder@example.test", subject: "Testbericht", text: "Hallo daar", html: "<p>Hallo daar</p>" });
    expect(delivery.via).toBe("file");
    const file = (delivery as { file: string }).file;
    expect(path.dirname(file)).toBe(mailDir);
    expect(file.endsWith(".eml")).toBe(true);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain(file);
    log.mockRestore();

    // Readable by the developer only (it may hold password links).
    expect(statSync(file).mode & 0o077).toBe(0);
    const mail = parseMail(readFileSync(file, "utf8"));
    expect(mail).toMatchObject({ to: "ouder@example.test", subject: "Testbericht", text: "Hallo daar", html: "<p>Hallo daar</p>" });
    expect(mail.from).toContain("no-reply@");
  });

  it("an activation mail lands in MAIL_DIR with a working link", async () => {
    const org = await createOrganisation("Opvang Dev");
    const user = await createUser({ organisationId: org.id, email: "dev-activate@example.test", activated: false });
    const before = emlFiles().length;
    const result = await sendActivationMail(user.id);
    expect(result).toMatchObject({ sent: true, delivery: { via: "file" } });
    expect(emlFiles()).toHaveLength(before + 1);

    const mail = parseMail(readFileSync((result as { delivery: { file: string } }).delivery.file, "utf8"));
    expect(mail.subject).toBe("Welkom bij het Ouderportaal van Opvang Dev");
    const { url, token } = linkToken(mail, "activate");
    expect(url).toBe(`http://localhost:3999/nl/activate?token=${token}`);
    expect(await resetPassword({ token, password: "mijn eerste wachtwoord" }, "192.0.2.1")).toMatchObject({ ok: true });
  });

  it("a forgot-password request writes its mail there too", async () => {
    const org = await createOrganisation("Opvang Dev 2");
    await createUser({ organisationId: org.id, email: "dev-reset@example.test" });
    const before = new Set(emlFiles());
    const tasks: Promise<void>[] = [];
    expect(await requestPasswordReset({ email: "dev-reset@example.test", ip: "192.0.2.2", locale: "en" }, (t) => tasks.push(t()))).toEqual({ ok: true });
    await Promise.all(tasks);
    const added = emlFiles().filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    const mail = parseMail(readFileSync(path.join(mailDir, added[0]!), "utf8"));
    expect(mail.to).toBe("dev-reset@example.test");
    expect(linkToken(mail, "reset-password").url).toMatch(/^http:\/\/localhost:3999\/en\/reset-password\?token=/);
  });
});
