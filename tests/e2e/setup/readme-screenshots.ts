// Retakes README's screenshots from the demonstration park, in both languages, against a running
// production server: `npx tsx tests/e2e/setup/readme-screenshots.ts http://localhost:3000`
// (CHROMIUM_PATH or /usr/bin/chromium). Writes public/screenshots/<page>-<zh|en>.png.
import { chromium, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../../db/seed/accounts";

const base = process.argv[2] ?? "http://localhost:3000";
const SHOTS = [
  { name: "dashboard", path: "/parks/demo-park", width: 1280, height: 1800 },
  { name: "projects", path: "/projects", width: 1280, height: 1000 },
  // The demo park's first project in the list (its admin sees only that park).
  { name: "project-page", path: "first-project", width: 1280, height: 1600 },
  { name: "dashboard-phone", path: "/parks/demo-park", width: 390, height: 1400 },
] as const;

async function signIn(page: Page) {
  await page.goto(`${base}/signin`);
  await page.getByLabel(/^(邮箱|Email)$/).fill("admin@demo-park.demo");
  await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

async function firstProjectPath(page: Page): Promise<string> {
  await page.goto(`${base}/projects`);
  const href = await page.locator('a[href^="/projects/"]').filter({ hasNotText: /^$/ }).evaluateAll((links) =>
    links.map((a) => a.getAttribute("href")!).find((h) => /^\/projects\/[0-9a-f-]{36}$/.test(h)),
  );
  if (!href) throw new Error("no project link on /projects");
  return href;
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  for (const locale of ["zh-CN", "en-US"] as const) {
    const context = await browser.newContext({ locale, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await signIn(page);
    for (const shot of SHOTS) {
      await page.setViewportSize({ width: shot.width, height: shot.height });
      const path = shot.path === "first-project" ? await firstProjectPath(page) : shot.path;
      await page.goto(`${base}${path}`);
      await page.waitForLoadState("networkidle");
      const file = `public/screenshots/${shot.name}-${locale.slice(0, 2)}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    await context.close();
  }
  await browser.close();
}

void main();
