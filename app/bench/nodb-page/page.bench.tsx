import type { Metadata } from "next";
import { AppChrome } from "@/components/app-chrome";
import { isoToday } from "@/lib/domain/milestones";
import { signOutAction, setLocaleAction } from "@/app/_lib/actions/session";
import { getTranslator } from "@/app/_lib/request-locale";
import { ParkDashboardView } from "../../(app)/parks/[slug]/dashboard-view";
import { FIXTURE_PARK, fixtureDashboard } from "./fixture";

// A reference for bench/run.ts: the park dashboard page — same root layout, same chrome, same view,
// dynamic on every request — with its figures made up in memory instead of read from PostgreSQL, and
// no session. Set beside the real dashboard in one run, the difference is what the database costs.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Bench reference (no database)", robots: { index: false } };

export default async function NoDatabaseReferencePage() {
  const { locale, t } = await getTranslator();
  const today = isoToday();
  return (
    <AppChrome t={t} user={{ name: "Bench", email: "bench@reference.invalid" }} dashboardSlug={null} actions={{ signOut: signOutAction, setLocale: setLocaleAction }}>
      <ParkDashboardView park={FIXTURE_PARK} isAdmin={false} data={fixtureDashboard(today)} today={today} locale={locale} t={t} />
    </AppChrome>
  );
}
