import { expect, type Locator, type Page } from "@playwright/test";

/** /account: the password form and the API tokens section, in either language. */
export class AccountPage {
  readonly heading: Locator;
  readonly tokenForm: Locator;
  readonly createdToken: Locator;
  readonly copyButton: Locator;
  readonly tokenRows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.tokenForm = page.locator("form#api-token-new");
    this.createdToken = page.getByTestId("api-token-value");
    this.copyButton = page.getByRole("button", { name: /^(复制|Copy)$/ });
    this.tokenRows = page.getByTestId("api-token-row");
  }

  async goto() {
    await this.page.goto("/account");
    await expect(this.heading).toBeVisible();
  }

  /** Creates a token for the parks ticked by label, and returns the token shown once. */
  async createToken({ label, parks, write }: { label: string; parks: RegExp[]; write: boolean }): Promise<string> {
    await this.tokenForm.getByLabel(/^(名称|Label)$/).fill(label);
    await this.tokenForm.getByLabel(/^(权限|Access)$/).selectOption(write ? "write" : "read");
    for (const park of parks) await this.tokenForm.getByRole("checkbox", { name: park }).check();
    await this.tokenForm.getByRole("button", { name: /^(创建令牌|Create token)$/ }).click();
    await expect(this.createdToken).toBeVisible();
    return this.createdToken.inputValue();
  }

  row(label: string): Locator {
    return this.tokenRows.filter({ hasText: label });
  }

  async revoke(label: string) {
    await this.row(label).getByRole("button", { name: /^(撤销|Revoke)/ }).click();
    await expect(this.row(label)).toHaveCount(0);
  }
}
