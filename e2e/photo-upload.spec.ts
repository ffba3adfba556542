import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { expectAccessible, logIn, query, t } from "./support";

// Uploading photos (issue 4 §3) against the demo data: Sanne (staff of the Dolfijnen) uploads two JPEGs
// with GPS data and an EXIF orientation, tagging Noor (photo consent); each file shows its progress and
// success. Noor's parent sees them on "Mijn kind", opens one full screen and downloads the original: no
// metadata, turned upright. Another family gets a 404 for the same URL. A child without photo consent
// (Mila, Vlinders) cannot be tagged — disabled in the form and refused by the server — nor get photos in
// a daily report, and an SVG gets the translated error at once (the server refuses it too). A parent's
// diary entry with photos in one go, where files fail — refused by the server, or cut off by a dropped
// connection — stays one entry: the failed files are tried again (never stored twice) or left out. The
// diary form takes videos only where the organisation enables them.
// Meant for Chromium and Firefox (the firefox project's testMatch in playwright.config.ts includes it).
const STAFF = "medewerker@demo.ouderportaal.nl"; // Dolfijnen
const VLINDERS_STAFF = "pm.vlinders@demo.ouderportaal.nl";
const PARENT = "ouder@demo.ouderportaal.nl"; // De Boer: Noor in the Dolfijnen
const OTHER_PARENT = "flex@demo.ouderportaal.nl"; // Mulder: another family
const MARK = randomUUID().slice(0, 8);

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await logIn(page, "nl", email);
  await expect(page).toHaveURL(/\/nl(\/staff)?$/, { timeout: 15_000 });
  return page;
}

