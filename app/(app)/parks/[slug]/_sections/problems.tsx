import { ChartLinks } from "@/components/charts/chart-frame";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { listOpenProblems } from "@/db/queries/rollups";
import { pickName } from "@/lib/i18n/pick";
import type { SectionContext } from "./context";

type OpenProblem = Awaited<ReturnType<typeof listOpenProblems>>[number];

/** Open problems (存在问题) across the park, earliest due first. */
export function ProblemsSection({ items, total, ctx }: { items: OpenProblem[]; total: number; ctx: SectionContext }) {
  const { t, locale, today } = ctx;
  return (
    <Card id="problems" aria-labelledby="problems-title" className="scroll-mt-4 p-5">
      <h2 id="problems-title" className="text-lg font-semibold">
        {t("dashboard.problemsTitle")} <span className="text-slate-500">({total})</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("dashboard.problemsNone")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 *:space-y-1 *:py-2.5" data-testid="open-problems">
          {items.map((p) => (
            <li key={p.id}>
              <p className="text-sm text-slate-900">{p.description}</p>
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
                <a href={`/projects/${p.projectId}`} className="font-medium text-brand-700 hover:underline">
                  {pickName(locale, p.name, p.nameEn)}
                </a>
                <span>{t("dashboard.owner", { owner: p.owner })}</span>
                {p.dueDate ? (
                  p.dueDate < today ? (
                    <Badge tone="bad">{t("dashboard.overdueSince", { date: p.dueDate })}</Badge>
                  ) : (
                    <span>{t("dashboard.dueOn", { date: p.dueDate })}</span>
                  )
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {total > 0 ? (
        <div className="mt-2 space-y-1">
          {total > items.length ? <p className="text-xs text-slate-600">{t("dashboard.showingFirst", { shown: items.length, total })}</p> : null}
          <ChartLinks labels={{ showTable: t("dashboard.problemsAll", { count: total }), downloadCsv: ctx.chart.downloadCsv }} tableHref={ctx.table("problems")} csvHref={ctx.csv("problems")} />
        </div>
      ) : null}
    </Card>
  );
}
