import { ChartFigure } from "@/components/charts/chart-frame";
import { Card } from "@/components/ui/card";
import type { CumulativeMonth } from "@/lib/domain/series";
import { timeElapsed } from "@/lib/domain/rollups";
import { formatMoney } from "@/lib/format/numbers";
import { PaceCharts } from "./charts";
import { monthName, type SectionContext } from "./context";

/** This year's cumulative completed investment against the annual plan spread by time elapsed (序时进度). */
export function PaceSection({ months, annualPlan, ctx }: { months: CumulativeMonth[]; annualPlan: string | null; ctx: SectionContext }) {
  const { t, locale } = ctx;
  const year = Number(ctx.today.slice(0, 4));
  const money = (n: number) => formatMoney(String(Math.round(n)), locale);
  const current = months.filter((m) => m.actual !== null).at(-1)!;
  // Display figures: the plan line is a float spread of the plan, so its gap is rounded to the yuan.
  const planToDate = annualPlan ? Number(annualPlan) * timeElapsed(ctx.today) : null;
  const gap = planToDate === null ? null : Number(current.actual) - planToDate;
  const empty = !annualPlan && months.every((m) => m.actual === null || Number(m.actual) === 0);
  const description = t(annualPlan ? "dashboard.sCurveDesc" : "dashboard.sCurveDescNoPlan", {
    actual: formatMoney(current.actual!, locale),
    plan: planToDate === null ? "—" : money(planToDate),
    month: monthName(locale, year, current.month),
  });
  const figures: [string, string, string][] = [
    [t("dashboard.actualToDate"), formatMoney(current.actual!, locale), "actual"],
    [t("dashboard.planToDate"), planToDate === null ? "—" : money(planToDate), "plan"],
    [t("dashboard.gapToPlan"), gap === null ? "—" : `${gap > 0 ? "+" : ""}${money(gap)}`, "gap"],
    [t("region.col.annualPlan"), annualPlan ? formatMoney(annualPlan, locale) : t("region.noPlan"), "annual"],
  ];
  return (
    <Card aria-labelledby="pace-title" className="p-5">
      <h2 id="pace-title" className="text-lg font-semibold">
        {t("dashboard.sCurveTitle", { year })}
      </h2>
      <p className="text-sm text-slate-600">{annualPlan ? t("dashboard.sCurveHint") : t("dashboard.noAnnualPlan")}</p>
      <div className="mt-3 grid gap-5 lg:grid-cols-[minmax(0,1fr)_15rem]">
        <div className="min-w-0">
          {empty ? (
            <p className="rounded-md bg-slate-50 p-4 text-sm text-slate-600">{t("dashboard.sCurveNone", { year })}</p>
          ) : (
            <ChartFigure labels={ctx.chart} csvHref={ctx.csv("pace")} tableHref={ctx.table("pace")}>
              <PaceCharts
                year={year}
                actual={months.map((m) => (m.actual === null ? null : Number(m.actual)))}
                plan={annualPlan ? months.map((m) => (m.plan === null ? null : Math.round(m.plan))) : null}
                description={description}
              />
            </ChartFigure>
          )}
        </div>
        <dl className="grid grid-cols-2 gap-3 self-start lg:grid-cols-1" data-testid="pace-figures">
          {figures.map(([label, value, key]) => (
            <div key={key} className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className={`mt-0.5 text-lg font-semibold tabular-nums ${key === "gap" && gap !== null ? (gap >= 0 ? "text-emerald-700" : "text-rose-700") : ""}`}>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}
