import { expect, test, type Browser, type Page } from "@playwright/test";
import { addDays, amsterdamToday, escapeRegExp as escape, isoWeekday, longDate, weekdayDate } from "./dates";
import { expectAccessible, logIn, query, t, tPattern, type Locale } from "./support";

// "Dag aanvragen" (seed 002 §5.2) from the parent's side and its assessment from the planner's side,
// against the demo data seeded around today. The De Boer family: Noor (Dolfijnen, Mon/Tue/Thu full
// days) has make-up credits from earlier absences that cover an afternoon (13:00–18:30, 5,5 hours).
// - nl: a single Friday afternoon paid with a credit, assessed as a whole; the planner approves it.
// - en: a period Wednesday–Friday (Thursday "already scheduled"), mornings by invoice; "assess as a
//   whole" is disabled for several dates; a double click submits once; the planner rejects one day.
// - nl: two separate days added to one request are two bookings; the parent cancels one of them and
//   the other stays pending, with its own cancel button.
// Dates are looked up in the database, so reruns on the same database pick fresh ones; the swap-day
// spec uses 28–55 days ahead and the absence spec Noor's scheduled days 14–27 days ahead. The en
// period looks for its week from 56 days ahead onwards, the two bookings from 89 days back.
const PARENT = "ouder@demo.ouderportaal.nl";
const PLANNER = "planner@demo.ouderportaal.nl";

async function noor(): Promise<{ id: string }> {
  const rows = await query<{ id: string }>(
    `SELECT c.id FROM "Child" c JOIN "Guardian" g ON g."familyId" = c."familyId" JOIN "User" u ON u.id = g."userId"
      WHERE u.email = $1 AND c."firstName" = 'Noor'`,
    [PARENT],
  );
  return rows[0]!;
}
const hasItems = async (childId: string, date: string) =>
  (await query(`SELECT 1 FROM "RequestItem" WHERE "childId" = $1 AND date = $2::date`, [childId, date])).length > 0;

/** The calendar's button for a date, moving to its month first (each month is loaded from the server). */
async function calendarDay(page: Page, locale: Locale, date: string) {
  const calendar = page.getByRole("group", { name: new RegExp(`^(${escape(t(locale, "ExtraDay.calendarLabel"))}|${escape(t(locale, "ExtraDay.calendarPeriodLabel"))})$`) });
  const day = calendar.getByRole("button", { name: new RegExp(`^${escape(weekdayDate(date, locale))}`) });
  const title = calendar.getByRole("heading", { level: 3 });
  for (let i = 0; i < 4 && (await day.count()) === 0; i++) {
    const shown = (await title.textContent()) ?? "";
    await calendar.getByRole("button", { name: t(locale, "Calendar.nextMonth") }).click();
    await expect(title).not.toHaveText(shown);
  }
  await expect(day).toBeVisible();
  return day;
}

async function openForm(page: Page, locale: Locale) {
  await logIn(page, locale, PARENT);
  await expect(page).toHaveURL(new RegExp(`/${locale}$`));
  await page.goto(`/${locale}/agenda`);
  await page.getByRole("main").getByRole("link", { name: t(locale, "Agenda.actions.requestDay"), exact: true }).click();
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: t(locale, "ExtraDay.title") })).toBeVisible();
  return main;
}

