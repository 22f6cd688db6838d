import type { ReactNode } from "react";
import { ChartFigure } from "@/components/charts/chart-frame";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { MONTH_WINDOW, type ParkDashboard } from "@/app/_lib/dashboard/data";
import { formatGrowth, formatMoney } from "@/lib/format/numbers";
import { MonthlyCharts } from "./charts";
import type { SectionContext } from "./context";

function Growth({ ratio, ctx }: { ratio: number | null; ctx: SectionContext }) {
  return (
    <span className={cn("tabular-nums", ratio === null ? "text-slate-500" : ratio >= 0 ? "text-emerald-700" : "text-rose-700")}>
      {formatGrowth(ratio, ctx.locale)}
    </span>
  );
}

/**
 * Investment completed per month with its year-on-year growth, and beside it the figures as
 * leaders read them (Ningbo style): this month, MoM, YoY, year to date and its growth.
 */
export function MonthlySection({ monthly, ctx }: { monthly: ParkDashboard["monthly"]; ctx: SectionContext }) {
  const { t, locale } = ctx;
  const { points, at, growth: g } = monthly;
  const hasData = points.some((p) => Number(p.value) !== 0);
  const monthLabel = `${at.year}-${String(at.month).padStart(2, "0")}`;
  const money = (v: string) => formatMoney(v, locale);
  const figures: [string, ReactNode, string][] = [
    [t("dashboard.thisMonth", { month: monthLabel }), money(g.month), "month"],
    [t("dashboard.mom"), <Growth key="mom" ratio={g.mom} ctx={ctx} />, "mom"],
    [t("dashboard.yoy"), <Growth key="yoy" ratio={g.yoy} ctx={ctx} />, "yoy"],
    [t("dashboard.ytd", { month: monthLabel }), money(g.ytd), "ytd"],
    [t("dashboard.ytdGrowth"), <Growth key="ytdg" ratio={g.ytdGrowth} ctx={ctx} />, "ytd-growth"],
  ];
  return (
    <Card aria-labelledby="monthly-title" className="p-5">
      <h2 id="monthly-title" className="text-lg font-semibold">
        {t("dashboard.monthlyTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("dashboard.monthlyHint", { months: MONTH_WINDOW })}</p>
      <div className="mt-3 grid gap-5 lg:grid-cols-[minmax(0,1fr)_15rem]">
        <div className="min-w-0">
          {hasData ? (
            <ChartFigure labels={ctx.chart} csvHref={ctx.csv("monthly")} tableHref={ctx.table("monthly")}>
              {/* Phones get the last 12 months in a narrower chart; the table and CSV keep all of them. */}
              <MonthlyCharts months={points.map((p) => p.period.slice(0, 7))} values={points.map((p) => Number(p.value))} yoy={points.map((p) => p.yoy)} />
            </ChartFigure>
          ) : (
            <p className="rounded-md bg-slate-50 p-4 text-sm text-slate-600">{t("dashboard.monthlyNone", { months: MONTH_WINDOW })}</p>
          )}
        </div>
        <dl className="grid grid-cols-2 gap-3 self-start sm:grid-cols-3 lg:grid-cols-1" data-testid="monthly-figures">
          {figures.map(([label, value, key]) => (
            <div key={key} className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid={`figure-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}
