import { ChartLinks } from "@/components/charts/chart-frame";
import { Card } from "@/components/ui/card";
import type { ParkRollup } from "@/lib/domain/rollup-shapes";
import type { RampSeries } from "@/lib/domain/series";
import { formatPercent, formatQuantity } from "@/lib/format/numbers";
import { periodLabel, unitLabel } from "@/lib/format/units";
import { pickName } from "@/lib/i18n/pick";
import { CapacityRows, type CapacityRow } from "./charts";
import type { SectionContext } from "./context";

/**
 * Online against designed capacity, one row per (cluster, unit, period) — different units are never
 * added — each with its ramp: capacity online at each month-end as reported, under the designed line.
 */
export function CapacitySection({ rollup, ramp, months, ctx }: { rollup: ParkRollup; ramp: RampSeries[]; months: number; ctx: SectionContext }) {
  const { t, locale } = ctx;
  const rampByKey = new Map(ramp.map((s) => [s.key, s]));
  const rows = rollup.capacityByCluster.map((c): CapacityRow => {
    const key = `${c.cluster}|${c.unit}|${c.period}`;
    const ratio = Number(c.designed) > 0 ? Number(c.online) / Number(c.designed) : null;
    const q = (v: string) => formatQuantity(v, c.unit, c.period, locale);
    // The sparkline needs shapes, not figures: levels and the designed line as 0–100 of the larger.
    const levels = rampByKey.get(key)?.values.map(Number) ?? null;
    const top = Math.max(Number(c.designed), ...(levels ?? [])) || 1;
    const scale = (v: number) => Math.round((v / top) * 100);
    return {
      key,
      label: `${pickName(locale, c.cluster, c.clusterEn)} · ${unitLabel(c.unit, locale)}${periodLabel(c.period, locale)}`,
      figures: t("dashboard.capacityOf", { online: q(c.online), designed: q(c.designed), percent: ratio === null ? "—" : formatPercent(ratio, locale) }),
      ramp: levels?.map(scale) ?? null,
      designed: scale(Number(c.designed)),
    };
  });
  return (
    <Card aria-labelledby="capacity-title" className="space-y-3 p-5">
      <div>
        <h2 id="capacity-title" className="text-lg font-semibold">
          {t("dashboard.capacityTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("dashboard.capacityHint", { months })}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("dashboard.capacityNone")}</p>
      ) : (
        <>
          <CapacityRows rows={rows} />
          {ramp.length ? (
            <p aria-hidden className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700">
              <span className="inline-flex items-center gap-1.5">
                <span className="h-0.5 w-5 bg-brand-700" />
                {t("dashboard.legendOnlineByMonth", { months })}
              </span>
              <span className="inline-flex items-center gap-1.5">
                <span className="w-5 border-t-2 border-dotted border-rose-400" />
                {t("csv.designed")}
              </span>
            </p>
          ) : null}
          <div className="flex flex-wrap gap-x-8 gap-y-1">
            <ChartLinks labels={ctx.chart} tableHref={ctx.table("capacity")} csvHref={ctx.csv("capacity")} />
            {ramp.length ? <ChartLinks labels={{ showTable: t("dashboard.rampTable"), downloadCsv: t("dashboard.rampCsv") }} tableHref={ctx.table("ramp")} csvHref={ctx.csv("ramp")} /> : null}
          </div>
        </>
      )}
    </Card>
  );
}
