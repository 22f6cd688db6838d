import "server-only";
import { isoToday } from "@/app/_lib/domain/milestones";
import type { Locale } from "@/app/_lib/i18n/locale";
import { pickName } from "@/app/_lib/i18n/pick";
import { createTranslator } from "@/app/_lib/i18n/translate";
import { getPublicParkStatus, type PublicParkStatus } from "@/db/queries/public-park-status";
import { getPublicProjectStatus, getShareDataVersion, type PublicProjectStatus } from "@/db/queries/public-status";
import type { ResolvedShareLink } from "@/db/queries/share-links";
import type { Db } from "@/db/types";
import { documentHtml } from "./document";
import { parkBody, parkDescription, parkTitle } from "./park-page";
import { projectBody, projectDescription, projectTitle } from "./project-page";
import { getRendered, putRendered } from "./render-cache";
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

/**
 * A page (or another rendering of the link, e.g. its preview image) from the cache when the data has
 * not changed, else freshly rendered. The caller has already checked the token.
 */
export async function renderCached(
  db: Db,
  link: ResolvedShareLink,
  parts: { kind: string; locale: Locale; origin: string },
  render: (status: PublicStatus, ctx: RenderContext) => string,
): Promise<string | null> {
  const version = await getShareDataVersion(db, link);
  const key = [parts.kind, link.id, version, parts.locale, parts.origin, isoToday()].join("|");
  const hit = getRendered(key);
  if (hit !== null) return hit;
  const status = await loadPublicStatus(db, link);
  if (!status) return null;
  const page = render(status, { locale: parts.locale, t: createTranslator(parts.locale) });
  putRendered(key, page);
  return page;
}

export function renderPage(status: PublicStatus, ctx: RenderContext, imageUrl: string): string {
  const { title, description } = titleAndDescription(ctx, status);
  const body = status.kind === "project" ? projectBody(ctx, status) : parkBody(ctx, status);
  return documentHtml(ctx.locale, { title, description, image: imageUrl }, body);
}
