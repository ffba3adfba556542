// Shared helpers for the end-to-end tests: the messages (so tests assert the real nl/en texts),
// the demo accounts, log-in, an axe check and direct read access to the e2e database for fixtures.
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

type Messages = Record<string, Record<string, unknown>>;
const load = (locale: string): Messages =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "messages", `${locale}.json`), "utf8"));
export const messages = { nl: load("nl"), en: load("en") } as const;
export type Locale = keyof typeof messages;

/** A message by dotted key, e.g. t("nl", "Auth.login.submit"). Placeholders are left as they are. */
export function t(locale: Locale, key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages[locale]);
  if (typeof value !== "string") throw new Error(`no message ${locale}:${key}`);
  return value;
}

/** A message with its {placeholders} as a regular expression wildcard. */
export function tPattern(locale: Locale, key: string): RegExp {
  const escaped = t(locale, key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{[^}]*\\\}/g, ".+");
  return new RegExp(escaped);
}

export const DEMO_PASSWORD = "ouderportaal-demo";
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54332}/ouderportaal_e2e`;

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Logs in from the log-in page; `stay` uses the log-in page already open (keeping its callbackUrl). */
export async function logIn(page: Page, locale: Locale, email: string, password = DEMO_PASSWORD, stay = false) {
  if (!stay) await page.goto(`/${locale}/login`);
  await page.getByLabel(t(locale, "Auth.login.email")).fill(email);
  await page.getByLabel(t(locale, "Auth.login.password")).fill(password);
  await page.getByRole("button", { name: t(locale, "Auth.login.submit") }).click();
}

export async function logOut(page: Page, locale: Locale) {
  await page.getByRole("button", { name: t(locale, "Nav.logout") }).first().click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/login`));
}

/**
 * Until the page is hydrated (components/hydration-marker.tsx) its controls are plain HTML, and Next's
 * router may still settle the history entry, which Firefox over WebDriver BiDi reports as a navigation
 * that ends any script running in the page.
 */
export async function hydrated(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1, { timeout: 15_000 });
}

/** axe: no serious or critical violations (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page) {
  // Next streams the metadata of dynamic pages: wait for the <title> and the hydrated page before
  // judging the document.
  await hydrated(page);
  await expect.poll(() => page.title()).not.toBe("");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
