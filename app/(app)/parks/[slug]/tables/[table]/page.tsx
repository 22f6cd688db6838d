import type { Metadata } from "next";
import { ParkPageHeader } from "@/components/parks/park-page-header";
import { notFound } from "next/navigation";
import { ChartLinks } from "@/components/charts/chart-frame";
import { DataTable } from "@/components/charts/data-table";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { buildExportTable, DASHBOARD_TABLES, type DashboardTable } from "@/app/_lib/dashboard/export-tables";
import { isoToday } from "@/lib/domain/milestones";
import { formatNumber } from "@/lib/format/numbers";
import { getTranslator } from "@/app/_lib/request-locale";
import type { MessageKey } from "@/lib/i18n/translate";
import { loadPark } from "../../load";

const TITLES: Record<DashboardTable, MessageKey> = {
  stages: "dashboard.stagesTitle",
  monthly: "dashboard.monthlyTitle",
  pace: "dashboard.sCurveTitle",
  capacity: "dashboard.capacityTitle",
  late: "dashboard.lateTitle",
  problems: "dashboard.problemsTitle",
  timeline: "dashboard.timelineTitle",
  ramp: "dashboard.rampTitle",
};

const isTable = (x: string): x is DashboardTable => (DASHBOARD_TABLES as readonly string[]).includes(x);
/** A plain decimal as the CSV writes amounts and quantities: shown with thousands grouping. */
const NUMERIC = /^-?\d+(\.\d+)?$/;

async function title(table: DashboardTable) {
  const { t } = await getTranslator();
  return t(TITLES[table], { year: isoToday().slice(0, 4) });
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string; table: string }> }): Promise<Metadata> {
  const { table } = await params;
  return isTable(table) ? { title: await title(table) } : {};
}

/**
 * One dashboard table in full, as a page: the accessible equivalent of a chart, and the whole list
 * behind a short one. The same rows as the CSV (exact amounts in yuan), for members of the park only.
 */
export default async function ParkTablePage({ params }: { params: Promise<{ slug: string; table: string }> }) {
  const { slug, table } = await params;
  const { park } = await loadPark(slug);
  if (!isTable(table)) notFound();
  const { locale, t } = await getTranslator();
  const { header, rows } = await buildExportTable(await getDb(), { parkId: park.parkId, table, today: isoToday(), locale, t });
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === "number" || NUMERIC.test(String(r[i]))));
  const caption = await title(table);
  return (
    <div className="space-y-6">
      <ParkPageHeader park={park} locale={locale} t={t} title={caption}>
        {t("tables.hint", { count: rows.length })}
      </ParkPageHeader>
      <Card className="space-y-3 p-5">
        <ChartLinks labels={{ showTable: "", downloadCsv: t("chart.downloadCsv") }} csvHref={`/api/parks/${park.slug}/export/${table}`} />
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("tables.empty")}</p>
        ) : (
          <DataTable
            className="rounded-md border border-slate-200"
            table={{
              caption,
              columns: header.map((label, i) => ({ label, numeric: numeric[i] })),
              rows: rows.map((r, i) => ({
                key: String(i),
                cells: r.map((cell, j) => (cell === null || cell === undefined || cell === "" ? "—" : numeric[j] ? formatNumber(String(cell), locale) : String(cell))),
              })),
            }}
          />
        )}
      </Card>
    </div>
  );
}
