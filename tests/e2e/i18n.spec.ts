import { ADMIN, OFFICER, expect, test } from "./fixtures";

test("the language switch changes the UI and sticks across reloads and sign-ins", async ({ page, signInPage, projectsPage }) => {
  await signInPage.signInAs(ADMIN);
  await expect(projectsPage.heading).toHaveText("园区概览");
  await expect(projectsPage.languageButton("中文")).toHaveAttribute("aria-pressed", "true");
  await expect(projectsPage.languageButton("EN")).toHaveAttribute("aria-pressed", "false");
  await expect(projectsPage.projectRow("ningxiang-htz", "NX-BYD-BATTERY")).toContainText("已投产");
  await expect(projectsPage.projectRow("ningxiang-htz", "NX-WANSHSIN-REDUCER")).toContainText("在建");

  await projectsPage.switchLanguage("EN");
  await expect(projectsPage.heading).toHaveText("Park overview");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(projectsPage.projectRow("ningxiang-htz", "NX-BYD-BATTERY")).toContainText("In production");
  await expect(projectsPage.projectRow("ningxiang-htz", "NX-WANSHSIN-REDUCER")).toContainText("Under construction");
  await expect(projectsPage.projectRow("ningxiang-htz", "NX-SHINZOOM-CATHODE")).toContainText("Signed");
  await expect(projectsPage.parkCard("ningxiang-htz").getByText("Your role: Admin")).toBeVisible();

  await page.reload();
  await expect(projectsPage.heading).toHaveText("Park overview");
  await expect(projectsPage.languageButton("EN")).toHaveAttribute("aria-pressed", "true");

  // The language lives in its own cookie, which signing out leaves alone.
  await projectsPage.signOut();
  await expect(signInPage.heading).toHaveText("Sign in to Parkline");
  await expect(signInPage.languageButton("EN")).toHaveAttribute("aria-pressed", "true");
  await signInPage.signInAs(ADMIN);
  await expect(projectsPage.heading).toHaveText("Park overview");

  await projectsPage.switchLanguage("中文");
  await expect(projectsPage.heading).toHaveText("园区概览");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(projectsPage.projectRow("ningxiang-htz", "NX-BYD-BATTERY")).toContainText("已投产");
  await page.reload();
  await expect(projectsPage.heading).toHaveText("园区概览");
});

test("money and capacity are formatted for each language", async ({ signInPage, projectsPage }) => {
  await signInPage.signInAs(OFFICER);

  await expect(projectsPage.projectRow("yinzhou", "YZ-SHANSHAN-SIANODE")).toContainText("50亿元");
  await expect(projectsPage.parkCard("yinzhou").getByText(/计划总投资:\s*50亿元/)).toBeVisible();
  await expect(projectsPage.projectRow("qianwan-new-area", "QW-QINBANG-PV")).toContainText("4.8亿平方米/年");

  await projectsPage.switchLanguage("EN");
  await expect(projectsPage.projectRow("yinzhou", "YZ-SHANSHAN-SIANODE")).toContainText("¥5.0 bn");
  await expect(projectsPage.projectRow("qianwan-new-area", "QW-QINBANG-PV")).toContainText("480 M m²/yr");
});

test.describe("without a language cookie", () => {
  test.describe("an English browser", () => {
    test.use({ locale: "en-US" });
    test("gets English", async ({ signInPage }) => {
      await signInPage.goto();
      await expect(signInPage.heading).toHaveText("Sign in to Parkline");
      await expect(signInPage.languageButton("EN")).toHaveAttribute("aria-pressed", "true");
    });
  });

  test.describe("a browser in a language Parkline lacks", () => {
    test.use({ locale: "fr-FR" });
    test("gets Chinese", async ({ signInPage }) => {
      await signInPage.goto();
      await expect(signInPage.heading).toHaveText("登录 Parkline");
    });
  });
});
