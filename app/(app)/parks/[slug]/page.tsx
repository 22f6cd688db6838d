import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getParkDashboard } from "@/app/_lib/dashboard/data";
import { isoToday } from "@/lib/domain/milestones";
import { pickName } from "@/lib/i18n/pick";
import { getTranslator } from "@/app/_lib/request-locale";
import { ParkDashboardView } from "./dashboard-view";
import { loadPark } from "./load";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { park } = await loadPark((await params).slug);
  const { locale, t } = await getTranslator();
  return { title: t("dashboard.title", { park: pickName(locale, park.name, park.nameEn) }) };
}

/** The viewer's park: figures cached per committed change of the park (app/_lib/dashboard/data.ts). */
export default async function ParkDashboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const { park, isAdmin } = await loadPark((await params).slug);
  const { locale, t } = await getTranslator();
  const today = isoToday();
  const data = await getParkDashboard(await getDb(), { parkId: park.parkId, today });
  return <ParkDashboardView park={park} isAdmin={isAdmin} data={data} today={today} locale={locale} t={t} />;
}
