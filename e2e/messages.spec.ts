import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createTranslator } from "use-intl/core";
import { expectAccessible, messages, query, t, type Locale } from "./support";
import { signedIn } from "./timeline-support";

// Messages (issue 5: "parent sends a message, staff answers, the parent sees the unread badge and the
// reply; nobody else can read the thread (tampered thread id → 404)"), against the demo data: Laura de
// Boer (Noor in the Dolfijnen, Sem in the Avonturiers) writes about Noor; Sanne de Vries (staff of the
// Dolfijnen) sees it unread in her inbox and on her menu, and answers; Laura sees "Berichten, n
// ongelezen" and the answer, which opening the thread marks read. Thomas (the second guardian) reads
// the family's thread; another family, staff of another group and made-up thread ids get a 404. Staff
// also write to all families of their group: one private thread per family.
const PARENT = "ouder@demo.ouderportaal.nl"; // Laura de Boer
const GUARDIAN_2 = "ouder2@demo.ouderportaal.nl"; // Thomas de Boer
const OTHER_PARENT = "flex@demo.ouderportaal.nl"; // Mulder family (Zeesterren)
const TESS_PARENT = "jeroen.bos@demo.ouderportaal.nl"; // Bos family: Tess in the Dolfijnen
const STAFF = "medewerker@demo.ouderportaal.nl"; // Sanne de Vries, Dolfijnen
const OTHER_STAFF = "pm.zeesterren@demo.ouderportaal.nl"; // Fatima, Zeesterren

// Every thread this spec writes has the mark in its subject; afterAll removes them with their
// notifications (and so their e-mail deliveries), leaving the demo data as it was for later specs.
const MARK = `E2E-${randomUUID().slice(0, 8)}`;

test.afterAll(async () => {
  await query(
    `DELETE FROM "Notification" WHERE event = 'NEW_MESSAGE' AND data->>'threadId' IN (SELECT id::text FROM "MessageThread" WHERE subject LIKE $1)`,
    [`%${MARK}%`],
  );
  await query(`DELETE FROM "MessageThread" WHERE subject LIKE $1`, [`%${MARK}%`]);
});

type Values = Record<string, string | number>;
/** A message with its ICU arguments filled in (plurals too), as the app renders it. */
function tf(locale: Locale, key: string, values: Values): string {
  const translate = createTranslator({ locale, messages: messages[locale] }) as unknown as (key: string, values: Values) => string;
  return translate(key, values);
}

/** The menu item "Berichten" as it should read with `count` unread threads: "Berichten, 2 ongelezen". */
function menuName(locale: Locale, item: "Nav.messages" | "Nav.staffMessages", count: number): string {
  return count === 0 ? t(locale, item) : `${t(locale, item)}, ${tf(locale, "Messages.navUnread", { count })}`;
}

function menuLink(page: Page, locale: Locale, staff: boolean) {
  const nav = page.getByRole("navigation", { name: t(locale, staff ? "Nav.staffMenu" : "Nav.mainMenu") });
  return nav.getByRole("link", { name: new RegExp(`^${t(locale, staff ? "Nav.staffMessages" : "Nav.messages")}`) });
}

/**
 * The menu's number straight from the database, by the rule of lib/domain/messages.ts: threads with a
 * message after the user's read mark by someone else (staff: by a parent).
 */
