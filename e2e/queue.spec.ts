import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, logIn, query, t, tPattern, type Locale } from "./support";

// The planner's queue (issue 3 item 7) against the demo data seeded for today. Each locale assesses
// different items, so the nl run and the en run do not depend on each other's order:
// - approve: the first still-pending flex morning of Lucas (two pending full days, assessed per item),
//   so the date stays in the queue with his afternoon and its morning occupancy visibly rises;
// - reject: nl Tess's credit-paid morning (Dolfijnen), en Emir's NSO (Avonturiers);
// - the seeded pending swap of Noor (a Thursday for the Friday after it) is one unit, rejected in nl.
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

/** As formatDay(iso, locale, "medium") renders it: "3 dec 2026" / "3 Dec 2026". */
const mediumDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

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
    const approved = main.getByRole("status").filter({ hasText: t(locale, "Queue.approved").replace("{item}", label) });
    await expect(approved).toBeVisible();
    // The form is gone with its button; focus is on the message instead of lost on the page.
    await expect(approved).toBeFocused();
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
    const rejected = main.getByRole("status").filter({ hasText: t(locale, "Queue.rejected").replace("{item}", rejectLabel) });
    await expect(rejected).toBeVisible();
    await expect(rejected).toBeFocused();
    await expect(main.getByRole("form", { name: rejectLabel, exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });

  test(`STAFF see their own group's queue read-only (${locale})`, async ({ page }) => {
    const main = await openQueue(page, locale, STAFF);
    await expect(main.getByText(t(locale, "Queue.readOnlyNote"))).toBeVisible();
    await expect(main.getByRole("heading", { name: "Dolfijnen", exact: true })).toBeVisible();
    await expect(main.getByRole("heading", { name: "Avonturiers", exact: true })).toHaveCount(0);
    await expect(main.getByRole("heading", { name: "Vlinders", exact: true })).toHaveCount(0);
    // Noor's pending swap (Dolfijnen) is shown as one unit (it is rejected later in this file).
    await expect(main.getByTestId("queue-swap").filter({ hasText: "Noor de Boer" }).first()).toBeVisible();
    await expect(main.getByText(tPattern(locale, "Queue.occupancy")).first()).toBeVisible();
    await expect(main.getByRole("button", { name: t(locale, "Queue.approve") })).toHaveCount(0);
    await expect(main.getByRole("button", { name: t(locale, "Queue.whole.approve") })).toHaveCount(0);
    await expect(main.getByRole("button", { name: t(locale, "Queue.swap.approve") })).toHaveCount(0);
    await expectAccessible(page);
  });
}

test("a child's swap is one unit: given up and wanted together, rejected at once with one reason (nl)", async ({ page }) => {
  // The seeded pending swap: Noor gives up a Thursday (morning + afternoon) for the Friday after it.
  const items = await query<{ id: string; requestId: string; date: string; direction: string }>(
    `SELECT i.id, i."requestId", to_char(i.date, 'YYYY-MM-DD') AS date, i.direction
       FROM "RequestItem" i JOIN "Request" r ON r.id = i."requestId" JOIN "Child" c ON c.id = i."childId"
      WHERE r.kind = 'SWAP_DAY' AND NOT r."assessAsWhole" AND i.status = 'PENDING' AND c."firstName" = 'Noor'
        AND r.comment LIKE 'Ik heb die donderdag een cursus%'`,
  );
  expect(items).toHaveLength(4);
  const thursday = items.find((i) => i.direction === "REMOVE")!.date;
  const friday = items.find((i) => i.direction === "ADD")!.date;
  const main = await openQueue(page, "nl", PLANNER);
  const title = t("nl", "Queue.swap.title").replace("{child}", "Noor de Boer").replace("{givenUp}", mediumDate(thursday, "nl")).replace("{wanted}", mediumDate(friday, "nl"));
  const card = (date: string) => main.locator(`[data-testid="queue-date"][data-date="${date}"]`);
  const unit = (date: string) => card(date).getByTestId("queue-swap").filter({ hasText: "Noor de Boer" });

  // Shown on both dates as one unit, with what is given up and what is wanted; no single-item forms.
  for (const date of [thursday, friday]) {
    await expect(unit(date)).toHaveCount(1);
    await expect(unit(date).getByRole("heading", { name: title, exact: true })).toBeVisible();
    await expect(unit(date)).toContainText(t("nl", "Queue.swap.note"));
    await expect(unit(date).getByRole("definition").first()).toContainText(`${mediumDate(thursday, "nl")}: ${t("nl", "Agenda.dayPart.MORNING")} 07:00–13:00`);
    await expect(unit(date).getByRole("definition").nth(1)).toContainText(`${mediumDate(friday, "nl")}: ${t("nl", "Agenda.dayPart.AFTERNOON")} 13:00–18:30`);
    await expect(card(date).getByTestId("queue-item").filter({ hasText: "Noor de Boer" })).toHaveCount(0);
  }
  await expectAccessible(page);

  // Rejecting needs a reason; with one, the whole swap is rejected from the Friday's card.
  const form = unit(friday).getByRole("form");
  await form.getByRole("button", { name: t("nl", "Queue.swap.reject") }).click();
  await expect(form.getByRole("alert")).toHaveText(t("nl", "Assess.errors.reasonRequired"));
  await expect(form.getByLabel(t("nl", "Queue.reasonLabel"))).toBeFocused();
  await form.getByLabel(t("nl", "Queue.reasonLabel")).fill("Vrijdag is de groep al vol.");
  await form.getByRole("button", { name: t("nl", "Queue.swap.reject") }).click();
  const status = main.getByRole("status").filter({ hasText: t("nl", "Queue.rejected").replace("{item}", title) });
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
  await expect(unit(thursday)).toHaveCount(0);
  await expect(unit(friday)).toHaveCount(0);
  const stored = await query<{ status: string; rejectionReason: string }>(`SELECT status, "rejectionReason" FROM "RequestItem" WHERE "requestId" = $1`, [items[0]!.requestId]);
  expect(stored).toEqual(Array.from({ length: 4 }, () => ({ status: "REJECTED", rejectionReason: "Vrijdag is de groep al vol." })));
  await expectAccessible(page);
});

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
