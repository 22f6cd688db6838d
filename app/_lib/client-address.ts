/**
 * One rule for who the client is and which host they asked for, used by every limit and Origin check
 * (sign-in, API rate limits, share views, the page cache, the Pages API routes, proxy.ts, uploads).
 *
 * PARKLINE_TRUSTED_PROXY_HOPS says how many reverse proxies in front of the app append to
 * X-Forwarded-For (default 0). With 0 the client is the TCP peer, and X-Forwarded-* headers, which the
 * client writes, are ignored. With N the client is the Nth X-Forwarded-For entry from the right (the one
 * the outermost trusted proxy appended), as Express's `trust proxy = N` reads it; the host is the last
 * X-Forwarded-Host entry (the nearest proxy's). Free of server-only imports: proxy.ts uses it too.
 */

export const TRUSTED_PROXY_HOPS_VAR = "PARKLINE_TRUSTED_PROXY_HOPS";

/** The configured number of trusted proxies; null when the setting is not a whole number 0–10. */
export function parseTrustedProxyHops(env: Record<string, string | undefined> = process.env): number | null {
  const raw = env[TRUSTED_PROXY_HOPS_VAR]?.trim();
  if (!raw) return 0;
  return /^\d{1,2}$/.test(raw) && Number(raw) <= 10 ? Number(raw) : null;
}

/** As parseTrustedProxyHops; a bad value (startup refuses it, app/_lib/startup.ts) trusts no proxy. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  return parseTrustedProxyHops(env) ?? 0;
}

/**
 * The name of the request header carrying the TCP peer's address, set on every request by the hook
 * instrumentation.ts installs (app/_lib/peer-address.ts), or null when it is not installed (unit and
 * integration tests, which build their Requests by hand). The name ends in a random per-process suffix,
 * so a client cannot send one that passes for it, even in the instant before the hook was installed.
 */
export const PEER_HEADER_KEY = Symbol.for("parkline.peerAddressHeader");

export function peerHeaderName(): string | null {
  return (globalThis as { [PEER_HEADER_KEY]?: string })[PEER_HEADER_KEY] ?? null;
}

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) → `192.0.2.1`; at most 64 characters. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  return (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(trimmed) ? trimmed.slice(7) : trimmed).slice(0, 64);
}

/**
 * The client's address from the TCP peer and the X-Forwarded-For header, for `hops` trusted proxies:
 * counting from the peer (0) leftwards through the header; when the header has fewer entries than hops,
 * its leftmost one (Express does the same). "unknown" when nothing is known.
 */
export function clientAddressOf(peer: string | null | undefined, forwardedFor: string | null | undefined, hops: number): string {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const fromPeer = [peer?.trim() || null, ...entries.reverse()];
  const chosen = fromPeer[Math.min(hops, fromPeer.length - 1)];
  return chosen ? normaliseAddress(chosen) : "unknown";
}

interface HeaderReader {
  get(name: string): string | null;
}

/** clientAddressOf for a web request's headers (route handlers, server actions' headers(), next-auth's authorize). */
export function clientAddress(headers: HeaderReader, hops = trustedProxyHops()): string {
  const name = peerHeaderName();
  return clientAddressOf(name ? headers.get(name) : null, headers.get("x-forwarded-for"), hops);
}

/** The host the client asked for: the Host header, or behind a trusted proxy the last X-Forwarded-Host entry. */
export function requestHostOf(host: string | null | undefined, forwardedHost: string | null | undefined, hops: number): string | null {
  const forwarded = hops > 0 ? forwardedHost?.split(",").at(-1)?.trim() : undefined;
  return forwarded || host?.trim() || null;
}

export function requestHost(headers: HeaderReader, hops = trustedProxyHops()): string | null {
  return requestHostOf(headers.get("host"), headers.get("x-forwarded-host"), hops);
}

/**
 * Whether a request's Origin header names the host it was sent to (browsers send Origin on every POST);
 * `urlHost`, the request URL's, stands in for a missing Host header (a Request built in a test).
 */
export function isSameOrigin(headers: HeaderReader, { hops = trustedProxyHops(), urlHost }: { hops?: number; urlHost?: string } = {}): boolean {
  const origin = headers.get("origin");
  const host = requestHost(headers, hops) ?? urlHost;
  if (!origin || !host) return false;
  // Next.js's own server-action check reads X-Forwarded-Host whoever wrote it, and answers a mismatch
  // with a 500: with no trusted proxy, one that names another host is refused here first.
  const forwarded = headers.get("x-forwarded-host")?.trim();
  if (hops === 0 && forwarded && forwarded.toLowerCase() !== host.toLowerCase()) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