async function groupId(name: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "Group" WHERE name = $1`, [name]);
  return row!.id;
}

/** 300×200 as stored, EXIF orientation 6 (upright 200×300), a blue band on the stored left edge, GPS data. */
async function exifJpeg(shade: number): Promise<Buffer> {
  const [width, height] = [300, 200];
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set(x < 60 ? [0, 0, 255] : [220, shade, 20], (y * width + x) * 3);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 5/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "5/1 7/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

test("staff upload two photos of a child; the parent sees and downloads them stripped and upright; others get a 404", async ({ browser }) => {
  const dolfijnen = await groupId("Dolfijnen");
  const staff = await signedIn(browser, STAFF);
  await staff.goto(`/nl/staff/groups/${dolfijnen}/photos/new`);
  await expect(staff.getByRole("heading", { level: 1, name: t("nl", "Photos.upload.title") })).toBeVisible();
  await expectAccessible(staff);

  const files = [`e2e-${MARK}-a.jpg`, `e2e-${MARK}-b.jpg`];
  const input = staff.getByLabel(t("nl", "Photos.upload.files"), { exact: true });
  await input.setInputFiles([
    { name: files[0]!, mimeType: "image/jpeg", buffer: await exifJpeg(40) },
    { name: files[1]!, mimeType: "image/jpeg", buffer: await exifJpeg(90) },
  ]);
  await staff.getByRole("checkbox", { name: /Noor de Boer/ }).check();
  await staff.getByRole("button", { name: t("nl", "Photos.upload.submit") }).click();

  for (const name of files) {
    const item = staff.locator("[data-upload-item]").filter({ hasText: name });
    await expect(item).toHaveAttribute("data-status", "done", { timeout: 20_000 });
    await expect(item).toContainText(t("nl", "Photos.upload.status.done"));
    await expect(item.getByRole("progressbar", { name: t("nl", "Photos.upload.progressLabel").replace("{name}", name) })).toHaveAttribute("value", "100");
  }
  await expectAccessible(staff);

  const photos = await query<{ id: string; sha256: string; originalName: string }>(
    `SELECT id, sha256, "originalName" FROM "Photo" WHERE "originalName" = ANY($1) ORDER BY "originalName"`,
    [files],
  );
  expect(photos).toHaveLength(2);

  // The parent: "Mijn kind" shows them; full screen; download of the original.
  const parent = await signedIn(browser, PARENT);
  await parent.goto("/nl");
  const thumb = parent.locator(`img[src*="/api/photos/${photos[0]!.id}/"]`).first();
  await expect(thumb).toBeVisible();
  await expect(parent.locator(`img[src*="/api/photos/${photos[1]!.id}/"]`).first()).toBeVisible();
  await thumb.click();
  const dialog = parent.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const [download] = await Promise.all([parent.waitForEvent("download"), dialog.getByRole("link", { name: t("nl", "Viewer.downloadCurrent") }).click()]);
  const bytes = await readFile((await download.path())!);
  const meta = await sharp(bytes).metadata();
  expect(meta.format).toBe("jpeg");
  expect([meta.width, meta.height]).toEqual([200, 300]); // upright
  expect(meta.exif).toBeUndefined(); // no GPS, no EXIF at all
  expect(meta.orientation).toBeUndefined();
  expect(bytes.includes(Buffer.from("TestCam"))).toBe(false);
  // The stored left edge (blue) is now on top.
  // (stats() reads its input, not the pipeline: extract first.)
  const region = async (top: number) => sharp(await sharp(bytes).extract({ left: 0, top, width: 200, height: 40 }).toBuffer()).stats();
  const top = await region(0);
  const bottom = await region(260);
  expect(top.channels[2]!.mean).toBeGreaterThan(200);
  expect(top.channels[0]!.mean).toBeLessThan(50);
  expect(bottom.channels[0]!.mean).toBeGreaterThan(180);

  // Another family: 404 for the same URL (thumbnail and original).
  const other = await signedIn(browser, OTHER_PARENT);
  const url = `/api/photos/${photos[0]!.id}/original?v=${photos[0]!.sha256.slice(0, 16)}&download=1`;
  expect((await parent.request.get(url)).status()).toBe(200);
  expect((await other.request.get(url)).status()).toBe(404);
  expect((await other.request.get(`/api/photos/${photos[0]!.id}/w320?v=${photos[0]!.sha256.slice(0, 16)}`)).status()).toBe(404);
});

test("a child without photo consent cannot be tagged, and an SVG is refused with a translated error", async ({ browser }) => {
  const vlinders = await groupId("Vlinders");
  const [mila] = await query<{ id: string }>(`SELECT id FROM "Child" WHERE "firstName" = 'Mila'`);
  const staff = await signedIn(browser, VLINDERS_STAFF);
  await staff.goto(`/nl/staff/groups/${vlinders}/photos/new`);
  const milaBox = staff.getByRole("checkbox", { name: /Mila/ });
  await expect(milaBox).toBeDisabled();
  await expect(milaBox).toHaveAccessibleDescription(t("nl", "Photos.upload.noConsent"));
  await expectAccessible(staff);

  // The server refuses it too, whatever the form shows.
  const q = new URLSearchParams({ groupId: vlinders, child: mila!.id, audience: "TAGGED", clientKey: randomUUID(), batchId: randomUUID() });
  const refused = await staff.request.post(`/api/photos/upload?${q}`, { headers: { "content-type": "application/octet-stream" }, data: await exifJpeg(10) });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ ok: false, code: "Photos.errors.noPhotoConsent", values: { name: "Mila" } });

  // The server refuses an SVG whatever the form does …
  const svgBytes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
  const svgQuery = new URLSearchParams({ groupId: vlinders, audience: "TAGGED", clientKey: randomUUID(), batchId: randomUUID() });
  const svgRefused = await staff.request.post(`/api/photos/upload?${svgQuery}`, { headers: { "content-type": "application/octet-stream" }, data: svgBytes });
  expect(svgRefused.status()).toBe(422);
  expect(await svgRefused.json()).toMatchObject({ ok: false, code: "Photos.errors.unsupportedType" });

  // … and the form says so as soon as it is chosen, without sending it; it can only be removed.
  const svg = `e2e-${MARK}.svg`;
  const input = staff.getByLabel(t("nl", "Photos.upload.files"), { exact: true });
  await input.setInputFiles({ name: svg, mimeType: "image/svg+xml", buffer: svgBytes });
  const item = staff.locator("[data-upload-item]").filter({ hasText: svg });
  await expect(item).toHaveAttribute("data-status", "error");
  await expect(item).toContainText(t("nl", "Photos.errors.unsupportedType"));
  await expect(item.getByRole("button", { name: t("nl", "Photos.upload.retry") })).toHaveCount(0);
  await staff.getByRole("button", { name: t("nl", "Photos.upload.submit") }).click();
  await expect(staff.getByRole("main").getByRole("alert")).toHaveText(t("nl", "Photos.upload.removeInvalid"));
  await expectAccessible(staff);
  await item.getByRole("button", { name: t("nl", "Photos.upload.removeFile").replace("{name}", svg) }).click();
  await expect(item).toHaveCount(0);
  await expect(input).toBeFocused();
  const [stored] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Photo" WHERE "originalName" = $1`, [svg]);
  expect(stored!.n).toBe(0);

  // No photos in Mila's daily report either: the form says why before anything is written.
  await staff.goto(`/nl/staff/diary/new?group=${vlinders}&child=${mila!.id}`);
  const picker = staff.getByLabel(t("nl", "Diary.photos.label"), { exact: true });
  await expect(picker).toBeDisabled();
  await expect(picker).toHaveAccessibleDescription(new RegExp(t("nl", "Diary.photos.noConsent").replace("{name}", "Mila").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expectAccessible(staff);
});

