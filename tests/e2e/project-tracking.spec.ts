import { EDITOR, VIEWER, expect, expectNoAxeViolations, test } from "./fixtures";
import { ProjectPage } from "./pages/project-page";

// Sany Tower Crane starts "under construction", with no milestones and no investment figures.
const CODE = "NX-SANY-TOWERCRANE";

test.describe("tracking a project", () => {
  test("an editor logs a month's progress and sees figures, stage and timeline update", async ({ page, signInPage }) => {
    await signInPage.signInAs(EDITOR);
    const project = new ProjectPage(page);
    await project.openByCode(CODE);
    await expect(project.stage).toContainText("在建");
    await expectNoAxeViolations(page);

    await project.addMilestone("投产", "2026-10-31");
    await expect(project.timeline.getByTestId("milestone")).toHaveCount(1);

    await project.logButton.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("填报进度");
    await expectNoAxeViolations(page);
    const form = page.locator("form#progress");
    // A refused amount shows its reason next to the field and saves nothing.
    await form.getByLabel("本月完成投资").fill("-5");
    await form.getByLabel("本月进展").fill("首台塔机下线，试生产开始。");
    await form.getByRole("button", { name: "保存填报" }).click();
    await expect(form.getByText("金额不能为负数。")).toBeVisible();

    await form.getByLabel("本月完成投资").fill("1.2亿");
    await form.getByLabel(/^投产/).fill("2026-11-02");
    await form.getByLabel("存在问题").fill("配套电力增容未完成");
    await form.getByLabel("责任方").fill("园区经发局");
    await form.getByRole("button", { name: "保存填报" }).click();

    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\?saved=progress/);
    await expect(project.completedInvestment).toHaveText("1.2亿元");
    await expect(project.stage).toContainText("已投产");
    await expect(project.timeline.getByTestId("milestone").first()).toContainText("已完成");
    await expect(project.entries.first()).toContainText("首台塔机下线");
    await expect(page.getByTestId("problem")).toContainText("配套电力增容未完成");
    await expect(project.auditRows.first()).toBeVisible();

    // A correction keeps the original, marked superseded, and replaces its amount in the total.
    await project.entries.first().getByRole("link", { name: "更正此条" }).click();
    await page.locator("form#progress").getByLabel("本月完成投资").fill("1亿");
    await page.locator("form#progress").getByRole("button", { name: "保存填报" }).click();
    await page.waitForURL(/saved=progress/);
    await expect(project.completedInvestment).toHaveText("1亿元");
    const thisMonth = project.entries.filter({ hasText: "首台塔机下线" });
    await expect(thisMonth).toHaveCount(2);
    await expect(thisMonth.filter({ hasText: "已被更正取代" })).toHaveCount(1);
    await expect(thisMonth.first()).toContainText("更正");
  });

  test("a viewer reads the project but sees no edit controls, and cannot open the forms", async ({ page, signInPage }) => {
    await signInPage.signInAs(VIEWER);
    const project = new ProjectPage(page);
    await project.openByCode(CODE);
    await expect(project.heading).toBeVisible();
    await expect(project.editButton).toHaveCount(0);
    await expect(project.logButton).toHaveCount(0);
    await expect(page.getByText(/^(添加节点|添加分期|添加产能|提出问题|更正此条)$/)).toHaveCount(0);
    await expect(page.getByText("您可以查看此项目；只有本园区的编辑和管理员可以修改。")).toBeVisible();
    const url = page.url();
    const response = await page.goto(`${url}/log`);
    expect(response?.status()).toBe(404);
    expect((await page.goto(`${url}/edit`))?.status()).toBe(404);
  });
});
