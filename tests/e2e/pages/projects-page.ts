import { expect, type Locator, type Page } from "@playwright/test";

/** The projects page (/): one card per park the user belongs to, a table on wide screens, cards on phones. */
export class ProjectsPage {
  readonly heading: Locator;
  readonly parkCards: Locator;
  readonly accountMenu: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.parkCards = page.getByTestId(/^park-/);
    // Named "<user name> Account menu": the visible name comes first.
    this.accountMenu = page.getByRole("button", { name: /(账户菜单|Account menu)$/ });
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.heading).toBeVisible();
  }

  parkCard(slug: string): Locator {
    return this.page.getByTestId(`park-${slug}`);
  }

  /** A project's table row (wide screens), found by any text in it: name, company, code. */
  projectRow(slug: string, text: string | RegExp): Locator {
    return this.parkCard(slug).getByRole("row").filter({ hasText: text });
  }

  /** A project's card (phones). Capacities are list items too, nested inside; the project's comes first. */
  projectItem(slug: string, text: string | RegExp): Locator {
    return this.parkCard(slug).getByRole("listitem").filter({ hasText: text }).first();
  }

  languageButton(label: "中文" | "EN"): Locator {
    return this.page.getByRole("button", { name: label, exact: true });
  }

  async switchLanguage(label: "中文" | "EN") {
    await this.languageButton(label).click();
    await expect(this.languageButton(label)).toHaveAttribute("aria-pressed", "true");
  }

  async signOut() {
    await this.accountMenu.click();
    await this.page.getByRole("menuitem", { name: /^(退出登录|Sign out)$/ }).click();
    await this.page.waitForURL((url) => url.pathname === "/signin");
  }
}
