import { ADMIN, expectNoAxeViolations, test, expect } from "./fixtures";
import { ProjectPage } from "./pages/project-page";

for (const label of ["中文", "EN"] as const) {
  test(`the sign-in page has no axe violations, also with an error shown (${label})`, async ({ signInPage }) => {
    await signInPage.goto();
    if (label === "EN") await signInPage.switchLanguage("EN");
    await expectNoAxeViolations(signInPage.page);

    await signInPage.submitCredentials(ADMIN, "not-the-password");
    await expect(signInPage.alert(label === "EN" ? "Email or password is incorrect." : "邮箱或密码不正确。")).toBeVisible();
    await expectNoAxeViolations(signInPage.page);
  });

  test(`the projects page has no axe violations, also with the account menu open (${label})`, async ({ signInPage, projectsPage }) => {
    await signInPage.signInAs(ADMIN);
    if (label === "EN") await projectsPage.switchLanguage("EN");
    await expect(projectsPage.parkCard("ningxiang-htz")).toBeVisible();
    await expectNoAxeViolations(projectsPage.page);

    // The open menu is modal: Radix hides the rest of the page from assistive technology, which axe
    // would report as a page without landmarks, so only the menu itself is scanned.
    await projectsPage.accountMenu.click();
    await expect(projectsPage.page.getByRole("menu")).toBeVisible();
    await expectNoAxeViolations(projectsPage.page, "[role=menu]");
  });
}

// Every other page of the app, as its admin sees it (the most controls), in both languages: the pages
// other specs scan while they work with them (dashboard, project, log form, account, ledger import,
// share links, status page) are here too, so this list alone answers "every page".
for (const label of ["中文", "EN"] as const) {
  test(`every page of the app has no axe violations (${label})`, async ({ page, signInPage, projectsPage }) => {
    test.setTimeout(120_000);
    await signInPage.signInAs(ADMIN);
    if (label === "EN") await projectsPage.switchLanguage("EN");
    const project = new ProjectPage(page);
    await project.openByCode("NX-BYD-BATTERY");
    const projectPath = new URL(page.url()).pathname;
    const park = "/parks/ningxiang-htz";
    const paths = [
      "/", "/projects", "/projects?stage=production&q=BYD", "/projects/new", projectPath, `${projectPath}/edit`, `${projectPath}/log`,
      park, `${park}/settings`, `${park}/shares`, `${park}/import`,
      ...["stages", "monthly", "pace", "capacity", "late", "problems", "timeline", "ramp"].map((t) => `${park}/tables/${t}`),
      "/regions", `/regions/import?${new URLSearchParams({ province: "湖南省" })}`, "/account",
    ];
    for (const path of paths) {
      const response = await page.goto(path);
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoAxeViolations(page);
    }
    // Not found inside the signed-in chrome (a page's notFound()), and a path that matches no page.
    for (const path of ["/projects/00000000-0000-4000-8000-000000000000", "/no-such-page"]) {
      expect({ path, status: (await page.goto(path))?.status() }).toEqual({ path, status: 404 });
      await expectNoAxeViolations(page);
    }
  });
}
