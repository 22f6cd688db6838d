import { ADMIN, expect, expectNoAxeViolations, expectNoSidewaysScroll, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

const SLUG = "ningxiang-htz";

test.setTimeout(120_000);

test("reporting cycle and notifications (en, 390 px): an admin sets the deadline, reads the roll-call, the inbox, the settings and the outbox", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies([{ name: "parkline-locale", value: "en", url: baseURL! }]);
  const page = await context.newPage();
  await new SignInPage(page).signInAs(ADMIN);

  // The park's settings: the deadline day, refused out of range next to the field, then saved.
  await page.goto(`/parks/${SLUG}/settings`);
  const deadline = page.getByLabel("Deadline day of the month");
  await deadline.fill("20");
  await page.locator("#reporting-settings").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Reporting cycle saved.")).toBeVisible();

  // The roll-call, from the dashboard's link (the header's leads to every park's side by side).
  await page.goto(`/parks/${SLUG}`);
  await page.getByRole("main").getByRole("link", { name: "Roll-call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reporting roll-call", exact: true })).toBeVisible();
  await expect(page.getByText("Each month's progress is due by day 20.")).toBeVisible();
  await expect(page.getByTestId("reporting-rate")).toContainText("Reporting rate");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page, "main");

  // Every park the admin reads, side by side, from the header.
  await page.getByRole("banner").getByRole("link", { name: "Roll-call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reporting roll-call across parks" })).toBeVisible();

  // The bell leads to the inbox; its settings save.
  await page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await page.getByRole("link", { name: "Notification settings" }).click();
  await page.getByLabel("Weekly digest").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  await expectNoAxeViolations(page, "main");

  // The outbox, for the park's admins.
  await page.goto(`/parks/${SLUG}/outbox`);
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});
