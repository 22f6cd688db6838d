import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listParksForAdmin, listRegions } from "@/db/queries/organisation";
import { pickName } from "@/lib/i18n/pick";
import { getTranslator } from "@/app/_lib/request-locale";
import { NewRegionForm } from "./_forms/region-forms";
import { requirePlatformAdmin } from "./load";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("admin.title") };
}

/** The organisation at a glance: regions (province → city) with their parks, and every park. Platform admins only. */
export default async function AdminPage() {
  await requirePlatformAdmin();
  const { locale, t } = await getTranslator();
  const db = await getDb();
  const [regions, parks] = await Promise.all([listRegions(db), listParksForAdmin(db)]);
  const provinces = regions.filter((r) => r.level === "province");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("admin.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("admin.subtitle")}</p>
      </header>

      <Card aria-labelledby="admin-regions" className="space-y-4 p-4 sm:p-5">
        <div>
          <h2 id="admin-regions" className="text-lg font-semibold">
            {t("admin.region.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("admin.region.explain")}</p>
        </div>
        {provinces.length === 0 ? <p className="text-sm text-slate-600">{t("admin.region.none")}</p> : null}
        <ul className="space-y-3" data-testid="admin-region-list">
          {provinces.map((p) => (
            <li key={p.id}>
              <Link href={`/admin/regions/${p.id}`} className="font-medium text-brand-700 hover:underline">
                {pickName(locale, p.name, p.nameEn)}
              </Link>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 pl-4 text-sm">
                {regions
                  .filter((c) => c.parentId === p.id)
                  .map((c) => (
                    <li key={c.id}>
                      <Link href={`/admin/regions/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {pickName(locale, c.name, c.nameEn)}
                      </Link>{" "}
                      <span className="text-slate-600">({t("admin.region.parks", { count: c.parks })})</span>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
        <details className="rounded-md border border-dashed border-slate-300 p-3" open={provinces.length === 0}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("admin.region.addProvince")} / {t("admin.region.addCity")}
          </summary>
          <div className="mt-3">
            <NewRegionForm provinces={provinces.map((p) => ({ id: p.id, label: pickName(locale, p.name, p.nameEn) }))} />
          </div>
        </details>
      </Card>

      <Card aria-labelledby="admin-parks" className="space-y-4 p-4 sm:p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="admin-parks" className="text-lg font-semibold">
              {t("admin.park.title")}
            </h2>
            <p className="max-w-3xl text-sm text-slate-600">{t("admin.park.explain")}</p>
          </div>
          <Button asChild>
            <Link href="/admin/parks/new">
              <Plus aria-hidden className="size-4" />
              {t("admin.park.new")}
            </Link>
          </Button>
        </div>
        {parks.length === 0 ? <p className="text-sm text-slate-600">{t("admin.park.none")}</p> : null}
        <ul className="divide-y divide-slate-200" data-testid="admin-park-list">
          {parks.map((park) => (
            <li key={park.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <Link href={`/admin/parks/${park.id}`} className="font-medium text-brand-700 hover:underline">
                  {pickName(locale, park.name, park.nameEn)}
                </Link>
                <p className="text-sm text-slate-600">
                  {pickName(locale, park.province, park.provinceEn)} · {pickName(locale, park.city, park.cityEn)} · <span className="font-mono">{park.slug}</span>
                </p>
              </div>
              {park.archivedAt ? <Badge>{t("admin.park.archivedBadge")}</Badge> : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
