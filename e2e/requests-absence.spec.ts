import { expect, test, type Page } from "@playwright/test";
import { addDays, amsterdamToday, isWeekend } from "./dates";
import { Mailbox } from "./mailbox";
import { expectAccessible, logIn, query, SMTP_PORT, t, tPattern, type Locale } from "./support";

// "Afwezigheid doorgeven" and the "Aanvragenoverzicht" (seed 002 §5.4–5.5) in both languages, against
// the demo data seeded around today: the De Boer family (Noor: Dolfijnen Mon/Tue/Thu full days; Sem:
// VSO + NSO) with a pending extra Wednesday for both children. The demo organisation's policy lets an
// absence be cancelled only outside 30 days (absenceCancelRule OUTSIDE_WINDOW, 30), so an absence
// 14–27 days ahead shows the reason instead of the cancel button.
const PARENT = "ouder@demo.ouderportaal.nl";

const mailbox = new Mailbox();
test.beforeAll(async () => {
  await mailbox.listen(SMTP_PORT);
});
test.afterAll(async () => {
  await mailbox.close();
});


async function familyChildren(): Promise<{ id: string; firstName: string; familyId: string }[]> {
  return query(
    `SELECT c.id, c."firstName", c."familyId" FROM "Child" c
       JOIN "Guardian" g ON g."familyId" = c."familyId" JOIN "User" u ON u.id = g."userId"
      WHERE u.email = $1 ORDER BY c."birthDate"`,
    [PARENT],
  );
}

/** The Noor checkbox group for one date on the form, by its legend ("Noor, maandag 7 december 2026"). */
const dayGroup = (page: Page, childName: string) => page.getByRole("main").getByRole("group", { name: new RegExp(`^${childName}, `) });

/**
 * The first weekday 14–27 days ahead on which Noor has no request items and the form lists scheduled
 * day parts for her (so it is not a holiday or closing day and she is scheduled): free in the seed and
 * not used by an earlier test run in this database.
 */
async function freeAbsenceDate(page: Page, locale: Locale, noorId: string): Promise<string> {
  const today = amsterdamToday();
  for (let offset = 14; offset < 28; offset++) {
    const date = addDays(today, offset);
    if (isWeekend(date)) continue;
    const taken = await query(`SELECT 1 FROM "RequestItem" WHERE "childId" = $1 AND date = $2::date`, [noorId, date]);
    if (taken.length > 0) continue;
    await page.goto(`/${locale}/agenda/absence?from=${date}&to=${date}`);
    await page.getByRole("checkbox", { name: "Noor", exact: true }).check();
    const boxes = dayGroup(page, "Noor").getByRole("checkbox");
    if ((await boxes.count()) > 0 && (await boxes.first().isEnabled())) return date;
  }
  throw new Error("no free scheduled weekday for Noor 14–27 days ahead");
}

