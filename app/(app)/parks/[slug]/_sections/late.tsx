import { ChartLinks } from "@/components/charts/chart-frame";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { listLateMilestones } from "@/db/queries/rollups";
import type { SlipBaseline } from "@/lib/domain/values";
import { pickName } from "@/lib/i18n/pick";
import type { SectionContext } from "./context";

type LateMilestone = Awaited<ReturnType<typeof listLateMilestones>>[number];

/** "current plan 2026-03-10: 40 days late" (or "not due yet"); a milestone with no such baseline reads "—". */
function slipAgainst(t: SectionContext["t"], which: SlipBaseline, date: string | null, days: number | null) {
  if (date === null || days === null) return t(which === "original" ? "dashboard.originalPlanNone" : "dashboard.currentPlanNone");
  if (days <= 0) return t(which === "original" ? "dashboard.notDueAgainstOriginal" : "dashboard.notDueAgainstCurrent", { date });
  return t(which === "original" ? "dashboard.lateAgainstOriginal" : "dashboard.lateAgainstCurrent", { date, days });
}

// Project links in the dashboard's lists are plain anchors: a Link would prefetch every project page
// it shows (a dynamic render each) as soon as the list scrolls into view.

/** Milestones whose planned date has passed without being reached: the most overdue, and how many in all. */
export function LateSection({ items, total, baseline, ctx }: { items: LateMilestone[]; total: number; baseline: SlipBaseline; ctx: SectionContext }) {
  const { t, locale } = ctx;
  const counted = (m: LateMilestone) => (baseline === "original" ? m.daysLateOriginal : m.daysLate) ?? 0;
  return (
    <Card aria-labelledby="late-title" className="p-5">
      <h2 id="late-title" className="text-lg font-semibold">
        {t("dashboard.lateTitle")} <span className="text-slate-500">({total})</span>
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t(baseline === "original" ? "dashboard.lateCountedOriginal" : "dashboard.lateCountedCurrent")}</p>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("dashboard.lateNone")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 *:flex *:flex-wrap *:items-start *:justify-between *:gap-x-3 *:gap-y-1 *:py-2.5" data-testid="late-milestones">
          {items.map((m, i) => (
            <li key={`${m.projectId}-${m.type}-${i}`}>
              <div className="min-w-0">
                <a href={`/projects/${m.projectId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {pickName(locale, m.name, m.nameEn)}
                </a>
                <p className="text-sm text-slate-600">
                  {m.type === "custom" ? m.customLabel : t(`milestone.type.${m.type}`)} · {slipAgainst(t, "current", m.plannedDate, m.daysLate)}
                  {m.originalPlannedDate !== m.plannedDate ? ` · ${slipAgainst(t, "original", m.originalPlannedDate, m.daysLateOriginal)}` : ""}
                  {m.forecastDate ? ` · ${t("dashboard.forecastOn", { date: m.forecastDate })}` : ""}
                </p>
              </div>
              <Badge tone={counted(m) > 30 ? "bad" : "progress"}>{t("dashboard.daysLate", { days: counted(m) })}</Badge>
            </li>
          ))}
        </ul>
      )}
      {total > 0 ? (
        <div className="mt-2 space-y-1">
          {total > items.length ? <p className="text-xs text-slate-600">{t("dashboard.showingMost", { shown: items.length, total })}</p> : null}
          <ChartLinks labels={{ showTable: t("dashboard.lateAll", { count: total }), downloadCsv: ctx.chart.downloadCsv }} tableHref={ctx.table("late")} csvHref={ctx.csv("late")} />
        </div>
      ) : null}
    </Card>
  );
}
