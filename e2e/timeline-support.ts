// Helpers for the timeline specs (e2e/timeline.spec.ts for parents, e2e/staff-diary.spec.ts for staff):
// signing in in a context of its own, the timeline's items, and paging on — by keyboard, by scrolling or
// "Meer laden" until the end, and without JavaScript.
import { expect, type Browser, type Page } from "@playwright/test";
import { logIn, query, t, type Locale } from "./support";

/** The timeline shows this many items a page. */
const PAGE_SIZE = 20;

/** A page in a browser context of its own, logged in as `email` and on its home (a parent's or staff's). */
export async function signedIn(browser: Browser, locale: Locale, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, locale, email);
  // The first log-in after the server started may take a while (nothing is warm yet).
  await expect(page).toHaveURL(new RegExp(`/${locale}(/staff)?$`), { timeout: 15_000 });
  return page;
}

/**
 * `count` old diary entries for the child, written by the user with `authorEmail` on the day `daysAgo`
 * days back, with the bodies "<mark> 1" (the newest) to "<mark> <count>", to make a timeline long enough
 * to page through.
 */
export async function insertOldEntries(childId: string, authorEmail: string, { daysAgo, count, mark }: { daysAgo: number; count: number; mark: string }) {
  if (!Number.isInteger(daysAgo) || !Number.isInteger(count)) throw new Error("daysAgo and count are whole numbers");
  const [author] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [authorEmail]);
  await query(
    `INSERT INTO "DiaryEntry" (id, "childId", "authorId", date, body, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, (now() - interval '${daysAgo} days')::date, $3 || ' ' || i,
            now() - interval '${daysAgo} days' - i * interval '1 minute', now()
       FROM generate_series(1, ${count}) AS i`,
    [childId, author!.id, mark],
  );
}

export const timelineItems = (page: Page) => page.getByRole("main").locator("[data-timeline-item]");
export const entryHeading = (locale: Locale, name: string) => t(locale, "Timeline.entryTitle").replace("{name}", name);

/**
 * "Meer laden" by keyboard on the timeline at `path`: the next page loads in place (the URL stays) and its
 * first item has focus. Focusing the link scrolls the sentinel into view, so the page may already be
 * loading (or loaded, and the link gone) when Enter is pressed: the feed focuses the new item either way.
 */
export async function loadMoreByKeyboard(page: Page, locale: Locale, path: string) {
  // Before hydration the link is a plain link to `?after=` (a full page load): wait until the feed is interactive.
  await expect(page.locator('[data-timeline-feed="interactive"]')).toHaveCount(1);
  await page.getByRole("link", { name: t(locale, "Timeline.loadMore") }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  const focused = page.locator("[data-timeline-item]:focus");
  await expect(focused).toHaveCount(1);
  expect(await focused.evaluate((el) => [...document.querySelectorAll("[data-timeline-item]")].indexOf(el))).toBeGreaterThanOrEqual(PAGE_SIZE);
}

/**
 * Loads the next pages, by scrolling to the bottom or by clicking "Meer laden", until the timeline shows
 * its end: at most 10 steps, each of which loads more items or reaches the end.
 */
export async function loadUntilEnd(page: Page, locale: Locale, by: "scroll" | "click") {
  const end = page.getByRole("main").getByText(t(locale, "Timeline.end"));
  for (let i = 0; i < 10 && !(await end.isVisible()); i++) {
    const before = await timelineItems(page).count();
    if (by === "scroll") await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    else await page.getByRole("link", { name: t(locale, "Timeline.loadMore") }).click();
    await expect.poll(async () => (await end.isVisible()) || (await timelineItems(page).count()) > before).toBe(true);
  }
  await expect(end).toBeVisible();
}

/**
 * Without JavaScript (in a context with `page`'s log-in) "Meer laden" on the timeline at `path` is a link
 * to its next page (?after=), which says it is an older page and shows an item (with `hasText`, if given);
 * "Nieuwste" leads back to `path`.
 */
export async function expectPagingWithoutJavaScript(browser: Browser, page: Page, locale: Locale, path: string, hasText?: string) {
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto(path);
  await expect(timelineItems(plain)).toHaveCount(PAGE_SIZE);
  await plain.getByRole("link", { name: t(locale, "Timeline.loadMore") }).click();
  await expect(plain).toHaveURL(new RegExp(`${path}\\?after=`));
  await expect(plain.getByRole("main").getByText(t(locale, "Timeline.olderPage"))).toBeVisible();
  const older = hasText === undefined ? timelineItems(plain) : timelineItems(plain).filter({ hasText });
  await expect(older.first()).toBeVisible();
  await plain.getByRole("link", { name: t(locale, "Timeline.newest") }).click();
  await expect(plain).toHaveURL(new RegExp(`${path}$`));
  await noJs.close();
}
