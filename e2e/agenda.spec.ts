import { expect, test } from "@playwright/test";
import { expectAccessible, logIn, t, type Locale } from "./support";

// The parent's agenda (seed 002 §5, §5.1) in both languages, against the demo data seeded for today:
// Noor (Dolfijnen, Mon/Tue/Thu full days) and Sem (Avonturiers, VSO + NSO) with a pending extra
// Wednesday 8–14 days ahead ("Optie extra").
const PARENT = "ouder@demo.ouderportaal.nl";

for (const locale of ["nl", "en"] as Locale[]) {
  test(`the parent's agenda (${locale}): scheduled days, details, option, reload, more weeks, child filter`, async ({ page }) => {
    await logIn(page, locale, PARENT);
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    await page.goto(`/${locale}/agenda`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: t(locale, "Agenda.title") })).toBeVisible();
    const list = main.getByRole("region", { name: t(locale, "Agenda.daysHeading") });
    const days = list.getByRole("article");

    // Four weeks of weekdays: 20 days.
    await expect(days).toHaveCount(20);

    // Noor's scheduled full day with its times, and Sem's before- and after-school care.
    const morning = `${t(locale, "Agenda.dayPart.MORNING")} 07:00–13:00`;
    const noorDay = days.filter({ hasText: "Noor" }).filter({ hasText: morning }).first();
    await expect(noorDay).toBeVisible();
    await expect(noorDay).toContainText(`${t(locale, "Agenda.dayPart.AFTERNOON")} 13:00–18:30`);
    await expect(days.filter({ hasText: "Sem" }).filter({ hasText: "07:00–08:30" }).first()).toBeVisible();

    // A day opens with its details, by keyboard: group and kind of care.
    const summary = noorDay.locator("summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(noorDay.locator("details")).toHaveAttribute("open", "");
    await expect(noorDay.getByText(t(locale, "Agenda.group").replace("{name}", "Dolfijnen")).first()).toBeVisible();
    await expect(noorDay.getByText(t(locale, "Agenda.source.CONTRACT")).first()).toBeVisible();

    // The pending extra Wednesday shows as "Optie extra", and its details show the request's status.
    const optionDay = days.filter({ hasText: t(locale, "Agenda.optionExtra") }).first();
    await expect(optionDay).toBeVisible();
    await optionDay.locator("summary").click();
    await expect(optionDay.getByText(t(locale, "Agenda.status.PENDING")).first()).toBeVisible();
    // Each request item links to the request's page (details, reason, cancelling).
    await expect(optionDay.getByRole("link", { name: new RegExp(`^${t(locale, "Agenda.requestDetails")} `) }).first()).toHaveAttribute(
      "href",
      new RegExp(`^/${locale}/agenda/requests/[0-9a-f-]{36}$`),
    );

    // The four actions of seed 002 §5.1 are links to their forms.
    await expect(main.getByRole("link", { name: t(locale, "Agenda.actions.requestDay"), exact: true })).toHaveAttribute("href", `/${locale}/agenda/request-day`);
    await expect(main.getByRole("link", { name: t(locale, "Agenda.actions.swapDay") })).toHaveAttribute("href", `/${locale}/agenda/swap-day`);
    await expect(main.getByRole("link", { name: t(locale, "Agenda.actions.absence") })).toHaveAttribute("href", `/${locale}/agenda/absence`);
    await expect(main.getByRole("link", { name: t(locale, "Agenda.actions.requests") })).toHaveAttribute("href", `/${locale}/agenda/requests`);
    await expect(main.getByText(t(locale, "Agenda.contractNote"))).toBeVisible();

    await expectAccessible(page);

    // Reload fetches the newest planning and says so.
    await main.getByRole("button", { name: t(locale, "Agenda.reload") }).click();
    await expect(main.getByRole("status")).toHaveText(t(locale, "Agenda.reloaded"));
    await expect(days).toHaveCount(20);

    // More weeks: eight weeks, landing on the first new day.
    const more = main.getByRole("link", { name: t(locale, "Agenda.showMoreWeeks") });
    const href = (await more.getAttribute("href"))!;
    expect(href).toMatch(/weeks=8/);
    const firstNewId = href.split("#")[1]!;
    await more.click();
    await expect(page).toHaveURL(/weeks=8/);
    await expect(days).toHaveCount(40);
    await expect(page.locator(`#${firstNewId}`)).toBeVisible();
    await expect(page.locator(`#${firstNewId}`)).toBeInViewport();

    // The child filter keeps the weeks and shows one child only.
    const filter = main.getByRole("navigation", { name: t(locale, "Agenda.filterLabel") });
    await filter.getByRole("link", { name: "Sem" }).click();
    await expect(page).toHaveURL(/child=.*weeks=8|weeks=8.*child=/);
    await expect(filter.getByRole("link", { name: "Sem" })).toHaveAttribute("aria-current", "true");
    await expect(days.filter({ hasText: "Sem" }).first()).toBeVisible();
    await expect(days.filter({ hasText: "Noor" })).toHaveCount(0);
    await expectAccessible(page);

    // An unknown child id is ignored, not an error.
    await page.goto(`/${locale}/agenda?child=00000000-0000-0000-0000-000000000000`);
    await expect(filter.getByRole("link", { name: t(locale, "Agenda.allChildren") })).toHaveAttribute("aria-current", "true");
    await expect(days).toHaveCount(20);
  });
}
