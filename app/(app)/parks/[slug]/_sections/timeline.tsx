import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-frame";
import { GanttChart } from "@/components/charts/gantt";
import { Card } from "@/components/ui/card";
import type { TimelineProject } from "@/db/queries/park-dashboard";
import { pickName } from "@/app/_lib/i18n/pick";
import type { SectionContext } from "./context";

/** The park's projects on one time axis: planned milestones hollow, reached ones filled. */
export function TimelineSection({ projects, ctx }: { projects: TimelineProject[]; ctx: SectionContext }) {
  const { t, locale, today } = ctx;
  const label = (m: TimelineProject["milestones"][number]) => (m.type === "custom" ? (m.customLabel ?? "") : t(`milestone.type.${m.type}`));
  const rows = projects.map((p) => ({
    key: p.id,
    label: pickName(locale, p.name, p.nameEn),
    markers: p.milestones.map((m) => ({
      key: m.id,
      label: t("dashboard.markerLabel", { milestone: label(m), planned: m.plannedDate ?? "—", actual: m.actualDate ?? "—" }),
      planned: m.plannedDate,
      actual: m.actualDate,
      late: !m.actualDate && m.plannedDate !== null && m.plannedDate < today,
    })),
  }));
  return (
    <Card aria-labelledby="timeline-title" className="space-y-3 p-5">
      <div>
        <h2 id="timeline-title" className="text-lg font-semibold">
          {t("dashboard.timelineTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("dashboard.timelineHint", { count: projects.length })}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("dashboard.timelineNone")}</p>
      ) : (
        <ChartFigure
          scroll
          labels={ctx.chart}
          csvHref={ctx.csv("timeline")}
          table={{
            caption: t("dashboard.timelineTitle"),
            columns: [{ label: t("csv.project") }, { label: t("csv.milestone") }, { label: t("csv.planned"), numeric: true }, { label: t("csv.forecast"), numeric: true }, { label: t("csv.actual"), numeric: true }],
            rows: projects.flatMap((p) =>
              p.milestones.map((m) => ({
                key: m.id,
                cells: [
                  <Link key="p" href={`/projects/${p.id}`} className="text-brand-700 hover:underline">
                    {pickName(locale, p.name, p.nameEn)}
                  </Link>,
                  label(m),
                  m.plannedDate ?? "—",
                  m.forecastDate ?? "—",
                  m.actualDate ?? "—",
                ],
              })),
            ),
          }}
        >
          <GanttChart
            id="timeline-chart"
            title={t("dashboard.timelineTitle")}
            description={t("dashboard.timelineDesc", { count: rows.length })}
            rows={rows}
            today={today}
            legend={{ planned: t("dashboard.legendPlanned"), actual: t("dashboard.legendActual"), late: t("dashboard.legendLate"), today: t("dashboard.legendToday") }}
          />
        </ChartFigure>
      )}
    </Card>
  );
}
