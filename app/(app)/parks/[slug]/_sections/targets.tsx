import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { listYearlyTotals } from "@/db/queries/rollups";
import type { Target } from "@/db/schema";
import { targetProgress } from "@/lib/domain/rollups";
import { formatGrowth, formatMoney, formatPercent } from "@/lib/format/numbers";
import type { SectionContext } from "./context";

type YearTotal = Awaited<ReturnType<typeof listYearlyTotals>>[number];

/** The latest full year (before this one) with a positive figure for the target's metric, if it is tracked. */
export function latestActual(target: Pick<Target, "metric">, yearly: YearTotal[], today: string): { year: number; value: string } | null {
  const field = target.metric === "output_value" ? "output" : target.metric === "investment" ? "investment" : null;
  if (!field) return null;
  const thisYear = Number(today.slice(0, 4));
  const row = [...yearly].reverse().find((y) => y.year < thisYear && Number(y[field]) > 0);
  return row ? { year: row.year, value: row[field] } : null;
}

/** Each target with the growth achieved since its base year, the growth still required, and where the trend leads. */
export function TargetsSection({ targets, yearly, isAdmin, settingsHref, ctx }: { targets: Target[]; yearly: YearTotal[]; isAdmin: boolean; settingsHref: string; ctx: SectionContext }) {
  const { t, locale, today } = ctx;
  const money = (v: string) => formatMoney(v, locale);
  const missingData = (target: Target, latest: { year: number } | null) =>
    target.metric === "tax" || target.metric === "revenue"
      ? t("dashboard.target.notTracked")
      : !latest
        ? t("dashboard.target.noFullYear")
        : !target.baseValue
          ? t("dashboard.target.noBaseValue")
          : t("dashboard.target.noYearAfterBase", { year: target.baseYear });
  return (
    <Card aria-labelledby="targets-title" className="p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="targets-title" className="text-lg font-semibold">
          {t("dashboard.targetsTitle")}
        </h2>
        {isAdmin ? (
          <Link prefetch={false} href={settingsHref} className="text-sm font-medium text-brand-700 hover:underline">
            {t("dashboard.editTargets")}
          </Link>
        ) : null}
      </div>
      {targets.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("dashboard.targetsNone")}</p> : null}
      <ul className="mt-3 grid gap-4 md:grid-cols-2" data-testid="targets">
        {targets.map((target) => {
          const latest = latestActual(target, yearly, today);
          const progress = targetProgress(target, latest);
          const facts: [string, string][] = [
            [t("dashboard.target.base", { year: target.baseYear }), target.baseValue ? money(target.baseValue) : "—"],
            [t("dashboard.target.stated"), target.statedGrowthPct ? formatPercent(Number(target.statedGrowthPct) / 100, locale) : "—"],
            [latest ? t("dashboard.target.latest", { year: latest.year }) : t("dashboard.target.latestNone"), latest ? money(latest.value) : "—"],
            [t("dashboard.target.achieved"), formatGrowth(progress.achievedCagr, locale)],
            [t("dashboard.target.required"), formatGrowth(progress.requiredCagr, locale)],
            [t("dashboard.target.projection", { year: target.year }), progress.projection ? money(progress.projection) : "—"],
          ];
          return (
            <li key={target.id} className="rounded-md border border-slate-200 p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="text-sm text-slate-600">{t(`target.metric.${target.metric}`)}</p>
                  <p className="text-lg font-semibold tabular-nums">{t("dashboard.target.goal", { value: money(target.value), year: target.year })}</p>
                </div>
                {progress.onCourse === null ? (
                  <Badge>{t("dashboard.target.notEnoughData")}</Badge>
                ) : (
                  <Badge tone={progress.onCourse ? "good" : "bad"}>
                    {/* Once the target year has been reported, it was met or missed, not on or off course. */}
                    {latest && latest.year >= target.year
                      ? t(progress.onCourse ? "dashboard.target.met" : "dashboard.target.missed")
                      : t(progress.onCourse ? "dashboard.target.onCourse" : "dashboard.target.offCourse")}
                  </Badge>
                )}
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-xs text-slate-600">{label}</dt>
                    <dd className="tabular-nums text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
              {progress.onCourse === null ? <p className="mt-2 text-xs text-slate-600">{missingData(target, latest)}</p> : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
