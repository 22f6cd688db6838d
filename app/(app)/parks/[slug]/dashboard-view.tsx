import Link from "next/link";
import { ClipboardCheck, MapPin, Send, Settings, Upload, Users } from "lucide-react";
import { ExportLinks } from "@/components/parks/export-links";
import { DemoParkLabel } from "@/components/parks/demo-label";
import { Headline } from "@/components/parks/headline";
import { ReportDownload } from "@/components/parks/report-download";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ParkMembership } from "@/db/queries/accounts";
import { MONTH_WINDOW, type ParkDashboard } from "@/app/_lib/dashboard/data";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { Translate } from "@/lib/i18n/translate";
import { CapacitySection } from "./_sections/capacity";
import type { SectionContext } from "./_sections/context";
import { LateSection } from "./_sections/late";
import { MonthlySection } from "./_sections/monthly";
import { OffPaceSection } from "./_sections/off-pace";
import { PaceSection } from "./_sections/pace";
import { ProblemsSection } from "./_sections/problems";
import { StagesSection } from "./_sections/stages";
import { TargetsSection } from "./_sections/targets";
import { TimelineSection } from "./_sections/timeline";

/**
 * The park dashboard from its figures: no data access here. The page passes what it read for the
 * viewer's park; the bench reference page (app/bench/page) passes fixed figures, so the two differ
 * only by the database.
 */
export function ParkDashboardView({ park, isAdmin, data, today, locale, t }: { park: ParkMembership; isAdmin: boolean; data: ParkDashboard; today: string; locale: Locale; t: Translate }) {
  const rollup = data.rollup;
  const ctx: SectionContext = {
    locale,
    t,
    today,
    chart: { showTable: t("chart.showTable"), downloadCsv: t("chart.downloadCsv") },
    csv: (table) => `/api/parks/${park.slug}/export/${table}`,
    table: (table) => `/parks/${park.slug}/tables/${table}`,
  };
  const regionHref = `/regions?${new URLSearchParams({ province: park.province, city: park.city })}`;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">
            <Link prefetch={false} href="/" className="font-medium text-brand-700 hover:underline">
              {t("dashboard.backToParks")}
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{pickName(locale, park.name, park.nameEn)}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            <Link prefetch={false} href={regionHref} className="inline-flex items-center gap-1 hover:text-brand-700 hover:underline">
              <MapPin aria-hidden className="size-4" />
              {pickName(locale, park.province, park.provinceEn)} · {pickName(locale, park.city, park.cityEn)}
            </Link>
            <Badge>{t("projects.yourRole", { role: t(`role.${park.role}`) })}</Badge>
            <DemoParkLabel isDemo={park.isDemo} t={t} />
            <span>{t("dashboard.asOf", { date: today })}</span>
          </p>
          {park.archived ? (
            <p role="note" className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("admin.park.archivedNotice")}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="secondary">
            <Link prefetch={false} href={`/parks/${park.slug}/reporting`}>
              <ClipboardCheck aria-hidden className="size-4" />
              {t("reporting.link")}
            </Link>
          </Button>
          {park.role === "admin" || park.role === "editor" ? (
            <Button asChild variant="secondary">
              <Link prefetch={false} href={`/parks/${park.slug}/import`}>
                <Upload aria-hidden className="size-4" />
                {t("ledger.link")}
              </Link>
            </Button>
          ) : null}
          {isAdmin ? (
            <Button asChild variant="secondary">
              <Link prefetch={false} href={`/parks/${park.slug}/settings`}>
                <Settings aria-hidden className="size-4" />
                {t("settings.link")}
              </Link>
            </Button>
          ) : null}
          {isAdmin ? (
            <Button asChild variant="secondary">
              <Link prefetch={false} href={`/parks/${park.slug}/members`}>
                <Users aria-hidden className="size-4" />
                {t("people.link")}
              </Link>
            </Button>
          ) : null}
          {isAdmin ? (
            <Button asChild variant="secondary">
              <Link prefetch={false} href={`/parks/${park.slug}/outbox`}>
                <Send aria-hidden className="size-4" />
                {t("outbox.link")}
              </Link>
            </Button>
          ) : null}
        </div>
      </header>

      <Headline rollup={rollup} today={today} locale={locale} t={t} problemsHref="#problems" />

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <StagesSection rollup={rollup} ctx={ctx} />
        <ProblemsSection items={data.problems.items} total={data.problems.total} ctx={ctx} />
      </div>
      <MonthlySection monthly={data.monthly} ctx={ctx} />
      <PaceSection months={data.cumulative} annualPlan={rollup.annualPlan} ctx={ctx} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <LateSection items={data.late.items} total={data.late.total} baseline={data.late.baseline} ctx={ctx} />
        <OffPaceSection parkId={park.parkId} data={data.offPace} ctx={ctx} />
      </div>
      <TimelineSection projects={data.timeline.projects} total={data.timeline.total} ctx={ctx} />
      <CapacitySection rollup={rollup} ramp={data.ramp} months={MONTH_WINDOW} ctx={ctx} />
      <TargetsSection targets={data.targets} yearly={data.yearly} isAdmin={isAdmin} settingsHref={`/parks/${park.slug}/settings`} ctx={ctx} />
      <ReportDownload
        action={`/api/parks/${park.slug}/report`}
        today={today}
        locale={locale}
        clusters={[...new Map(rollup.capacityByCluster.map((c) => [c.cluster, { value: c.cluster, label: pickName(locale, c.cluster, c.clusterEn) }])).values()]}
        t={t}
      />
      <Card aria-labelledby="export-title" className="space-y-3 p-5">
        <h2 id="export-title" className="text-lg font-semibold">
          {t("ledger.exportTitle")}
        </h2>
        <ExportLinks slug={park.slug} t={t} dashboard />
      </Card>
    </div>
  );
}
