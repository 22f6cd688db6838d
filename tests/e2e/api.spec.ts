import { ADMIN, OFFICER, expect, test } from "./fixtures";

interface ParksResponse {
  parks: { slug: string; role: string; projects: { code: string }[] }[];
}

test("GET /api/parks without a session answers 401 JSON", async ({ request }) => {
  const response = await request.get("/api/parks");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ status: 401, error: expect.any(String) });
});

const EXPECTED = [
  { email: ADMIN, parks: { "ningxiang-htz": "admin" }, codes: ["NX-SINOBOOM", "NX-BYD-BATTERY"], foreign: /^(QW|YZ)-/ },
  {
    email: OFFICER,
    parks: { "qianwan-new-area": "editor", yinzhou: "editor" },
    codes: ["QW-QINBANG-PV", "YZ-SHANSHAN-SIANODE"],
    foreign: /^NX-/,
  },
];

for (const { email, parks, codes, foreign } of EXPECTED) {
  test(`GET /api/parks signed in as ${email} lists that user's parks only`, async ({ page, signInPage }) => {
    await signInPage.signInAs(email);

    const response = await page.request.get("/api/parks");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as ParksResponse;
    expect(Object.fromEntries(body.parks.map((p) => [p.slug, p.role]))).toEqual(parks);
    const seen = body.parks.flatMap((p) => p.projects.map((x) => x.code));
    expect(seen).toEqual(expect.arrayContaining(codes));
    expect(seen.filter((code) => foreign.test(code))).toEqual([]);
  });
}
