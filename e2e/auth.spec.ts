import { expect, test } from "@playwright/test";
import { expectAccessible, logIn, logOut, query, t, type Locale } from "./support";

const PARENT = "ouder@demo.ouderportaal.nl";

async function childrenOf(email: string) {
  return query<{ id: string; firstName: string }>(
    `SELECT c.id, c."firstName" FROM "Child" c
       JOIN "Guardian" g ON g."familyId" = c."familyId"
       JOIN "User" u ON u.id = g."userId"
      WHERE u.email = $1 ORDER BY c."birthDate"`,
    [email],
  );
}

for (const locale of ["nl", "en"] as Locale[]) {
  test(`a parent logs in (${locale}), sees the shell and the children, switches language and logs out`, async ({ page }) => {
    await page.goto(`/${locale}/agenda`);
    // The log-in gate keeps where the parent wanted to go.
    await expect(page).toHaveURL(new RegExp(`/${locale}/login\\?callbackUrl=%2F${locale}%2Fagenda`));
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectAccessible(page);

    await logIn(page, locale, PARENT, undefined, true);
    await expect(page).toHaveURL(new RegExp(`/${locale}/agenda$`));

    await page.goto(`/${locale}`);
    const nav = page.getByRole("navigation", { name: t(locale, "Nav.mainMenu") });
    for (const item of ["myChild", "messages", "agenda", "location", "more"]) {
      await expect(nav.getByRole("link", { name: t(locale, `Nav.${item}`) })).toBeVisible();
    }
    const children = await childrenOf(PARENT);
    expect(children.length).toBeGreaterThanOrEqual(2);
    for (const child of children) await expect(page.getByRole("main").getByText(child.firstName).first()).toBeVisible();
    await expectAccessible(page);

    // The language switch keeps the page.
    const other: Locale = locale === "nl" ? "en" : "nl";
    await page.goto(`/${locale}/children/${children[0]!.id}`);
    await expectAccessible(page);
    await page.getByRole("link", { name: t(locale, `LanguageSwitch.${other}`) }).first().click();
    await expect(page).toHaveURL(new RegExp(`/${other}/children/${children[0]!.id}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", other);

    await logOut(page, other);
    await page.goto(`/${other}`);
    await expect(page).toHaveURL(new RegExp(`/${other}/login`));
  });

  test(`a wrong password gets a clear error (${locale})`, async ({ page }) => {
    // Not the account the other tests log in with: failures count towards its rate limit.
    await logIn(page, locale, locale === "nl" ? "jeroen.bos@demo.ouderportaal.nl" : "rik.dijkstra@demo.ouderportaal.nl", "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toContainText(t(locale, "Auth.login.invalidCredentials"));
    await expect(page).toHaveURL(new RegExp(`/${locale}/login`));
    await expectAccessible(page);
  });
}

test("a parent cannot open another family's child page", async ({ page }) => {
  const foreign = await query<{ id: string }>(
    `SELECT c.id FROM "Child" c WHERE c."familyId" NOT IN (
       SELECT g."familyId" FROM "Guardian" g JOIN "User" u ON u.id = g."userId" WHERE u.email = $1) LIMIT 1`,
    [PARENT],
  );
  expect(foreign).toHaveLength(1);
  await logIn(page, "nl", PARENT);
  await expect(page).toHaveURL(/\/nl$/);
  const response = await page.goto(`/nl/children/${foreign[0]!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("main")).not.toContainText(foreign[0]!.id);
  // Staff pages are not for parents either.
  await page.goto("/nl/staff");
  await expect(page).toHaveURL(/\/nl$/);
});

test("a staff member sees the staff shell with their groups, not the parent pages", async ({ page }) => {
  const [staff] = await query<{ email: string }>(
    `SELECT u.email FROM "User" u WHERE u.role = 'STAFF' AND u."passwordHash" IS NOT NULL ORDER BY u.email LIMIT 1`,
  );
  const groups = await query<{ name: string }>(
    `SELECT g.name FROM "Group" g JOIN "StaffMembership" m ON m."groupId" = g.id JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
    [staff!.email],
  );
  expect(groups.length).toBeGreaterThan(0);
  await logIn(page, "en", staff!.email);
  await expect(page).toHaveURL(/\/en\/staff$/);
  const nav = page.getByRole("navigation", { name: t("en", "Nav.staffMenu") });
  await expect(nav.getByRole("link", { name: t("en", "Nav.staffRequests") })).toBeVisible();
  for (const group of groups) await expect(page.getByRole("main").getByText(group.name).first()).toBeVisible();
  await expectAccessible(page);
  await page.goto("/en");
  await expect(page).toHaveURL(/\/en\/staff$/);
  // A group the staff member does not work in is a 404.
  const [otherGroup] = await query<{ id: string }>(
    `SELECT g.id FROM "Group" g WHERE g.id NOT IN (
       SELECT m."groupId" FROM "StaffMembership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1) LIMIT 1`,
    [staff!.email],
  );
  const response = await page.goto(`/en/staff/groups/${otherGroup!.id}`);
  expect(response?.status()).toBe(404);
});
