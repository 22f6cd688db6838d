import { EDITOR, OFFICER, expect, expectNoAxeViolations, expectNoSidewaysScroll, test } from "./fixtures";
import { AccountPage } from "./pages/account-page";

test("an editor creates an API token, sees it once, uses it, and revokes it", async ({ page, context, signInPage, projectsPage }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInPage.signInAs(EDITOR);
  await projectsPage.accountMenu.click();
  await page.getByRole("menuitem", { name: "API 令牌" }).click();
  const account = new AccountPage(page);
  await expect(account.heading).toHaveText("我的账户");
  await expectNoAxeViolations(page);

  // A form without a park is refused beside the parks, and nothing is created.
  await account.tokenForm.getByLabel("名称").fill("E2E 台账脚本");
  await account.tokenForm.getByRole("checkbox").uncheck();
  await account.tokenForm.getByRole("button", { name: "创建令牌" }).click();
  await expect(account.tokenForm.getByText("请至少选择一个园区。")).toBeVisible();
  await expect(account.createdToken).toHaveCount(0);

  const token = await account.createToken({ label: "E2E 台账脚本", parks: [/宁乡高新技术产业开发区/], write: true });
  expect(token).toMatch(/^parkline_[A-Za-z0-9_-]{43}$/);
  await account.copyButton.click();
  await expect(page.getByText("已复制到剪贴板。")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  const row = account.row("E2E 台账脚本");
  await expect(row).toContainText(token.slice(0, 17));
  await expect(row).toContainText("读写");
  await expect(row).not.toContainText(token.slice(17));
  await expectNoAxeViolations(page);

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(account.createdToken).toHaveCount(0);
  expect(await page.content()).not.toContain(token.slice(17));

  const headers = { authorization: `Bearer ${token}` };
  const parks = await page.request.get("/api/v1/parks", { headers });
  expect(parks.status()).toBe(200);
  expect((await parks.json()).data.map((p: { slug: string }) => p.slug)).toEqual(["ningxiang-htz"]);
  await page.reload();
  await expect(account.row("E2E 台账脚本")).not.toContainText("从未");

  await account.revoke("E2E 台账脚本");
  const refused = await page.request.get("/api/v1/parks", { headers });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});

test("the OpenAPI document is served to anyone", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/v1/projects/{projectId}/progress");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the account page fits the screen with a token listed, in English too", async ({ page, signInPage, projectsPage }) => {
    await signInPage.signInAs(OFFICER);
    const account = new AccountPage(page);
    await account.goto();
    await account.createToken({ label: "E2E 手机", parks: [/前湾/], write: false });
    await expect(account.row("E2E 手机")).toContainText("只读");
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await projectsPage.switchLanguage("EN");
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
    await expect(account.row("E2E 手机")).toContainText("Read only");
    await expectNoSidewaysScroll(page);
    await account.revoke("E2E 手机");
  });
});
