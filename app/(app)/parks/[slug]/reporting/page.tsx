import type { Metadata } from "next";
import { ParkPageHeader } from "@/components/parks/park-page-header";
import { getDb } from "@/db/client";
import { getReportingSettings } from "@/db/queries/reporting";
import { chinaToday } from "@/lib/domain/china-day";
import { deadlineOf, periodOf } from "@/lib/domain/reporting";
import { getTranslator } from "@/app/_lib/request-locale";
import { loadRollCall } from "@/app/(app)/reporting/load";
import { RollCallView } from "@/app/(app)/reporting/roll-call-view";
import { loadPark } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("reporting.title") };
}

/** The park's roll-call: every member and region reader of the park reads it. */
export default async function ParkReportingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { park } = await loadPark((await params).slug);
  const { locale, t } = await getTranslator();
  const today = chinaToday();
  const [settings, rollCall] = await Promise.all([getReportingSettings(await getDb(), { parkId: park.parkId }), loadRollCall([park.parkId], today)]);
  return (
    <div className="space-y-6">
      <ParkPageHeader park={park} locale={locale} t={t} title={t("reporting.title")}>
        {t("reporting.subtitle", { day: settings.deadlineDay, deadline: deadlineOf(periodOf(today), settings.deadlineDay) })}
      </ParkPageHeader>
      <RollCallView rollCall={rollCall} parks={[park]} locale={locale} t={t} />
    </div>
  );
}
