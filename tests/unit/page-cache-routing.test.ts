import { describe, expect, it } from "vitest";
// Next.js's own matching, as its server runs it: proxy.ts's matcher compiled as the build compiles it,
// and a rewrite's path and has/missing conditions.
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import { pageCacheBudget, pageCacheOn, pageCacheRewrites } from "@/app/_lib/page-cache/routing";
import { config as proxyConfig } from "@/proxy";

type Headers = Record<string, string>;

// Exported by the module, though its type declarations leave it out.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matcher: unknown, config: unknown) => unknown };

const runsProxy = getMiddlewareRouteMatcher(getMiddlewareMatchers(proxyConfig.matcher as never, {} as never) as never);
const rewrites = pageCacheRewrites().map((r) => ({ ...r, match: getPathMatch(r.source) }));

function rewriteOf(pathname: string, headers: Headers): string | null {
  const req = { headers } as never;
  for (const rule of rewrites) {
    if (rule.match(pathname) && matchHas(req, {}, rule.has, rule.missing)) return rule.destination;
  }
  return null;
}

const proxyRuns = (pathname: string, headers: Headers) => runsProxy(pathname, { headers } as never, {});

/** Every subset of a list. */
const subsets = <T>(items: T[]): T[][] => items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);

/**
 * What must never be answered from the cache, whatever routing.ts says: the client router's RSC and
 * prefetch requests, server actions, forms posted without JavaScript, and the cache's own rendering.
 */
const NOT_A_DOCUMENT_LOAD = ["rsc", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "content-type", "x-parkline-render"];

const COOKIES = {
  none: "",
  plain: "authjs.session-token=abc",
  secure: "__Secure-authjs.session-token=abc",
  chunked: "authjs.session-token.0=abc; authjs.session-token.1=def",
  other: "parkline-locale=en",
};

describe("which requests the page cache answers", () => {
  it("sends a signed-in document load of the dashboard to the cache, and proxy.ts does not see it", () => {
    for (const cookie of [COOKIES.plain, COOKIES.secure, `${COOKIES.other}; ${COOKIES.plain}`]) {
      expect(rewriteOf("/parks/ningxiang-htz", { cookie })).toBe("/api/page-cache/parks/:slug");
      expect(proxyRuns("/parks/ningxiang-htz", { cookie })).toBe(false);
    }
  });

  it("leaves every other request to that path to proxy.ts and the App Router: exactly one of the two, every time", () => {
    // Every combination of the headers that make a request something other than a document load, with
    // and without a session cookie: the proxy must see everything the cache does not answer.
    for (const [cookieKind, cookie] of Object.entries(COOKIES)) {
      for (const present of subsets(NOT_A_DOCUMENT_LOAD)) {
        const headers: Headers = Object.fromEntries(present.map((name) => [name, "1"]));
        if (cookie) headers.cookie = cookie;
        const cached = rewriteOf("/parks/ningxiang-htz", headers) !== null;
        const signedIn = cookieKind === "plain" || cookieKind === "secure";
        expect({ cookieKind, present, cached }).toEqual({ cookieKind, present, cached: signedIn && present.length === 0 });
        expect({ cookieKind, present, proxy: proxyRuns("/parks/ningxiang-htz", headers) }).toEqual({ cookieKind, present, proxy: !cached });
      }
    }
  });

  // (A trailing slash never gets this far: Next.js redirects /parks/x/ to /parks/x first.)
  it("answers no other page, and proxy.ts still sees every other page", () => {
    const cookie = COOKIES.plain;
    for (const path of ["/", "/projects", "/parks/ningxiang-htz/settings", "/parks/ningxiang-htz/tables/late", "/parks", "/regions", "/signin"]) {
      expect({ path, cached: rewriteOf(path, { cookie }) }).toEqual({ path, cached: null });
      expect({ path, proxy: proxyRuns(path, { cookie }) }).toEqual({ path, proxy: true });
    }
    // The client router's transport forms of the dashboard carry an rsc header: proxy.ts, not the cache.
    for (const path of ["/parks/ningxiang-htz.rsc", "/parks/ningxiang-htz.segments/_tree.segment.rsc"]) {
      expect(rewriteOf(path, { cookie, rsc: "1" })).toBeNull();
      expect(proxyRuns(path, { cookie, rsc: "1" })).toBe(true);
    }
  });

  it("keeps pages in production only, within PARKLINE_PAGE_CACHE_MB (64 by default; 0 turns it off)", () => {
    expect(pageCacheBudget({} as NodeJS.ProcessEnv)).toBe(64 * 1024 * 1024);
    expect(pageCacheBudget({ PARKLINE_PAGE_CACHE_MB: "8" } as never)).toBe(8 * 1024 * 1024);
    for (const off of ["0", "-1", "lots"]) expect(pageCacheBudget({ PARKLINE_PAGE_CACHE_MB: off } as never)).toBe(0);
    expect(pageCacheOn({ NODE_ENV: "production" } as never)).toBe(true);
    expect(pageCacheOn({ NODE_ENV: "production", PARKLINE_PAGE_CACHE_MB: "0" } as never)).toBe(false);
    expect(pageCacheOn({ NODE_ENV: "development" } as never)).toBe(false);
  });
});