async function unreadThreads(email: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM "User" u
       JOIN "MessageThread" t ON (u.role = 'PARENT' AND t."familyId" = (SELECT "familyId" FROM "Guardian" WHERE "userId" = u.id))
                              OR (u.role <> 'PARENT' AND t."groupId" IN (SELECT "groupId" FROM "StaffMembership" WHERE "userId" = u.id))
       LEFT JOIN "ThreadRead" r ON r."threadId" = t.id AND r."userId" = u.id
      WHERE u.email = $1
        AND EXISTS (SELECT 1 FROM "Message" m JOIN "User" a ON a.id = m."authorId"
                     WHERE m."threadId" = t.id AND m."authorId" <> u.id
                       AND m."createdAt" > coalesce(r."lastReadAt", '-infinity'::timestamp)
                       AND (u.role = 'PARENT' OR a.role = 'PARENT'))`,
    [email],
  );
  return row!.n;
}

for (const locale of ["nl", "en"] as Locale[]) {
  test(`a parent writes, staff answer, the parent sees the unread badge and the answer; nobody else reads it (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const subject = `${locale === "nl" ? "Noor wordt opgehaald door opa" : "Grandpa collects Noor"} ${MARK}-${locale}`;
    const body = locale === "nl" ? "Hallo! Vandaag haalt opa Noor om vijf uur op.\nHij heeft een blauwe jas aan." : "Hello! Grandpa collects Noor at five today.\nHe wears a blue coat.";
    const answer = locale === "nl" ? `Dank voor het doorgeven, we vragen opa even naar zijn legitimatie. ${MARK}` : `Thanks for letting us know, we will ask grandpa for his ID. ${MARK}`;

    // ── The parent writes ("Bericht schrijven").
    const parent = await signedIn(browser, locale, PARENT);
    const parentMain = parent.getByRole("main");
    await menuLink(parent, locale, false).click();
    await expect(parent).toHaveURL(new RegExp(`/${locale}/messages$`));
    await expect(parentMain.getByRole("heading", { level: 1, name: t(locale, "Messages.title") })).toBeVisible();
    await expectAccessible(parent);
    await parentMain.getByRole("link", { name: t(locale, "Messages.write") }).click();
    await expect(parent).toHaveURL(new RegExp(`/${locale}/messages/new$`));
    await expect(parentMain.getByRole("heading", { level: 1, name: t(locale, "Messages.form.title") })).toBeVisible();

    // Nothing filled in: translated errors per field, nothing sent.
    await parentMain.getByRole("button", { name: t(locale, "Messages.form.submit") }).click();
    await expect(parentMain.getByRole("alert")).toContainText(t(locale, "errors.validation"));
    await expect(parentMain.getByText(t(locale, "Messages.validation.childRequired"), { exact: true })).toBeVisible();
    await expect(parentMain.getByText(t(locale, "Messages.validation.subjectRequired"), { exact: true })).toBeVisible();
    await expect(parentMain.getByText(t(locale, "Messages.validation.bodyRequired"), { exact: true })).toBeVisible();
    await expectAccessible(parent);

    // Noor is in one group only: it is named, not asked.
    await parentMain.getByLabel(t(locale, "Messages.form.child")).selectOption({ label: "Noor de Boer" });
    await expect(parentMain.getByText(tf(locale, "Messages.form.groupFixed", { group: "Dolfijnen" }))).toBeVisible();
    await expect(parentMain.getByLabel(t(locale, "Messages.form.group"), { exact: true })).toHaveCount(0);
    await parentMain.getByLabel(t(locale, "Messages.form.subject")).fill(subject);
    await parentMain.getByLabel(t(locale, "Messages.form.body"), { exact: true }).fill(body);
    await parentMain.getByRole("button", { name: t(locale, "Messages.form.submit") }).click();

    await expect(parent).toHaveURL(new RegExp(`/${locale}/messages/[0-9a-f-]{36}$`));
    const threadId = parent.url().split("/").pop()!;
    await expect(parentMain.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await expect(parentMain.getByText(body.split("\n")[1]!)).toBeVisible();
    await expect(parentMain.getByText("Noor de Boer")).toBeVisible();
    await expect(parentMain.getByText("Dolfijnen")).toBeVisible();
    await expect(parentMain.getByText(t(locale, "Messages.noEdit"))).toBeVisible();
    await expectAccessible(parent);
    const written = await query<{ body: string; author: string; thread: string }>(
      `SELECT m.body, u.email AS author, m."threadId" AS thread FROM "Message" m JOIN "User" u ON u.id = m."authorId" JOIN "MessageThread" t ON t.id = m."threadId" WHERE t.subject = $1`,
      [subject],
    );
    expect(written).toEqual([{ body, author: PARENT, thread: threadId }]);

    // ── Staff of the group see it unread, on the menu and in the inbox, and answer.
    const staff = await signedIn(browser, locale, STAFF);
    const staffMain = staff.getByRole("main");
    const staffUnread = await unreadThreads(STAFF);
    expect(staffUnread).toBeGreaterThanOrEqual(1);
    await expect(menuLink(staff, locale, true)).toHaveAccessibleName(menuName(locale, "Nav.staffMessages", staffUnread));
    await menuLink(staff, locale, true).click();
    await expect(staff).toHaveURL(new RegExp(`/${locale}/staff/messages$`));
    const row = staffMain.getByRole("listitem").filter({ has: staff.getByRole("link", { name: subject }) });
    await expect(row).toContainText(tf(locale, "StaffMessages.family", { name: "De Boer" }));
    await expect(row).toContainText("Noor");
    await expect(row).toContainText(tf(locale, "Messages.unreadCount", { count: 1 }));
    await expectAccessible(staff);
    await row.getByRole("link", { name: subject }).click();
    await expect(staff).toHaveURL(new RegExp(`/${locale}/staff/messages/${threadId}$`));
    const parentMessage = staffMain.getByRole("article").filter({ hasText: "Laura de Boer" });
    await expect(parentMessage).toContainText(t(locale, "Messages.newMarker"));
    // Opening it marked it read: the menu's number goes down by one.
    await expect(menuLink(staff, locale, true)).toHaveAccessibleName(menuName(locale, "Nav.staffMessages", staffUnread - 1));
    await expectAccessible(staff);

    const parentUnreadBefore = await unreadThreads(PARENT);
    await staffMain.getByLabel(t(locale, "Messages.reply.label"), { exact: true }).fill(answer);
    await staffMain.getByRole("button", { name: t(locale, "Messages.reply.submit") }).click();
    await expect(staffMain.getByRole("status").filter({ hasText: t(locale, "Messages.reply.sent") })).toBeVisible();
    await expect(staffMain.getByRole("article").filter({ hasText: answer })).toBeVisible();
    await expect(staffMain.getByLabel(t(locale, "Messages.reply.label"), { exact: true })).toHaveValue("");
    expect(await query(`SELECT 1 FROM "Message" WHERE "threadId" = $1`, [threadId])).toHaveLength(2);

    // ── The parent sees the badge and the answer; opening the thread marks it read.
    await parent.goto(`/${locale}`);
    await expect(menuLink(parent, locale, false)).toHaveAccessibleName(menuName(locale, "Nav.messages", parentUnreadBefore + 1));
    await expectAccessible(parent);
    await menuLink(parent, locale, false).click();
    const parentRow = parentMain.getByRole("listitem").filter({ has: parent.getByRole("link", { name: subject }) });
    await expect(parentRow).toContainText(tf(locale, "Messages.unreadCount", { count: 1 }));
    await expect(parentRow).toContainText("Sanne");
    await parentRow.getByRole("link", { name: subject }).click();
    await expect(parent).toHaveURL(new RegExp(`/${locale}/messages/${threadId}$`));
    const reply = parentMain.getByRole("article").filter({ hasText: answer });
    await expect(reply).toContainText(t(locale, "Messages.newMarker"));
    await expect(reply).toContainText(t(locale, "Messages.sideStaff"));
    await expect(menuLink(parent, locale, false)).toHaveAccessibleName(menuName(locale, "Nav.messages", parentUnreadBefore));
    await expectAccessible(parent);

    // ── The second guardian reads the family's thread too.
    const thomas = await signedIn(browser, locale, GUARDIAN_2);
    const thomasResponse = await thomas.goto(`/${locale}/messages/${threadId}`);
    expect(thomasResponse?.status()).toBe(200);
    await expect(thomas.getByRole("main").getByRole("article").filter({ hasText: answer })).toBeVisible();

    // ── Nobody else: another family, staff of another group, made-up ids.
    const other = await signedIn(browser, locale, OTHER_PARENT);
    expect((await other.goto(`/${locale}/messages/${threadId}`))?.status()).toBe(404);
    await expect(other.getByRole("main")).not.toContainText(subject);
    await other.goto(`/${locale}/messages`);
    await expect(other.getByRole("main")).not.toContainText(subject);
    const otherStaff = await signedIn(browser, locale, OTHER_STAFF);
    expect((await otherStaff.goto(`/${locale}/staff/messages/${threadId}`))?.status()).toBe(404);
    await otherStaff.goto(`/${locale}/staff/messages`);
    await expect(otherStaff.getByRole("main")).not.toContainText(subject);
    expect((await parent.goto(`/${locale}/messages/${randomUUID()}`))?.status()).toBe(404);
    expect((await parent.goto(`/${locale}/messages/${threadId.slice(0, -1)}x`))?.status()).toBe(404);
    // The parent on the staff URL of their own thread goes to their own home, staff on the parents' one too.
    await parent.goto(`/${locale}/staff/messages/${threadId}`);
    await expect(parent).toHaveURL(new RegExp(`/${locale}$`));
    await staff.goto(`/${locale}/messages/${threadId}`);
    await expect(staff).toHaveURL(new RegExp(`/${locale}/staff$`));

    for (const p of [parent, staff, thomas, other, otherStaff]) await p.context().close();
  });
}

