// "Wachtwoord vergeten" and account activation end to end on the server side: a real SMTP server in
// the test receives the mail, the link's token sets the password exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation, createUser, PASSWORD } from "./auth-fixtures";
import { linkToken, startSmtpCapture } from "./auth-mail-capture";

// serverEnv() reads the environment once, so the SMTP server must run before any app module loads.
const smtp = await startSmtpCapture();
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "https://ouders.example.test/";
process.env.MAIL_FROM = "Ouderportaal <no-reply@ouders.example.test>";
process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = "5";

const { db } = await import("@/lib/db/client");
const { requestPasswordReset, resetPassword, MAX_LINK_MAILS_PER_HOUR } = await import("@/lib/auth/password-reset");
const { authenticate } = await import("@/lib/auth/login");
const { sendActivationMail } = await import("@/lib/auth/activation");
const { hashToken, RESET_TOKEN_TTL_MS, ACTIVATE_TOKEN_TTL_MS } = await import("@/lib/auth/tokens");
const { RESET_REQUESTS_PER_IP } = await import("@/lib/auth/rate-limit");

const NEW_PASSWORD = "een nieuw en lang wachtwoord";
let orgId: string;
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

/** Runs the request like the action does and waits for the deferred mail work, as after() would. */
async function forgot(email: string, opts: { ip?: string; locale?: "nl" | "en"; now?: Date } = {}) {
  const deferred: Promise<void>[] = [];
  const result = await requestPasswordReset(
    { email, ip: opts.ip ?? freshIp(), locale: opts.locale ?? "nl" },
    (task) => deferred.push(task()),
    opts.now,
  );
  await Promise.all(deferred);
  return { result, deferredTasks: deferred.length };
}

const mailsTo = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address));

beforeAll(async () => {
  orgId = (await createOrganisation("Kinderopvang Het Kabouterhuis")).id;
});

afterAll(async () => {
  await smtp.stop();
});

