import type { Page } from "@playwright/test";
import { DashboardPage } from "./pages/dashboard-page";
import { ADMIN, OFFICER, expect, expectNoAxeViolations, test } from "./fixtures";

const PARK = "ningxiang-htz";

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, "page wider than the screen").toBeLessThanOrEqual(clientWidth);
}

for (const label of ["中文", "EN"] as const) {
  test(`the park dashboard shows every section and has no axe violations (${label})`, async ({ page, signInPage, projectsPage }) => {
    await signInPage.signInAs(ADMIN);
    if (label === "EN") await projectsPage.switchLanguage("EN");
    const dashboard = new DashboardPage(page);
    await dashboard.goto(PARK);
    const en = label === "EN";
    for (const title of en
      ? ["Stage funnel", /^Open problems \(\d+\)$/, "Investment completed per month", /^Cumulative investment in \d{4}$/, /^Late milestones \(\d+\)$/, /^Projects flagged by computed health \(\d+\)$/, "Milestone timeline", "Capacity online by cluster", "Targets"]
      : ["项目阶段漏斗", /^未解决问题 \(\d+\)$/, "逐月完成投资", /^\d{4} 年累计完成投资$/, /^逾期节点 \(\d+\)$/, /^计算健康度预警项目 \(\d+\)$/, "节点时间轴", "分产业集群产能投产情况", "发展目标"]) {
      await expect(dashboard.section(title)).toBeVisible();
    }
    await expect(page.getByTestId("headline-projects")).toHaveText(/^\d+$/);
    await expect(dashboard.capacityRows.first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("a chart's table is a page of its own, with the same rows as its CSV", async ({ page, signInPage }) => {
  await signInPage.signInAs(ADMIN);
  const dashboard = new DashboardPage(page);
  await dashboard.goto(PARK);
  await dashboard.tableLink(dashboard.section("项目阶段漏斗")).click();
  await page.waitForURL(`**/parks/${PARK}/tables/stages`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("项目阶段漏斗");
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader").first()).toHaveText("阶段");
  await expect(table.getByRole("row")).toHaveCount(5); // the header and 签约, 在建, 已投产, 已达产
  await expectNoAxeViolations(page);

  const csv = await (await page.request.get(`/api/parks/${PARK}/export/stages`)).text();
  expect(csv.trim().split("\r\n")).toHaveLength(5);
  await page.getByRole("link", { name: /^← .*看板$/ }).click();
  await expect(dashboard.heading).toBeVisible();
});

test("the full lists behind the dashboard's short ones open as pages", async ({ page, signInPage }) => {
  await signInPage.signInAs(ADMIN);
  for (const table of ["late", "problems", "timeline", "ramp", "capacity", "stages", "pace"]) {
    const res = await page.goto(`/parks/${PARK}/tables/${table}`);
    expect(res?.status(), table).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect((await page.goto(`/parks/${PARK}/tables/passwords`))?.status()).toBe(404);
});

test("another park's member gets a 404 for the dashboard and its tables", async ({ page, signInPage }) => {
  await signInPage.signInAs(OFFICER);
  expect((await page.goto(`/parks/${PARK}`))?.status()).toBe(404);
  expect((await page.goto(`/parks/${PARK}/tables/problems`))?.status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the dashboard fits the screen; the timeline scrolls inside its own box", async ({ page, signInPage, projectsPage }) => {
    await signInPage.signInAs(ADMIN);
    const dashboard = new DashboardPage(page);
    await dashboard.goto(PARK);
    await expectNoSidewaysScroll(page);
    await projectsPage.switchLanguage("EN");
    await expect(dashboard.section("Milestone timeline")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });
});
