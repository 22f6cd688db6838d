import { ADMIN, expectNoAxeViolations, test, expect } from "./fixtures";

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