test("staff write to all families of their group: one private thread per family (en)", async ({ browser }) => {
  test.setTimeout(90_000);
  const locale: Locale = "en";
  const subject = `Trip to the petting farm ${MARK}`;
  const families = await query<{ name: string }>(
    `SELECT DISTINCT f.name FROM "Family" f JOIN "Child" c ON c."familyId" = f.id JOIN "Placement" p ON p."childId" = c.id JOIN "Group" g ON g.id = p."groupId"
      WHERE g.name = 'Dolfijnen' AND p."startDate" <= (now() AT TIME ZONE 'Europe/Amsterdam')::date
        AND (p."endDate" IS NULL OR p."endDate" >= (now() AT TIME ZONE 'Europe/Amsterdam')::date)`,
  );
  expect(families.length).toBeGreaterThanOrEqual(2);

  const staff = await signedIn(browser, locale, STAFF);
  const main = staff.getByRole("main");
  await staff.goto(`/${locale}/staff/messages`);
  await main.getByRole("link", { name: t(locale, "StaffMessages.newMessage") }).click();
  await expect(main.getByRole("heading", { level: 1, name: t(locale, "StaffMessages.form.title") })).toBeVisible();
  await main.getByRole("radio", { name: t(locale, "StaffMessages.form.audienceGroup") }).check();
  await expect(main.getByText(tf(locale, "StaffMessages.form.audienceGroupHint", { count: families.length }))).toBeVisible();
  await expect(main.getByLabel(t(locale, "StaffMessages.form.child"))).toHaveCount(0);
  await main.getByLabel(t(locale, "StaffMessages.form.subject")).fill(subject);
  await main.getByLabel(t(locale, "StaffMessages.form.body"), { exact: true }).fill("Please bring wellies and a raincoat.");
  await expectAccessible(staff);
  await main.getByRole("button", { name: t(locale, "StaffMessages.form.submit") }).click();
  await expect(staff).toHaveURL(new RegExp(`/${locale}/staff/messages\\?group=[0-9a-f-]{36}&sent=${families.length}$`));
  await expect(main.getByRole("status").filter({ hasText: tf(locale, "StaffMessages.sentToGroup", { count: families.length }) })).toBeVisible();
  await expect(main.getByRole("link", { name: subject })).toHaveCount(families.length);
  await expectAccessible(staff);

  const threads = await query<{ id: string; family: string; broadcastId: string | null }>(
    `SELECT t.id, f.name AS family, t."broadcastId" AS "broadcastId" FROM "MessageThread" t JOIN "Family" f ON f.id = t."familyId" WHERE t.subject = $1`,
    [subject],
  );
  expect(threads.map((x) => x.family).sort()).toEqual(families.map((f) => f.name).sort());
  expect(new Set(threads.map((x) => x.broadcastId)).size).toBe(1);
  expect(threads[0]!.broadcastId).not.toBeNull();

  // Tess's parent answers in the Bos family's own thread; Laura (De Boer) never sees that answer.
  const bos = threads.find((x) => x.family === "Bos")!;
  const deBoer = threads.find((x) => x.family === "De Boer")!;
  const jeroen = await signedIn(browser, locale, TESS_PARENT);
  await jeroen.goto(`/${locale}/messages`);
  await jeroen.getByRole("main").getByRole("link", { name: subject }).click();
  await expect(jeroen).toHaveURL(new RegExp(`/${locale}/messages/${bos.id}$`));
  await jeroen.getByRole("main").getByLabel(t(locale, "Messages.reply.label"), { exact: true }).fill(`Tess is looking forward to it! ${MARK}`);
  await jeroen.getByRole("main").getByRole("button", { name: t(locale, "Messages.reply.submit") }).click();
  await expect(jeroen.getByRole("main").getByRole("article").filter({ hasText: "Tess is looking forward to it!" })).toBeVisible();
  expect((await jeroen.goto(`/${locale}/messages/${deBoer.id}`))?.status()).toBe(404);

  const laura = await signedIn(browser, locale, PARENT);
  await laura.goto(`/${locale}/messages/${deBoer.id}`);
  await expect(laura.getByRole("main").getByText("Please bring wellies and a raincoat.")).toBeVisible();
  await expect(laura.getByRole("main")).not.toContainText("Tess is looking forward to it!");
  expect((await laura.goto(`/${locale}/messages/${bos.id}`))?.status()).toBe(404);
  for (const p of [staff, jeroen, laura]) await p.context().close();
});