async function plannerQueue(browser: Browser, locale: Locale, date: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, locale, PLANNER);
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff`));
  await page.goto(`/${locale}/staff/requests?from=${date}&to=${date}`);
  const card = page.getByRole("main").locator(`[data-testid="queue-date"][data-date="${date}"]`).filter({ hasText: "Noor" });
  await expect(card.first()).toBeVisible();
  return { page, context, card: card.first() };
}

test("a single afternoon paid with a credit, assessed as a whole; the planner approves it (nl)", async ({ page, browser }) => {
  const locale: Locale = "nl";
  const child = await noor();
  const today = amsterdamToday();
  // A Friday within a month (Noor is not scheduled on Fridays, her credits are valid) without requests.
  let friday: string | null = null;
  for (let offset = 2; offset <= 29 && !friday; offset++) {
    const date = addDays(today, offset);
    if (isoWeekday(date) === 5 && !(await hasItems(child.id, date))) friday = date;
  }
  expect(friday, "a free Friday within 30 days").not.toBeNull();
  const date = friday!;
  const monday = addDays(date, -4);

  const main = await openForm(page, locale);
  await main.getByRole("checkbox", { name: "Noor", exact: true }).check();
  await expect(main.getByText(t(locale, "ExtraDay.noBookings"))).toBeVisible();
  await main.getByRole("button", { name: t(locale, "ExtraDay.addDay") }).click();
  await expect(main.getByRole("heading", { name: t(locale, "ExtraDay.addDay"), level: 2 })).toBeFocused();

  // A day Noor is already scheduled: her day parts say "reeds gepland" with the times, no checkbox.
  if (monday > today) {
    await (await calendarDay(page, locale, monday)).click();
    const noorParts = main.getByRole("group", { name: "Noor", exact: true });
    await expect(noorParts).toContainText(`${t(locale, "ExtraDay.alreadyScheduled")} 07:00–13:00`);
    await expect(noorParts.getByRole("checkbox")).toHaveCount(0);
  }

  // The Friday: both day parts can be requested, with their price; pay the afternoon with the credit.
  await (await calendarDay(page, locale, date)).click();
  await expect(main.getByRole("heading", { level: 3, name: new RegExp(escape(weekdayDate(date, locale)), "i") })).toBeVisible();
  const afternoon = main.getByRole("checkbox", { name: new RegExp(`^${t(locale, "Agenda.dayPart.AFTERNOON")} 13:00–18:30 \\(Dolfijnen\\) — € `) });
  await afternoon.check();
  const payment = main.getByRole("group", { name: tPattern(locale, "ExtraDay.paymentLegend") });
  await expect(payment.getByRole("radio", { name: t(locale, "ExtraDay.payByInvoice") })).toBeChecked();
  // Only credits that cover the whole afternoon are offered (no partial payment).
  const credits = payment.getByRole("radio", { name: /^Tegoed \(.+\): \d+(,\d+)? uur over, geldig t\/m / });
  await expect(credits.first()).toBeVisible();
  const names = (await payment.locator("label").allTextContents()).filter((n) => n.startsWith("Tegoed"));
  expect(names.length).toBe(await credits.count());
  for (const name of names) expect(Number(/: (\d+(?:,\d+)?) uur/.exec(name)![1]!.replace(",", "."))).toBeGreaterThanOrEqual(5.5);
  await credits.first().check();
  await expectAccessible(page);
  await main.getByRole("button", { name: t(locale, "ExtraDay.add"), exact: true }).click();

  // The request holds the booking, paid with the credit; nothing is invoiced.
  const list = main.getByRole("list").filter({ hasText: "Noor · " });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(t(locale, "ExtraDay.paidCredit").replace("{hours}", "5,5"));
  await expect(main.getByText(/^1 dagdeel, 5,5 uur; in rekening gebracht: €\s0,00$/)).toBeVisible();

  // One date: "assess as a whole" is possible.
  const whole = main.getByRole("checkbox", { name: t(locale, "ExtraDay.assessAsWhole") });
  await expect(whole).toBeEnabled();
  await whole.check();
  await main.getByLabel(t(locale, "ExtraDay.comment")).fill("Opa is jarig, Noor gaat 's ochtends mee.");
  await expectAccessible(page);
  await main.getByRole("button", { name: t(locale, "ExtraDay.submit") }).click();

  const done = main.getByRole("heading", { name: t(locale, "ExtraDay.confirmationTitle") });
  await expect(done).toBeFocused();
  await expect(main.getByText("1 dagdeel aangevraagd")).toBeVisible();
  const rows = await query<{ kind: string; assessAsWhole: boolean; payment: string; status: string; creditId: string | null }>(
    `SELECT r.kind, r."assessAsWhole", i.payment, i.status, i."creditId" FROM "RequestItem" i JOIN "Request" r ON r.id = i."requestId"
      WHERE i."childId" = $1 AND i.date = $2::date`,
    [child.id, date],
  );
  expect(rows).toEqual([{ kind: "EXTRA_DAY", assessAsWhole: true, payment: "CREDIT", status: "PENDING", creditId: expect.any(String) }]);

  // The details page: IN AANVRAAG.
  await main.getByRole("link", { name: t(locale, "ExtraDay.toDetails") }).click();
  await expect(page.getByRole("main")).toContainText(t(locale, "Agenda.status.PENDING"));

  // The planner approves the whole request.
  const planner = await plannerQueue(browser, locale, date);
  const wholeBlock = planner.card.getByTestId("queue-whole").filter({ hasText: "Noor" });
  await wholeBlock.getByRole("button", { name: t(locale, "Queue.whole.approve") }).click();
  await expect(wholeBlock).toHaveCount(0);
  await planner.context.close();

  // The parent sees it approved.
  await page.reload();
  await expect(page.getByRole("main")).toContainText(t(locale, "Agenda.status.APPROVED"));

  // …and is told: the bell counts it, the list says it and links to the request, and having seen
  // the list, the bell shows nothing new.
  const bell = page.getByRole("link", { name: /^Meldingen, \d+ nieuw$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page).toHaveURL(/\/nl\/notifications$/);
  // Shown as new ("Nieuw: …") until the page has marked it read and refreshed, which may already have
  // happened: match the sentence with or without that prefix.
  const sentence = t(locale, "Notifications.requestAssessed").replace("{kind}", t(locale, "Requests.kind.EXTRA_DAY")).replace("{period}", longDate(date, locale));
  const note = page.getByRole("main").getByRole("link", {
    name: new RegExp(`^(${escape(t(locale, "Notifications.unread"))}: )?${escape(sentence)}$`),
  });
  await expect(note).toHaveAttribute("href", /\/nl\/agenda\/requests\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: t(locale, "Notifications.title"), exact: true })).toBeVisible();
});

test("a period of mornings by invoice, assessed per day; a double click submits once; the planner rejects a day (en)", async ({ page, browser }) => {
  const locale: Locale = "en";
  const child = await noor();
  const today = amsterdamToday();
  // A Wednesday 56–82 days ahead whose week (Wed–Fri) lies in one month, with no requests for Noor.
  let wednesday: string | null = null;
  for (let offset = 56; offset <= 82 && !wednesday; offset++) {
    const date = addDays(today, offset);
    if (isoWeekday(date) !== 3 || date.slice(0, 7) !== addDays(date, 2).slice(0, 7)) continue;
    if (!(await hasItems(child.id, date)) && !(await hasItems(child.id, addDays(date, 2)))) wednesday = date;
  }
  expect(wednesday, "a free Wednesday 8–12 weeks ahead").not.toBeNull();
  const from = wednesday!;
  const to = addDays(from, 2);

  const main = await openForm(page, locale);

  // Submitting nothing: a translated error, nothing written.
  const before = await query(`SELECT count(*)::int AS n FROM "Request" WHERE kind = 'EXTRA_DAY'`);
  await main.getByRole("button", { name: t(locale, "ExtraDay.submit") }).click();
  await expect(main.getByRole("alert").filter({ hasText: t(locale, "ExtraDay.errorTitle") })).toBeVisible();
  await expect(main.getByText(t(locale, "ExtraDay.validation.bookingsRequired"))).toBeVisible();

  await main.getByRole("checkbox", { name: "Noor", exact: true }).check();
  await main.getByRole("button", { name: t(locale, "ExtraDay.addDay") }).click();
  await main.getByRole("checkbox", { name: t(locale, "ExtraDay.periodToggle") }).check();
  await (await calendarDay(page, locale, from)).click();
  await expect(main.getByText(t(locale, "Calendar.pickEnd"))).toBeVisible();
  await (await calendarDay(page, locale, to)).click();
  await expect(main.getByRole("heading", { level: 3, name: /\(3 days\)$/ })).toBeVisible();

  // Thursday is scheduled for Noor: each day part applies on 2 of the 3 days.
  const morning = main.getByRole("checkbox", { name: new RegExp(`^${t(locale, "Agenda.dayPart.MORNING")} 07:00–13:00 \\(Dolfijnen\\)`) });
  await expect(morning).toHaveAccessibleName(/On 2 days of the period; 1 day already scheduled\./);
  await morning.check();
  await main.getByRole("button", { name: t(locale, "ExtraDay.add"), exact: true }).click();
  await expect(main.getByText("2 day parts added to your request.")).toBeAttached();
  const items = main.getByRole("list").filter({ hasText: "Noor · " }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText(/Invoiced: €\d/);

  // Several dates: "assess as a whole" is disabled and the form says why.
  const whole = main.getByRole("checkbox", { name: t(locale, "ExtraDay.assessAsWhole") });
  await expect(whole).toBeDisabled();
  await expect(main.getByText(t(locale, "ExtraDay.assessAsWholeDisabled"))).toBeVisible();

  // An expiry date after the first requested day is refused with a translated message.
  const expires = main.getByLabel(t(locale, "ExtraDay.expiresOn"));
  await expires.fill(to);
  await main.getByRole("button", { name: t(locale, "ExtraDay.submit") }).click();
  await expect(main.getByText(t(locale, "ExtraDay.validation.expiresAfterFirstDate"))).toBeVisible();
  await expires.fill(addDays(from, -3));
  await expectAccessible(page);

  // A double click submits one request.
  await main.getByRole("button", { name: t(locale, "ExtraDay.submit") }).dblclick();
  await expect(main.getByRole("heading", { name: t(locale, "ExtraDay.confirmationTitle") })).toBeVisible();
  await expect(main.getByText("2 day parts requested")).toBeVisible();
  const after = await query(`SELECT count(*)::int AS n FROM "Request" WHERE kind = 'EXTRA_DAY'`);
  expect((after[0] as { n: number }).n).toBe((before[0] as { n: number }).n + 1);
  const rows = await query<{ date: string; payment: string; expiresOn: string }>(
    `SELECT to_char(i.date, 'YYYY-MM-DD') AS date, i.payment, to_char(r."expiresOn", 'YYYY-MM-DD') AS "expiresOn"
       FROM "RequestItem" i JOIN "Request" r ON r.id = i."requestId" WHERE i."childId" = $1 AND i.date BETWEEN $2::date AND $3::date ORDER BY i.date`,
    [child.id, from, to],
  );
  expect(rows).toEqual([
    { date: from, payment: "INVOICE", expiresOn: addDays(from, -3) },
    { date: to, payment: "INVOICE", expiresOn: addDays(from, -3) },
  ]);

  // The planner rejects the Friday with a reason; the parent's overview shows it with the reason.
  const planner = await plannerQueue(browser, locale, to);
  const form = planner.card.getByRole("form", { name: /^Noor / }).first();
  await form.getByLabel(t(locale, "Queue.reasonLabel")).fill("The group is full that day.");
  await form.getByRole("button", { name: t(locale, "Queue.reject") }).click();
  await expect(planner.card.getByRole("form", { name: /^Noor / })).toHaveCount(0);
  await planner.context.close();

  await main.getByRole("link", { name: t(locale, "ExtraDay.toDetails") }).click();
  await expect(page.getByRole("main")).toContainText(t(locale, "Agenda.status.REJECTED"));
  await expect(page.getByRole("main")).toContainText("The group is full that day.");
  await expect(page.getByRole("main")).toContainText(t(locale, "Agenda.status.PENDING"));
});

test("two days added separately are two bookings; cancelling one leaves the other pending (nl)", async ({ page }) => {
  const locale: Locale = "nl";
  const child = await noor();
  const today = amsterdamToday();
  // Two Wednesdays or Fridays (Noor is not scheduled then) 56–89 days ahead without requests for her,
  // looked for from the far end so the en period test keeps the nearer weeks.
  const free: string[] = [];
  for (let offset = 89; offset >= 56 && free.length < 2; offset--) {
    const date = addDays(today, offset);
    if (isoWeekday(date) !== 3 && isoWeekday(date) !== 5) continue;
    const closed = await query(`SELECT 1 FROM "ClosingDay" WHERE date = $1::date`, [date]);
    if (closed.length === 0 && !(await hasItems(child.id, date))) free.push(date);
  }
  expect(free, "two free Wednesdays or Fridays 8–12 weeks ahead").toHaveLength(2);
  const [first, second] = free.sort() as [string, string];

  const main = await openForm(page, locale);
  await main.getByRole("checkbox", { name: "Noor", exact: true }).check();
  const morning = main.getByRole("checkbox", { name: new RegExp(`^${t(locale, "Agenda.dayPart.MORNING")} 07:00–13:00 \\(Dolfijnen\\)`) });
  // "Dag toevoegen … Toevoegen" twice, one date each: two bookings (the calendar keeps the later month).
  for (const date of [first, second]) {
    await main.getByRole("button", { name: t(locale, "ExtraDay.addDay") }).click();
    await (await calendarDay(page, locale, date)).click();
    await morning.check();
    await main.getByRole("button", { name: t(locale, "ExtraDay.add"), exact: true }).click();
  }
  await expect(main.getByRole("list").filter({ hasText: "Noor · " }).getByRole("listitem")).toHaveCount(2);
  await main.getByRole("button", { name: t(locale, "ExtraDay.submit") }).click();
  await expect(main.getByRole("heading", { name: t(locale, "ExtraDay.confirmationTitle") })).toBeFocused();
  const stored = await query<{ date: string; booking: number; status: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, booking, status FROM "RequestItem" WHERE "childId" = $1 AND date IN ($2::date, $3::date) ORDER BY date`,
    [child.id, first, second],
  );
  expect(stored).toEqual([
    { date: first, booking: 0, status: "PENDING" },
    { date: second, booking: 1, status: "PENDING" },
  ]);

  // The details: Noor's part per booking, each with its own cancel button named after its date.
  await main.getByRole("link", { name: t(locale, "ExtraDay.toDetails") }).click();
  const noorPart = page.getByRole("main").getByRole("region", { name: "Noor" });
  const booking = (number: number, date: string) =>
    noorPart.getByRole("listitem").filter({
      has: page.getByRole("heading", { name: `Boeking ${number}: ${weekdayDate(date, locale)}`, exact: true }),
    });
  const cancelButton = (date: string) =>
    noorPart.getByRole("button", { name: `${t(locale, "Cancel.bookingAction")} — Noor, ${weekdayDate(date, locale)}`, exact: true });
  await expect(booking(1, first)).toContainText(t(locale, "Agenda.status.PENDING"));
  await expect(booking(2, second)).toContainText(t(locale, "Agenda.status.PENDING"));
  await expect(cancelButton(first)).toBeVisible();
  await expect(cancelButton(second)).toBeVisible();
  await expectAccessible(page);

  // Cancel the second booking through its dialog: one date, so no word of a period.
  await cancelButton(second).click();
  const dialog = page.getByRole("dialog", { name: `${t(locale, "Cancel.bookingAction")} — Noor, ${weekdayDate(second, locale)}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(t(locale, "Cancel.confirmBooking"));
  await expect(dialog).not.toContainText(t(locale, "Cancel.confirmBookingPeriod").replace("{child}", "Noor"));
  await expect(dialog.getByRole("button", { name: t(locale, "Cancel.confirmNo") })).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: t(locale, "Cancel.confirmYes") }).click();

  await expect(booking(2, second).getByRole("status")).toContainText(t(locale, "Cancel.bookingCancelled"));
  await expect(booking(2, second)).toContainText(t(locale, "Agenda.status.CANCELLED"));
  await expect(cancelButton(second)).toHaveCount(0);
  // The first booking is untouched: still pending, still with its own cancel button.
  await expect(booking(1, first)).toContainText(t(locale, "Agenda.status.PENDING"));
  await expect(booking(1, first)).not.toContainText(t(locale, "Agenda.status.CANCELLED"));
  await expect(cancelButton(first)).toBeVisible();
  await expectAccessible(page);
  const after = await query<{ date: string; status: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, status FROM "RequestItem" WHERE "childId" = $1 AND date IN ($2::date, $3::date) ORDER BY date`,
    [child.id, first, second],
  );
  expect(after).toEqual([
    { date: first, status: "PENDING" },
    { date: second, status: "CANCELLED" },
  ]);
});

