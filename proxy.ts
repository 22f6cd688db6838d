import { NextResponse, type NextRequest } from "next/server";
import { hasWellFormedArguments, isWellFormedTextArguments } from "@/app/_lib/action-encoding";
import { isSessionCookie } from "@/app/_lib/auth/session-cookie-names";
import { isSameOrigin } from "@/app/_lib/client-address";

/**
 * Sets a Content-Security-Policy with a fresh nonce on every page response, and refuses server-action
 * posts from another origin. It makes no authorization decision: every page, action and route
 * handler checks the session itself.
 * Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    // CSRF, belt and braces: Next.js compares Origin with Host on server actions only when an Origin
    // is sent. Browsers always send one on these POSTs, so a missing or foreign one is refused.
    if (!isSameOrigin(request.headers)) return new NextResponse("Forbidden", { status: 403 });
    if (!(await isWellFormedActionPost(request))) return new NextResponse("Bad Request", { status: 400 });
  }
  const toSignIn = signInRedirect(request);
  if (toSignIn) return toSignIn;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const policy = [
    "default-src 'self'",
    // 'unsafe-eval' only in development, where React's dev tooling needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (bar widths) and Next's style tags; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * Pages anyone may open; everything else under app/(app) needs a session. The bench's reference pages
 * exist only in a build made for `npm run bench` (next.config.ts inlines the flag), and only there are they public.
 */
const PUBLIC_PAGES = process.env.PARKLINE_BENCH_ROUTES === "1" ? /^\/(signin|bench|invite|reset|forgot|unsubscribe)(\/|$)/ : /^\/(signin|invite|reset|forgot|unsubscribe)(\/|$)/;

/**
 * A page request with no session cookie at all goes to /signin as a real redirect, RSC and prefetch
 * requests included (otherwise Next.js answers those 200 with a redirect inside the payload). This is
 * only a shortcut: with a cookie, the page itself checks the session row, as it always does. API routes
 * answer 401 themselves, and server actions answer their form with "please sign in".
 */
function signInRedirect(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (pathname.startsWith("/api/") || PUBLIC_PAGES.test(pathname)) return null;
  if (request.cookies.getAll().some((cookie) => isSessionCookie(cookie.name))) return null;
  const target = new URL("/signin", request.url);
  const back = new URL(request.url);
  back.searchParams.delete("_rsc");
  const path = `${back.pathname}${back.search}`;
  if (path !== "/") target.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(target, 307);
}

/** A malformed argument encoding would be a 500 inside Next.js; see app/_lib/action-encoding.ts. */
async function isWellFormedActionPost(request: NextRequest): Promise<boolean> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  try {
    if (type === "multipart/form-data") return hasWellFormedArguments(await request.clone().formData());
    if (type === "text/plain" || type === "") return isWellFormedTextArguments(await request.clone().text());
    // Other encodings (urlencoded, JSON…) are not action encodings; Next.js refuses them itself.
    return true;
  } catch {
    // A body that cannot even be parsed as the type it claims.
    return false;
  }
}

export const config = {
  // Static assets need no nonce, the tab icon (app/icon.svg) included: it must load signed out, on
  // the sign-in page, where the cookie-less redirect below would send it to /signin. Public status
  // pages (/share) set their own, stricter policy. Route handlers under /api answer JSON, CSV or
  // files (no script to protect, no server action to check) and skip it too: running proxy.ts at all
  // costs next start a second pass through its request handler (~0.4-0.6 ms of CPU a request, as
  // much as the route itself), and for ledger uploads (/api/import) it would buffer a copy of the
  // body and cut it at 10 MB, which the route's own size check could then no longer see.
  // next-auth's own endpoints (/api/auth) can answer HTML, so they keep it.
  //
  // A signed-in document load of a page the page cache serves (/parks/<slug>) skips it too: next.config.ts
  // rewrites it to the cache's route (app/_lib/page-cache/routing.ts), which checks the session itself
  // and sends the page with its own fresh nonce. Every other request to such a path still comes here:
  // the entries after the first are pageCacheRewrites()'s conditions turned around (its list, literally:
  // Next.js reads this config without running it), and tests/unit/page-cache-routing.test.ts checks they match.
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|screenshots/|bench.txt|share/|api/(?!auth/)|parks/[^/]+$).*)" },
    { source: "/parks/:slug", has: [{ type: "header", key: "rsc" }] },
    { source: "/parks/:slug", has: [{ type: "header", key: "next-router-prefetch" }] },
    { source: "/parks/:slug", has: [{ type: "header", key: "next-router-segment-prefetch" }] },
    { source: "/parks/:slug", has: [{ type: "header", key: "next-action" }] },
    { source: "/parks/:slug", has: [{ type: "header", key: "content-type" }] },
    { source: "/parks/:slug", has: [{ type: "header", key: "x-parkline-render" }] },
    { source: "/parks/:slug", missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }, { type: "cookie", key: "authjs.session-token" }] },
  ],
};
