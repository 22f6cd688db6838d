import { ADMIN, expect, expectNoSidewaysScroll, test } from "./fixtures";
import { AdminPage } from "./pages/admin-page";

const PLATFORM = "platform@parkline.demo";

// Names unique to this run: the suite's database is shared by every spec of a run.
const run = Date.now().toString(36);

test("a platform admin creates a region and a park, in Chinese", async ({ page, signInPage }) => {
  test.slow(); // five form submissions and their re-renders
  const admin = new AdminPage(page);
  await signInPage.signInAs(PLATFORM);
  await admin.open();
  await admin.addRegion({ name: `江苏省${run}`, nameEn: `Jiangsu ${run}` });
  await admin.addRegion({ name: `苏州市${run}`, nameEn: `Suzhou ${run}`, province: `江苏省${run}` });
  await expect(admin.regionList().getByRole("link", { name: `苏州市${run}` })).toBeVisible();

  await admin.newPark();
  const city = `江苏省${run} · 苏州市${run}`;
  let form = await admin.fillNewPark({ name: `苏州工业园区${run}`, nameEn: `Suzhou Industrial Park ${run}`, slug: `sip-${run}`, city, clusters: "纳米技术 | Nanotech\n生物医药" });
  await form.getByRole("button", { name: "创建园区" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/admin/parks/") && url.searchParams.get("created") === "1");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`苏州工业园区${run}`);
  await expect(page.getByRole("status").filter({ hasText: "园区已创建。" })).toBeVisible();

  // The same slug again is refused next to the field, with the reason.
  await page.goto("/admin/parks/new");
  form = await admin.fillNewPark({ name: "重名园区", nameEn: "", slug: `sip-${run}`, city, clusters: "" });
  await form.getByRole("button", { name: "创建园区" }).click();
  await expect(form.getByText("已有其他园区使用此网址标识，请换一个。").last()).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/parks\/new$/);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("a platform admin creates a region and a park, in English, at 390 px", async ({ page, signInPage }) => {
    test.slow(); // five form submissions and their re-renders
    const admin = new AdminPage(page);
    await signInPage.signInAs(PLATFORM);
    await signInPage.switchLanguage("EN");
    await admin.open();
    await expectNoSidewaysScroll(page);
    await admin.addRegion({ name: `浙江测试省${run}`, nameEn: `Testshire ${run}` });
    await admin.addRegion({ name: `测试市${run}`, nameEn: `Testcity ${run}`, province: `Testshire ${run}` });
    await expectNoSidewaysScroll(page);

    await admin.newPark();
    const form = await admin.fillNewPark({ name: `测试园区${run}`, nameEn: `Test Park ${run}`, slug: `test-park-${run}`, city: `Testshire ${run} · Testcity ${run}`, clusters: "新材料 | New materials" });
    await expectNoSidewaysScroll(page);
    await form.getByRole("button", { name: "Create park" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/admin/parks/") && url.searchParams.get("created") === "1");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Test Park ${run}`);
    await expect(page.getByRole("paragraph").filter({ hasText: `Testshire ${run} · Testcity ${run}` })).toBeVisible();
    // Platform rights are not a membership: no link to a dashboard that would answer 404.
    await expect(page.getByRole("link", { name: "Open dashboard" })).toHaveCount(0);
    await expectNoSidewaysScroll(page);

    // Archive it with the keyboard: the button is reachable and the page says so.
    const archive = page.getByRole("button", { name: "Archive park" });
    await archive.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Un-archive park" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Archived");
  });
});

test("a park admin sees no administration link and gets the not-found page at /admin", async ({ page, signInPage }) => {
  await signInPage.signInAs(ADMIN);
  await expect(new AdminPage(page).navLink()).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
});
