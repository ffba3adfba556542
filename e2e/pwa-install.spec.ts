import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { logIn, messages, t, type Locale } from "./support";

// Issue 6: the production build is an installable app. Chromium reports over CDP what it makes of the
// manifest (Page.getAppManifest) and why it would not offer to install (Page.getInstallabilityErrors);
// this fails as soon as the manifest, its icons or its links break. Chromium never offers to install
// from an incognito profile, and Playwright's browser contexts are such profiles ("in-incognito"), so
// the installability check runs in a persistent context with its own profile folder.

const locales = Object.keys(messages) as Locale[];

type AppManifestResult = {
  url: string;
  errors: { message: string; critical: number }[];
  data?: string;
};

async function appManifest(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const manifest = (await cdp.send("Page.getAppManifest")) as AppManifestResult;
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    return { manifest, installabilityErrors };
  } finally {
    await cdp.detach();
  }
}

for (const locale of locales) {
  test(`the app is installable in ${locale}: the manifest parses and Chromium reports no installability errors`, async ({
    playwright,
    launchOptions,
    baseURL,
    request,
    browserName,
  }) => {
    test.skip(browserName !== "chromium", "installability is read over CDP (Page.getInstallabilityErrors), which only Chromium has");
    const profile = mkdtempSync(path.join(tmpdir(), "ouderportaal-pwa-"));
    const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await checkInstallable(page, locale, request);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}

async function checkInstallable(page: Page, locale: Locale, request: APIRequestContext) {
  await page.goto(`/${locale}/login`);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", `/${locale}/manifest.webmanifest`);

  const { manifest, installabilityErrors } = await appManifest(page);
  expect(manifest.url).toMatch(new RegExp(`/${locale}/manifest\\.webmanifest$`));
  expect(manifest.errors).toEqual([]);
  expect(installabilityErrors).toEqual([]);

  const data = JSON.parse(manifest.data ?? "null") as {
    id: string;
    name: string;
    short_name: string;
    description: string;
    lang: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
    shortcuts: { name: string; url: string }[];
  };
  expect(data).toMatchObject({
    id: "/",
    name: t(locale, "Pwa.manifest.name"),
    short_name: t(locale, "Pwa.manifest.shortName"),
    description: t(locale, "Pwa.manifest.description"),
    lang: locale,
    start_url: `/${locale}`,
    scope: "/",
    display: "standalone",
  });
  const themeColor = await page.locator('meta[name="theme-color"]').getAttribute("content");
  expect(data.theme_color).toBe(themeColor);
  expect(data.shortcuts.map((s) => [s.name, s.url])).toEqual([
    [t(locale, "Pwa.manifest.agenda"), `/${locale}/agenda`],
    [t(locale, "Pwa.manifest.messages"), `/${locale}/messages`],
  ]);

  // Every icon is served without a session, as a PNG of the size the manifest claims.
  expect(data.icons.map((i) => i.purpose).sort()).toEqual(["any", "any", "maskable"]);
  for (const icon of data.icons) {
    const response = await request.get(icon.src, { maxRedirects: 0 });
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const { width, height } = await sharp(await response.body()).metadata();
    expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
  }
}

test("the manifest is served without a session and without a locale redirect", async ({ request }) => {
  for (const locale of locales) {
    const response = await request.get(`/${locale}/manifest.webmanifest`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/manifest+json");
    expect(((await response.json()) as { start_url: string }).start_url).toBe(`/${locale}`);
  }
  expect((await request.get("/de/manifest.webmanifest", { maxRedirects: 0 })).status()).toBe(404);
});

test("the pages link the favicon, and iOS gets a home screen icon, title and status bar style", async ({ page, request }) => {
  await page.goto("/en/login");
  for (const href of ["/icon.svg", "/icons/icon-192.png"]) {
    await expect(page.locator(`link[rel="icon"][href="${href}"]`)).toHaveCount(1);
    expect((await request.get(href, { maxRedirects: 0 })).status(), href).toBe(200);
  }
  const apple = page.locator('link[rel="apple-touch-icon"]');
  await expect(apple).toHaveAttribute("href", "/icons/apple-touch-icon.png");
  await expect(page.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute("content", t("en", "App.name"));
  await expect(page.locator('meta[name="apple-mobile-web-app-status-bar-style"]')).toHaveAttribute("content", "default");
  await expect(page.locator('meta[name="viewport"]')).toHaveAttribute("content", /viewport-fit=cover/);
  const icon = await request.get("/icons/apple-touch-icon.png", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  const meta = await sharp(await icon.body()).metadata();
  expect([meta.width, meta.height]).toEqual([180, 180]);
});

test.describe("as an installed app on a phone with a notch (landscape)", () => {
  test.use({ viewport: { width: 844, height: 390 }, hasTouch: true });

  test("the shell keeps clear of the safe areas", async ({ page, browserName }) => {
    test.skip(browserName !== "chromium", "safe-area insets are emulated over CDP (Emulation.setSafeAreaInsetsOverride), which only Chromium has");
    const insets = { top: 20, left: 47, right: 47, bottom: 21 };
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setSafeAreaInsetsOverride", { insets });
    await logIn(page, "nl", "ouder@demo.ouderportaal.nl");
    await expect(page).toHaveURL(/\/nl$/);
    const width = page.viewportSize()!.width;

    const bar = page.getByRole("navigation", { name: t("nl", "Nav.mainMenu") }).filter({ visible: true });
    const links = bar.getByRole("link");
    const first = (await links.first().boundingBox())!;
    const last = (await links.last().boundingBox())!;
    expect(first.x).toBeGreaterThanOrEqual(insets.left);
    expect(last.x + last.width).toBeLessThanOrEqual(width - insets.right);
    // The emulated insets reach the CSS env() values (so the checks below are not vacuous).
    await expect(bar).toHaveCSS("padding-left", `${insets.left}px`);
    await expect(bar).toHaveCSS("padding-bottom", `${insets.bottom}px`);
    const barBox = (await bar.boundingBox())!;
    // The tab bar's own background still reaches the screen edges and the bottom.
    expect(barBox.x).toBe(0);
    expect(barBox.width).toBe(width);
    expect(first.y + first.height).toBeLessThanOrEqual(barBox.y + barBox.height - insets.bottom);

    const brand = (await page.getByRole("banner").getByRole("link", { name: t("nl", "App.name") }).boundingBox())!;
    expect(brand.x).toBeGreaterThanOrEqual(insets.left);
    expect(brand.y).toBeGreaterThanOrEqual(insets.top);
    const heading = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
    expect(heading.x).toBeGreaterThanOrEqual(insets.left);
    expect(heading.x + heading.width).toBeLessThanOrEqual(width - insets.right);
    await cdp.detach();
  });
});
