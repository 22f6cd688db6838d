import { expect, type Locator, type Page } from "@playwright/test";

/** /parks/[slug]/shares: a park's share links, in either language. */
export class SharesPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly target: Locator;
  readonly createdUrl: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.form = page.locator("form#share-new");
    this.target = this.form.getByLabel(/^(分享内容|What to share)$/);
    this.createdUrl = page.getByTestId("share-url");
    this.rows = page.getByTestId("share-link-row");
  }

  async goto(slug: string) {
    await this.page.goto(`/parks/${slug}/shares`);
    await expect(this.heading).toBeVisible();
  }

  section(label: string | RegExp): Locator {
    return this.form.getByRole("checkbox", { name: label });
  }

  /** Creates a link with the sections as they are ticked, and returns the URL shown once. */
  async create(label: string): Promise<string> {
    await this.form.getByLabel(/^(名称|Label)$/).fill(label);
    await this.form.getByRole("button", { name: /^(创建链接|Create link)$/ }).click();
    await expect(this.createdUrl).toBeVisible();
    return this.createdUrl.inputValue();
  }

  row(label: string): Locator {
    return this.rows.filter({ hasText: label });
  }

  async revoke(label: string) {
    await this.row(label).getByRole("button", { name: /^(撤销|Revoke)/ }).click();
    await expect(this.row(label)).toHaveCount(0);
  }
}
