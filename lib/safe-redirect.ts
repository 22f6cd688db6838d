const BASE = "http://parkline.invalid";

/**
 * Only same-site paths may follow sign-in: "/x" yes; "//evil", "/\\evil", "https://evil", "javascript:" no.
 * The check is on the path as the URL parser normalises it, since "/.//evil" becomes "//evil" there, and a
 * browser would read that as another host. So the result is never "//…" or "/\\…", and cleaning it again
 * changes nothing.
 */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  try {
    const url = new URL(raw, BASE);
    if (url.origin !== BASE) return fallback;
    const path = url.pathname + url.search + url.hash;
    return isSameSitePath(path) ? path : fallback;
  } catch {
    return fallback;
  }
}

/** A path a browser resolves on this site: one leading "/", then not a second "/" or "\\". */
function isSameSitePath(path: string): boolean {
  return path.startsWith("/") && !/^\/[/\\]/.test(path) && new URL(path, BASE).origin === BASE;
}
