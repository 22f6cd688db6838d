import "server-only";
import type { RegionListItem } from "@/db/queries/organisation";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";

/** The cities a park can sit in, labelled "province · city", in the region list's order. */
export function cityOptions(regions: RegionListItem[], locale: Locale) {
  const byId = new Map(regions.map((r) => [r.id, r]));
  return regions
    .filter((r) => r.level === "city" && r.parentId)
    .map((c) => {
      const p = byId.get(c.parentId!)!;
      return { id: c.id, label: `${pickName(locale, p.name, p.nameEn)} · ${pickName(locale, c.name, c.nameEn)}` };
    });
}
