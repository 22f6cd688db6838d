import { expect, test } from "./fixtures";

test("an account is locked after five failed sign-ins, with a clear message", async ({ page, signInPage }) => {
  await signInPage.goto();
  const email = "locked-out@example.com";
  // Each attempt waits for its own server answer (the error text alone is already on screen), then for
  // React to reset the form after it: a password typed before that reset is wiped and the next click
  // submits an empty field.
  const attempt = async (password: string) => {
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signin");
    await signInPage.submitCredentials(email, password);
    await answered;
    await expect(signInPage.password).toHaveValue("");
  };
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码不正确。" })).toBeVisible();
  }
  await attempt("wrong-again");
  await expect(page.getByRole("alert").filter({ hasText: "尝试次数过多，请几分钟后再试。" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