describe("forgot password", () => {
  it("mails a reset link that sets a new password once, and never twice", async () => {
    const user = await createUser({ organisationId: orgId, email: "reset@example.test", name: "Fatima Yilmaz" });
    const { result } = await forgot("reset@example.test");
    expect(result).toEqual({ ok: true });

    const mail = await smtp.waitFor((m) => m.envelopeTo.includes("reset@example.test"));
    expect(mail.from).toContain("no-reply@ouders.example.test");
    expect(mail.subject).toBe("Stel een nieuw wachtwoord in voor het Ouderportaal");
    expect(mail.text).toContain("Beste Fatima Yilmaz,");
    expect(mail.text).toContain("Kinderopvang Het Kabouterhuis");
    const { url, token } = linkToken(mail, "reset-password");
    expect(url).toBe(`https://ouders.example.test/nl/reset-password?token=${token}`);
    expect(mail.html).toContain(`href="${url}"`);

    // Only the hash is stored.
    const stored = await db.passwordToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.purpose).toBe("RESET");
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(RESET_TOKEN_TTL_MS);

    const ip = freshIp();
    expect(await resetPassword({ token, password: NEW_PASSWORD }, ip)).toEqual({ ok: true, email: "reset@example.test", purpose: "RESET" });
    expect(await resetPassword({ token, password: "nog een ander wachtwoord" }, ip)).toEqual({
      ok: false,
      code: "Auth.reset.invalidToken",
    });

    expect((await authenticate({ email: "reset@example.test", password: NEW_PASSWORD }, freshIp())).ok).toBe(true);
    expect((await authenticate({ email: "reset@example.test", password: PASSWORD }, freshIp())).ok).toBe(false);
    // Every session issued before the change is now invalid (lib/auth/options.ts compares this).
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it("lets only one of two simultaneous submits of the same link win", async () => {
    await createUser({ organisationId: orgId, email: "double@example.test" });
    await forgot("double@example.test");
    const { token } = linkToken(await smtp.waitFor((m) => m.envelopeTo.includes("double@example.test")), "reset-password");
    const results = await Promise.all([
      resetPassword({ token, password: "eerste wachtwoord!" }, freshIp()),
      resetPassword({ token, password: "tweede wachtwoord!" }, freshIp()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "Auth.reset.invalidToken" }]);
    const winner = results[0]!.ok ? "eerste wachtwoord!" : "tweede wachtwoord!";
    expect((await authenticate({ email: "double@example.test", password: winner }, freshIp())).ok).toBe(true);
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { email: "double@example.test" } });
    expect(sessionVersion).toBe(1);
  });

  it("refuses an expired link", async () => {
    await createUser({ organisationId: orgId, email: "late@example.test" });
    const requestedAt = new Date(Date.now() - RESET_TOKEN_TTL_MS - 60_000);
    await forgot("late@example.test", { now: requestedAt });
    const { token } = linkToken(await smtp.waitFor((m) => m.envelopeTo.includes("late@example.test")), "reset-password");
    expect(await resetPassword({ token, password: NEW_PASSWORD }, freshIp())).toEqual({ ok: false, code: "Auth.reset.invalidToken" });
    // One second before it expired, it would have worked.
    expect(
      await resetPassword({ token, password: NEW_PASSWORD }, freshIp(), new Date(requestedAt.getTime() + RESET_TOKEN_TTL_MS - 1000)),
    ).toMatchObject({ ok: true });
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    await createUser({ organisationId: orgId, email: "known2@example.test" });
    const before = smtp.mails.length;
    const unknown = await forgot("nobody@example.test");
    const known = await forgot("known2@example.test");
    expect(unknown).toEqual(known);
    await smtp.waitFor((m) => m.envelopeTo.includes("known2@example.test"));
    // Give a stray mail time to arrive, then check that only the known address got one.
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.slice(before).map((m) => m.envelopeTo)).toEqual([["known2@example.test"]]);
    expect(await db.passwordToken.count({ where: { user: { email: "nobody@example.test" } } })).toBe(0);
  });

  it("does not mail disabled accounts", async () => {
    await createUser({ organisationId: orgId, email: "disabled@example.test", disabled: true });
    expect((await forgot("disabled@example.test")).result).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo("disabled@example.test")).toHaveLength(0);
  });

  it("voids the older link when a new one is requested", async () => {
    await createUser({ organisationId: orgId, email: "twice@example.test" });
    await forgot("twice@example.test");
    const first = linkToken(await smtp.waitFor((m) => m.envelopeTo.includes("twice@example.test")), "reset-password").token;
    await forgot("twice@example.test");
    await smtp.waitFor(() => mailsTo("twice@example.test").length === 2);
    const second = linkToken(mailsTo("twice@example.test")[1]!, "reset-password").token;
    expect(second).not.toBe(first);
    expect(await resetPassword({ token: first, password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: false });
    expect(await resetPassword({ token: second, password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: true });
  });

  it("writes the mail in the language of the page it was requested from", async () => {
    await createUser({ organisationId: orgId, email: "english@example.test", name: "Emma Brown" });
    await forgot("english@example.test", { locale: "en" });
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes("english@example.test"));
    expect(mail.subject).toBe("Set a new password for Ouderportaal");
    expect(mail.text).toContain("Dear Emma Brown,");
    expect(linkToken(mail, "reset-password").url).toMatch(/^https:\/\/ouders\.example\.test\/en\/reset-password\?token=/);
  });

  it("lifts a log-in lock-out of the account once the password is reset", async () => {
    await createUser({ organisationId: orgId, email: "locked@example.test" });
    for (let i = 0; i < 5; i++) await authenticate({ email: "locked@example.test", password: `guess ${i}` }, freshIp());
    expect(await authenticate({ email: "locked@example.test", password: PASSWORD }, freshIp())).toMatchObject({ reason: "rateLimited" });
    await forgot("locked@example.test");
    const { token } = linkToken(await smtp.waitFor((m) => m.envelopeTo.includes("locked@example.test")), "reset-password");
    expect(await resetPassword({ token, password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: true });
    expect(await authenticate({ email: "locked@example.test", password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: true });
  });

  it(`sends at most ${MAX_LINK_MAILS_PER_HOUR} links per account per hour, still answering the same`, async () => {
    await createUser({ organisationId: orgId, email: "bombed@example.test" });
    for (let i = 0; i < MAX_LINK_MAILS_PER_HOUR + 2; i++) expect((await forgot("bombed@example.test")).result).toEqual({ ok: true });
    await smtp.waitFor(() => mailsTo("bombed@example.test").length === MAX_LINK_MAILS_PER_HOUR);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo("bombed@example.test")).toHaveLength(MAX_LINK_MAILS_PER_HOUR);
  });

  it(`limits requests per IP to ${RESET_REQUESTS_PER_IP} per window, whatever the address`, async () => {
    const ip = freshIp();
    for (let i = 0; i < RESET_REQUESTS_PER_IP; i++) expect((await forgot(`someone${i}@example.test`, { ip })).result).toEqual({ ok: true });
    const refused = await forgot("someone-else@example.test", { ip });
    expect(refused).toEqual({ result: { ok: false, code: "Auth.forgot.rateLimited" }, deferredTasks: 0 });
    expect((await forgot("someone-else@example.test", { ip: freshIp() })).result).toEqual({ ok: true });
    // These requests never count as failed log-ins of that IP.
    expect(await authenticate({ email: "reset@example.test", password: NEW_PASSWORD }, ip)).toMatchObject({ ok: true });
  });

  it("refuses malformed and unknown tokens without touching any account", async () => {
    expect(await resetPassword({ token: "kort", password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: false });
    expect(await resetPassword({ token: "A".repeat(43), password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: false });
  });
});

describe("account activation", () => {
  it("sends an activation link instead of a reset link to an account that has no password yet", async () => {
    const user = await createUser({ organisationId: orgId, email: "nieuw@example.test", name: "Noah Jansen", activated: false });
    await forgot("nieuw@example.test");
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes("nieuw@example.test"));
    expect(mail.subject).toBe("Welkom bij het Ouderportaal van Kinderopvang Het Kabouterhuis");
    expect(mail.text).toContain("nieuw@example.test");
    const { token } = linkToken(mail, "activate");
    expect((await db.passwordToken.findFirstOrThrow({ where: { userId: user.id } })).purpose).toBe("ACTIVATE");

    expect(await authenticate({ email: "nieuw@example.test", password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: false });
    expect(await resetPassword({ token, password: NEW_PASSWORD }, freshIp())).toEqual({ ok: true, email: "nieuw@example.test", purpose: "ACTIVATE" });
    const activated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(activated.activatedAt).not.toBeNull();
    expect(activated.passwordHash).not.toBeNull();
    expect(await authenticate({ email: "nieuw@example.test", password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: true });
  });

  it("sendActivationMail(): a welcome mail in the user's language, valid 14 days; not for active accounts", async () => {
    const user = await createUser({ organisationId: orgId, email: "welkom@example.test", name: "Liam Smith", locale: "en", activated: false });
    const sent = await sendActivationMail(user.id);
    expect(sent).toMatchObject({ sent: true, delivery: { via: "smtp" } });
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes("welkom@example.test"));
    expect(mail.subject).toBe("Welcome to Ouderportaal, the parent portal of Kinderopvang Het Kabouterhuis");
    expect(mail.text).toContain("14 days");
    const { url, token } = linkToken(mail, "activate");
    expect(url.startsWith("https://ouders.example.test/en/activate?token=")).toBe(true);
    const stored = await db.passwordToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(ACTIVATE_TOKEN_TTL_MS);

    // Still valid after 13 days, then it activates the account.
    const in13Days = new Date(Date.now() + 13 * 86_400_000);
    expect(await resetPassword({ token, password: NEW_PASSWORD }, freshIp(), in13Days)).toMatchObject({ ok: true, purpose: "ACTIVATE" });

    const active = await createUser({ organisationId: orgId, email: "active@example.test" });
    expect(await sendActivationMail(active.id)).toEqual({ sent: false, reason: "alreadyActive" });
    expect(await sendActivationMail("00000000-0000-4000-8000-000000000000")).toEqual({ sent: false, reason: "notFound" });
  });

  it("an activation link expires after 14 days", async () => {
    const user = await createUser({ organisationId: orgId, email: "expired-welcome@example.test", activated: false });
    await sendActivationMail(user.id);
    const { token } = linkToken(await smtp.waitFor((m) => m.envelopeTo.includes("expired-welcome@example.test")), "activate");
    const in15Days = new Date(Date.now() + 15 * 86_400_000);
    expect(await resetPassword({ token, password: NEW_PASSWORD }, freshIp(), in15Days)).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).activatedAt).toBeNull();
  });

  it("setting the password through any link voids the user's other open links", async () => {
    const user = await createUser({ organisationId: orgId, email: "two-links@example.test", activated: false });
    await sendActivationMail(user.id);
    await forgot("two-links@example.test");
    await smtp.waitFor(() => mailsTo("two-links@example.test").length === 2);
    const [welcome, again] = mailsTo("two-links@example.test").map((m) => linkToken(m, "activate").token);
    // The second activation link replaced the first one.
    expect(await resetPassword({ token: welcome!, password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: false });
    expect(await resetPassword({ token: again!, password: NEW_PASSWORD }, freshIp())).toMatchObject({ ok: true });
    expect(await db.passwordToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });
});
