import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { weekdayDate } from "./dates";
import { expectAccessible, query, t, tPattern, type Locale } from "./support";
import { entryHeading, expectPagingWithoutJavaScript, insertOldEntries, loadMoreByKeyboard, loadUntilEnd, signedIn, timelineItems as items } from "./timeline-support";

// Staff read the diary of the children of their groups (issue 4: "staff of the group see a group's
// photos and entries open in full"), against the demo data: Sanne de Vries (staff of the Dolfijnen:
// Noor and Tess) opens her group and its timeline, a child's diary and photos, an entry in full, a
// photo full screen, and adds a photo to the entry; the timelines load more in place and without
// JavaScript. Another group's child or entry (Zeynep, Zeesterren) is a 404 for her, and the other way
// round; a parent on a staff URL goes to their own home.
const STAFF = "medewerker@demo.ouderportaal.nl"; // Sanne de Vries, Dolfijnen
const OTHER_STAFF = "pm.zeesterren@demo.ouderportaal.nl"; // Fatima El Amrani, Zeesterren
const PARENT = "ouder@demo.ouderportaal.nl"; // Laura de Boer: Noor (Dolfijnen)

async function childId(firstName: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "Child" WHERE "firstName" = $1`, [firstName]);
  if (!row) throw new Error(`no child ${firstName}`);
  return row.id;
}

async function groupId(name: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "Group" WHERE name = $1`, [name]);
  if (!row) throw new Error(`no group ${name}`);
  return row.id;
}

/** The newest entry of the child with at least one photo attached (the demo attaches photos to recent entries). */
async function entryWithPhoto(child: string) {
  const [row] = await query<{ id: string; body: string; date: string; photos: number }>(
    `SELECT e.id, e.body, to_char(e.date, 'YYYY-MM-DD') AS date, count(p.id)::int AS photos
       FROM "DiaryEntry" e JOIN "Photo" p ON p."diaryEntryId" = e.id AND p.kind = 'PHOTO'
      WHERE e."childId" = $1 GROUP BY e.id ORDER BY e."createdAt" DESC LIMIT 1`,
    [child],
  );
  if (!row) throw new Error("no entry with a photo");
  return row;
}

const photosHeading = (locale: Locale, group: string) => t(locale, "Timeline.photosTitle").replace("{group}", group);
const readMore = (locale: Locale) => new RegExp(`^${t(locale, "Timeline.readMore")}`);

// Old entries of Tess (a month back, so at the end of her timeline and the group's) that make both long
// enough to page through: 25 + the demo's own items are more than one page of 20.
const MARK = `E2E-staff-${randomUUID().slice(0, 8)}`;
const OLD_ENTRIES = 25;

test.beforeAll(async () => {
  await insertOldEntries(await childId("Tess"), STAFF, { daysAgo: 30, count: OLD_ENTRIES, mark: MARK });
});

test.afterAll(async () => {
  await query(`DELETE FROM "Photo" WHERE "originalName" LIKE $1`, [`${MARK}%`]);
  await query(`DELETE FROM "DiaryEntry" WHERE body LIKE $1`, [`${MARK} %`]);
});

