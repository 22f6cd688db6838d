import { expect, type Locator, type Page } from "@playwright/test";

/** /parks/[slug]: a park's dashboard, in either language, and the table pages it links to. */
export class DashboardPage {
  readonly heading: Locator;
  readonly headline: Locator;
  readonly timeline: Locator;
  readonly capacityRows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.headline = page.getByRole("definition").filter({ has: page.getByTestId("headline-projects") });
    this.timeline = page.getByTestId("timeline");
    this.capacityRows = page.getByTestId("capacity-rows").getByRole("listitem");
  }

  async goto(slug: string) {
    await this.page.goto(`/parks/${slug}`);
    await expect(this.heading).toBeVisible();
  }

  /** A section (a card with its own heading); a string is its whole heading. */
  section(title: string | RegExp): Locator {
    return this.page.getByRole("region", { name: title, exact: typeof title === "string" });
  }

  /** The "Show as table" link of a section: a page of its own. */
  tableLink(section: Locator): Locator {
    return section.getByRole("link", { name: /^(以表格显示|Show as table)$/ });
  }
}
