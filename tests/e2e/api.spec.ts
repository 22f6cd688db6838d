import { ADMIN, OFFICER, expect, test } from "./fixtures";

interface ParksResponse {
  parks: { slug: string; role: string; projects: { code: string }[] }[];
}

test("GET /api/parks without a session answers a 401 problem; a method it does not take, a 405 problem with Allow", async ({ request }) => {
  const response = await request.get("/api/parks");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(await response.json()).toEqual({ type: "urn:parkline:problem:unauthorized", title: expect.any(String), status: 401, detail: expect.any(String) });
  const post = await request.post("/api/parks", { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(post.headers()["content-type"]).toBe("application/problem+json");
  expect(await post.json()).toMatchObject({ type: "urn:parkline:problem:method-not-allowed", status: 405 });
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
