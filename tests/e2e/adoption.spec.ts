import { expect, expectNoSidewaysScroll, test } from "./fixtures";
import { AdminPage } from "./pages/admin-page";
import { MembersPage } from "./pages/members-page";
import { ProjectPage } from "./pages/project-page";
import { SignInPage } from "./pages/sign-in-page";

/**
 * A park adopts Parkline with no SQL, as one chain through the UI: a platform admin creates the park
 * and invites an officer; the officer accepts, signs in, creates the park's first project and logs a
 * month; the admin removes them; the officer's open tab is refused on its next request. Once in each
 * language, the Chinese run on a phone.
 */

const PLATFORM = "platform@parkline.demo";
const PASSWORD = "officer-password-2026";

const RUNS = [
  {
    lang: "zh", viewport: { width: 390, height: 844 }, city: "湖南省 · 长沙市",
    text: {
      name: "姓名", password: "新密码", confirm: "再次输入新密码", accept: "创建账户并加入", allProjects: "全部项目", newProject: "新建项目",
      code: "项目编号", projectName: "项目名称（中文）", company: "企业（中文）", cluster: "产业集群", clusterEn: "产业集群（英文，可选）", planned: "计划总投资",
      create: "创建项目", log: "填报进度", invested: "本月完成投资", narrative: "本月进展", save: "保存填报", forbidden: "您无权访问此内容。",
    },
  },
  {
    lang: "en", viewport: { width: 1280, height: 900 }, city: "Hunan · Changsha",
    text: {
      name: "Your name", password: "New password", confirm: "New password again", accept: "Create account and join", allProjects: "All projects", newProject: "New project",
      code: "Project code", projectName: "Project name (Chinese)", company: "Company (Chinese)", cluster: "Industry cluster", clusterEn: "Industry cluster (English, optional)",
      planned: "Planned total", create: "Create project", log: "Log progress", invested: "Investment completed this month",
      narrative: "What happened this month (Chinese or English)", save: "Save entry", forbidden: "You do not have access to this.",
    },
  },
] as const;

// Two browsers, a dozen form submissions, on a machine that may be busy.
test.setTimeout(180_000);

for (const run of RUNS) {
  test(`adoption (${run.lang}, ${run.viewport.width} px): a new park, an invited officer's first month, then their removal`, async ({ browser, baseURL }) => {
    const stamp = `${run.lang}${Date.now().toString(36)}`;
    const slug = `adopt-${stamp}`;
    const email = `officer-${stamp}@e2e.example`;
    const cookie = { name: "parkline-locale", value: run.lang, url: baseURL! };
    const adminContext = await browser.newContext({ viewport: run.viewport });
    const officerContext = await browser.newContext({ viewport: run.viewport });
    await adminContext.addCookies([cookie]);
    await officerContext.addCookies([cookie]);
    const admin = await adminContext.newPage();
    const officer = await officerContext.newPage();
    const t = run.text;

    // The platform admin creates the park, with two industry clusters.
    await new SignInPage(admin).signInAs(PLATFORM);
    const adminPage = new AdminPage(admin);
    await adminPage.open();
    await adminPage.newPark();
    const parkForm = await adminPage.fillNewPark({ name: `采用园区${stamp}`, nameEn: `Adoption Park ${stamp}`, slug, city: run.city, clusters: "新能源 | New energy\n新材料 | New materials" });
    await parkForm.getByRole("button", { name: /^(创建园区|Create park)$/ }).click();
    await admin.waitForURL((url) => url.pathname.startsWith("/admin/parks/") && url.searchParams.get("created") === "1");

    // …and invites an officer from the park's admin page (an editor, the form's default role).
    const people = new MembersPage(admin);
    const link = await people.invite(email);
    expect(link).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    await expectNoSidewaysScroll(admin);

    // The officer accepts: name and password, and lands in the new park.
    await officer.goto(link);
    await officer.getByLabel(t.name).fill("采用专员");
    await officer.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await officer.getByLabel(t.confirm).fill(PASSWORD);
    await officer.getByRole("button", { name: t.accept }).click();
    await officer.waitForURL(`**/parks/${slug}`);

    // Signs in with the new password.
    await officerContext.clearCookies();
    await officerContext.addCookies([cookie]);
    const signIn = new SignInPage(officer);
    await signIn.goto();
    await signIn.submitCredentials(email, PASSWORD);
    await officer.waitForURL((url) => url.pathname === "/");

    // The new park has no project yet: the officer creates one, choosing a cluster the park offers.
    await officer.getByRole("link", { name: t.allProjects, exact: true }).first().click();
    await officer.getByRole("link", { name: t.newProject, exact: true }).first().click();
    const projectForm = officer.locator("form#project-new");
    await projectForm.getByLabel(t.code).fill(`AD-${stamp}`);
    await projectForm.getByLabel(t.projectName).fill("储能电池项目");
    await projectForm.getByLabel(t.company).fill("采用储能科技有限公司");
    await expect(officer.locator("datalist#park-clusters option")).toHaveCount(2);
    await projectForm.getByLabel(t.cluster, { exact: true }).fill("新能源");
    await expect(projectForm.getByLabel(t.clusterEn)).toHaveValue("New energy");
    await projectForm.getByLabel(t.planned).fill("10亿");
    await expectNoSidewaysScroll(officer);
    await projectForm.getByRole("button", { name: t.create }).click();
    await officer.waitForURL(/\/projects\/[0-9a-f-]{36}\?saved=project/);

    // …and logs its first month.
    const project = new ProjectPage(officer);
    await officer.getByRole("link", { name: t.log }).click();
    const progress = officer.locator("form#progress");
    await progress.getByLabel(t.invested).fill("3000万");
    await progress.getByLabel(t.narrative).fill("E2E: 首月进场");
    await progress.getByRole("button", { name: t.save }).click();
    await officer.waitForURL(/\/projects\/[0-9a-f-]{36}\?saved=progress/);
    await expect(project.entries.first()).toContainText("E2E: 首月进场");

    // The officer keeps the next month's form open; the platform admin removes them from the park.
    await officer.getByRole("link", { name: t.log }).click();
    await progress.getByLabel(t.narrative).fill("E2E: after removal");
    await admin.reload();
    const row = admin.getByTestId("admin-member-row").filter({ hasText: email });
    await row.getByRole("button", { name: /^(将 .+ 移出园区|Remove .+ from the park)$/ }).click();
    await expect(row).toHaveCount(0);

    // The open tab's next request is refused: the save, then the page itself.
    await progress.getByRole("button", { name: t.save }).click();
    await expect(officer.getByRole("alert").filter({ hasText: t.forbidden })).toBeVisible();
    const reloaded = await officer.reload();
    expect(reloaded?.status()).toBe(404);

    await adminContext.close();
    await officerContext.close();
  });
}
