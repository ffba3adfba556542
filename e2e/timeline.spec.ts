import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { longDate } from "./dates";
import { expectAccessible, query, t, type Locale } from "./support";
import { entryHeading, expectPagingWithoutJavaScript, insertOldEntries, loadMoreByKeyboard, loadUntilEnd, signedIn, timelineItems as items } from "./timeline-support";

// "Mijn kind" (seed 002 §3) against the demo data: the De Boer family (Noor in the Dolfijnen, Sem in
// the Avonturiers) has diary entries and photos of the last days. Parents see the timeline, filter
// per child, load more by scrolling and with "Meer laden" (also without JavaScript), open an entry;
// staff write a daily report with photos in one go (a file the form refuses is removed first) and the
// parents see it with its photos and are told; a parent writes an entry with a photo in one go (a double
// click is one entry, one photo); another family gets a 404 for the entry's URL.
const PARENT = "ouder@demo.ouderportaal.nl";
const STAFF = "medewerker@demo.ouderportaal.nl"; // Sanne de Vries, Dolfijnen
const OTHER_PARENT = "flex@demo.ouderportaal.nl"; // Kim Mulder: another family

async function childOf(email: string, firstName: string) {
  const [row] = await query<{ id: string; firstName: string; lastName: string }>(
    `SELECT c.id, c."firstName", c."lastName" FROM "Child" c
       JOIN "Guardian" g ON g."familyId" = c."familyId" JOIN "User" u ON u.id = g."userId"
      WHERE u.email = $1 AND c."firstName" = $2`,
    [email, firstName],
  );
  if (!row) throw new Error(`no child ${firstName} of ${email}`);
  return row;
}

const fill = (locale: Locale, key: string, values: Record<string, string>) => t(locale, key).replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
const MARK = randomUUID().slice(0, 8);

/** A small portrait JPEG (portrait, so the photo-viewer spec, which looks for landscape galleries, leaves it alone). */
async function portraitJpeg(shade: number): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 300, channels: 3, background: { r: 40, g: shade, b: 150 } } })
    .jpeg()
    .toBuffer();
}

async function entryPhotos(entryId: string) {
  return query<{ id: string; originalName: string }>(`SELECT id, "originalName" FROM "Photo" WHERE "diaryEntryId" = $1 ORDER BY "originalName"`, [entryId]);
}

/** The photo really loaded on the page (served by the photo route). */
async function expectPhotoShown(page: Page, photoId: string) {
  const img = page.getByRole("main").locator(`img[src*="/api/photos/${photoId}/"]`).first();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
}

// Old entries (three weeks back, so at the end of the timeline) that make the timeline long enough
// to page through: 45 entries + the demo's own items are more than three pages of 20.
const SCROLL_MARK = `E2E-scroll-${randomUUID().slice(0, 8)}`;
const SCROLL_ENTRIES = 45;

test.beforeAll(async () => {
  await insertOldEntries((await childOf(PARENT, "Noor")).id, STAFF, { daysAgo: 21, count: SCROLL_ENTRIES, mark: SCROLL_MARK });
});

test.afterAll(async () => {
  await query(`DELETE FROM "DiaryEntry" WHERE body LIKE $1`, [`${SCROLL_MARK} %`]);
});

