import { expect, type Locator, type Page } from "@playwright/test";

/** /parks/[slug]/import: upload a ledger, read the check, import it. */
export class LedgerPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly checkButton: Locator;
  readonly problems: Locator;
  readonly summary: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.fileInput = page.getByLabel(/^(台账文件|Ledger file)/);
    this.checkButton = page.getByRole("button", { name: /^(检查文件|Check the file)$/ });
    this.problems = page.getByTestId("ledger-problem");
    this.summary = page.getByTestId("ledger-summary");
    this.done = page.getByRole("status").filter({ hasText: /已导入|Imported/ });
  }

  async goto(slug: string) {
    await this.page.goto(`/parks/${slug}/import`);
    await expect(this.heading).toBeVisible();
  }

  /** Chooses a file (a CSV written here) and checks it. */
  async check(name: string, csv: string) {
    await this.fileInput.setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`) });
    await this.checkButton.click();
    // The page's own alert, not Next's route announcer (also role=alert, outside <main>).
    await expect(this.summary.or(this.page.getByRole("main").getByRole("alert")).first()).toBeVisible();
  }

  commitButton(count: number): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^(导入 ${count} 项变更|Import ${count} changes?)$`) });
  }
}
