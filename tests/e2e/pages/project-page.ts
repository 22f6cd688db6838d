import { expect, type Locator, type Page } from "@playwright/test";

/** /projects/[id]: the project page, and the forms an editor opens from it. */
export class ProjectPage {
  readonly heading: Locator;
  readonly stage: Locator;
  readonly completedInvestment: Locator;
  readonly timeline: Locator;
  readonly entries: Locator;
  readonly auditRows: Locator;
  readonly editButton: Locator;
  readonly logButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.stage = page.getByTestId("project-stage");
    this.completedInvestment = page.getByTestId("investment-completed");
    this.timeline = page.getByTestId("milestone-timeline");
    this.entries = page.getByTestId("progress-entry");
    this.auditRows = page.getByTestId("audit-row");
    this.editButton = page.getByRole("link", { name: /^(编辑项目|Edit project)$/ });
    this.logButton = page.getByRole("link", { name: /^(填报进度|Log progress)$/ });
  }

  /** Opens a project from the list by its code. */
  async openByCode(code: string) {
    await this.page.goto(`/projects?q=${encodeURIComponent(code)}`);
    await this.page.locator("table tbody tr").filter({ hasText: code }).getByRole("link").first().click();
    await expect(this.heading).toBeVisible();
    await this.page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  }

  /** Adds a milestone through the form in the timeline card. */
  async addMilestone(typeLabel: string, plannedDate: string) {
    await this.page.getByText(/^(添加节点|Add milestone)$/).first().click();
    const form = this.page.locator("form#milestone-new");
    await form.getByLabel(/^(节点|Milestone)$/).selectOption({ label: typeLabel });
    await form.getByLabel(/^(计划日期（基线）|Planned \(baseline\))$/).fill(plannedDate);
    await form.getByRole("button", { name: /^(添加节点|Add milestone)$/ }).click();
    await expect(form.getByRole("status")).toBeVisible();
  }
}
