import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getRegion, listParksOfRegion } from "@/db/queries/organisation";
import { listRegionHistory, listRegionReaders } from "@/db/queries/region-roles";
import { pickName } from "@/lib/i18n/pick";
import { getTranslator } from "@/app/_lib/request-locale";
import { History } from "../../_forms/history";
import { AddRegionReaderForm, EditRegionForm, RemoveRegionReaderButton } from "../../_forms/region-forms";
import { requirePlatformAdmin, uuidOr404 } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("admin.region.editTitle") };
}

/** One region: its names, its parks, who reads it as a whole (add by email, remove), its history. */
export default async function AdminRegionPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePlatformAdmin();
  const regionId = uuidOr404((await params).id);
  const { locale, t } = await getTranslator();
  const db = await getDb();
  const found = await getRegion(db, { regionId });
  if (!found) notFound();
  const { region } = found;
  const [readers, parks, history] = await Promise.all([listRegionReaders(db, { regionId }), listParksOfRegion(db, { regionId }), listRegionHistory(db, { regionId })]);
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/admin" className="font-medium text-brand-700 hover:underline">
            {t("admin.back")}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{pickName(locale, region.name, region.nameEn)}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {region.level === "city" && found.provinceName
            ? t("admin.region.inProvince", { province: pickName(locale, found.provinceName, found.provinceNameEn) })
            : t("admin.region.province")}
        </p>
      </header>

      <Card aria-labelledby="region-edit" className="space-y-3 p-4 sm:p-5">
        <h2 id="region-edit" className="text-lg font-semibold">
          {t("admin.region.editTitle")}
        </h2>
        <EditRegionForm region={{ id: region.id, version: region.version, name: region.name, nameEn: region.nameEn }} />
      </Card>

      <Card aria-labelledby="region-readers" className="space-y-3 p-4 sm:p-5">
        <div>
          <h2 id="region-readers" className="text-lg font-semibold">
            {t("admin.regionRole.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("admin.regionRole.explain")}</p>
        </div>
        {readers.length === 0 ? <p className="text-sm text-slate-600">{t("admin.regionRole.none")}</p> : null}
        <ul className="divide-y divide-slate-200" data-testid="region-readers">
          {readers.map((r) => (
            <li key={r.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="font-medium">{r.name}</p>
                <p className="break-all text-sm text-slate-600">{r.email}</p>
              </div>
              <div className="flex items-center gap-2">
                <Badge>{t(`role.${r.role}`)}</Badge>
                <RemoveRegionReaderButton regionId={region.id} userId={r.userId} email={r.email} />
              </div>
            </li>
          ))}
        </ul>
        <AddRegionReaderForm regionId={region.id} />
      </Card>

      <Card aria-labelledby="region-parks" className="space-y-3 p-4 sm:p-5">
        <h2 id="region-parks" className="text-lg font-semibold">
          {t("admin.region.parksTitle")}
        </h2>
        {parks.length === 0 ? <p className="text-sm text-slate-600">{t("admin.region.parksNone")}</p> : null}
        <ul className="space-y-1 text-sm">
          {parks.map((p) => (
            <li key={p.id}>
              <Link href={`/admin/parks/${p.id}`} className="text-brand-700 hover:underline">
                {pickName(locale, p.name, p.nameEn)}
              </Link>{" "}
              {p.archivedAt ? <Badge>{t("admin.park.archivedBadge")}</Badge> : null}
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="region-history" className="space-y-3 p-4 sm:p-5">
        <h2 id="region-history" className="text-lg font-semibold">
          {t("admin.history")}
        </h2>
        <History events={history} t={t} />
      </Card>
    </div>
  );
}
