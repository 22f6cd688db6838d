import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { listOpenProblems } from "@/db/queries/rollups";
import { pickName } from "@/app/_lib/i18n/pick";
import type { SectionContext } from "./context";
import { CsvLink } from "./late";

type OpenProblem = Awaited<ReturnType<typeof listOpenProblems>>[number];

/** Open problems (存在问题) across the park, earliest due first. */
export function ProblemsSection({ items, total, ctx }: { items: OpenProblem[]; total: number; ctx: SectionContext }) {
  const { t, locale, today } = ctx;
  return (
    <Card id="problems" aria-labelledby="problems-title" className="scroll-mt-4 p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="problems-title" className="text-lg font-semibold">
          {t("dashboard.problemsTitle")} <span className="text-slate-500">({total})</span>
        </h2>
        {items.length ? <CsvLink href={ctx.csv("problems")} label={ctx.chart.downloadCsv} /> : null}
      </div>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("dashboard.problemsNone")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100" data-testid="open-problems">
          {items.map((p) => (
            <li key={p.id} className="space-y-1 py-2.5">
              <p className="text-sm text-slate-900">{p.description}</p>
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
                <Link href={`/projects/${p.projectId}`} className="font-medium text-brand-700 hover:underline">
                  {pickName(locale, p.name, p.nameEn)}
                </Link>
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
      {total > items.length ? <p className="mt-2 text-xs text-slate-600">{t("dashboard.showingFirst", { shown: items.length, total })}</p> : null}
    </Card>
  );
}
