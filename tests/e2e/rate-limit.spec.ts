import { expect, test } from "./fixtures";

test("an account is locked after five failed sign-ins, with a clear message", async ({ page, signInPage }) => {
  await signInPage.goto();
  const email = "locked-out@example.com";
  for (let i = 0; i < 5; i++) {
    await signInPage.submitCredentials(email, `wrong-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码不正确。" })).toBeVisible();
  }
  await signInPage.submitCredentials(email, "wrong-again");
  await expect(page.getByRole("alert").filter({ hasText: "尝试次数过多，请几分钟后再试。" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
