import { expect, type Locator, type Page } from "@playwright/test";

/** /admin and its park pages, in either language: what a platform admin does to the organisation. */
export class AdminPage {
  constructor(readonly page: Page) {}

  navLink(): Locator {
    return this.page.getByRole("link", { name: /^(系统管理|Administration)$/ });
  }

  async open() {
    await this.navLink().click();
    await this.page.waitForURL((url) => url.pathname === "/admin");
    await expect(this.page.getByRole("heading", { level: 1, name: /^(系统管理|Administration)$/ })).toBeVisible();
  }

  /** Adds a province (no parent) or a city of `province` through the region form. */
  async addRegion({ name, nameEn, province }: { name: string; nameEn: string; province?: string }) {
    const form = this.page.locator("#new-region");
    if (!(await form.isVisible())) await this.page.getByText(/^(添加省份|Add a province)/).click();
    if (province) await form.getByLabel(/^(所属省份|Province)$/).selectOption({ label: province });
    await form.getByLabel(/^(中文名称|Name in Chinese)$/).fill(name);
    await form.getByLabel(/^(英文名称（可选）|Name in English \(optional\))$/).fill(nameEn);
    await form.getByRole("button", { name: /^(添加地区|Add region)$/ }).click();
    await expect(form.getByRole("status")).toHaveText(/^(地区已添加。|Region added\.)$/);
    // The list shows it (in the page's language) once the action's re-render arrived.
    await expect(this.regionList().getByRole("link", { name: new RegExp(`^(${name}|${nameEn})$`) })).toBeVisible();
  }

  regionList(): Locator {
    return this.page.getByTestId("admin-region-list");
  }

  /** Fills the new-park form; the caller submits and checks the answer. */
  async fillNewPark({ name, nameEn, slug, city, clusters }: { name: string; nameEn: string; slug: string; city: string; clusters: string }) {
    const form = this.page.locator("#new-park");
    await form.getByLabel(/^(中文名称|Name in Chinese)$/).fill(name);
    await form.getByLabel(/^(英文名称（可选）|Name in English \(optional\))$/).fill(nameEn);
    await form.getByLabel(/^(网址标识（slug）|Address \(slug\))$/).fill(slug);
    await form.getByLabel(/^(所在城市|City)$/).selectOption({ label: city });
    await form.getByLabel(/^(产业集群|Industry clusters)$/).fill(clusters);
    return form;
  }

  async newPark() {
    await this.page.getByRole("link", { name: /^(新建园区|New park)$/ }).click();
    await this.page.waitForURL((url) => url.pathname === "/admin/parks/new");
  }
}
