import { NextResponse, type NextRequest } from "next/server";

/**
 * Sets a Content-Security-Policy with a fresh nonce on every page response, and refuses server-action
 * posts from another origin. It makes no authorization decision: every page, action and route
 * handler checks the session itself.
 * Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
 */
export function proxy(request: NextRequest) {
  // CSRF, belt and braces: Next.js compares Origin with Host on server actions only when an Origin
  // is sent. Browsers always send one on these POSTs, so a missing or foreign one is refused.
  if (request.method === "POST" && request.headers.has("next-action") && !isSameOrigin(request)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
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

function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}

export const config = {
  // Static assets need no nonce; public status pages (/share) set their own, stricter policy. Route
  // handlers under /api answer JSON or CSV (no script to protect, no server action to check) and skip
  // it too: running proxy.ts at all, even one that does nothing, costs next start a second pass through
  // its request handler (~0.4-0.6 ms of CPU a request, as much as the route itself). next-auth's own
  // endpoints (/api/auth) can answer HTML, so they keep it.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|screenshots/|bench.txt|share/|api/(?!auth/)).*)" }],
};
