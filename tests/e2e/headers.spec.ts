import { EDITOR, expect, test } from "./fixtures";

test("the sign-in page's tab icon loads signed out, and nothing the page asks for is missing", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  await page.goto("/signin");
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!, { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(missing).toEqual([]);
});

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP with no inline or eval scripts, and no framing", async ({ request }) => {
    const response = await request.get("/signin");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["strict-transport-security"]).toContain("max-age=");

    // Every script Next.js renders carries this response's nonce.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    // A new nonce for every response.
    const again = (await request.get("/signin")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("the session cookie is HttpOnly and SameSite", async ({ page, signInPage, context }) => {
    await signInPage.signInAs(EDITOR);
    await expect(page).not.toHaveURL(/\/signin/);
    const session = (await context.cookies()).find((c) => c.name.includes("session-token"));
    expect(session).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
  });
});

test("a server-action post without a same-site Origin is refused before it runs", async ({ request }) => {
  const variants: Record<string, string>[] = [{}, { origin: "https://evil.example" }];
  for (const headers of variants) {
    const response = await request.post("/signin", {
      headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8", ...headers },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  }
});
