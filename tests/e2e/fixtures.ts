import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../db/seed/accounts";
import { ProjectsPage } from "./pages/projects-page";
import { SignInPage } from "./pages/sign-in-page";

export { expect };

export const test = base.extend<{ signInPage: SignInPage; projectsPage: ProjectsPage }>({
  // The second parameter is not named `use`: the React hooks lint rule would take it for React's use().
  signInPage: async ({ page }, provide) => provide(new SignInPage(page)),
  projectsPage: async ({ page }, provide) => provide(new ProjectsPage(page)),
});

function demoEmail(email: string): string {
  if (!DEMO_ACCOUNTS.some((a) => a.email === email)) throw new Error(`${email} is not a demo account in db/seed/accounts.ts`);
  return email;
}

export const ADMIN = demoEmail("admin@ningxiang.demo");
export const EDITOR = demoEmail("editor@ningxiang.demo");
export const VIEWER = demoEmail("viewer@ningxiang.demo");
export const OFFICER = demoEmail("officer@ningbo.demo");
export const DEMO_EDITOR = demoEmail("editor@demo-park.demo");

/**
 * Fails with one line per violation (rule, what it asks, where) so the report says what to fix.
 * `include` limits the scan to part of the page.
 */
export async function expectNoAxeViolations(page: Page, include?: string) {
  // Next.js streams metadata: after a client-side navigation the <title> can land a moment after
  // the content. Scanning before it would report a missing title that a reader never sees.
  await expect(page).toHaveTitle(/\S/);
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  const found = violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")}`));
  expect(found).toEqual([]);
}

/** Fails when the page is wider than the screen (a phone should never scroll sideways). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page wider than the screen").toBeLessThanOrEqual(clientWidth);
}
