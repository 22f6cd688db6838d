import type { Page } from "@playwright/test";
import { EDITOR, OFFICER, VIEWER, expect, test } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";
import { ProjectPage } from "./pages/project-page";

// The park dashboard through the page cache (app/_lib/page-cache): served as rendered while nothing it
// shows has changed, rendered again on the first load after a write.
const PARK = "ningxiang-htz";
const CODE = "NX-SINOBOOM"; // logged to here only: share.spec.ts keeps NX-SANY-MEDLIFT to itself

/** Loads the dashboard as a reader does; its response's headers and HTML (read before anything navigates on). */
async function load(page: Page): Promise<{ headers: Record<string, string>; html: string }> {
  const response = await page.goto(`/parks/${PARK}`);
  expect(response?.status()).toBe(200);
  const html = await response!.text();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return { headers: response!.headers(), html };
}

/** The response's CSP nonce, checked to be on every script of the page. */
function nonceOf({ headers, html }: { headers: Record<string, string>; html: string }): string {
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("the dashboard's second load comes from the cache with a fresh nonce, and the page works as rendered", async ({ page, signInPage, projectsPage }) => {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) blocked.push(message.text());
  });
  await signInPage.signInAs(VIEWER);
  const first = await load(page);
  const second = await load(page);
  expect(["miss", "hit"]).toContain(first.headers["x-parkline-cache"]);
  expect(second.headers["x-parkline-cache"]).toBe("hit");
  expect(await nonceOf(second)).not.toBe(await nonceOf(first));

  // Hydrated: the account menu (a client component) opens, and the language switch (a server action
  // posted from this page) works, after which the page in English is a page of its own.
  await projectsPage.accountMenu.click();
  await expect(page.getByRole("menuitem", { name: "退出登录" })).toBeVisible();
  await page.keyboard.press("Escape");
  await projectsPage.switchLanguage("EN");
  const dashboard = new DashboardPage(page);
  await expect(dashboard.section("Stage funnel")).toBeVisible();
  const english = await load(page);
  expect(english.headers["x-parkline-cache"]).toBe("miss");
  expect(english.html).toContain("Stage funnel");
  expect((await load(page)).headers["x-parkline-cache"]).toBe("hit");
  await projectsPage.switchLanguage("中文");
  await expect(dashboard.section("项目阶段漏斗")).toBeVisible();

  // Client-side navigation away and back asks the App Router itself (an RSC request), not the cache.
  await page.getByRole("link", { name: "全部项目" }).click();
  await page.waitForURL("**/projects");
  await page.goBack();
  await expect(dashboard.section("项目阶段漏斗")).toBeVisible();
  expect(blocked).toEqual([]);
});

test("a write shows on the next load of the dashboard, for every viewer", async ({ page, signInPage, browser }) => {
  // A viewer keeps the dashboard open in another browser: theirs is cached too.
  const viewerContext = await browser.newContext({ locale: "zh-CN" });
  const viewerPage = await viewerContext.newPage();
  const { SignInPage } = await import("./pages/sign-in-page");
  await new SignInPage(viewerPage).signInAs(VIEWER);
  await load(viewerPage);
  expect((await load(viewerPage)).headers["x-parkline-cache"]).toBe("hit");
  const problemsBefore = Number(await viewerPage.getByTestId("headline-problems").textContent());

  await signInPage.signInAs(EDITOR);
  const project = new ProjectPage(page);
  await project.openByCode(CODE);
  await project.logButton.click();
  const form = page.locator("form#progress");
  await form.getByLabel("本月进展").fill("调试设备进场，等待验收。");
  await form.getByLabel("存在问题").fill("验收专家组尚未确定-缓存测试");
  await form.getByLabel("责任方").fill("园区经发局");
  await form.getByRole("button", { name: "保存填报" }).click();
  await page.waitForURL(/saved=progress/);

  const after = await load(viewerPage);
  expect(after.headers["x-parkline-cache"]).toBe("miss");
  await expect(viewerPage.getByTestId("headline-problems")).toHaveText(String(problemsBefore + 1));
  await expect(viewerPage.getByText("验收专家组尚未确定-缓存测试")).toBeVisible();
  expect((await load(viewerPage)).headers["x-parkline-cache"]).toBe("hit");
  await viewerContext.close();
});

test("signed out, or a member of another park, the dashboard is refused as before and nothing is cached", async ({ page, signInPage }) => {
  const signedOut = await page.request.get(`/parks/${PARK}`, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toContain("/signin");
  await signInPage.signInAs(OFFICER);
  for (let i = 0; i < 2; i++) {
    const response = await page.goto(`/parks/${PARK}`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()["x-parkline-cache"]).toBe("pass");
  }
});
