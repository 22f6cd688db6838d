"use client";

import { BarsWithLineChart } from "@/components/charts/bars-with-line";
import { GanttChart, GanttLegend, type GanttMarker } from "@/components/charts/gantt";
import { SCurveChart, type CurveSeries } from "@/components/charts/s-curve";
import { Sparkline } from "@/components/charts/sparkline";
import { useI18n } from "@/components/i18n-provider";
import { formatGrowth, formatMoney } from "@/lib/format/numbers";
import { monthName } from "./context";

// The dashboard's charts are client components on purpose: the page then carries their few numbers
// (props) in its RSC payload instead of a second copy of every SVG node. The server still renders
// their HTML, so they show without JavaScript; titles and axis labels come from the same catalogs.

const money = (locale: "en" | "zh") => (n: number) => formatMoney(String(Math.round(n)), locale);

/** Investment per month (bars) with its year-on-year growth (line); phones get the last 12 months. */
export function MonthlyCharts({ months, values, yoy }: { months: string[]; values: number[]; yoy: (number | null)[] }) {
  const { locale, t } = useI18n();
  const points = months.map((m, i) => ({ key: m, label: m, value: values[i]!, line: yoy[i]! }));
  const props = {
    title: t("dashboard.monthlyTitle"),
    formatValue: money(locale),
    formatLine: (r: number) => formatGrowth(r, locale),
    legend: { bars: t("dashboard.investmentCompleted"), line: t("dashboard.yoy"), noLine: t("dashboard.noYoy") },
  };
  const desc = (from: string) => t("dashboard.monthlyDesc", { from, to: months.at(-1)! });
  return (
    <>
      <div className="sm:hidden">
        <BarsWithLineChart compact id="monthly-chart-compact" {...props} description={desc(months.at(-12) ?? months[0]!)} points={points.slice(-12)} />
      </div>
      <div className="hidden sm:block">
        <BarsWithLineChart id="monthly-chart" {...props} description={desc(months[0]!)} points={points} />
      </div>
    </>
  );
}

/** This year's cumulative investment against the plan spread by time elapsed (序时进度). */
export function PaceCharts({ year, actual, plan, description }: { year: number; actual: (number | null)[]; plan: (number | null)[] | null; description: string }) {
  const { locale, t } = useI18n();
  const series: CurveSeries[] = [{ key: "actual", name: t("dashboard.actualCumulative"), tone: "actual", values: actual }];
  if (plan) series.push({ key: "plan", name: t("dashboard.planCumulative"), tone: "plan", values: plan });
  const props = { title: t("dashboard.sCurveTitle", { year }), description, xLabels: actual.map((_, i) => monthName(locale, year, i + 1)), series, formatValue: money(locale) };
  return (
    <>
      <div className="sm:hidden">
        <SCurveChart compact id="pace-chart-compact" {...props} />
      </div>
      <div className="hidden sm:block">
        <SCurveChart id="pace-chart" {...props} />
      </div>
    </>
  );
}

export interface CapacityRow {
  key: string;
  /** "Building materials · m²/yr" */
  label: string;
  /** "89.84 M m²/yr of 273.24 M m²/yr (32.9%)" */
  figures: string;
  /** Online at each month-end as 0–100 of the larger of it and designed (a shape); null when nothing was reported. */
  ramp: number[] | null;
  /** Designed capacity on the same 0–100 scale. */
  designed: number;
}

/** One row per cluster and unit: the figures, and the ramp as a sparkline under the designed line. */
export function CapacityRows({ rows }: { rows: CapacityRow[] }) {
  return (
    // The row layout is in globals.css (.capacity-rows): a park can have dozens of rows.
    <ul className="capacity-rows grid gap-x-8 md:grid-cols-2" data-testid="capacity-rows">
      {rows.map((r) => (
        <li key={r.key}>
          <p>
            <b>{r.label}</b>
            {r.figures}
          </p>
          {r.ramp ? <Sparkline values={r.ramp} ceiling={r.designed} /> : null}
        </li>
      ))}
    </ul>
  );
}

export interface TimelineRow {
  id: string;
  name: string;
  /** What matters about it, e.g. "投产 · planned 2025-06-17"; `late` ("523 days late") goes before it, in red. */
  note: string;
  late: string | null;
  markers: GanttMarker[];
}

/** The timeline's key, shown under its scrolling box so it is never cut off on a phone. */
export function TimelineLegend() {
  const { t } = useI18n();
  return <GanttLegend legend={{ planned: t("dashboard.legendPlanned"), actual: t("dashboard.legendActual"), late: t("dashboard.legendLate"), today: t("dashboard.legendToday") }} />;
}

export function TimelineChart({ rows, today }: { rows: TimelineRow[]; today: string }) {
  return (
    <GanttChart
      today={today}
      rows={rows.map((r) => ({
        key: r.id,
        label: (
          <a href={`/projects/${r.id}`} className="hover:text-brand-700 hover:underline">
            {r.name}
          </a>
        ),
        note: r.late ? (
          <>
            <span className="font-medium text-rose-700">{r.late}</span> · {r.note}
          </>
        ) : (
          r.note
        ),
        markers: r.markers,
      }))}
    />
  );
}