for (const locale of ["nl", "en"] as Locale[]) {
  test(`staff open their group, a child's diary and photos, an entry in full and a photo full screen (${locale})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const [noor, dolfijnen] = [await childId("Noor"), await groupId("Dolfijnen")];
    const page = await signedIn(browser, locale, STAFF);
    const main = page.getByRole("main");

    // The group: its children link to their diary; its timeline has the group's entries and photos only.
    await main.getByRole("link", { name: "Dolfijnen" }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/groups/${dolfijnen}$`));
    await expect(main.getByRole("heading", { level: 2, name: t(locale, "StaffGroup.timelineHeading") })).toBeVisible();
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Noor") }).first()).toBeVisible();
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Tess") }).first()).toBeVisible();
    await expect(main.getByRole("heading", { level: 3, name: photosHeading(locale, "Dolfijnen") }).first()).toBeVisible();
    for (const other of ["Zeynep", "Lucas", "Sem"]) await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, other) })).toHaveCount(0);
    await expect(main.getByRole("heading", { level: 3, name: photosHeading(locale, "Zeesterren") })).toHaveCount(0);
    // "Lees verder" goes to the staff entry page, not the parents' one.
    for (const href of await main.getByRole("link", { name: readMore(locale) }).evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      expect(href).toMatch(new RegExp(`^/${locale}/staff/diary/[0-9a-f-]{36}$`));
    }
    await expectAccessible(page);

    // The child: quick links, the child's entries and photos.
    await main.getByRole("link", { name: new RegExp(`^Noor de Boer`) }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/children/${noor}$`));
    await expect(main.getByRole("heading", { level: 1, name: "Noor de Boer" })).toBeVisible();
    await expect(page).toHaveTitle(/Noor de Boer/);
    await expect(main.getByRole("link", { name: t(locale, "StaffDiary.writeDiary") })).toHaveAttribute(
      "href",
      `/${locale}/staff/diary/new?group=${dolfijnen}&child=${noor}`,
    );
    await expect(main.getByRole("link", { name: t(locale, "StaffDiary.uploadPhotos").replace("{group}", "Dolfijnen") })).toHaveAttribute(
      "href",
      `/${locale}/staff/groups/${dolfijnen}/photos/new`,
    );
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Noor") }).first()).toBeVisible();
    await expect(main.getByRole("heading", { level: 3, name: entryHeading(locale, "Tess") })).toHaveCount(0);
    await expect(main.getByRole("heading", { level: 3, name: photosHeading(locale, "Dolfijnen") }).first()).toBeVisible();
    const thumb = main.locator("[data-timeline-item] img").first();
    await thumb.scrollIntoViewIfNeeded();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(page);

    // The quick link opens the diary form with Noor chosen.
    await main.getByRole("link", { name: t(locale, "StaffDiary.writeDiary") }).click();
    await expect(main.getByLabel(t(locale, "Diary.child"))).toHaveValue(noor);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/children/${noor}$`));

    // An entry in full: text, author, day, its photos.
    const entry = await entryWithPhoto(noor);
    const card = items(page).filter({ has: page.locator(`a[href="/${locale}/staff/diary/${entry.id}"]`) });
    await card.getByRole("link", { name: readMore(locale) }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/diary/${entry.id}$`));
    await expect(main.getByRole("heading", { level: 1 })).toHaveText(entryHeading(locale, "Noor"));
    await expect(page).toHaveTitle(new RegExp(entryHeading(locale, "Noor")));
    await expect(main).toContainText(entry.body);
    await expect(main).toContainText(weekdayDate(entry.date, locale));
    const gallery = main.getByRole("list", {
      name: t(locale, "Timeline.entryGalleryLabel").replace("{name}", "Noor").replace("{date}", weekdayDate(entry.date, locale)),
    });
    const thumbs = gallery.getByRole("button", { name: tPattern(locale, "Viewer.openPhoto") });
    await expect(thumbs).toHaveCount(entry.photos);
    await expectAccessible(page);

    // Full screen: the large variant, really loaded; Escape returns to the thumbnail.
    await thumbs.first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    const image = dialog.getByTestId("photo-viewer-image");
    await expect(image).toHaveAttribute("src", /\/w1280\?v=/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(thumbs.first()).toBeFocused();

    // Staff of the group add a photo to the entry (the upload route lets them: lib/db/photo-upload.ts).
    const name = `${MARK}-${locale}.jpg`;
    const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 40, g: 140, b: 200 } } }).jpeg().toBuffer();
    await main.getByLabel(t(locale, "Photos.upload.files"), { exact: true }).setInputFiles({ name, mimeType: "image/jpeg", buffer: jpeg });
    await main.getByRole("button", { name: t(locale, "Photos.upload.submit") }).click();
    await expect(main.locator("[data-upload-item]").filter({ hasText: name })).toHaveAttribute("data-status", "done", { timeout: 20_000 });
    const [added] = await query<{ id: string; diaryEntryId: string }>(`SELECT id, "diaryEntryId" FROM "Photo" WHERE "originalName" = $1`, [name]);
    expect(added?.diaryEntryId).toBe(entry.id);
    await page.reload();
    await expect(thumbs).toHaveCount(entry.photos + 1);
    await expect(gallery.locator(`img[src*="/api/photos/${added!.id}/"]`)).toBeVisible();

    await main.getByRole("link", { name: t(locale, "StaffDiary.backToChild").replace("{name}", "Noor de Boer") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/children/${noor}$`));
    await page.context().close();
  });

  test(`a staff timeline loads more when scrolled and with "Meer laden", also without JavaScript (${locale})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const [tess, dolfijnen] = [await childId("Tess"), await groupId("Dolfijnen")];
    const page = await signedIn(browser, locale, STAFF);
    await page.goto(`/${locale}/staff/children/${tess}`);
    await expect(items(page)).toHaveCount(20);
    const more = page.getByRole("link", { name: t(locale, "Timeline.loadMore") });
    expect(await more.getAttribute("href")).toMatch(new RegExp(`^/${locale}/staff/children/${tess}\\?after=[^&]+$`));

    // "Meer laden" loads the next page in place (the staff action) and focuses its first item.
    await loadMoreByKeyboard(page, locale, `/${locale}/staff/children/${tess}`);
    await loadUntilEnd(page, locale, "scroll");
    const bodies = await items(page).filter({ hasText: MARK }).allTextContents();
    expect(bodies).toHaveLength(OLD_ENTRIES);
    expect(bodies.at(-1)).toContain(`${MARK} ${OLD_ENTRIES}`);
    // Only Tess, and every "Lees verder" to the staff entry page.
    await expect(page.getByRole("main").getByRole("heading", { level: 3, name: entryHeading(locale, "Noor") })).toHaveCount(0);
    for (const href of await page.getByRole("main").getByRole("link", { name: readMore(locale) }).evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      expect(href).toMatch(new RegExp(`^/${locale}/staff/diary/[0-9a-f-]{36}$`));
    }
    await expectAccessible(page);

    // The group's timeline pages on through the group (the action with the group id) to the same old entries.
    await page.goto(`/${locale}/staff/groups/${dolfijnen}`);
    await expect(items(page)).toHaveCount(20);
    await loadUntilEnd(page, locale, "click");
    expect(await items(page).filter({ hasText: MARK }).count()).toBe(OLD_ENTRIES);
    const keys = await page.getByRole("main").locator("li[data-key]").evaluateAll((els) => els.map((el) => el.getAttribute("data-key")));
    expect(new Set(keys).size).toBe(keys.length);
    await expect(page.getByRole("main").getByRole("heading", { level: 3, name: entryHeading(locale, "Zeynep") })).toHaveCount(0);

    // Without JavaScript "Meer laden" is a link to the next page of this very page.
    await expectPagingWithoutJavaScript(browser, page, locale, `/${locale}/staff/children/${tess}`, MARK);
    await page.context().close();
  });
}

test("another group's child or entry is a 404 for staff; a parent on a staff page goes home", async ({ browser }) => {
  const [noor, zeynep] = [await childId("Noor"), await childId("Zeynep")];
  const [zeynepEntry] = await query<{ id: string; body: string }>(`SELECT id, body FROM "DiaryEntry" WHERE "childId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [zeynep]);
  const noorEntry = await entryWithPhoto(noor);

  const sanne = await signedIn(browser, "nl", STAFF);
  for (const url of [`/nl/staff/children/${zeynep}`, `/nl/staff/diary/${zeynepEntry!.id}`, `/nl/staff/children/${randomUUID()}`, "/nl/staff/diary/not-an-id"]) {
    const response = await sanne.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(sanne.getByRole("heading", { level: 1, name: t("nl", "NotFound.title") })).toBeVisible();
    await expect(sanne).toHaveTitle(new RegExp(t("nl", "NotFound.title")));
    await expect(sanne.getByRole("main")).not.toContainText(zeynepEntry!.body);
  }
  await expectAccessible(sanne);
  await sanne.context().close();

  const fatima = await signedIn(browser, "en", OTHER_STAFF);
  for (const url of [`/en/staff/children/${noor}`, `/en/staff/diary/${noorEntry.id}`]) {
    const response = await fatima.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(fatima.getByRole("main")).not.toContainText(noorEntry.body);
  }
  // Her own child and entry open.
  expect((await fatima.goto(`/en/staff/children/${zeynep}`))?.status()).toBe(200);
  expect((await fatima.goto(`/en/staff/diary/${zeynepEntry!.id}`))?.status()).toBe(200);
  await expect(fatima.getByRole("main")).toContainText(zeynepEntry!.body);
  await fatima.context().close();

  const parent = await signedIn(browser, "nl", PARENT);
  await parent.goto(`/nl/staff/children/${noor}`);
  await expect(parent).toHaveURL(/\/nl$/);
  await parent.goto(`/nl/staff/diary/${noorEntry.id}`);
  await expect(parent).toHaveURL(/\/nl$/);
  await parent.context().close();
});
