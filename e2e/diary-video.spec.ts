import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, logIn, query, t } from "./support";

// Video in a diary entry (OrganisationPolicy.videoInDiaryEnabled): with video on, Noor's parent adds a
// real WebM (recorded in the browser from a canvas: there is no ffmpeg) to an entry; the entry page
// plays it with <video controls preload="metadata" playsinline> (the browser loads its metadata
// through the Range-capable original URL) and offers a download link. Another family gets a 404. With
// video off the same upload is refused with the translated error.
const PARENT = "ouder@demo.ouderportaal.nl"; // De Boer: Noor in the Dolfijnen
const OTHER_PARENT = "flex@demo.ouderportaal.nl"; // Mulder: another family
const MARK = randomUUID().slice(0, 8);

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, "nl", email);
  await expect(page).toHaveURL(/\/nl(\/staff)?$/, { timeout: 15_000 });
  return page;
}

/** Two seconds of a moving square as a WebM, made by the browser's MediaRecorder. */
async function recordWebm(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 120;
    const ctx = canvas.getContext("2d")!;
    const stream = canvas.captureStream(25);
    const recorder = new MediaRecorder(stream, { mimeType: "video/webm" });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(100);
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const draw = () => {
        const t = performance.now() - started;
        ctx.fillStyle = "#fff";
        ctx.fillRect(0, 0, 160, 120);
        ctx.fillStyle = "#c33";
        ctx.fillRect((t / 20) % 140, 40, 20, 20);
        if (t < 2000) requestAnimationFrame(draw);
        else resolve();
      };
      draw();
    });
    recorder.stop();
    await stopped;
    return Array.from(new Uint8Array(await new Blob(chunks, { type: "video/webm" }).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

async function setVideo(enabled: boolean) {
  await query(
    `UPDATE "OrganisationPolicy" SET "videoInDiaryEnabled" = $1
     WHERE "organisationId" = (SELECT f."organisationId" FROM "Family" f JOIN "Child" c ON c."familyId" = f.id WHERE c."firstName" = 'Noor' LIMIT 1)`,
    [enabled],
  );
}

test.afterAll(async () => {
  await setVideo(false);
  // The timeline would keep loading this video's original (preload="metadata"): leave no trace for
  // specs that count the photo requests of the timeline.
  await query(`DELETE FROM "Photo" WHERE "originalName" LIKE $1`, [`e2e-${MARK}%`]);
});

test("with video on, a parent adds a WebM to a diary entry; it plays with seeking and downloads; off, it is refused", async ({ browser }) => {
  const [entry] = await query<{ id: string }>(
    `SELECT d.id FROM "DiaryEntry" d JOIN "Child" c ON c.id = d."childId" WHERE c."firstName" = 'Noor' ORDER BY d."createdAt" DESC LIMIT 1`,
  );
  const parent = await signedIn(browser, PARENT);
  await setVideo(true);
  await parent.goto(`/nl/diary/${entry!.id}`);
  const webm = await recordWebm(parent);
  expect(webm.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe(true);

  const input = parent.getByLabel(t("nl", "Photos.upload.files"), { exact: true });
  await expect(input).toHaveAttribute("accept", /video\/webm/);
  const name = `e2e-${MARK}.webm`;
  await input.setInputFiles({ name, mimeType: "video/webm", buffer: webm });
  await parent.getByRole("button", { name: t("nl", "Photos.upload.submit") }).click();
  const item = parent.locator("[data-upload-item]").filter({ hasText: name });
  await expect(item).toHaveAttribute("data-status", "done", { timeout: 20_000 });

  const [row] = await query<{ id: string; sha256: string; kind: string; mimeType: string }>(
    `SELECT id, sha256, kind, "mimeType" FROM "Photo" WHERE "originalName" = $1`,
    [name],
  );
  expect(row).toMatchObject({ kind: "VIDEO", mimeType: "video/webm" });

  await parent.goto(`/nl/diary/${entry!.id}`);
  const video = parent.locator(`video[src*="/api/photos/${row!.id}/original"]`);
  await expect(video).toBeVisible();
  await expect(video).toHaveAttribute("controls", "");
  await expect(video).toHaveAttribute("preload", "metadata");
  await expect(video).toHaveAttribute("playsinline", "");
  // The browser read the metadata (and the first frame) through the authorised, Range-capable route.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  expect(await video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(160);
  const download = parent.getByRole("link", { name: new RegExp(t("nl", "Videos.download")) }).last();
  await expect(download).toHaveAttribute("href", `/api/photos/${row!.id}/original?v=${row!.sha256.slice(0, 16)}&download=1`);
  await expectAccessible(parent);

  const url = `/api/photos/${row!.id}/original?v=${row!.sha256.slice(0, 16)}`;
  const part = await parent.request.get(url, { headers: { range: "bytes=0-99" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 0-99/${webm.length}`);
  expect((await part.body()).equals(webm.subarray(0, 100))).toBe(true);
  const other = await signedIn(browser, OTHER_PARENT);
  expect((await other.request.get(url, { headers: { range: "bytes=0-99" } })).status()).toBe(404);

  // Video off: refused with the translated error.
  await setVideo(false);
  await parent.goto(`/nl/diary/${entry!.id}`);
  const offName = `e2e-${MARK}-off.webm`;
  await parent.getByLabel(t("nl", "Photos.upload.files"), { exact: true }).setInputFiles({ name: offName, mimeType: "video/webm", buffer: webm });
  await parent.getByRole("button", { name: t("nl", "Photos.upload.submit") }).click();
  const refused = parent.locator("[data-upload-item]").filter({ hasText: offName });
  await expect(refused).toHaveAttribute("data-status", "error");
  await expect(refused).toContainText(t("nl", "Photos.errors.videoNotAllowed"));
});
