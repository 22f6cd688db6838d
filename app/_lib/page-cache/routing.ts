// How document loads reach the page cache (app/_lib/page-cache/serve.ts). next.config.ts rewrites them
// to the cache's routes, and proxy.ts's matcher leaves exactly those requests out, so the proxy's
// second pass through the request costs them nothing. Nothing here may be server-only: both import it.

/** The header of the cache's own rendering request: it goes through proxy.ts to the App Router. */
export const RENDER_HEADER = "x-parkline-render";

/** The session cookie's names (session-cookie-names.ts); one rewrite each, as a rewrite's `has` is all-of. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/**
 * What makes a request to a cached page's path not a plain document load: the client router's RSC and
 * prefetch requests, a server action (next-action), a form posted without JavaScript (it has a body,
 * so a content-type), and the cache's own rendering. proxy.ts's matcher repeats this list, literally.
 */
export const NOT_A_DOCUMENT_LOAD = ["rsc", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "content-type", RENDER_HEADER];

/** The cache's routes are the pages' paths under this prefix (pages/api/page-cache/…). */
const ROUTE_PREFIX = "/api/page-cache";

/** Pages served through the cache: their App Router path, as a rewrite source and as a pattern. */
const CACHED_PAGES = [
  // The park dashboard (app/(app)/parks/[slug]/page.tsx).
  { source: "/parks/:slug", pattern: /^\/parks\/[^/]+$/ },
];

/**
 * The App Router page a request to one of the cache's routes asks for, query string included, as it
 * was sent: a rewritten request keeps the page's URL, one sent to the route itself has its prefix in
 * front. Null for anything else, or a path that could not have come in a request line (only printable
 * ASCII does).
 */
export function pagePathOf(url: string): string | null {
  const path = url.startsWith(`${ROUTE_PREFIX}/`) ? url.slice(ROUTE_PREFIX.length) : url;
  if (!/^[\x21-\x7e]+$/.test(path)) return null;
  const pathname = path.split("?", 1)[0]!;
  return CACHED_PAGES.some((page) => page.pattern.test(pathname)) ? path : null;
}

/** The canonical path of a park's dashboard: a well-formed slug needs no percent-encoding. */
export function parkPagePath(slug: string): string {
  return `/parks/${slug}`;
}

/**
 * The canonical path (query string kept) when `path` spells a well-formed slug another way, e.g.
 * /parks/%6eingxiang-htz; null when it is canonical already or names no well-formed slug.
 */
export function canonicalSpellingOf(path: string, isWellFormedSlug: (slug: string) => boolean): string | null {
  const [pathname, query] = [path.split("?", 1)[0]!, path.slice(path.split("?", 1)[0]!.length)];
  const match = /^\/parks\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  const canonical = parkPagePath(slug);
  return canonical !== pathname && isWellFormedSlug(slug) ? `${canonical}${query}` : null;
}

/** next.config.ts's rewrites for the cache: a signed-in document load of a cached page. */
export function pageCacheRewrites() {
  return CACHED_PAGES.flatMap(({ source }) =>
    SESSION_COOKIES.map((cookie) => ({
      source,
      destination: `${ROUTE_PREFIX}${source}`,
      has: [{ type: "cookie" as const, key: cookie }],
      missing: NOT_A_DOCUMENT_LOAD.map((key) => ({ type: "header" as const, key })),
    })),
  );
}

/** The page cache's budget in bytes (PARKLINE_PAGE_CACHE_MB, default 64); 0 turns it off. */
export function pageCacheBudget(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PARKLINE_PAGE_CACHE_MB?.trim();
  const mb = raw ? Number(raw) : 64;
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : 0;
}

/**
 * Whether pages are kept: in production, unless the budget is 0. Not in development, where a page's
 * code changes under a kept copy while its data does not; there every load is rendered (passed).
 */
export function pageCacheOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && pageCacheBudget(env) > 0;
}
