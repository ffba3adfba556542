import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, logIn, t, tPattern, type Locale } from "./support";

// The planner's queue (issue 3 item 7) against the demo data seeded for today. Each locale assesses
// different items, so the nl run and the en run do not depend on each other's order:
// - approve: the first still-pending flex morning of Lucas (two pending full days, assessed per item),
//   so the date stays in the queue with his afternoon and its morning occupancy visibly rises;
// - reject: nl Tess's credit-paid morning (Dolfijnen), en Emir's NSO (Avonturiers).
const PLANNER = "planner@demo.ouderportaal.nl";
const STAFF = "medewerker@demo.ouderportaal.nl";
const REJECT_CHILD: Record<Locale, string> = { nl: "Tess", en: "Emir" };

async function openQueue(page: Page, locale: Locale, email: string) {
  await logIn(page, locale, email);
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff`));
  await page.goto(`/${locale}/staff/requests`);
  await expect(page.getByRole("main").getByRole("heading", { level: 1, name: t(locale, "Queue.title") })).toBeVisible();
  return page.getByRole("main");
}

function occupied(text: string): [number, number] {
  const m = /(\d+)\/(\d+)/.exec(text);
  if (!m) throw new Error(`no occupancy in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

for (const locale of ["nl", "en"] as Locale[]) {
  test(`the planner's queue (${locale}): occupancy, approve, reject with a reason`, async ({ page }) => {
    const main = await openQueue(page, locale, PLANNER);
    const morning = t(locale, "Agenda.dayPart.MORNING");

    // Seeded pending items of both locations, with the occupancy per day part in words.
    for (const name of ["De Regenboog Noord", "Dolfijnen", "Avonturiers", "Vlinders"]) {
      await expect(main.getByRole("heading", { name, exact: true })).toBeVisible();
    }
    await expect(main.getByText(tPattern(locale, "Queue.occupancy")).first()).toBeVisible();
    // The De Boer request assessed as a whole has one approve button for the whole request.
    await expect(main.getByRole("button", { name: t(locale, "Queue.whole.approve") }).first()).toBeVisible();
    await expect(main.getByRole("heading", { name: new RegExp(t(locale, "Queue.whole.title")) }).first()).toBeVisible();
    await expectAccessible(page);

    // Approve Lucas's first pending morning: it disappears and the morning occupancy rises by one.
    const lucasMorning = new RegExp(`^Lucas [^:]+: ${morning} `);
    const form = main.getByRole("form", { name: lucasMorning }).first();
    const label = (await form.getAttribute("aria-label"))!;
    const card = main.getByTestId("queue-date").filter({ has: page.getByRole("form", { name: label, exact: true }) });
    const date = (await card.getAttribute("data-date"))!;
    const morningBar = () =>
      main.locator(`[data-testid="queue-date"][data-date="${date}"]`).filter({ hasText: "Lucas" }).locator('[data-testid="occupancy"][data-day-part="MORNING"]');
    const [before, capacity] = occupied((await morningBar().textContent())!);
    await form.getByRole("button", { name: t(locale, "Queue.approve") }).click();
    await expect(main.getByRole("status").filter({ hasText: t(locale, "Queue.approved").replace("{item}", label) })).toBeVisible();
    await expect(main.getByRole("form", { name: label, exact: true })).toHaveCount(0);
    await expect(morningBar()).toContainText(t(locale, "Queue.occupancy").replace("{occupied}", String(before + 1)).replace("{capacity}", String(capacity)));

    // Rejecting without a reason: the translated error, and the item stays.
    const rejectForm = main.getByRole("form", { name: new RegExp(`^${REJECT_CHILD[locale]} `) }).first();
    const rejectLabel = (await rejectForm.getAttribute("aria-label"))!;
    await rejectForm.getByRole("button", { name: t(locale, "Queue.reject") }).click();
    await expect(rejectForm.getByRole("alert")).toHaveText(t(locale, "Assess.errors.reasonRequired"));
    await expect(rejectForm.getByLabel(t(locale, "Queue.reasonLabel"))).toBeFocused();

    // With a reason it is rejected and leaves the queue.
    await rejectForm.getByLabel(t(locale, "Queue.reasonLabel")).fill(locale === "nl" ? "De groep is op deze dag vol." : "The group is full that day.");
    await rejectForm.getByRole("button", { name: t(locale, "Queue.reject") }).click();
    await expect(main.getByRole("status").filter({ hasText: t(locale, "Queue.rejected").replace("{item}", rejectLabel) })).toBeVisible();
    await expect(main.getByRole("form", { name: rejectLabel, exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });

  test(`STAFF see their own group's queue read-only (${locale})`, async ({ page }) => {
    const main = await openQueue(page, locale, STAFF);
    await expect(main.getByText(t(locale, "Queue.readOnlyNote"))).toBeVisible();
    await expect(main.getByRole("heading", { name: "Dolfijnen", exact: true })).toBeVisible();
    await expect(main.getByRole("heading", { name: "Avonturiers", exact: true })).toHaveCount(0);
    await expect(main.getByRole("heading", { name: "Vlinders", exact: true })).toHaveCount(0);
    await expect(main.getByTestId("queue-item").first()).toBeVisible();
    await expect(main.getByText(tPattern(locale, "Queue.occupancy")).first()).toBeVisible();
    await expect(main.getByRole("button", { name: t(locale, "Queue.approve") })).toHaveCount(0);
    await expect(main.getByRole("button", { name: t(locale, "Queue.whole.approve") })).toHaveCount(0);
    await expectAccessible(page);
  });
}

test("the queue's filters narrow it down by group and date", async ({ page }) => {
  const main = await openQueue(page, "nl", PLANNER);
  await main.getByLabel(t("nl", "Queue.filters.group")).selectOption({ label: "Vlinders (De Regenboog Noord)" });
  await main.getByRole("button", { name: t("nl", "Queue.filters.apply") }).click();
  await expect(page).toHaveURL(/group=/);
  await expect(main.getByRole("heading", { name: "Vlinders", exact: true })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Dolfijnen", exact: true })).toHaveCount(0);

  // A date range before every pending item: nothing matches.
  await page.goto("/nl/staff/requests?from=2020-01-01&to=2020-01-31");
  await expect(main.getByText(t("nl", "Queue.filters.reset")).first()).toBeVisible();
  await expect(main.getByText(t("nl", "Queue.emptyFiltered"))).toBeVisible();
});
