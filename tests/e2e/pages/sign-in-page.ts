import { expect, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../../db/seed/accounts";

/** /signin, in either language. */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.email = page.getByLabel(/^(邮箱|Email)$/);
    this.password = page.getByLabel(/^(密码|Password)$/);
    this.submit = page.getByRole("button", { name: /^(登录|Sign in)$/ });
  }

  async goto() {
    await this.page.goto("/signin");
    await expect(this.submit).toBeVisible();
  }

  /** Fills and submits the form; the caller checks where that leads. */
  async submitCredentials(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Opens /signin, signs in with a demo account and waits for the projects page. */
  async signInAs(email: string) {
    await this.goto();
    await this.submitCredentials(email, DEMO_PASSWORD);
    await this.page.waitForURL((url) => url.pathname === "/");
  }

  /** The form's error message. Next.js adds a role="alert" route announcer of its own, hence the text filter. */
  alert(text: string): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  languageButton(label: "中文" | "EN"): Locator {
    return this.page.getByRole("button", { name: label, exact: true });
  }

  async switchLanguage(label: "中文" | "EN") {
    await this.languageButton(label).click();
    await expect(this.languageButton(label)).toHaveAttribute("aria-pressed", "true");
  }
}
