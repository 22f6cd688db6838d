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

/** Pages served through the cache: the App Router page's path → the Pages API route that serves it. */
const CACHED_PAGES = [
  // The park dashboard (app/(app)/parks/[slug]/page.tsx).
  { source: "/parks/:slug", destination: "/api/page-cache/parks/:slug" },
];

/** next.config.ts's rewrites for the cache: a signed-in document load of a cached page. */
export function pageCacheRewrites() {
  return CACHED_PAGES.flatMap((page) =>
    SESSION_COOKIES.map((cookie) => ({
      ...page,
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