/** A portrait JPEG (portrait, so the photo-viewer spec, which looks for landscape galleries, leaves it alone). */
async function portraitJpeg(shade: number): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 300, channels: 3, background: { r: 200, g: shade, b: 40 } } })
    .jpeg()
    .toBuffer();
}

test("a parent writes a diary entry with photos in one go; failed files are tried again or left out, never a second entry", async ({ browser }) => {
  const [noor] = await query<{ id: string }>(`SELECT id FROM "Child" WHERE "firstName" = 'Noor'`);
  const text = `Noor wilde vanochtend haar nieuwe laarzen aan. ${MARK}`;
  const good = `e2e-${MARK}-laarzen.jpg`;
  const flaky = `e2e-${MARK}-trap.jpg`;
  const broken = `e2e-${MARK}-kapot.jpg`;
  const whole = await portraitJpeg(90);
  const parent = await signedIn(browser, PARENT);
  await parent.goto(`/nl/diary/new?child=${noor!.id}`);
  const main = parent.getByRole("main");
  await main.getByLabel(t("nl", "Diary.body")).fill(text);
  await main.getByLabel(t("nl", "Diary.photos.label"), { exact: true }).setInputFiles([
    { name: good, mimeType: "image/jpeg", buffer: whole },
    { name: flaky, mimeType: "image/jpeg", buffer: await portraitJpeg(180) },
    // Looks like a JPEG to the browser; only the server finds out that half of it is missing.
    { name: broken, mimeType: "image/jpeg", buffer: whole.subarray(0, Math.floor(whole.length / 2)) },
  ]);
  // The connection drops while the first attempt of one file is on its way (the server never sees it).
  let dropped = 0;
  await parent.route("**/api/photos/upload?**", async (route) => {
    if (new URL(route.request().url()).searchParams.get("name") === flaky && dropped++ === 0) return route.abort("connectionreset");
    return route.continue();
  });
  await main.getByRole("button", { name: t("nl", "Diary.submit") }).click();

  // The entry is saved; the two failed files say why, with a retry each.
  const alert = main.getByRole("alert").filter({ hasText: t("nl", "Diary.photos.partialTitle") });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText("2 bestanden konden niet worden geüpload");
  await expect(parent).toHaveURL(/\/nl\/diary\/new\?child=/);
  const item = (name: string) => main.locator("[data-upload-item]").filter({ hasText: name });
  await expect(item(good)).toHaveAttribute("data-status", "done");
  await expect(item(broken)).toHaveAttribute("data-status", "error");
  await expect(item(broken)).toContainText(t("nl", "Photos.errors.corrupt"));
  await expect(item(flaky)).toHaveAttribute("data-status", "error");
  await expect(item(flaky)).toContainText(t("nl", "Photos.upload.networkError"));
  await expect(main.getByLabel(t("nl", "Diary.body"))).toBeDisabled();
  await expectAccessible(parent);
  const entries = () => query<{ id: string }>(`SELECT id FROM "DiaryEntry" WHERE body = $1`, [text]);
  expect(await entries()).toHaveLength(1);
  const entryId = (await entries())[0]!.id;
  const photoNames = async () =>
    (await query<{ originalName: string }>(`SELECT "originalName" FROM "Photo" WHERE "diaryEntryId" = $1 ORDER BY "originalName"`, [entryId])).map((r) => r.originalName);
  expect(await photoNames()).toEqual([good]);

  // A retry of the cut-off file goes through; the broken one still fails. Still one entry, no duplicates.
  await item(flaky).getByRole("button", { name: t("nl", "Photos.upload.retry") }).click();
  await expect(item(flaky)).toHaveAttribute("data-status", "done");
  await main.getByRole("button", { name: t("nl", "Diary.photos.retryAll") }).click();
  await expect(item(broken)).toHaveAttribute("data-status", "error");
  await expect(alert).toContainText("1 bestand kon niet worden geüpload");
  expect(await entries()).toHaveLength(1);
  expect(await photoNames()).toEqual([flaky, good].sort());

  // Left out: on to the entry, which shows the two photos.
  await main.getByRole("button", { name: t("nl", "Diary.photos.continueWithout") }).click();
  await expect(parent).toHaveURL(new RegExp(`/nl/diary/${entryId}\\?written=1$`));
  await expect(main).toContainText(text);
  const shown = await query<{ id: string }>(`SELECT id FROM "Photo" WHERE "diaryEntryId" = $1`, [entryId]);
  for (const photo of shown) await expect(main.locator(`img[src*="/api/photos/${photo.id}/"]`).first()).toBeVisible();
});

