import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "@playwright/test";
import { readZip } from "../tests/zip";
import { firstLink, Mailbox } from "./mailbox";
import { expectAccessible, logIn, query, SMTP_PORT, t, tPattern } from "./support";

// "Dagboek downloaden" (issue 4 §6) against the demo data: the De Boer parent opens the export from
// Noor's child page (?child= preselects her), asks for the diary of the last month (an entry of which
// carries a video), sees the request listed as being made, the export worker (scheduler,
// JOB_INTERVAL_SECONDS in scripts/e2e-server.ts) builds the ZIP and mails the link, the page then
// says it is ready, and the link downloads the ZIP — for that parent only. The ZIP's index.html,
// opened from disk, shows the photos and the video.
const PARENT = "ouder@demo.ouderportaal.nl";
const OTHER_PARENT = "flex@demo.ouderportaal.nl";
const MARK = randomUUID().slice(0, 8);

const mailbox = new Mailbox();
test.beforeAll(() => mailbox.listen(SMTP_PORT));
test.afterAll(async () => {
  await mailbox.close();
  await setVideo(false);
  // Leave no video behind for specs that count the timeline's media.
  await query(`DELETE FROM "Photo" WHERE "originalName" LIKE $1`, [`e2e-export-${MARK}%`]);
});

async function setVideo(enabled: boolean) {
  await query(
    `UPDATE "OrganisationPolicy" SET "videoInDiaryEnabled" = $1
     WHERE "organisationId" = (SELECT f."organisationId" FROM "Family" f JOIN "Child" c ON c."familyId" = f.id WHERE c."firstName" = 'Noor' LIMIT 1)`,
    [enabled],
  );
}

async function childOf(email: string, firstName?: string) {
  const rows = await query<{ id: string; firstName: string }>(
    `SELECT c.id, c."firstName" FROM "Child" c JOIN "Guardian" g ON g."familyId" = c."familyId" JOIN "User" u ON u.id = g."userId"
     WHERE u.email = $1 ${firstName ? `AND c."firstName" = $2` : ""} ORDER BY c."firstName" LIMIT 1`,
    firstName ? [email, firstName] : [email],
  );
  return rows[0]!;
}

/** An MP4 as far as the upload's sniffing goes: an ftyp box (isom, mp41) and an mdat box. */
function mp4(size = 6000): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypisom", "latin1"), Buffer.from([0, 0, 2, 0]), Buffer.from("isommp41", "latin1")]);
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(size - ftyp.length, 0);
  mdat.write("mdat", 4, "latin1");
  return Buffer.concat([ftyp, mdat, randomBytes(size - ftyp.length - 8)]);
}

