import { randomBytes } from "node:crypto";
import { EDITOR, VIEWER, expect, expectNoAxeViolations, test } from "./fixtures";
import { ProjectPage } from "./pages/project-page";
import { SharesPage } from "./pages/shares-page";

// A project no other spec changes; the editor gives it figures and a problem first.
const CODE = "NX-SANY-MEDLIFT";
const NAME = "三一中起重点项目";
const PROBLEM = "E2E隐藏问题：环评批复延迟";
const CONTACT = "E2E隐藏责任单位";

test("a signed-out reader opens a redacted project link; once revoked it is the same 404 as an unknown one", async ({ page, browser, signInPage, projectsPage }) => {
  // Two browsers, three axe scans and a revocation: 28 s alone on an idle 2-core machine.
  test.setTimeout(90_000);
  await signInPage.signInAs(EDITOR);
  const project = new ProjectPage(page);
  await project.openByCode(CODE);
  await project.editButton.click();
  const edit = page.locator("form#project-edit");
  await edit.getByLabel("计划总投资", { exact: true }).fill("12亿");
  await edit.getByLabel("合同投资", { exact: true }).fill("3.75亿");
  await edit.getByLabel("责任单位", { exact: true }).fill(CONTACT);
  await edit.getByRole("button", { name: "保存修改" }).click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}\?saved=project/);
  await page.getByText("提出问题", { exact: true }).first().click();
  const raise = page.locator("form#problem-new");
  await raise.getByLabel("存在问题", { exact: true }).fill(PROBLEM);
  await raise.getByLabel("责任方", { exact: true }).fill("园区经发局");
  await raise.getByRole("button", { name: "提出问题" }).click();
  await expect(raise.getByRole("status")).toBeVisible();

  // The project page's Share button opens the park's links with this project chosen.
  await page.getByRole("link", { name: "分享", exact: true }).click();
  const shares = new SharesPage(page);
  await expect(shares.heading).toHaveText("分享的状态页");
  await expect(shares.target.locator("option:checked")).toContainText(NAME);
  await expect(shares.section("合同金额")).not.toBeChecked();
  await expect(shares.section("存在问题")).not.toBeChecked();
  await expect(shares.section(/^联系人/)).not.toBeChecked();
  await expect(shares.section(/^投资数据/)).toBeChecked();
  await expectNoAxeViolations(page);
  const url = await shares.create("E2E 投资人");
  // New links go straight to the route that serves the page; links sent as /share/<token> still work.
  expect(url).toMatch(/\/api\/share\/[A-Za-z0-9_-]{43}$/);
  const olderForm = url.replace("/api/share/", "/share/");
  await expectNoAxeViolations(page);
  await projectsPage.signOut();

  const reader = await browser.newContext({ locale: "zh-CN" });
  const readerPage = await reader.newPage();
  const response = (await readerPage.goto(url))!;
  expect(response.status()).toBe(200);
  const body = await response.text();
  const headers = response.headers();
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toBe("no-store");
  expect(body).not.toMatch(/<script/i);
  expect(Buffer.byteLength(body)).toBeLessThan(40 * 1024);
  expect(body).toContain('<meta name="robots" content="noindex,nofollow">');
  for (const hidden of [PROBLEM, CONTACT, "3.75亿", "375000000"]) expect(body).not.toContain(hidden);
  await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(NAME);
  await expect(readerPage.getByText("计划总投资")).toBeVisible();
  await expect(readerPage.getByText("12亿元")).toBeVisible();
  await expectNoAxeViolations(readerPage);

  // The language switch is a plain link; the English page hides the same fields.
  await readerPage.getByRole("link", { name: "English" }).click();
  await expect(readerPage.getByText("¥1.2 bn")).toBeVisible();
  const english = await readerPage.content();
  for (const hidden of [PROBLEM, CONTACT, "¥375", "375000000"]) expect(english).not.toContain(hidden);
  await expectNoAxeViolations(readerPage);
  const older = await reader.request.get(olderForm);
  expect(older.status()).toBe(200);
  expect(older.headers()["referrer-policy"]).toBe("no-referrer");
  expect(await older.text()).toContain(NAME);
  const image = /<meta property="og:image" content="([^"]+)"/.exec(english)?.[1];
  expect(image).toMatch(/\/share\/[A-Za-z0-9_-]{43}\/og\?lang=en$/);
  const preview = await reader.request.get(image!.replaceAll("&amp;", "&"));
  expect(preview.headers()["content-type"]).toContain("image/svg+xml");
  expect(await preview.text()).not.toContain("3.75亿");

  await signInPage.signInAs(EDITOR);
  await shares.goto("ningxiang-htz");
  await expect(shares.row("E2E 投资人").getByTestId("share-views")).toHaveText("3");
  await shares.revoke("E2E 投资人");

  const revoked = await reader.request.get(url);
  expect(revoked.status()).toBe(404);
  expect((await reader.request.get(olderForm)).status()).toBe(404);
  const unknown = await reader.request.get(`/api/share/${randomBytes(32).toString("base64url")}`);
  expect(unknown.status()).toBe(404);
  expect(await revoked.text()).toBe(await unknown.text());
  expect((await readerPage.goto(url))!.status()).toBe(404);
  await expectNoAxeViolations(readerPage);
  await reader.close();
});

/** The links tests/e2e/run.mjs made before the server started (tests/e2e/setup/share-fixtures.ts). */
function shareFixtures(): { live: string; expired: string } {
  const raw = process.env.E2E_SHARE_FIXTURES;
  if (!raw) throw new Error("E2E_SHARE_FIXTURES is not set: run the suite with npm run test:e2e, which makes the fixture links");
  return JSON.parse(raw) as { live: string; expired: string };
}

test("an expired link is the same 404 as an unknown one, in both link forms; a live one made alike opens", async ({ request }) => {
  const { live, expired } = shareFixtures();
  const open = await request.get(`/api/share/${live}`);
  expect(open.status()).toBe(200);
  expect(await open.text()).toContain("宁乡");
  const unknown = await request.get(`/api/share/${randomBytes(32).toString("base64url")}`);
  for (const path of [`/api/share/${expired}`, `/share/${expired}`]) {
    const gone = await request.get(path);
    expect({ path, status: gone.status() }).toEqual({ path, status: 404 });
    expect(await gone.text()).toBe(await unknown.text());
  }
});

// With no trusted proxy (PARKLINE_TRUSTED_PROXY_HOPS unset) every request here comes from 127.0.0.1, whatever
// X-Forwarded-For says, and other specs' misses may already count: 429 comes at the 21st miss or sooner.
test("an address that opens too many unknown links gets 429", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 21 && !statuses.includes(429); i++) {
    const headers = { "x-forwarded-for": `198.51.100.${i + 1}` }; // a new one each time changes nothing
    statuses.push((await request.get(`/api/share/${randomBytes(32).toString("base64url")}`, { headers })).status());
  }
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
});

test("viewers of the park cannot open the share links page", async ({ page, signInPage }) => {
  await signInPage.signInAs(VIEWER);
  expect((await page.goto("/parks/ningxiang-htz/shares"))?.status()).toBe(404);
});
