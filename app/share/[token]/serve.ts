import "server-only";
import { countShareView } from "@/app/_lib/share-views";
import { htmlAnswer, notFoundAnswer, openShare, shareLocale, type ShareAnswer } from "./gate";
import { renderCached, renderPage } from "./render";

export interface SharePageRequest {
  token: string;
  /** `?lang=`: anything else in the query string (ids included) is ignored; the link alone says what is shown. */
  lang: string | undefined;
  acceptLanguage: string | null | undefined;
  /** scheme://host the reader used, for the preview image's absolute URL. */
  origin: string;
  clientIp: string;
}

/**
 * A read-only status page for anyone holding the link: plain HTML, with no script and no RSC payload.
 * The token is checked in the database on every request, and the same query reads the version of the
 * data the page shows, so a cached rendering is served only while it is still what rendering would give.
 * Served by pages/api/share/[token].ts, which /share/<token> is rewritten to (next.config.ts).
 */
export async function serveSharePage(request: SharePageRequest): Promise<ShareAnswer> {
  const opened = await openShare(request.token, request.clientIp);
  if (!opened.ok) return opened.answer;
  const { db, link } = opened;
  const locale = shareLocale(request.lang, request.acceptLanguage);
  const image = `${request.origin}/share/${request.token}/og?lang=${locale}`;
  const page = await renderCached(db, link, { kind: "page", locale, origin: request.origin }, (status, ctx) => renderPage(status, ctx, image));
  if (page === null) return notFoundAnswer();
  countShareView(link.id);
  return htmlAnswer(page);
}
