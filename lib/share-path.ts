/**
 * Where a status link points. New links go straight to the Pages API route that serves the page: on
 * `next start` the rewrite from the older `/share/<token>` form costs about a third of the page's
 * throughput (README, "Why the status page is a Pages API route"). Links sent in that older form keep
 * working through the rewrite in next.config.ts. The preview image stays at /share/<token>/og.
 */
const SHARE_PAGE_PREFIX = "/api/share/";

export function sharePagePath(token: string): string {
  return `${SHARE_PAGE_PREFIX}${token}`;
}

/** The path of a link made before new links pointed at SHARE_PAGE_PREFIX; still served, by a rewrite. */
export function legacySharePagePath(token: string): string {
  return `/share/${token}`;
}

export function sharePreviewPath(token: string): string {
  return `/share/${token}/og`;
}
