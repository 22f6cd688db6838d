import "server-only";
import { REDACTION_SECTIONS } from "@/lib/domain/share-schemas";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import { createTranslator } from "@/lib/i18n/translate";
import { getPublicParkStatus, type PublicParkStatus } from "@/db/queries/public-park-status";
import { asOfOf, getPublicProjectStatus, type PublicProjectStatus } from "@/db/queries/public-status";
import type { ResolvedShareLink } from "@/db/queries/share-links";
import type { Db } from "@/db/types";
import { documentHtml } from "./document";
import { parkBody, parkDescription, parkTitle } from "./park-page";
import { projectBody, projectDescription, projectTitle } from "./project-page";
import { getRendered, putRendered, type RenderedPage } from "./render-cache";
import type { RenderContext } from "./sections";

export type PublicStatus = PublicProjectStatus | PublicParkStatus;

/** The status a link shows, loaded by the link's own ids only. */
export function loadPublicStatus(db: Db, link: ResolvedShareLink): Promise<PublicStatus | null> {
  return link.scope === "project" ? getPublicProjectStatus(db, link) : getPublicParkStatus(db, link);
}

/** The page title and preview text, made only of what the page itself shows. */
export function titleAndDescription(ctx: RenderContext, status: PublicStatus): { title: string; heading: string; description: string; park: string } {
  if (status.kind === "project") {
    const park = pickName(ctx.locale, status.park.name, status.park.nameEn);
    const heading = projectTitle(ctx, status);
    return { title: `${heading} · ${park}`, heading, description: projectDescription(ctx, status), park };
  }
  const park = parkTitle(ctx, status);
  return { title: park, heading: park, description: parkDescription(ctx, status), park };
}

/** Which sections a link shows, as a short stable string for the cache key. */
function redactionKey(link: ResolvedShareLink): string {
  return REDACTION_SECTIONS.filter((section) => link.redaction[section]).join(",");
}

/**
 * A page (or another rendering of the link, e.g. its preview image) from the cache when nothing it
 * shows has changed, else freshly rendered. The caller has already checked the token, which read the
 * link's data version in the same query.
 */
export async function renderCached(
  db: Db,
  link: ResolvedShareLink,
  parts: { kind: string; locale: Locale; origin: string },
  render: (status: PublicStatus, ctx: RenderContext) => string,
): Promise<RenderedPage | null> {
  const key = [parts.kind, link.id, link.parkId, link.projectId, redactionKey(link), parts.locale, parts.origin, asOfOf(link).date, link.dataVersion].join("|");
  const hit = getRendered(key);
  if (hit !== null) return hit;
  const status = await loadPublicStatus(db, link);
  if (!status) return null;
  return putRendered(key, Buffer.from(render(status, { locale: parts.locale, t: createTranslator(parts.locale) }), "utf8"));
}

export function renderPage(status: PublicStatus, ctx: RenderContext, imageUrl: string): string {
  const { title, description } = titleAndDescription(ctx, status);
  const body = status.kind === "project" ? projectBody(ctx, status) : parkBody(ctx, status);
  return documentHtml(ctx.locale, { title, description, image: imageUrl }, body);
}
