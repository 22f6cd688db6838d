/**
 * next-auth's session cookie: "__Secure-" when it was set over HTTPS; split into ".0", ".1"… when large.
 * Free of server-only imports: proxy.ts reads it too.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Whether a cookie is the session cookie or one of its chunks. */
export function isSessionCookie(cookieName: string): boolean {
  return SESSION_COOKIE_NAMES.some((name) => cookieName === name || chunkIndex(name, cookieName) !== null);
}

/** N for a chunk "<name>.N" of the session cookie `name`, else null. */
export function chunkIndex(name: string, cookieName: string): number | null {
  const suffix = cookieName.startsWith(`${name}.`) ? cookieName.slice(name.length + 1) : "";
  return /^\d+$/.test(suffix) ? Number(suffix) : null;
}
