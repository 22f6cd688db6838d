import type { Metadata } from "next";
import { listedMemberships, requireViewer } from "@/app/_lib/auth/viewer";
import { getTranslator } from "@/app/_lib/request-locale";
import { loadRollCall } from "./load";
import { RollCallView } from "./roll-call-view";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("reporting.acrossTitle") };
}

/** Every park the viewer reads (members and region readers alike), side by side. */
export default async function ReportingAcrossParksPage() {
  const viewer = await requireViewer();
  const { locale, t } = await getTranslator();
  const parks = listedMemberships(viewer);
  const rollCall = await loadRollCall(parks.map((p) => p.parkId));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("reporting.acrossTitle")}</h1>
      <RollCallView rollCall={rollCall} parks={parks} locale={locale} t={t} />
    </div>
  );
}
