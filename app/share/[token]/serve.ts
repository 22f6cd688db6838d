import "server-only";
import { sharePreviewPath } from "@/lib/share-path";
import { countShareView } from "./views";
import { htmlAnswer, notFoundAnswer, openShare, shareLocale, type ShareAnswer } from "./gate";
import { renderCached, renderPage } from "./render";
import { gzippedOf } from "./render-cache";

export interface SharePageRequest {
  token: string;
  /** `?lang=`: anything else in the query string (ids included) is ignored; the link alone says what is shown. */
  lang: string | undefined;
  acceptLanguage: string | null | undefined;
  acceptEncoding: string | null | undefined;
  /** scheme://host the reader used, for the preview image's absolute URL. */
  origin: string;
  clientIp: string;
}

/**
 * A read-only status page for anyone holding the link: plain HTML, with no script and no RSC payload.
 * The token is checked in the database on every request, and the same query reads the version of the
 * data the page shows, so a cached rendering is served only while it is still what rendering would give.
 * Served by pages/api/share/[token].ts, at /api/share/<token> (lib/share-path.ts) and, for links
 * sent before that, at /share/<token> through a rewrite (next.config.ts).
 */
export async function serveSharePage(request: SharePageRequest): Promise<ShareAnswer> {
  const opened = await openShare(request.token, request.clientIp);
  if (!opened.ok) return opened.answer;
  const { db, link } = opened;
  const locale = shareLocale(request.lang, request.acceptLanguage);
  const image = `${request.origin}${sharePreviewPath(request.token)}?lang=${locale}`;
  const page = await renderCached(db, link, { kind: "page", locale, origin: request.origin }, (status, ctx) => renderPage(status, ctx, image));
  if (page === null) return notFoundAnswer();
  countShareView(link.id);
  return acceptsGzip(request.acceptEncoding)
    ? htmlAnswer(gzippedOf(page), 200, { "content-encoding": "gzip", vary: "Accept-Encoding" })
    : htmlAnswer(page.value, 200, { vary: "Accept-Encoding" });
}

/** Whether an Accept-Encoding header takes gzip: named with a q above 0, or not named and `*` is. */
export function acceptsGzip(header: string | null | undefined): boolean {
  const quality = new Map<string, number>();
  for (const part of (header ?? "").toLowerCase().split(",")) {
    const [coding = "", ...params] = part.split(";").map((p) => p.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (coding) quality.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return (quality.get("gzip") ?? quality.get("*") ?? 0) > 0;
}
