import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { MilestoneForm } from "@/app/(app)/projects/[id]/_sections/milestone-form";
import { cn } from "@/components/ui/cn";
import type { ProjectDetail } from "@/db/queries/project-detail";
import { againstBaseline } from "@/lib/domain/health";
import { isoToday, MILESTONE_ORDER, milestoneHealth, slipDays, SLIP_RULE } from "@/lib/domain/milestones";
import type { Translate } from "@/lib/i18n/translate";
import { HEALTH_TONE } from "./header";

type Milestone = ProjectDetail["milestones"][number];

/** A ledger's 2018年9月 is known to the month: shown as 2018-09, not as the 1st. */
const shownDate = (m: Milestone, date: string | null) => (date === null ? "—" : m.datePrecision === "month" ? date.slice(0, 7) : date);

function sortKey(m: Milestone) {
  return `${m.actualDate ?? m.forecastDate ?? m.plannedDate ?? "9999"}-${String(MILESTONE_ORDER.indexOf(m.type)).padStart(2, "0")}`;
}

/** The milestone timeline: reached ones filled, the rest hollow, each with its slip and health. */
export function MilestonesSection({ detail, canEdit, t }: { detail: ProjectDetail; canEdit: boolean; t: Translate }) {
  const today = isoToday();
  const scope = { parkId: detail.park.id, projectId: detail.project.id };
  const items = [...detail.milestones].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const rule = t("milestone.rule", { onTrack: SLIP_RULE.onTrackMaxDays, atRisk: SLIP_RULE.atRiskMaxDays });
  return (
    <Card aria-labelledby="milestones-title" className="space-y-4 p-5">
      <div>
        <h2 id="milestones-title" className="text-lg font-semibold">
          {t("milestone.title")}
        </h2>
        <p className="text-xs text-slate-600">{rule}</p>
        <p className="text-xs text-slate-600">{t(detail.healthRule.slipBaseline === "original" ? "milestone.countedOriginal" : "milestone.countedCurrent")}</p>
      </div>
      {items.length === 0 ? <p className="text-sm text-slate-600">{t("milestone.none")}</p> : null}
      <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5" data-testid="milestone-timeline">
        {items.map((m) => {
          const slip = slipDays(m, today);
          // A re-baselined milestone keeps its slip against the first plan in view; the badge follows the park's rule.
          const moved = m.originalPlannedDate !== null && m.originalPlannedDate !== m.plannedDate;
          const slipOriginal = moved ? slipDays({ ...m, plannedDate: m.originalPlannedDate }, today) : null;
          const health = milestoneHealth(againstBaseline(m, detail.healthRule.slipBaseline), today);
          const label = m.type === "custom" ? (m.customLabel ?? "") : t(`milestone.type.${m.type}`);
          return (
            <li key={m.id} className="relative" data-testid="milestone">
              <span
                aria-hidden
                className={cn(
                  "absolute -left-[27px] top-1 size-3 rounded-full border-2",
                  m.actualDate ? "border-emerald-600 bg-emerald-600" : "border-slate-400 bg-white",
                )}
              />
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{label}</span>
                {m.actualDate ? <Badge tone="good">{t("milestone.reached")}</Badge> : null}
                <Badge tone={HEALTH_TONE[health]}>{t(`health.${health}`)}</Badge>
              </div>
              <dl className="mt-1 grid grid-cols-2 gap-x-4 text-sm text-slate-700 sm:grid-cols-4">
                <div>
                  <dt className="text-xs text-slate-600">{t("milestone.planned")}</dt>
                  <dd className="tabular-nums">{shownDate(m, m.plannedDate)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">{t("milestone.forecast")}</dt>
                  <dd className="tabular-nums">{shownDate(m, m.forecastDate)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">{t("milestone.actual")}</dt>
                  <dd className="tabular-nums">{shownDate(m, m.actualDate)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600">{t(moved ? "milestone.slipCurrent" : "milestone.slip")}</dt>
                  <dd className="tabular-nums">{slip === null ? "—" : t("milestone.slipDays", { days: slip })}</dd>
                </div>
                {moved ? (
                  <>
                    <div>
                      <dt className="text-xs text-slate-600">{t("milestone.originalPlanned")}</dt>
                      <dd className="tabular-nums">{m.originalPlannedDate}</dd>
                    </div>
                    <div data-testid="slip-original">
                      <dt className="text-xs text-slate-600">{t("milestone.slipOriginal")}</dt>
                      <dd className="tabular-nums">{slipOriginal === null ? "—" : t("milestone.slipDays", { days: slipOriginal })}</dd>
                    </div>
                  </>
                ) : null}
              </dl>
              {m.baselines.length ? (
                <p className="mt-1 text-xs text-slate-600">{t("milestone.previousBaselines", { dates: m.baselines.map((b) => b.plannedDate).join(", ") })}</p>
              ) : null}
              {canEdit ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-sm text-brand-700">{t("milestone.edit")}</summary>
                  <div className="mt-2 rounded-md border border-slate-200 p-3">
                    <MilestoneForm scope={scope} milestone={m} />
                  </div>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
      {canEdit ? (
        <details className="rounded-md border border-dashed border-slate-300 p-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("milestone.add")}</summary>
          <div className="mt-3">
            <MilestoneForm scope={scope} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
