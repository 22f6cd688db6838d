import { z } from "zod";
import { guardedRoute } from "@/app/_lib/guard";
import { html } from "@/lib/html";
import { clientAddress } from "@/app/_lib/client-address";
import { notFoundAnswer, openShare, SHARE_HEADERS, shareLocale, toResponse } from "../gate";
import { renderCached, titleAndDescription } from "../render";

export const dynamic = "force-dynamic";

const querySchema = z.object({ lang: z.string().max(10).optional() });

/** Rough line breaking for the preview: a CJK character is about twice as wide as a Latin one. */
function wrap(text: string, maxUnits: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  let units = 0;
  for (const ch of text) {
    const w = /[\u2e80-\uffef]/.test(ch) ? 1 : 0.55;
    if (units + w > maxUnits) {
      lines.push(line);
      if (lines.length === maxLines) {
        lines[maxLines - 1] = `${lines[maxLines - 1]!.slice(0, -1)}…`;
        return lines;
      }
      line = "";
      units = 0;
    }
    line += ch;
    units += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** The link preview (Open Graph / Twitter card) as a 1200×630 SVG, from the page's visible fields only. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return guardedRoute({ schema: querySchema, access: { who: "anyone" } }, async ({ input }) => {
    const opened = await openShare(token, clientAddress(request.headers));
    if (!opened.ok) return toResponse(opened.answer);
    const locale = shareLocale(input.lang, request.headers.get("accept-language"));
    const svg = await renderCached(opened.db, opened.link, { kind: "og", locale, origin: "" }, (status, ctx) => {
      const { heading, description, park } = titleAndDescription(ctx, status);
      const titleLines = wrap(heading, 18, 2);
      const descLines = wrap(description, 36, 3);
      return html`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630"><rect width="1200" height="630" fill="#f8fafc"/><rect width="1200" height="14" fill="#0e6b73"/><g font-family="system-ui,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif"><text x="72" y="120" font-size="34" fill="#0e6b73" font-weight="600">${park}</text>${titleLines.map(
        (l, i) => html`<text x="72" y="${220 + i * 72}" font-size="60" font-weight="700" fill="#0f172a">${l}</text>`,
      )}${descLines.map((l, i) => html`<text x="72" y="${400 + i * 46}" font-size="32" fill="#334155">${l}</text>`)}<text x="72" y="580" font-size="26" fill="#475569">Parkline · ${status.asOf.date}</text></g></svg>`.toString();
    });
    if (svg === null) return toResponse(notFoundAnswer());
    return toResponse({ status: 200, headers: { ...SHARE_HEADERS, "content-type": "image/svg+xml; charset=utf-8" }, body: svg.value });
  })(request);
}
