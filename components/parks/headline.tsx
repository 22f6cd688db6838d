import type { ReactNode } from "react";
import type { ParkRollup } from "@/lib/domain/rollup-shapes";
import { growthFor, paceAgainstPlan } from "@/lib/domain/rollups";
import { formatMoney, formatPercent, formatPlanningMoney } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";
import { Badge } from "../ui/badge";
import { cn } from "../ui/cn";

function Figure({ label, value, testId, className, children }: { label: string; value: string; testId: string; className?: string; children?: ReactNode }) {
  return (
    <div className={cn("rounded-lg border border-slate-200 bg-white p-4 shadow-sm", className)}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-1">
        <span className="block text-xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
          {value}
        </span>
        {children}
      </dd>
    </div>
  );
}

/** The headline figures of a park or a region: totals, this year against plan and time elapsed. */
export function Headline({ rollup, today, locale, t, problemsHref }: { rollup: ParkRollup; today: string; locale: Locale; t: Translate; problemsHref?: string }) {
  const year = Number(today.slice(0, 4));
  const ytd = growthFor(
    rollup.monthly.map((m) => ({ period: m.period, value: m.investment })),
    year,
    Number(today.slice(5, 7)),
  ).ytd;
  const pace = paceAgainstPlan(ytd, rollup.annualPlan, today);
  const money = (v: string) => formatMoney(v, locale);
  const planning = (v: string) => formatPlanningMoney(v, locale, t("project.notSet"));
  const pp = pace.aheadPp === null ? null : Math.abs(pace.aheadPp).toFixed(1);
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label={t("dashboard.headline")}>
      <Figure label={t("dashboard.projects")} value={String(rollup.totals.projects)} testId="headline-projects" />
      <Figure label={t("project.planned")} value={planning(rollup.totals.planned)} testId="headline-planned" />
      <Figure label={t("project.contracted")} value={planning(rollup.totals.contracted)} testId="headline-contracted" />
      <Figure label={t("project.inPlace")} value={planning(rollup.totals.inPlace)} testId="headline-inplace" />
      <Figure label={t("project.completed")} value={money(rollup.totals.completed)} testId="headline-completed" />
      <Figure label={t("dashboard.openProblems")} value={String(rollup.openProblemCount)} testId="headline-problems">
        {problemsHref && rollup.openProblemCount > 0 ? (
          <a href={problemsHref} className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
            {t("dashboard.seeProblems")}
          </a>
        ) : null}
      </Figure>
      <Figure label={t("dashboard.ytdCompleted", { year })} value={money(ytd)} testId="headline-ytd" className="col-span-2">
        {pace.completionRate === null ? (
          <p className="mt-1 text-sm text-slate-600" data-testid="headline-no-plan">
            {t("dashboard.noAnnualPlan")}
          </p>
        ) : (
          <div className="mt-1 space-y-1 text-sm text-slate-700">
            <p>
              {t("dashboard.ofPlan", { percent: formatPercent(pace.completionRate, locale), plan: money(rollup.annualPlan ?? "0") })}
              {" · "}
              {t("dashboard.timeElapsed", { percent: formatPercent(pace.timeElapsed, locale) })}
            </p>
            <Badge tone={pace.aheadPp! >= 0 ? "good" : "bad"} data-testid="headline-pace">
              {pace.aheadPp! >= 0 ? t("dashboard.aheadBy", { pp: pp! }) : t("dashboard.behindBy", { pp: pp! })}
            </Badge>
          </div>
        )}
      </Figure>
    </dl>
  );
}
