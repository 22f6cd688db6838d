import { ADMIN, DEMO_EDITOR, OFFICER, expect, expectNoSidewaysScroll, test } from "./fixtures";
import { SharesPage } from "./pages/shares-page";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("phone: the sign-in page fits the screen", async ({ signInPage }) => {
  await signInPage.goto();
  await expectNoSidewaysScroll(signInPage.page);
});

const ACCOUNTS = [
  { email: ADMIN, slug: "ningxiang-htz", zh: "比亚迪动力电池项目", en: "BYD power battery project" },
  {
    email: OFFICER,
    slug: "yinzhou",
    zh: "杉杉锂电年产4万吨锂离子电池硅基负极材料一体化基地项目",
    en: "Shanshan 40,000 t/year lithium-ion battery silicon-based anode material integration base",
  },
];

for (const { email, slug, zh, en } of ACCOUNTS) {
  test(`phone: ${email} gets project cards instead of the table, in both languages`, async ({ page, signInPage, projectsPage }) => {
    await signInPage.signInAs(email);

    const card = projectsPage.parkCard(slug);
    await expect(projectsPage.projectItem(slug, zh)).toBeVisible();
    await expect(card.getByRole("table")).toBeHidden();
    await expectNoSidewaysScroll(page);

    await projectsPage.switchLanguage("EN");
    await expect(projectsPage.projectItem(slug, en)).toBeVisible();
    await expect(card.getByRole("table")).toBeHidden();
    await expectNoSidewaysScroll(page);
  });
}

// 60 Chinese characters with no space, and Latin words longer than a phone is wide.
const LONG_ZH = "长沙示例高新技术产业开发区新一代智能网联新能源汽车动力电池正极材料前驱体及配套循环利用一体化产业基地建设有限责任公司".slice(0, 60);
const LONG_EN = "Supercalifragilisticexpialidocious-Pneumonoultramicroscopicsilicovolcanoconiosis-Manufacturing";

test("phone: long unbroken names fit the project page and its share page, in both languages", async ({ page, signInPage }) => {
  test.setTimeout(90_000);
  await signInPage.signInAs(DEMO_EDITOR);
  await page.goto("/projects/new");
  const form = page.locator("form").filter({ has: page.getByLabel(/^(项目编号|Project code)$/) });
  await form.getByLabel(/^(项目编号|Project code)$/).fill(`LONG-${Date.now()}`);
  await form.getByLabel(/^(项目名称（中文）|Project name \(Chinese\))$/).fill(LONG_ZH);
  await form.getByLabel(/^(项目名称（英文|Project name \(English)/).fill(LONG_EN);
  await form.getByLabel(/^(企业（中文）|Company \(Chinese\))$/).fill(LONG_ZH);
  await form.getByLabel(/^(企业（英文|Company \(English)/).fill(LONG_EN);
  await form.getByLabel(/^(产业集群|Industry cluster)$/).fill("新材料");
  await form.getByRole("button", { name: /^(创建项目|Create project)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Supercalifragilistic|长沙示例/);
  await expectNoSidewaysScroll(page);
  const projectUrl = page.url();

  // The share link for it: the target list has a search that narrows it.
  const shares = new SharesPage(page);
  await page.goto(projectUrl);
  await page.getByRole("link", { name: /^(分享|Share)/ }).first().click();
  // The project page has an h1 too: wait for the shares page itself before reading its form.
  await page.waitForURL(/\/parks\/[^/]+\/shares/);
  await expect(shares.heading).toBeVisible();
  await expectNoSidewaysScroll(page);
  const search = page.getByTestId("share-target-search");
  // The list as the server rendered it (the park and its 41 projects), before the search narrows it.
  await expect.poll(() => shares.target.locator("option").count()).toBeGreaterThan(2);
  const before = await shares.target.locator("option").count();
  await search.fill("Supercalifragilistic");
  await expect.poll(() => shares.target.locator("option").count()).toBeLessThan(before);
  const url = await shares.create(`long names ${Date.now()}`);

  for (const lang of ["zh", "en"]) {
    await page.goto(`${url}?lang=${lang}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});

test("phone: the demo park's dashboard fits, and the timeline's key is on screen", async ({ page, signInPage }) => {
  await signInPage.signInAs(DEMO_EDITOR);
  await page.goto("/parks/demo-park");
  const legend = page.getByTestId("gantt-legend");
  await expect(legend).toBeVisible();
  const box = (await legend.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expectNoSidewaysScroll(page);
});