for (const locale of ["nl", "en"] as Locale[]) {
  test(`a parent sees diary entries and photos, filters per child and opens an entry (${locale})`, async ({ browser }) => {
    const page = await signedIn(browser, locale, PARENT);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2, name: t(locale, "ParentHome.timelineHeading") })).toBeVisible();
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Noor") }).first()).toBeVisible();
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Sem") }).first()).toBeVisible();
    const dolfijnenPhotos = main.getByRole("heading", { level: 3, name: t(locale, "Timeline.photosTitle").replace("{group}", "Dolfijnen") }).first();
    await expect(dolfijnenPhotos).toBeVisible();
    // The thumbnails are real images, served by the photo route.
    const thumb = main.locator("[data-timeline-item] img").first();
    await thumb.scrollIntoViewIfNeeded();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // Under every photo a link downloads the original.
    await expect(main.locator("[data-timeline-item] a[download]").first()).toHaveAttribute("href", /\/api\/photos\/[0-9a-f-]{36}\/original\?v=[0-9a-f]{16}&download=1$/);
    await expectAccessible(page);

    // The three quick actions.
    await expect(main.getByRole("link", { name: t(locale, "ParentHome.writeDiary") })).toHaveAttribute("href", `/${locale}/diary/new`);
    await expect(main.getByRole("link", { name: t(locale, "ParentHome.writeMessage") })).toHaveAttribute("href", `/${locale}/messages/new`);
    await expect(main.getByRole("link", { name: t(locale, "ParentHome.reportAbsence") })).toHaveAttribute("href", `/${locale}/agenda/absence`);

    // Filter on Sem: only his entries; back to all children.
    const sem = await childOf(PARENT, "Sem");
    const filter = main.getByRole("navigation", { name: t(locale, "Timeline.filterLabel") });
    await filter.getByRole("link", { name: "Sem", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}\\?child=${sem.id}$`));
    await expect(filter.getByRole("link", { name: "Sem", exact: true })).toHaveAttribute("aria-current", "true");
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Sem") }).first()).toBeVisible();
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Noor") })).toHaveCount(0);
    await expect(main.getByRole("heading", { level: 3, name: t(locale, "Timeline.photosTitle").replace("{group}", "Dolfijnen") })).toHaveCount(0);
    await expect(main.getByRole("link", { name: t(locale, "ParentHome.writeDiary") })).toHaveAttribute("href", `/${locale}/diary/new?child=${sem.id}`);
    await filter.getByRole("link", { name: t(locale, "Timeline.allChildren") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Noor") }).first()).toBeVisible();

    // "Lees verder" opens the whole entry.
    const first = items(page).filter({ has: page.getByRole("link", { name: new RegExp(`^${t(locale, "Timeline.readMore")}`) }) }).first();
    const title = await first.getByRole("heading", { level: 3 }).textContent();
    await first.getByRole("link", { name: new RegExp(`^${t(locale, "Timeline.readMore")}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/diary/[0-9a-f-]{36}$`));
    const entryId = page.url().split("/").pop()!;
    const [row] = await query<{ body: string }>(`SELECT body FROM "DiaryEntry" WHERE id = $1`, [entryId]);
    await expect(main.getByRole("heading", { level: 1 })).toHaveText(title!);
    await expect(main).toContainText(row!.body);
    await expectAccessible(page);
    await main.getByRole("link", { name: t(locale, "Timeline.backToTimeline") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    await page.context().close();
  });

  test(`the timeline loads more when scrolled and with "Meer laden", also without JavaScript (${locale})`, async ({ browser }) => {
    const page = await signedIn(browser, locale, PARENT);
    await expect(items(page)).toHaveCount(20);
    const more = page.getByRole("link", { name: t(locale, "Timeline.loadMore") });
    const href = await more.getAttribute("href");
    expect(href).toMatch(new RegExp(`^/${locale}\\?after=`));

    // Keyboard: "Meer laden" loads the next page in place and puts focus on its first item.
    await loadMoreByKeyboard(page, locale, `/${locale}`);

    // Scrolling loads the rest, until the end.
    await loadUntilEnd(page, locale, "scroll");
    await expect(more).toHaveCount(0);
    // Every old entry exactly once, oldest last.
    const bodies = await items(page).filter({ hasText: SCROLL_MARK }).allTextContents();
    expect(bodies).toHaveLength(SCROLL_ENTRIES);
    expect(bodies.at(-1)).toContain(`${SCROLL_MARK} ${SCROLL_ENTRIES}`);
    const keys = await page.getByRole("main").locator("li[data-key]").evaluateAll((els) => els.map((el) => el.getAttribute("data-key")));
    expect(new Set(keys).size).toBe(keys.length);
    await expectAccessible(page);

    // Without JavaScript "Meer laden" is a link to the next page.
    await expectPagingWithoutJavaScript(browser, page, locale, `/${locale}`);
    await page.context().close();
  });

  test(`staff write a daily report with photos for a child of their group; the parent sees it and is told (${locale})`, async ({ browser }) => {
    const noor = await childOf(PARENT, "Noor");
    const text = `${locale === "nl" ? "Noor heeft vandaag met de blokken een toren gebouwd." : "Noor built a tower of blocks today."} ${randomUUID().slice(0, 8)}`;
    const files = [`e2e-${MARK}-${locale}-toren-1.jpg`, `e2e-${MARK}-${locale}-toren-2.jpg`];
    const svg = `e2e-${MARK}-${locale}-tekening.svg`;

    const staff = await signedIn(browser, locale, STAFF);
    await staff.getByRole("main").getByRole("link", { name: "Dolfijnen" }).click();
    await staff.getByRole("link", { name: t(locale, "Diary.groupAction") }).click();
    await expect(staff).toHaveURL(new RegExp(`/${locale}/staff/diary/new\\?group=`));
    const form = staff.getByRole("main");
    await expect(form.getByRole("heading", { level: 1, name: t(locale, "Diary.staffTitle") })).toBeVisible();
    await expectAccessible(staff);
    // Nothing written yet: the form says what is missing.
    const submit = form.getByRole("button", { name: t(locale, "Diary.submit") });
    await submit.click();
    await expect(form.getByText(t(locale, "Diary.validation.bodyRequired"))).toBeVisible();
    await form.getByLabel(t(locale, "Diary.child")).selectOption(noor.id);
    await form.getByLabel(t(locale, "Diary.body")).fill(text);

    // The photos go in the same form: each listed with a preview; a drawing in SVG is refused at once.
    const picker = form.getByLabel(t(locale, "Diary.photos.label"), { exact: true });
    await expect(picker).toHaveAttribute("accept", /image\/jpeg/);
    await expect(picker).not.toHaveAttribute("accept", /video/);
    await picker.setInputFiles([
      { name: files[0]!, mimeType: "image/jpeg", buffer: await portraitJpeg(60) },
      { name: files[1]!, mimeType: "image/jpeg", buffer: await portraitJpeg(140) },
      { name: svg, mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>') },
    ]);
    const list = form.getByRole("list", { name: t(locale, "Photos.upload.fileListLabel") });
    await expect(list.locator("[data-upload-item]")).toHaveCount(3);
    const preview = list.locator("[data-upload-item]").filter({ hasText: files[0]! }).locator("img[data-upload-preview]");
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(200);
    const refused = list.locator("[data-upload-item]").filter({ hasText: svg });
    await expect(refused).toHaveAttribute("data-status", "error");
    await expect(refused).toContainText(t(locale, "Photos.errors.unsupportedType"));
    await expectAccessible(staff);

    // It has to go before anything is saved.
    await submit.click();
    await expect(form.getByText(t(locale, "Diary.photos.removeInvalid"))).toBeVisible();
    const [none] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "DiaryEntry" WHERE body = $1`, [text]);
    expect(none!.n).toBe(0);
    // Removed by keyboard; the focus goes on to the remaining file's button. Touch targets are 44 px.
    const removeSvg = form.getByRole("button", { name: fill(locale, "Photos.upload.removeFile", { name: svg }) });
    expect((await removeSvg.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await removeSvg.focus();
    await staff.keyboard.press("Enter");
    await expect(refused).toHaveCount(0);
    await expect(form.getByRole("button", { name: fill(locale, "Photos.upload.removeFile", { name: files[1]! }) })).toBeFocused();

    await submit.click();
    const media = locale === "nl" ? "2 foto's" : "2 photos";
    await expect(form.getByRole("status").filter({ hasText: fill(locale, "Diary.photos.savedWith", { name: "Noor", media }) })).toBeVisible({ timeout: 20_000 });
    // Emptied for the next child.
    await expect(form.getByLabel(t(locale, "Diary.body"))).toHaveValue("");
    await expect(form.locator("[data-upload-item]")).toHaveCount(0);
    await expect(picker).toBeEnabled();
    const [entry] = await query<{ id: string; date: string }>(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date FROM "DiaryEntry" WHERE body = $1`,
      [text],
    );
    expect(entry).toBeTruthy();
    const photos = await entryPhotos(entry!.id);
    expect(photos.map((p) => p.originalName)).toEqual(files);
    await staff.context().close();

    const parent = await signedIn(browser, locale, PARENT);
    const main = parent.getByRole("main");
    await expect(items(parent).first()).toContainText(text);
    await expect(items(parent).first().getByRole("heading", { level: 3 })).toHaveText(entryHeading(locale, "Noor"));
    // The bell counts it; the list says it and links to the entry.
    const bell = parent.getByRole("link", { name: new RegExp(`^${t(locale, "Notifications.title")}, \\d+ `) });
    await expect(bell).toBeVisible();
    await bell.click();
    const sentence = t(locale, "Notifications.newDiaryEntry").replace("{child}", "Noor").replace("{date}", longDate(entry!.date, locale));
    // Unread at first ("Nieuw: …"); the list marks it read once shown, so either name will do.
    await main.getByRole("link", { name: new RegExp(`${sentence.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).first().click();
    await expect(parent).toHaveURL(new RegExp(`/${locale}/diary/${entry!.id}$`));
    await expect(main).toContainText(text);
    // With its photos.
    for (const photo of photos) await expectPhotoShown(parent, photo.id);

    // Another family cannot open it.
    const other = await signedIn(browser, locale, OTHER_PARENT);
    const response = await other.goto(`/${locale}/diary/${entry!.id}`);
    expect(response?.status()).toBe(404);
    await expect(other.getByRole("main")).not.toContainText(text);
    await other.context().close();
    await parent.context().close();
  });

  test(`a parent writes in the diary with a photo in one go; the form says it is not for messages (${locale})`, async ({ browser }) => {
    const sem = await childOf(PARENT, "Sem");
    const text = `${locale === "nl" ? "Sem heeft vannacht slecht geslapen, hij kan wat moe zijn." : "Sem slept badly last night and may be a little tired."} ${randomUUID().slice(0, 8)}`;
    const name = `e2e-${MARK}-${locale}-sem.jpg`;
    const page = await signedIn(browser, locale, PARENT);
    const main = page.getByRole("main");
    await main.getByRole("link", { name: t(locale, "ParentHome.writeDiary") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/diary/new$`));
    await expect(main.getByRole("heading", { level: 1, name: t(locale, "Diary.title") })).toBeVisible();
    await expect(main).toContainText(t(locale, "Diary.notMessages"));
    await expectAccessible(page);
    await main.getByLabel(t(locale, "Diary.child")).selectOption(sem.id);
    await main.getByLabel(t(locale, "Diary.body")).fill(text);
    await main.getByLabel(t(locale, "Diary.photos.label"), { exact: true }).setInputFiles({ name, mimeType: "image/jpeg", buffer: await portraitJpeg(200) });
    await expect(main.locator("[data-upload-item]").filter({ hasText: name })).toHaveAttribute("data-status", "ready");
    await expectAccessible(page);
    // A double click is one entry with one photo.
    await main.getByRole("button", { name: t(locale, "Diary.submit") }).dblclick();
    await expect(page).toHaveURL(new RegExp(`/${locale}/diary/[0-9a-f-]{36}\\?written=1$`), { timeout: 20_000 });
    await expect(main.getByRole("status").filter({ hasText: t(locale, "Timeline.entrySaved") })).toBeVisible();
    await expect(main.getByRole("heading", { level: 1 })).toHaveText(entryHeading(locale, "Sem"));
    await expect(main).toContainText(text);
    const [rows] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "DiaryEntry" WHERE body = $1`, [text]);
    expect(rows!.n).toBe(1);
    const entryId = new URL(page.url()).pathname.split("/").pop()!;
    const photos = await entryPhotos(entryId);
    expect(photos.map((p) => p.originalName)).toEqual([name]);
    await expectPhotoShown(page, photos[0]!.id);
    await main.getByRole("link", { name: t(locale, "Timeline.backToTimeline") }).click();
    await expect(items(page).first()).toContainText(text);
    await page.context().close();
  });
}
