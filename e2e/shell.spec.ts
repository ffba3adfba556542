import { expect, test } from "@playwright/test";
import { expectAccessible, logIn, t } from "./support";

// Runs in the desktop project and in the phone project (playwright.config.ts): bottom bar on phones,
// side bar on desktop, every item reachable with the keyboard.
test("the parent menu is a bottom bar on phones and a side bar on desktop", async ({ page, isMobile }) => {
  await logIn(page, "nl", "ouder@demo.ouderportaal.nl");
  await expect(page).toHaveURL(/\/nl$/);
  const nav = page.getByRole("navigation", { name: t("nl", "Nav.mainMenu") });
  const viewport = page.viewportSize()!;
  const visibleLinks = nav.getByRole("link", { name: t("nl", "Nav.agenda") });
  const box = (await visibleLinks.filter({ visible: true }).first().boundingBox())!;
  if (isMobile) {
    expect(box.y).toBeGreaterThan(viewport.height / 2);
  } else {
    expect(box.x).toBeLessThan(viewport.width / 3);
  }
  await visibleLinks.filter({ visible: true }).first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/nl\/agenda$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("nl", "Agenda.title"));
  await expectAccessible(page);
});
