import { ChartFigure } from "@/components/charts/chart-frame";
import { HBarChart } from "@/components/charts/hbar";
import { Card } from "@/components/ui/card";
import type { Rollup } from "@/db/queries/rollups";
import { formatPercent, formatQuantity } from "@/app/_lib/format/numbers";
import { periodLabel, unitLabel } from "@/app/_lib/format/units";
import { pickName } from "@/app/_lib/i18n/pick";
import type { SectionContext } from "./context";

/** Online against designed capacity, one row per (cluster, unit, period): different units are never added. */
export function CapacitySection({ rollup, ctx }: { rollup: Rollup; ctx: SectionContext }) {
  const { t, locale } = ctx;
  const rows = rollup.capacityByCluster.map((c) => {
    const ratio = Number(c.designed) > 0 ? Number(c.online) / Number(c.designed) : null;
    const q = (v: string) => formatQuantity(v, c.unit, c.period, locale);
    return {
      key: `${c.cluster}|${c.unit}|${c.period}`,
      cluster: pickName(locale, c.cluster, c.clusterEn),
      unit: `${unitLabel(c.unit, locale)}${periodLabel(c.period, locale)}`,
      ratio,
      online: q(c.online),
      designed: q(c.designed),
      share: ratio === null ? "—" : formatPercent(ratio, locale),
    };
  });
  return (
    <Card aria-labelledby="capacity-title" className="space-y-3 p-5">
      <div>
        <h2 id="capacity-title" className="text-lg font-semibold">
          {t("dashboard.capacityTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("dashboard.capacityHint")}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("dashboard.capacityNone")}</p>
      ) : (
        <ChartFigure
          labels={ctx.chart}
          csvHref={ctx.csv("capacity")}
          table={{
            caption: t("dashboard.capacityTitle"),
            columns: [
              { label: t("csv.cluster") },
              { label: t("csv.unit") },
              { label: t("csv.online"), numeric: true },
              { label: t("csv.designed"), numeric: true },
              { label: t("csv.onlinePct"), numeric: true },
            ],
            rows: rows.map((r) => ({ key: r.key, cells: [r.cluster, r.unit, r.online, r.designed, r.share] })),
          }}
        >
          <HBarChart
            id="capacity-chart"
            title={t("dashboard.capacityTitle")}
            description={t("dashboard.capacityDesc", { count: rows.length })}
            rows={rows.map((r) => ({
              key: r.key,
              label: `${r.cluster} · ${r.unit}`,
              ratio: r.ratio,
              display: t("dashboard.capacityOf", { online: r.online, designed: r.designed, percent: r.share }),
            }))}
          />
        </ChartFigure>
      )}
    </Card>
  );
}