for (const locale of ["nl", "en"] as Locale[]) {
  test(`report an absence, see it in the overview and agenda, details and cancelling (${locale})`, async ({ page }) => {
    const children = await familyChildren();
    const noor = children.find((c) => c.firstName === "Noor")!;
    expect(noor).toBeTruthy();

    await logIn(page, locale, PARENT);
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));

    // The form: a date with Noor's scheduled day parts, pre-ticked, with their times.
    const date = await freeAbsenceDate(page, locale, noor.id);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: t(locale, "Absence.title") })).toBeVisible();
    const parts = dayGroup(page, "Noor").getByRole("checkbox");
    const partCount = await parts.count();
    for (let i = 0; i < partCount; i++) await expect(parts.nth(i)).toBeChecked();
    await expect(dayGroup(page, "Noor")).toContainText(/\d\d:\d\d–\d\d:\d\d/);
    // A period: changing "tot en met" reloads the list for the longer range; back to the one day.
    const to = main.getByLabel(t(locale, "Absence.to"), { exact: true });
    await to.fill(addDays(date, 7));
    await expect(page).toHaveURL(new RegExp(`to=${addDays(date, 7)}`));
    await expect.poll(() => dayGroup(page, "Noor").count()).toBeGreaterThan(1);
    await to.fill(date);
    await expect(page).toHaveURL(new RegExp(`to=${date}`));
    await expect(dayGroup(page, "Noor")).toHaveCount(1);
    await expectAccessible(page);

    // Without a reason: a translated field error and a form-level alert that takes focus.
    const submit = main.getByRole("button", { name: t(locale, "Absence.submit") });
    await submit.click();
    const alert = main.getByRole("alert");
    await expect(alert).toContainText(t(locale, "errors.validation"));
    await expect(alert).toBeFocused();
    await expect(main.getByText(t(locale, "Absence.validation.reasonRequired"))).toBeVisible();

    // Holiday, reported weeks ahead: make-up hours. A double click is still one report.
    await main.getByRole("radio", { name: t(locale, "Absence.reason.HOLIDAY") }).check();
    await main.getByLabel(t(locale, "Absence.comment")).fill("e2e");
    const mailsBefore = mailbox.received(PARENT).length;
    await submit.dblclick();
    const done = main.getByRole("heading", { name: t(locale, "Absence.confirmationTitle") });
    await expect(done).toBeVisible();
    await expect(done).toBeFocused();
    await expect(main.getByText(tPattern(locale, "Absence.totalHours"))).toBeVisible();
    await expect(main.getByText(tPattern(locale, "Absence.makeUpHours"))).toBeVisible();
    const items = await query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "RequestItem" WHERE "childId" = $1 AND date = $2::date AND status = 'REGISTERED'`,
      [noor.id, date],
    );
    expect(Number(items[0]!.n)).toBe(partCount);
    await expect.poll(() => mailbox.received(PARENT).length, { timeout: 15_000 }).toBeGreaterThan(mailsBefore);

    // The overview: newest first, the absence as AFGEMELD / REPORTED ABSENT.
    await main.getByRole("link", { name: t(locale, "Requests.confirmation.toOverview") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/agenda/requests$`));
    await expect(main.getByRole("heading", { level: 1, name: t(locale, "Requests.title") })).toBeVisible();
    const first = main.getByRole("article").first();
    await expect(first.getByRole("heading", { level: 2 })).toContainText(t(locale, "Requests.kind.ABSENCE"));
    await expect(first).toContainText(t(locale, "Agenda.status.REGISTERED"));
    await expect(first).toContainText("Noor");
    await expect(first).toContainText(tPattern(locale, "Requests.submittedAt"));
    await expectAccessible(page);

    // The seeded request that was not assessed before its expiry date shows as VERVALLEN / EXPIRED.
    const expired = main.getByRole("article").filter({ hasText: t(locale, "Agenda.status.EXPIRED") }).first();
    for (let i = 0; i < 5 && (await expired.count()) === 0; i++) {
      const more = main.getByRole("link", { name: t(locale, "Requests.loadMore") });
      if ((await more.count()) === 0) break;
      await more.click();
      await expect(page).toHaveURL(new RegExp(`pages=${i + 2}`));
    }
    await expect(expired).toBeVisible();

    // Details: within 30 days, so the reason instead of a cancel button.
    await first.getByRole("link", { name: new RegExp(t(locale, "Requests.details")) }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/agenda/requests/[0-9a-f-]{36}$`));
    await expect(main.getByRole("heading", { level: 1, name: t(locale, "Requests.detailsTitle") })).toBeVisible();
    const noorPart = main.getByRole("region", { name: "Noor" });
    await expect(noorPart).toContainText(t(locale, "Cancel.reasons.ABSENCE_WITHIN_WINDOW"));
    await expect(noorPart.getByRole("button", { name: new RegExp(t(locale, "Cancel.action")) })).toHaveCount(0);
    await expect(main).toContainText(t(locale, "Absence.reason.HOLIDAY"));
    await expectAccessible(page);

    // The agenda shows the day part as reported absent.
    await page.goto(`/${locale}/agenda?weeks=8`);
    const day = main.locator("article", { has: page.locator(`#day-${date}`) });
    await expect(day).toContainText(t(locale, "Agenda.removed.ABSENCE"));

    // Another family's request is a 404.
    const other = await query<{ id: string }>(`SELECT id FROM "Request" WHERE "familyId" <> $1 LIMIT 1`, [noor.familyId]);
    if (other[0]) {
      const response = await page.goto(`/${locale}/agenda/requests/${other[0].id}`);
      expect(response?.status()).toBe(404);
    }

    // Cancel a child's part of the seed's pending extra-day request through the dialog (nl takes the
    // first child with pending items, en the next one).
    const pending = await query<{ requestId: string; childId: string; firstName: string }>(
      `SELECT DISTINCT r.id AS "requestId", i."childId", c."firstName", c."birthDate" FROM "Request" r
         JOIN "RequestItem" i ON i."requestId" = r.id JOIN "Child" c ON c.id = i."childId"
        WHERE r."familyId" = $1 AND r.kind = 'EXTRA_DAY' AND i.status = 'PENDING' AND i.date > $2::date
        ORDER BY c."birthDate"`,
      [noor.familyId, amsterdamToday()],
    );
    // The seed has one (both children); if an earlier run used it up there is nothing left to cancel.
    test.skip(pending.length === 0, "no pending extra-day request left in this database");
    const target = pending[0]!;
    await page.goto(`/${locale}/agenda/requests/${target.requestId}`);
    const part = main.getByRole("region", { name: target.firstName });
    await expect(part).toContainText(t(locale, "Agenda.status.PENDING"));
    const cancel = part.getByRole("button", { name: new RegExp(t(locale, "Cancel.action")) });
    await cancel.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(t(locale, "Cancel.confirm"));
    await expect(dialog.getByRole("button", { name: t(locale, "Cancel.confirmNo") })).toBeFocused();
    await expectAccessible(page);
    // Escape closes it and focus returns to the button; nothing is cancelled.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(cancel).toBeFocused();
    await cancel.click();
    await dialog.getByRole("button", { name: t(locale, "Cancel.confirmYes") }).click();
    await expect(part.getByRole("status")).toContainText(t(locale, "Cancel.cancelled"));
    await expect(part).toContainText(t(locale, "Agenda.status.CANCELLED"));
    const left = await query(`SELECT 1 FROM "RequestItem" WHERE "requestId" = $1 AND "childId" = $2 AND status = 'PENDING'`, [
      target.requestId,
      target.childId,
    ]);
    expect(left).toHaveLength(0);
  });
}
