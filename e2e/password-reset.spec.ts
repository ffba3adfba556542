import { expect, test } from "@playwright/test";
import { firstLink, Mailbox } from "./mailbox";
import { expectAccessible, logIn, query, SMTP_PORT, t } from "./support";

const mailbox = new Mailbox();
test.beforeAll(() => mailbox.listen(SMTP_PORT));
test.afterAll(() => mailbox.close());

test("forgot password: the mailed link sets a new password once, and the answer never reveals the address", async ({ page }) => {
  const [user] = await query<{ email: string }>(
    `SELECT u.email FROM "User" u JOIN "Guardian" g ON g."userId" = u.id
      WHERE u.role = 'PARENT' AND u."passwordHash" IS NOT NULL AND g.rank = 2 LIMIT 1`,
  );
  const email = user!.email;

  await page.goto("/nl/login");
  await page.getByRole("link", { name: t("nl", "Auth.login.forgotPassword") }).click();
  await expect(page).toHaveURL(/\/nl\/forgot-password$/);
  await expectAccessible(page);

  // An unknown address gets exactly the same answer as a known one, and no mail.
  await page.getByLabel(t("nl", "Auth.forgot.email")).fill("niemand@example.org");
  await page.getByRole("button", { name: t("nl", "Auth.forgot.submit") }).click();
  const answer = page.getByRole("main").getByRole("status");
  await expect(answer).toContainText(t("nl", "Auth.forgot.sent"));
  const unknownAnswer = (await answer.textContent()) ?? "";

  await page.goto("/nl/forgot-password");
  await page.getByLabel(t("nl", "Auth.forgot.email")).fill(email.toUpperCase());
  await page.getByRole("button", { name: t("nl", "Auth.forgot.submit") }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(unknownAnswer);

  const mail = await mailbox.waitFor(email);
  expect(mailbox.received("niemand@example.org")).toHaveLength(0);
  const link = firstLink(mail.raw, "/reset-password");
  const url = new URL(link);
  expect(url.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{40,}$/);

  await page.goto(url.pathname + url.search);
  await expectAccessible(page);
  const newPassword = "een-nieuw-wachtwoord-42";
  await page.getByLabel(t("nl", "Auth.reset.password"), { exact: true }).fill(newPassword);
  await page.getByLabel(t("nl", "Auth.reset.confirm")).fill(newPassword);
  await page.getByRole("button", { name: t("nl", "Auth.reset.submit") }).click();
  await expect(page.getByRole("main")).toContainText(t("nl", "Auth.reset.done"));

  // The old password no longer works, the new one does.
  await logIn(page, "nl", email);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(t("nl", "Auth.login.invalidCredentials"));
  await logIn(page, "nl", email, newPassword);
  await expect(page).toHaveURL(/\/nl$/);

  // The link is single-use: opening it again shows that it no longer works, with no form.
  await page.context().clearCookies();
  await page.goto(url.pathname + url.search);
  await expect(page.getByRole("main")).toContainText(t("nl", "Auth.reset.invalidToken"));
  await expect(page.getByLabel(t("nl", "Auth.reset.password"), { exact: true })).toHaveCount(0);
});

test("a new account is activated through the same flow, in English", async ({ page }) => {
  const [user] = await query<{ email: string }>(
    `SELECT email FROM "User" WHERE role = 'PARENT' AND "passwordHash" IS NULL AND "activatedAt" IS NULL LIMIT 1`,
  );
  const email = user!.email;
  // Not activated: no password works yet.
  await logIn(page, "en", email, "ouderportaal-demo");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(t("en", "Auth.login.invalidCredentials"));

  await page.goto("/en/forgot-password");
  await page.getByLabel(t("en", "Auth.forgot.email")).fill(email);
  await page.getByRole("button", { name: t("en", "Auth.forgot.submit") }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(t("en", "Auth.forgot.sent"));

  const mail = await mailbox.waitFor(email);
  const url = new URL(firstLink(mail.raw, "/activate"));
  expect(url.pathname).toBe("/en/activate");
  await page.goto(url.pathname + url.search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "Auth.activate.title"));
  await expectAccessible(page);
  const password = "my-first-password-2026";
  await page.getByLabel(t("en", "Auth.reset.password"), { exact: true }).fill(password);
  await page.getByLabel(t("en", "Auth.reset.confirm")).fill(password);
  await page.getByRole("button", { name: t("en", "Auth.activate.submit") }).click();
  await expect(page.getByRole("main")).toContainText(t("en", "Auth.activate.done"));

  await logIn(page, "en", email, password);
  await expect(page).toHaveURL(/\/en$/);
});