test("the diary form takes videos only where the organisation enables them", async ({ browser }) => {
  const setVideo = (enabled: boolean) =>
    query(
      `UPDATE "OrganisationPolicy" SET "videoInDiaryEnabled" = $1
        WHERE "organisationId" = (SELECT f."organisationId" FROM "Family" f JOIN "Child" c ON c."familyId" = f.id WHERE c."firstName" = 'Noor' LIMIT 1)`,
      [enabled],
    );
  // The browser goes by the name and type; the bytes are only checked by the server, and this is not sent.
  const clip = { name: `e2e-${MARK}-clip.webm`, mimeType: "video/webm", buffer: Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]) };
  const parent = await signedIn(browser, PARENT);
  try {
    await setVideo(true);
    await parent.goto("/nl/diary/new");
    const picker = parent.getByLabel(t("nl", "Diary.photos.labelWithVideos"), { exact: true });
    await expect(picker).toHaveAttribute("accept", /video\/webm/);
    await expect(picker).toHaveAccessibleDescription(/MP4/);
    await picker.setInputFiles(clip);
    await expect(parent.locator("[data-upload-item]").filter({ hasText: clip.name })).toHaveAttribute("data-status", "ready");
    await expectAccessible(parent);
  } finally {
    await setVideo(false);
  }
  await parent.goto("/nl/diary/new");
  const picker = parent.getByLabel(t("nl", "Diary.photos.label"), { exact: true });
  await expect(picker).not.toHaveAttribute("accept", /video/);
  await picker.setInputFiles(clip);
  const refused = parent.locator("[data-upload-item]").filter({ hasText: clip.name });
  await expect(refused).toHaveAttribute("data-status", "error");
  await expect(refused).toContainText(t("nl", "Photos.errors.videoNotAllowed"));
});
