import { DEMO_PASSWORD } from "../../db/seed/accounts";
import { ADMIN, EDITOR, OFFICER, VIEWER, expect, test } from "./fixtures";

const NINGXIANG_MEMBERS = [
  { email: ADMIN, role: "管理员" },
  { email: EDITOR, role: "编辑" },
  { email: VIEWER, role: "查看者" },
];

for (const { email, role } of NINGXIANG_MEMBERS) {
  test(`${email} sees the Ningxiang park and its role (${role})`, async ({ signInPage, projectsPage }) => {
    await signInPage.signInAs(email);

    await expect(projectsPage.heading).toHaveText("园区概览");
    await expect(projectsPage.parkCards).toHaveCount(1);
    const card = projectsPage.parkCard("ningxiang-htz");
    await expect(card).toBeVisible();
    await expect(card.getByText(`您的角色：${role}`)).toBeVisible();
    await expect(projectsPage.projectRow("ningxiang-htz", "星邦智能高空作业平台生产基地项目")).toBeVisible();
    await expect(projectsPage.projectRow("ningxiang-htz", "比亚迪动力电池项目")).toBeVisible();
  });
}

test("the Ningbo officer sees Qianwan and Yinzhou projects only", async ({ page, signInPage, projectsPage }) => {
  await signInPage.signInAs(OFFICER);

  await expect(projectsPage.parkCards).toHaveCount(2);
  await expect(projectsPage.parkCard("qianwan-new-area").getByText("您的角色：编辑")).toBeVisible();
  await expect(projectsPage.parkCard("yinzhou").getByText("您的角色：编辑")).toBeVisible();
  await expect(projectsPage.projectRow("qianwan-new-area", "宁波勤邦新材料科技有限公司")).toBeVisible();
  await expect(projectsPage.projectRow("yinzhou", "宁波杉杉股份有限公司")).toBeVisible();

  await expect(projectsPage.parkCard("ningxiang-htz")).toHaveCount(0);
  await expect(page.getByText("星邦")).toHaveCount(0);
  await expect(page.getByText("比亚迪")).toHaveCount(0);

  await projectsPage.switchLanguage("EN");
  await expect(projectsPage.projectRow("qianwan-new-area", "Qinbang")).toBeVisible();
  await expect(projectsPage.projectRow("yinzhou", "Shanshan")).toBeVisible();
  await expect(page.getByText(/Sinoboom|BYD/)).toHaveCount(0);
});

test("a signed-out visit to / goes to /signin", async ({ page, signInPage }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(signInPage.heading).toHaveText("登录 Parkline");
});

test("a signed-out visit to a deep link signs in and lands on that page", async ({ page, signInPage }) => {
  await page.goto("/projects?stage=production");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprojects%3Fstage%3Dproduction$/);
  await signInPage.submitCredentials(ADMIN, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/projects\?stage=production$/);
});

test.describe("wrong credentials", () => {
  const attempts = [
    { what: "a wrong password", email: ADMIN, password: "not-the-password" },
    { what: "an unknown email", email: "nobody@ningxiang.demo", password: DEMO_PASSWORD },
  ];
  const messages = [
    { label: "中文", message: "邮箱或密码不正确。" },
    { label: "EN", message: "Email or password is incorrect." },
  ] as const;

  for (const { label, message } of messages) {
    test(`a wrong password and an unknown email get the same message (${label})`, async ({ page, signInPage }) => {
      await signInPage.goto();
      if (label === "EN") await signInPage.switchLanguage("EN");
      for (const { what, email, password } of attempts) {
        await test.step(what, async () => {
          await signInPage.submitCredentials(email, password);
          await expect(signInPage.alert(message)).toBeVisible();
          await expect(page).toHaveURL(/\/signin$/);
          await expect(signInPage.email).toHaveValue(email);
          await expect(signInPage.password).toHaveValue("");
        });
      }
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin$/);
    });
  }
});

test("signing out ends the session, and its old cookies no longer let anyone in", async ({
  page,
  context,
  browser,
  baseURL,
  signInPage,
  projectsPage,
}) => {
  await signInPage.signInAs(ADMIN);
  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name)).toContainEqual(expect.stringContaining("authjs.session-token"));

  await projectsPage.signOut();
  await expect(signInPage.submit).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);

  // Someone who copied the cookies before sign-out replays them in a browser of their own.
  const replay = await browser.newContext({ baseURL, locale: "zh-CN" });
  try {
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    await expect(replayPage).toHaveURL(/\/signin$/);
    expect((await replay.request.get("/api/parks")).status()).toBe(401);
  } finally {
    await replay.close();
  }
});
