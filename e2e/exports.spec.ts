import { expect, test } from "@playwright/test";
import yauzl from "yauzl";
import { firstLink, Mailbox } from "./mailbox";
import { expectAccessible, logIn, SMTP_PORT, t } from "./support";

// "Dagboek downloaden" (issue 4 §6) against the demo data: the De Boer parent asks for Noor's diary of
// the last month, is told an e-mail will follow, the export worker (scheduler, JOB_INTERVAL_SECONDS in
// scripts/e2e-server.ts) builds the ZIP and mails the link, and the link downloads the ZIP — for that
// parent only.
const PARENT = "ouder@demo.ouderportaal.nl";
const OTHER_PARENT = "flex@demo.ouderportaal.nl";

const mailbox = new Mailbox();
test.beforeAll(() => mailbox.listen(SMTP_PORT));
test.afterAll(() => mailbox.close());

function zipNames(buffer: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on("end", () => resolve(names));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

test("a parent requests a diary export, gets the link by e-mail and downloads the ZIP", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await logIn(page, "nl", PARENT);
  await expect(page).toHaveURL(/\/nl$/, { timeout: 15_000 });
  await page.goto("/nl/diary/export");
  await expect(page.getByRole("heading", { level: 1, name: t("nl", "Export.title") })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(t("nl", "Export.child"), { exact: true }).selectOption({ label: "Noor de Boer" });
  await page.getByRole("radio", { name: t("nl", "Export.kindDiary") }).check();
  await page.getByRole("button", { name: t("nl", "Export.submit") }).click();
  await expect(page.getByText(t("nl", "Export.queued"))).toBeVisible();

  const mail = await mailbox.waitFor(PARENT, 60_000);
  const link = firstLink(mail.raw, "/api/exports/");

  const response = await page.request.get(link);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/zip");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="dagboek-Noor-\d{4}-\d{2}-\d{2}\.zip"$/);
  const names = await zipNames(await response.body());
  expect(names).toContain("index.html");
  for (const name of names.filter((n) => n !== "index.html")) expect(name).toMatch(/^photos\/\d{4}-\d{2}-\d{2}_\d{4}_[0-9a-f]{8}\.jpg$/);

  // Another parent with the same link: not found.
  const other = await (await browser.newContext()).newPage();
  await logIn(other, "nl", OTHER_PARENT);
  await expect(other).toHaveURL(/\/nl$/, { timeout: 15_000 });
  expect((await other.request.get(link)).status()).toBe(404);

  // Opened signed out (e.g. from the mail on another device): log in first, then the download starts.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(new URL(link).pathname);
  await expect(fresh).toHaveURL(/\/nl\/login\?callbackUrl=/);
  const download = fresh.waitForEvent("download");
  await logIn(fresh, "nl", PARENT, undefined, true);
  expect((await download).suggestedFilename()).toMatch(/^dagboek-Noor-\d{4}-\d{2}-\d{2}\.zip$/);
});
