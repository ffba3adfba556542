import { existsSync } from "node:fs";
import { defineConfig, devices, type Project } from "@playwright/test";

// Debian's Chromium (environment.md: Playwright cannot download its own browsers here).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const port = process.env.E2E_PORT ?? "3100";

// Debian's Firefox ESR over WebDriver BiDi (Playwright's "moz-firefox" channel). Playwright 1.65 sends a
// BiDi command ESR 153 lacks (emulation.setMediaFeaturesOverride); scripts/patches/ makes it tolerate
// that. Firefox must not phone home on this offline network: remote settings need both the pref and
// MOZ_REMOTE_SETTINGS_DEVTOOLS to be pointed elsewhere. Without Firefox installed the project is skipped.
const firefoxPath = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const firefox: Project[] = existsSync(firefoxPath)
  ? [
      {
        name: "firefox",
        // Specs that change accounts (password reset, activation) run once, in Chromium.
        testMatch: /(auth|shell|photo-viewer|photo-upload|pwa-install|pwa-offline)\.spec\.ts/,
        use: {
          browserName: "firefox",
          channel: "moz-firefox",
          launchOptions: {
            executablePath: firefoxPath,
            env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
            firefoxUserPrefs: {
              "services.settings.server": "http://127.0.0.1:9/v1",
              "network.captive-portal-service.enabled": false,
              "app.update.enabled": false,
              "browser.safebrowsing.update.enabled": false,
              "network.dns.disablePrefetch": true,
              // As headless Chromium does: notification permission is refused unless the test grants it
              // (headless Firefox would wait for an answer to its prompt forever), and the push service
              // is unreachable at once rather than after Mozilla's server times out.
              "permissions.default.desktop-notification": 2,
              "dom.push.serverURL": "wss://127.0.0.1:9/",
            },
          },
        },
      },
    ]
  : [];
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
    {
      name: "mobile-chromium",
      testMatch: /shell\.spec\.ts/,
      use: {
        ...devices["Pixel 7"],
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
    ...firefox,
  ],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/nl/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: port, SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}` },
  },
});
