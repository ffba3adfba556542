import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, logIn, query, t, type Locale } from "./support";

// "Notificaties" (seed 002 §7.3) against the demo data: the De Boer parent opens the settings from
// Overig, switches e-mail on for new photos (with the mouse) and off for news (with the keyboard),
// turns on quiet hours 21:30–06:45, saves, reloads and sees exactly that; equal times are refused.
// A staff member reaches theirs from the staff menu and only gets "new message".
// Specs share one database: the accounts start from their defaults here and get back what they had
// before this spec (other specs expect mail to go out at once, so no quiet hours may linger).
const PARENT = "ouder@demo.ouderportaal.nl";
const STAFF = "medewerker@demo.ouderportaal.nl";

type PrefRow = { event: string; email: boolean; push: boolean };
type Saved = { prefs: PrefRow[]; start: number | null; end: number | null };
const saved = new Map<string, Saved>();

async function settingsOf(email: string): Promise<Saved> {
  const prefs = await query<PrefRow>(
    `SELECT p.event::text AS event, p.email, p.push FROM "NotificationPreference" p JOIN "User" u ON u.id = p."userId"
     WHERE u.email = $1 ORDER BY p.event`,
    [email],
  );
  const [user] = await query<{ start: number | null; end: number | null }>(
    `SELECT "quietHoursStart" AS start, "quietHoursEnd" AS end FROM "User" WHERE email = $1`,
    [email],
  );
  return { prefs, start: user!.start, end: user!.end };
}

