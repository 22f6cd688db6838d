import { ChartFigure } from "@/components/charts/chart-frame";
import { SCurveChart } from "@/components/charts/s-curve";
import { Card } from "@/components/ui/card";
import type { Rollup } from "@/db/queries/rollups";
import type { RampSeries } from "@/app/_lib/dashboard/series";
import { formatQuantity } from "@/app/_lib/format/numbers";
import { periodLabel, unitLabel } from "@/app/_lib/format/units";
import { pickName } from "@/app/_lib/i18n/pick";
import type { SectionContext } from "./context";
import { CsvLink } from "./late";

/**
 * Capacity online over time per (cluster, unit, period), from the levels reported in progress
 * entries, against the designed total of the same group.
 */
export function RampSection({ series, periods, rollup, ctx }: { series: RampSeries[]; periods: string[]; rollup: Rollup; ctx: SectionContext }) {
  const { t, locale } = ctx;
  const shown = series.filter((s) => s.values.some((v) => Number(v) !== 0));
  return (
    <Card aria-labelledby="ramp-title" className="space-y-3 p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="ramp-title" className="text-lg font-semibold">
            {t("dashboard.rampTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("dashboard.rampHint")}</p>
        </div>
        {shown.length ? <CsvLink href={ctx.csv("ramp")} label={ctx.chart.downloadCsv} /> : null}
      </div>
      {shown.length === 0 ? <p className="text-sm text-slate-600">{t("dashboard.rampNone")}</p> : null}
      <div className="grid gap-6 xl:grid-cols-2">
        {shown.map((s, i) => {
          const designed = rollup.capacityByCluster.find((c) => c.cluster === s.cluster && c.unit === s.unit && c.period === s.period)?.designed ?? null;
          const q = (v: string) => formatQuantity(v, s.unit, s.period, locale);
          const name = `${pickName(locale, s.cluster, s.clusterEn)} · ${unitLabel(s.unit, locale)}${periodLabel(s.period, locale)}`;
          const chartProps = {
            title: name,
            description: t("dashboard.rampDesc", { online: q(s.values.at(-1)!), designed: designed ? q(designed) : "—" }),
            xLabels: periods.map((p) => p.slice(0, 7)),
            series: [
              { key: "online", name: t("csv.online"), tone: "actual" as const, values: s.values.map(Number) },
              ...(designed ? [{ key: "designed", name: t("csv.designed"), tone: "ceiling" as const, values: periods.map(() => Number(designed)) }] : []),
            ],
            formatValue: (n: number) => formatQuantity(n < 10 ? n.toFixed(2) : String(Math.round(n)), s.unit, s.period, locale),
          };
          return (
            <div key={s.key} className="min-w-0 space-y-1">
              <h3 className="text-sm font-medium text-slate-800">{name}</h3>
              <ChartFigure
                labels={ctx.chart}
                table={{
                  caption: name,
                  columns: [{ label: t("csv.month") }, { label: t("csv.online"), numeric: true }],
                  rows: periods.map((p, j) => ({ key: p, cells: [p.slice(0, 7), q(s.values[j]!)] })),
                }}
              >
                <div className="sm:hidden">
                  <SCurveChart compact id={`ramp-chart-${i}-compact`} {...chartProps} xLabels={chartProps.xLabels.slice(-12)} series={chartProps.series.map((c) => ({ ...c, values: c.values.slice(-12) }))} />
                </div>
                <div className="hidden sm:block">
                  <SCurveChart id={`ramp-chart-${i}`} {...chartProps} />
                </div>
              </ChartFigure>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