test("a flexible contract spends flex hours and is requested at least a month ahead (en)", async ({ page }) => {
  const locale: Locale = "en";
  const lucas = (
    await query<{ id: string }>(
      `SELECT c.id FROM "Child" c JOIN "Guardian" g ON g."familyId" = c."familyId" JOIN "User" u ON u.id = g."userId"
        WHERE u.email = 'flex@demo.ouderportaal.nl' AND c."firstName" = 'Lucas'`,
    )
  )[0]!;
  await logIn(page, locale, "flex@demo.ouderportaal.nl");
  await expect(page).toHaveURL(new RegExp(`/${locale}$`));
  await page.goto(`/${locale}/agenda/request-day`);
  const main = page.getByRole("main");
  // One child: already chosen; the flex balance and the month-ahead rule are shown.
  await expect(main.getByRole("checkbox", { name: "Lucas", exact: true })).toBeChecked();
  await expect(main.getByText(/^Lucas has a flexible contract: [\d.]+ flex hours left in \d{4}\. Request flexible care at least a month in advance\.$/)).toBeVisible();
  await main.getByRole("button", { name: t(locale, "ExtraDay.addDay") }).click();

  // Within a month: not possible, and the form says why.
  const today = amsterdamToday();
  // (a weekday on the 27th or earlier, so that the next day and the same day next month exist)
  let soon = addDays(today, 7);
  while (isoWeekday(soon) > 5 || soon.slice(8) > "27") soon = addDays(soon, 1);
  await (await calendarDay(page, locale, soon)).click();
  // The calendar by keyboard: arrows move by day, Page Down to the same day next month (loaded from the server).
  await expect(await calendarDay(page, locale, soon)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const next = addDays(soon, 1);
  await expect(page.locator(`button[data-date="${next}"]`)).toBeFocused();
  await page.keyboard.press("PageDown");
  const d = new Date(`${next}T00:00:00Z`);
  const sameDayNextMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toISOString().slice(0, 10);
  await expect(page.locator(`button[data-date="${sameDayNextMonth}"]`)).toBeFocused();
  await page.keyboard.press("PageUp");
  await expect(page.locator(`button[data-date="${next}"]`)).toBeFocused();
  await expect(await calendarDay(page, locale, soon)).toHaveAttribute("aria-pressed", "true");
  const lucasParts = main.getByRole("group", { name: "Lucas", exact: true });
  await expect(lucasParts).toContainText(t(locale, "ExtraDay.errors.flexTooLate"));
  await expect(lucasParts.getByRole("checkbox")).toHaveCount(0);

  // Six weeks ahead on a free weekday: the morning costs six flex hours, no invoice.
  let date: string | null = null;
  for (let offset = 42; offset <= 80 && !date; offset++) {
    const candidate = addDays(today, offset);
    if (isoWeekday(candidate) > 5 || (await hasItems(lucas.id, candidate))) continue;
    const day = await calendarDay(page, locale, candidate);
    if ((await day.getAttribute("aria-disabled")) !== "true") date = candidate;
  }
  expect(date, "a free weekday 6–11 weeks ahead").not.toBeNull();
  await (await calendarDay(page, locale, date!)).click();
  await lucasParts.getByRole("checkbox", { name: /^Morning 07:00–13:00 \(Zeesterren\) — 6 flex hours$/ }).check();
  await expect(lucasParts).toContainText(t(locale, "ExtraDay.payByFlexNote"));
  await main.getByRole("button", { name: t(locale, "ExtraDay.add"), exact: true }).click();
  await expect(main.getByRole("list").filter({ hasText: "Lucas · " })).toContainText("Flex hours: 6 hours");
  await main.getByRole("button", { name: t(locale, "ExtraDay.submit") }).click();
  await expect(main.getByRole("heading", { name: t(locale, "ExtraDay.confirmationTitle") })).toBeFocused();
  const rows = await query<{ payment: string; priceCents: number | null }>(
    `SELECT payment, "priceCents" FROM "RequestItem" WHERE "childId" = $1 AND date = $2::date`,
    [lucas.id, date],
  );
  expect(rows).toEqual([{ payment: "FLEX", priceCents: null }]);
});
