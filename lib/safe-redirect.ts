/**
 * Only same-site paths may follow sign-in: "/x" yes; "//evil", "/\\evil", "https://evil", "javascript:" no.
 */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  try {
    const url = new URL(raw, "http://parkline.invalid");
    if (url.origin !== "http://parkline.invalid") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
