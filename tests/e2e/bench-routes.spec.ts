import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

/**
 * The bench's reference routes are not part of the app: the suite runs on a plain `next build`, which
 * must answer 404 where a bench build (PARKLINE_BENCH_ROUTES=1, bench/route-files.ts) has them.
 */
const PAGES = ["/bench/empty", "/bench/nodb-page"];
const ROUTES = ["/bench/nodb", "/bench/bare", "/api/bench/bare"];

test("a plain production build has no bench reference routes", async ({ request }) => {
  // Signed out, a missing page goes to sign-in like any other; with a session cookie it is a 404.
  const cookie = { "cookie": "authjs.session-token=not-a-session" };
  for (const path of [...PAGES, ...ROUTES]) {
    const res = await request.get(path, { headers: cookie, maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
  }
  // Signed out, /bench is no longer an exception in proxy.ts: it is sent to sign-in like any unknown page.
  const signedOut = await request.get("/bench/empty", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toMatch(/\/signin\?callbackUrl=%2Fbench%2Fempty$/);
  // And the build itself lists none of them.
  const manifest = ".next/app-path-routes-manifest.json";
  if (existsSync(manifest)) expect(Object.values(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>).filter((p) => p.startsWith("/bench"))).toEqual([]);
});
