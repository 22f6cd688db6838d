import { ChartFigure } from "@/components/charts/chart-frame";
import { FunnelChart } from "@/components/charts/funnel";
import { Card } from "@/components/ui/card";
import type { ParkRollup } from "@/lib/domain/rollup-shapes";
import { PROJECT_STAGES } from "@/lib/domain/values";
import type { SectionContext } from "./context";

/** 签约 → 开工 → 投产 → 达产: how many projects reached each stage (or a later one), and how many sit there now. */
export function StagesSection({ rollup, ctx }: { rollup: ParkRollup; ctx: SectionContext }) {
  const { t } = ctx;
  const steps = PROJECT_STAGES.map((stage, i) => {
    const reached = PROJECT_STAGES.slice(i).reduce((n, later) => n + rollup.stages[later], 0);
    return { key: stage, label: t(`stage.${stage}`), value: reached, display: String(reached), current: rollup.stages[stage] };
  });
  const description = t("dashboard.funnelDesc", {
    total: steps[0]!.value,
    started: steps[1]!.value,
    production: steps[2]!.value,
    full: steps[3]!.value,
  });
  return (
    <Card aria-labelledby="stages-title" className="space-y-3 p-5">
      <div>
        <h2 id="stages-title" className="text-lg font-semibold">
          {t("dashboard.stagesTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("dashboard.stagesHint")}</p>
      </div>
      <ChartFigure labels={ctx.chart} csvHref={ctx.csv("stages")} tableHref={ctx.table("stages")}>
        <FunnelChart id="stages-chart" title={t("dashboard.stagesTitle")} description={description} steps={steps} />
      </ChartFigure>
    </Card>
  );
}
