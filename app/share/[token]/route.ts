import { z } from "zod";
import { guardedRoute } from "@/app/_lib/guard";
import { recordView } from "@/db/queries/share-links";
import { htmlResponse, notFoundResponse, openShare, shareLocale } from "./gate";
import { renderCached, renderPage } from "./render";

export const dynamic = "force-dynamic";

// Anything else in the query string (ids included) is ignored: the link alone says what is shown.
const querySchema = z.object({ lang: z.string().max(10).optional() });

/**
 * A read-only status page for anyone holding the link: plain HTML from this handler, with no script
 * and no RSC payload. The token is checked on every request, before the render cache is consulted.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return guardedRoute({ schema: querySchema, access: { who: "anyone" } }, async ({ input }) => {
    const opened = await openShare(request, token);
    if (!opened.ok) return opened.response;
    const { db, link } = opened;
    const locale = shareLocale(request, input.lang);
    const origin = new URL(request.url).origin;
    const image = `${origin}/share/${token}/og?lang=${locale}`;
    const [page] = await Promise.all([
      renderCached(db, link, { kind: "page", locale, origin }, (status, ctx) => renderPage(status, ctx, image)),
      recordView(db, { linkId: link.id }),
    ]);
    return page === null ? notFoundResponse() : htmlResponse(page);
  })(request);
}