test("a parent requests a diary export from the child page, gets the link by e-mail and downloads the ZIP with photos and video", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const noor = await childOf(PARENT, "Noor");
  await logIn(page, "nl", PARENT);
  await expect(page).toHaveURL(/\/nl$/, { timeout: 15_000 });

  // A video in Noor's latest diary entry of the last month (video on for her organisation).
  await setVideo(true);
  const [entry] = await query<{ id: string }>(
    `SELECT id FROM "DiaryEntry" WHERE "childId" = $1 AND date >= CURRENT_DATE - 25 AND date <= CURRENT_DATE ORDER BY date DESC, "createdAt" DESC LIMIT 1`,
    [noor.id],
  );
  expect(entry, "a diary entry of Noor in the last month").toBeDefined();
  const video = mp4();
  const upload = new URLSearchParams({ diaryEntryId: entry!.id, clientKey: randomUUID(), batchId: randomUUID(), name: `e2e-export-${MARK}.mp4` });
  const uploaded = await page.request.post(`/api/photos/upload?${upload}`, { headers: { "content-type": "application/octet-stream" }, data: video });
  expect(uploaded.status()).toBe(201);
  const { photoId } = (await uploaded.json()) as { photoId: string };

  // From Noor's page: the export with Noor chosen.
  await page.goto(`/nl/children/${noor.id}`);
  await page.getByRole("link", { name: t("nl", "ChildPage.downloadDiary") }).click();
  await expect(page).toHaveURL(new RegExp(`/nl/diary/export\\?child=${noor.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: t("nl", "Export.title") })).toBeVisible();
  await expect(page.getByLabel(t("nl", "Export.child"), { exact: true })).toHaveValue(noor.id);
  await expectAccessible(page);

  await page.getByRole("radio", { name: t("nl", "Export.kindDiary") }).check();
  const from = await page.getByLabel(t("nl", "Export.from"), { exact: true }).inputValue();
  const to = await page.getByLabel(t("nl", "Export.to"), { exact: true }).inputValue();
  await page.getByRole("button", { name: t("nl", "Export.submit") }).click();
  await expect(page.getByText(t("nl", "Export.queued"))).toBeVisible();
  // The request is listed (being made, or already done if the worker was quick).
  const request = page.locator("[data-export-request]").first();
  await expect(request).toContainText(t("nl", "Export.requests.diaryOf").replace("{name}", "Noor").split(",")[0]!);
  await expect(request).toHaveAttribute("data-state", /^(pending|done)$/);

  const mail = await mailbox.waitFor(PARENT, 60_000);
  const link = firstLink(mail.raw, "/api/exports/");
  await page.reload();
  await expect(request).toHaveAttribute("data-state", "done");
  await expect(request).toContainText(tPattern("nl", "Export.requests.status.done"));
  await expectAccessible(page);

  const response = await page.request.get(link);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/zip");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="dagboek-noor-${from}-${to}.zip"`);
  // (The handler sets Content-Length — tests/exports.test.ts — but `next start` drops it from every
  // route handler response and sends the body chunked.)
  const body = await response.body();
  const files = await readZip(body);
  expect(files.has("index.html")).toBe(true);
  for (const name of [...files.keys()].filter((n) => n !== "index.html")) expect(name).toMatch(/^(photos\/\d{4}-\d{2}-\d{2}_\d{4}_[0-9a-f]{8}\.jpg|videos\/\d{4}-\d{2}-\d{2}_\d{4}_[0-9a-f]{8}\.mp4)$/);
  const videoName = [...files.keys()].find((n) => n.startsWith("videos/") && n.includes(photoId.replace(/-/g, "").slice(0, 8)));
  expect(videoName).toBeDefined();
  expect(files.get(videoName!)!.equals(video)).toBe(true);

  // index.html from disk: every photo shows, the video has its player.
  const dir = mkdtempSync(path.join(os.tmpdir(), "export-zip-"));
  try {
    for (const [name, data] of files) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    const local = await (await browser.newContext()).newPage();
    await local.goto(pathToFileURL(path.join(dir, "index.html")).href);
    await expect(local.locator(`video[src="${videoName}"]`)).toHaveAttribute("controls", "");
    const images = local.locator("img");
    expect(await images.count()).toBeGreaterThan(0);
    await local.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
    expect(await images.evaluateAll((all) => all.filter((img) => (img as HTMLImageElement).naturalWidth === 0).map((img) => img.getAttribute("src")))).toEqual([]);
    await local.context().close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

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
  expect((await download).suggestedFilename()).toBe(`dagboek-noor-${from}-${to}.zip`);
});

test("?child= preselects only a child the parent may export; any other id is ignored", async ({ page }) => {
  const sem = await childOf(PARENT, "Sem");
  const otherFamilysChild = await childOf(OTHER_PARENT);
  await logIn(page, "nl", PARENT);
  await expect(page).toHaveURL(/\/nl$/, { timeout: 15_000 });
  const select = page.getByLabel(t("nl", "Export.child"), { exact: true });

  await page.goto(`/nl/diary/export?child=${sem.id}`);
  await expect(select).toHaveValue(sem.id);

  for (const id of [otherFamilysChild.id, randomUUID(), "../../etc/passwd"]) {
    const response = await page.goto(`/nl/diary/export?child=${encodeURIComponent(id)}`);
    expect(response?.status()).toBe(200);
    await expect(select).toHaveValue("");
    // Only the parent's own children to choose from; nothing of the other family's child shows.
    expect((await select.locator("option").allTextContents()).some((o) => o.includes(otherFamilysChild.firstName))).toBe(false);
    await expect(page.getByRole("main")).not.toContainText(otherFamilysChild.firstName);
  }
});
