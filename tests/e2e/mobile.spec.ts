import { ADMIN, OFFICER, expect, expectNoSidewaysScroll, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("phone: the sign-in page fits the screen", async ({ signInPage }) => {
  await signInPage.goto();
  await expectNoSidewaysScroll(signInPage.page);
});

const ACCOUNTS = [
  { email: ADMIN, slug: "ningxiang-htz", zh: "比亚迪动力电池项目", en: "BYD power battery project" },
  {
    email: OFFICER,
    slug: "yinzhou",
    zh: "杉杉锂电年产4万吨锂离子电池硅基负极材料一体化基地项目",
    en: "Shanshan 40,000 t/year lithium-ion battery silicon-based anode material integration base",
  },
];

for (const { email, slug, zh, en } of ACCOUNTS) {
  test(`phone: ${email} gets project cards instead of the table, in both languages`, async ({ page, signInPage, projectsPage }) => {
    await signInPage.signInAs(email);

    const card = projectsPage.parkCard(slug);
    await expect(projectsPage.projectItem(slug, zh)).toBeVisible();
    await expect(card.getByRole("table")).toBeHidden();
    await expectNoSidewaysScroll(page);

    await projectsPage.switchLanguage("EN");
    await expect(projectsPage.projectItem(slug, en)).toBeVisible();
    await expect(card.getByRole("table")).toBeHidden();
    await expectNoSidewaysScroll(page);
  });
}
