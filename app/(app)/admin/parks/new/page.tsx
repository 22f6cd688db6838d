import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listRegions } from "@/db/queries/organisation";
import { getTranslator } from "@/app/_lib/request-locale";
import { ParkForm } from "../../_forms/park-forms";
import { cityOptions } from "../../cities";
import { requirePlatformAdmin } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("admin.park.newTitle") };
}

export default async function NewParkPage() {
  await requirePlatformAdmin();
  const { locale, t } = await getTranslator();
  const cities = cityOptions(await listRegions(await getDb()), locale);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm text-slate-600">
        <Link href="/admin" className="font-medium text-brand-700 hover:underline">
          {t("admin.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("admin.park.newTitle")}</h1>
      <Card className="p-4 sm:p-5">
        {cities.length === 0 ? <p className="mb-3 text-sm text-amber-900">{t("admin.park.noCities")}</p> : null}
        <ParkForm cities={cities} />
      </Card>
    </div>
  );
}
