import { ADMIN, expect, expectNoSidewaysScroll, test } from "./fixtures";
import { MembersPage } from "./pages/members-page";
import { ProjectPage } from "./pages/project-page";
import { SignInPage } from "./pages/sign-in-page";

const SLUG = "ningxiang-htz";
const PASSWORD = "officer-password-2026";

// Each language on its own project, which no other spec logs: a month takes one entry per project (page-cache.spec logs NX-SINOBOOM).
const RUNS = [
  {
    lang: "zh", viewport: { width: 390, height: 844 }, code: "NX-BYD-BATTERY",
    text: { name: "姓名", password: "新密码", confirm: "再次输入新密码", accept: "创建账户并加入", log: "填报进度", invested: "本月完成投资", narrative: "本月进展", save: "保存填报", forbidden: "您无权访问此内容。" },
  },
  {
    lang: "en", viewport: { width: 1280, height: 900 }, code: "NX-WANSHSIN-REDUCER",
    text: {
      name: "Your name", password: "New password", confirm: "New password again", accept: "Create account and join", log: "Log progress", invested: "Investment completed this month",
      narrative: "What happened this month (Chinese or English)", save: "Save entry", forbidden: "You do not have access to this.",
    },
  },
] as const;

// Two browsers and a dozen pages, on a machine that may be busy.
test.setTimeout(180_000);

for (const run of RUNS) {
  test(`people (${run.lang}, ${run.viewport.width} px): an admin invites an officer, who joins and logs a month, then is removed and refused`, async ({ browser, baseURL }) => {
    const cookie = { name: "parkline-locale", value: run.lang, url: baseURL! };
    const adminContext = await browser.newContext({ viewport: run.viewport });
    const officerContext = await browser.newContext({ viewport: run.viewport });
    await adminContext.addCookies([cookie]);
    await officerContext.addCookies([cookie]);
    const admin = await adminContext.newPage();
    const officer = await officerContext.newPage();
    const email = `officer-${run.lang}-${Date.now()}@e2e.example`;

    // The admin invites; the link is shown once and the invitation is listed as pending.
    await new SignInPage(admin).signInAs(ADMIN);
    const members = new MembersPage(admin);
    await members.goto(SLUG);
    const link = await members.invite(email);
    expect(link).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    await admin.reload();
    await expect(members.pending.filter({ hasText: email })).toHaveCount(1);
    await expectNoSidewaysScroll(admin);

    // The officer opens the link, sets a name and password, and lands in the park signed in.
    await officer.goto(link);
    await officer.getByLabel(run.text.name).fill("Officer E2E");
    await officer.getByLabel(run.text.password, { exact: true }).fill(PASSWORD);
    await officer.getByLabel(run.text.confirm).fill(PASSWORD);
    await expectNoSidewaysScroll(officer);
    await officer.getByRole("button", { name: run.text.accept }).click();
    await officer.waitForURL(`**/parks/${SLUG}`);
    // A used link gets the one answer every unusable link gets.
    const replay = await officerContext.newPage();
    await replay.goto(link);
    await expect(replay.getByRole("alert").filter({ hasText: /(无法使用|cannot be used)/ })).toBeVisible();
    await replay.close();

    // Signs in again with the new password, and logs a month.
    await officerContext.clearCookies();
    await officerContext.addCookies([cookie]);
    const signIn = new SignInPage(officer);
    await signIn.goto();
    await signIn.submitCredentials(email, PASSWORD);
    await officer.waitForURL((url) => url.pathname === "/");
    const project = new ProjectPage(officer);
    // Phones get project cards rather than the table: follow whichever link to the project is shown.
    await officer.goto(`/projects?q=${run.code}`);
    await officer.locator('main a[href^="/projects/"]:not([href^="/projects/new"]):visible').first().click();
    await officer.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await officer.getByRole("link", { name: run.text.log }).click();
    const form = officer.locator("form#progress");
    await form.getByLabel(run.text.invested).fill("3000万");
    await form.getByLabel(run.text.narrative).fill("E2E: 设备进场");
    await form.getByRole("button", { name: run.text.save }).click();
    await officer.waitForURL(/\/projects\/[0-9a-f-]{36}\?saved=progress/);
    await expect(project.entries.first()).toContainText("E2E: 设备进场");

    // The officer keeps a log form open; the admin removes them.
    await officer.getByRole("link", { name: run.text.log }).click();
    await form.getByLabel(run.text.narrative).fill("E2E: after removal");
    await members.goto(SLUG);
    await members.remove(email);
    await expect(members.history).toContainText(email);

    // The open tab's next request is refused: the save, then the page itself.
    await form.getByRole("button", { name: run.text.save }).click();
    await expect(officer.getByRole("alert").filter({ hasText: run.text.forbidden })).toBeVisible();
    const reloaded = await officer.reload();
    expect(reloaded?.status()).toBe(404);

    await adminContext.close();
    await officerContext.close();
  });
}