async function restore(email: string, settings: Saved) {
  await query(`DELETE FROM "NotificationPreference" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [email]);
  for (const p of settings.prefs) {
    await query(
      `INSERT INTO "NotificationPreference" ("userId", event, email, push)
       SELECT id, $2::"NotificationEvent", $3, $4 FROM "User" WHERE email = $1`,
      [email, p.event, p.email, p.push],
    );
  }
  await query(`UPDATE "User" SET "quietHoursStart" = $2, "quietHoursEnd" = $3 WHERE email = $1`, [email, settings.start, settings.end]);
}

test.beforeAll(async () => {
  for (const email of [PARENT, STAFF]) saved.set(email, await settingsOf(email));
});
test.beforeEach(async () => {
  for (const email of [PARENT, STAFF]) await restore(email, { prefs: [], start: null, end: null });
});
test.afterAll(async () => {
  for (const [email, settings] of saved) await restore(email, settings);
});

const event = (locale: Locale, name: string) => t(locale, `NotificationSettings.events.${name}`);
const switchName = (locale: Locale, channel: "email" | "push", name: string) =>
  t(locale, `NotificationSettings.${channel}Switch`).replace("{event}", event(locale, name));
const toggle = (page: Page, locale: Locale, channel: "email" | "push", name: string) =>
  page.getByRole("main").getByRole("switch", { name: switchName(locale, channel, name), exact: true });

for (const locale of ["nl", "en"] as const) {
  test(`${locale}: a parent switches notifications per event, sets quiet hours, and finds them saved after a reload`, async ({ page }) => {
    const [row] = await query<{ devices: number }>(
      `SELECT count(*)::int AS devices FROM "PushSubscription" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
      [PARENT],
    );
    const devices = row!.devices;
    await logIn(page, locale, PARENT);
    await expect(page).toHaveURL(new RegExp(`/${locale}$`), { timeout: 15_000 });
    await page.goto(`/${locale}/more`);
    await page.getByRole("main").getByRole("link", { name: t(locale, "NotificationSettings.moreLink") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/more/notifications$`));
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: t(locale, "NotificationSettings.title") })).toBeVisible();

    // All seven events with the defaults: e-mail off for diary and photos, on for the rest; push on.
    await expect(main.getByRole("switch")).toHaveCount(7 * 2 + 1);
    await expect(toggle(page, locale, "email", "NEW_PHOTOS")).toHaveAttribute("aria-checked", "false");
    await expect(toggle(page, locale, "email", "NEW_DIARY_ENTRY")).toHaveAttribute("aria-checked", "false");
    await expect(toggle(page, locale, "email", "NEWS")).toHaveAttribute("aria-checked", "true");
    await expect(toggle(page, locale, "push", "NEW_PHOTOS")).toHaveAttribute("aria-checked", "true");
    const quiet = main.getByRole("switch", { name: t(locale, "NotificationSettings.quietSwitch"), exact: true });
    await expect(quiet).toHaveAttribute("aria-checked", "false");
    await expect(main.getByTestId("push-devices")).toBeVisible();
    if (devices === 0) await expect(main.getByText(t(locale, "NotificationSettings.pushNoDevices"))).toBeVisible();
    await expectAccessible(page);

    await toggle(page, locale, "email", "NEW_PHOTOS").click();
    await expect(toggle(page, locale, "email", "NEW_PHOTOS")).toHaveAttribute("aria-checked", "true");
    // The keyboard works as well: a switch is a button, Space toggles it.
    await toggle(page, locale, "email", "NEWS").focus();
    await page.keyboard.press("Space");
    await expect(toggle(page, locale, "email", "NEWS")).toHaveAttribute("aria-checked", "false");

    await quiet.click();
    await expect(quiet).toHaveAttribute("aria-checked", "true");
    const from = main.getByRole("combobox", { name: t(locale, "NotificationSettings.quietFrom") });
    const until = main.getByRole("combobox", { name: t(locale, "NotificationSettings.quietUntil") });
    await from.selectOption({ label: "21:30" });
    await until.selectOption({ label: "06:45" });
    await expectAccessible(page);

    await main.getByRole("button", { name: t(locale, "NotificationSettings.save") }).click();
    await expect(main.getByRole("status").filter({ hasText: t(locale, "NotificationSettings.saved") })).toBeVisible();
    expect(await settingsOf(PARENT)).toEqual({
      prefs: expect.arrayContaining([
        { event: "NEW_PHOTOS", email: true, push: true },
        { event: "NEWS", email: false, push: true },
        { event: "NEW_DIARY_ENTRY", email: false, push: true },
      ]),
      start: 21 * 60 + 30,
      end: 6 * 60 + 45,
    });

    await page.reload();
    await expect(toggle(page, locale, "email", "NEW_PHOTOS")).toHaveAttribute("aria-checked", "true");
    await expect(toggle(page, locale, "email", "NEWS")).toHaveAttribute("aria-checked", "false");
    await expect(toggle(page, locale, "email", "NEW_MESSAGE")).toHaveAttribute("aria-checked", "true");
    await expect(quiet).toHaveAttribute("aria-checked", "true");
    await expect(from).toHaveValue(String(21 * 60 + 30));
    await expect(until).toHaveValue(String(6 * 60 + 45));

    // The same start and end time is no period: refused, nothing stored.
    await until.selectOption({ label: "21:30" });
    await main.getByRole("button", { name: t(locale, "NotificationSettings.save") }).click();
    await expect(main.getByText(t(locale, "NotificationSettings.errors.sameTimes"))).toBeVisible();
    await expect(main.getByRole("alert")).toBeVisible();
    await expectAccessible(page);
    expect((await settingsOf(PARENT)).end).toBe(6 * 60 + 45);

    // Switching quiet hours off again clears them.
    await quiet.click();
    await expect(from).toHaveCount(0);
    await main.getByRole("button", { name: t(locale, "NotificationSettings.save") }).click();
    await expect(main.getByRole("status").filter({ hasText: t(locale, "NotificationSettings.saved") })).toBeVisible();
    expect(await settingsOf(PARENT)).toMatchObject({ start: null, end: null });
  });
}

test("en: a staff member opens their notification settings from the staff menu and only gets new messages", async ({ page }) => {
  const locale = "en";
  await logIn(page, locale, STAFF);
  await expect(page).toHaveURL(/\/en\/staff$/, { timeout: 15_000 });
  await page
    .getByRole("navigation", { name: t(locale, "Nav.staffMenu") })
    .getByRole("link", { name: t(locale, "NotificationSettings.title") })
    .click();
  await expect(page).toHaveURL(/\/en\/staff\/settings\/notifications$/);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: t(locale, "NotificationSettings.title") })).toBeVisible();
  await expect(main.getByRole("rowheader")).toHaveText([event(locale, "NEW_MESSAGE")]);
  await expect(toggle(page, locale, "email", "NEW_MESSAGE")).toHaveAttribute("aria-checked", "true");
  await expectAccessible(page);

  await toggle(page, locale, "push", "NEW_MESSAGE").click();
  await main.getByRole("button", { name: t(locale, "NotificationSettings.save") }).click();
  await expect(main.getByRole("status").filter({ hasText: t(locale, "NotificationSettings.saved") })).toBeVisible();
  await page.reload();
  await expect(toggle(page, locale, "push", "NEW_MESSAGE")).toHaveAttribute("aria-checked", "false");
  await expect(toggle(page, locale, "email", "NEW_MESSAGE")).toHaveAttribute("aria-checked", "true");
  expect((await settingsOf(STAFF)).prefs).toEqual([{ event: "NEW_MESSAGE", email: true, push: false }]);
});
