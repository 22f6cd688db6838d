import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { DemoParkLabel } from "@/components/parks/demo-label";
import { Headline } from "@/components/parks/headline";
import { ParkComparison } from "@/components/parks/park-comparison";
import { ReportDownload } from "@/components/parks/report-download";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { compareParks, getRollup, listParksInRegion } from "@/db/queries/rollups";
import { isAtLeast, listedMemberships, listedParkIdsOf, requireViewer, type Viewer } from "@/app/_lib/auth/viewer";
import { isoToday } from "@/lib/domain/milestones";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import { getTranslator } from "@/app/_lib/request-locale";
import type { Translate } from "@/lib/i18n/translate";

// Anything odd in the query string (arrays, huge values) is dropped, never a 500.
const regionQuery = z.object({
  province: z.string().trim().min(1).max(100).optional().catch(undefined),
  city: z.string().trim().min(1).max(100).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("region.title") };
}

const href = (province: string, city?: string) => `/regions?${new URLSearchParams(city ? { province, city } : { province })}`;

/** The viewer's provinces, each with its cities, as links. */
function RegionList({ viewer, locale, t }: { viewer: Viewer; locale: Locale; t: Translate }) {
  const provinces = new Map<string, { label: string; cities: Map<string, string> }>();
  for (const m of listedMemberships(viewer)) {
    const p = provinces.get(m.province) ?? { label: pickName(locale, m.province, m.provinceEn), cities: new Map() };
    p.cities.set(m.city, pickName(locale, m.city, m.cityEn));
    provinces.set(m.province, p);
  }
  if (provinces.size === 0) return <Card className="p-6 text-slate-700">{t("projects.noParks")}</Card>;
  return (
    <Card aria-labelledby="regions-list" className="p-5">
      <h2 id="regions-list" className="text-lg font-semibold">
        {t("region.choose")}
      </h2>
      <ul className="mt-3 space-y-3" data-testid="region-list">
        {[...provinces].map(([province, p]) => (
          <li key={province}>
            <Link href={href(province)} className="font-medium text-brand-700 hover:underline">
              {p.label}
            </Link>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 pl-4 text-sm">
              {[...p.cities].map(([city, label]) => (
                <li key={city}>
                  <Link href={href(province, city)} className="text-brand-700 underline-offset-2 hover:underline">
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default async function RegionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const { locale, t } = await getTranslator();
  const { province, city } = regionQuery.parse(await searchParams);
  if (!province) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">{t("region.title")}</h1>
        <RegionList viewer={viewer} locale={locale} t={t} />
      </div>
    );
  }
  const db = await getDb();
  const today = isoToday();
  const parks = await listParksInRegion(db, { parkIds: listedParkIdsOf(viewer), province, city });
  const parkIds = parks.map((p) => p.id);
  const [rollup, rows] = await Promise.all([getRollup(db, { parkIds, today }), compareParks(db, { parkIds, today })]);
  const first = parks[0];
  const name = first
    ? [pickName(locale, first.province, first.provinceEn), city ? pickName(locale, first.city, first.cityEn) : null].filter(Boolean).join(" · ")
    : [province, city].filter(Boolean).join(" · ");
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/regions" className="font-medium text-brand-700 hover:underline">
            {t("region.all")}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("region.subtitle", { count: parks.length, date: today })} <DemoParkLabel isDemo={parks.some((p) => p.isDemo)} t={t} />
        </p>
        {listedMemberships(viewer).some((m) => isAtLeast(m.role, "editor") && m.province === province && (!city || m.city === city)) ? (
          <p className="mt-2 text-sm">
            <Link href={`/regions/import?${new URLSearchParams(city ? { province, city } : { province })}`} className="font-medium text-brand-700 hover:underline">
              {t("ledger.regionLink")}
            </Link>
          </p>
        ) : null}
      </header>
      {!rollup ? (
        <>
          <Card className="p-6 text-slate-700">{t("region.none")}</Card>
          <RegionList viewer={viewer} locale={locale} t={t} />
        </>
      ) : (
        <>
          <Headline rollup={rollup} today={today} locale={locale} t={t} />
          <ParkComparison parks={parks} rows={rows} today={today} locale={locale} t={t} />
          <ReportDownload
            action={`/api/regions/${encodeURIComponent(province)}/report`}
            hidden={city ? { city } : {}}
            today={today}
            locale={locale}
            clusters={[...new Map(rollup.capacityByCluster.map((c) => [c.cluster, { value: c.cluster, label: pickName(locale, c.cluster, c.clusterEn) }])).values()]}
            t={t}
          />
        </>
      )}
    </div>
  );
}
