import { ChartLinks } from "@/components/charts/chart-frame";
import { Card } from "@/components/ui/card";
import type { TimelineProject } from "@/db/queries/park-dashboard";
import { pickName } from "@/lib/i18n/pick";
import { TimelineChart, TimelineLegend, type TimelineRow } from "./charts";
import type { SectionContext } from "./context";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const keep = (text: string) => text.replace(/ /g, "\u00a0");

/**
 * The projects that need attention on one time axis — those with the most overdue milestones, then
 * the next due — each saying which milestone is next and how late it is. All projects are a link away.
 */
export function TimelineSection({ projects, total, ctx }: { projects: TimelineProject[]; total: number; ctx: SectionContext }) {
  const { t, locale, today } = ctx;
  const label = (m: TimelineProject["milestones"][number]) => (m.type === "custom" ? (m.customLabel ?? "") : t(`milestone.type.${m.type}`));
  const rows = projects.map((p): TimelineRow => {
    const next = p.milestones.filter((m) => !m.actualDate && m.plannedDate).sort((a, b) => a.plannedDate!.localeCompare(b.plannedDate!))[0];
    // Nothing planned ahead is "every milestone reached" only once 达产 is; before that, no plan is recorded.
    const lastReached = p.milestones.filter((m) => m.actualDate).sort((a, b) => b.actualDate!.localeCompare(a.actualDate!))[0];
    const done = p.milestones.some((m) => m.type === "full_capacity" && m.actualDate);
    const noNext = done || !lastReached ? t("dashboard.allReached") : t("dashboard.noNextMilestone", { milestone: label(lastReached) });
    const daysLate = next && next.plannedDate! < today ? Math.round((day(today) - day(next.plannedDate!)) / 86_400_000) : 0;
    return {
      id: p.id,
      name: pickName(locale, p.name, p.nameEn),
      // No-break spaces inside each piece, so a narrow column wraps between pieces, not inside one.
      note: next ? `${label(next)} · ${keep(t("dashboard.plannedOn", { date: next.plannedDate! }))}` : noNext,
      late: daysLate > 0 ? keep(t("dashboard.daysLate", { days: daysLate })) : null,
      markers: p.milestones.map((m) => ({ planned: m.plannedDate, actual: m.actualDate, late: !m.actualDate && m.plannedDate !== null && m.plannedDate < today })),
    };
  });
  return (
    <Card aria-labelledby="timeline-title" className="space-y-3 p-5">
      <div>
        <h2 id="timeline-title" className="text-lg font-semibold">
          {t("dashboard.timelineTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("dashboard.timelineHint", { count: projects.length, total })}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("dashboard.timelineNone")}</p>
      ) : (
        <figure className="space-y-2">
          {/* Wider than a phone: it scrolls sideways rather than shrinking the dates out of sight. */}
          <div className="overflow-x-auto rounded-sm" tabIndex={0} role="region" aria-label={t("dashboard.timelineScroll")} data-testid="timeline">
            <TimelineChart rows={rows} today={today} />
          </div>
          <TimelineLegend />
          <ChartLinks labels={{ showTable: t("dashboard.timelineAll", { count: total }), downloadCsv: ctx.chart.downloadCsv }} tableHref={ctx.table("timeline")} csvHref={ctx.csv("timeline")} />
        </figure>
      )}
    </Card>
  );
}
