import type { ParkComparisonRow } from "@/lib/domain/rollup-shapes";
import { paceAgainstPlan } from "@/lib/domain/rollups";
import { formatGrowth, formatMoney, formatPercent, formatPlanningMoney } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { Card } from "../ui/card";

const COLUMNS: readonly MessageKey[] = [
  "region.col.park", "dashboard.projects", "region.col.inProduction", "project.planned", "project.completed",
  "region.col.ytd", "dashboard.ytdGrowth", "region.col.annualPlan", "region.col.completionRate",
];

type Row = ParkComparisonRow;

/**
 * Parks side by side, one row each, every park's name a link to its dashboard: the region view's
 * table and the overview of a viewer with many parks. Cell styles are in globals.css (.compare-table).
 */
export function ParkComparison({
  parks,
  rows,
  today,
  locale,
  t,
  title = t("region.compareTitle"),
}: {
  parks: { id: string; slug: string; name: string; nameEn: string | null }[];
  rows: Row[];
  today: string;
  locale: Locale;
  t: Translate;
  title?: string;
}) {
  const money = (v: string) => formatMoney(v, locale);
  return (
    <Card aria-labelledby="compare-title" className="p-5">
      <h2 id="compare-title" className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t("region.compareScroll", { title })}>
        <table className="compare-table w-full min-w-[820px] text-left text-sm" data-testid="park-comparison">
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              {COLUMNS.map((key) => (
                <th key={key} scope="col">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => {
              const park = parks.find((p) => p.id === r.parkId)!;
              const ytdGrowth = Number(r.lastYtd) > 0 ? Number(r.ytd) / Number(r.lastYtd) - 1 : null; // a display ratio only
              const pace = paceAgainstPlan(r.ytd, r.annualPlan, today);
              return (
                <tr key={r.parkId}>
                  <th scope="row">
                    <a href={`/parks/${park.slug}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                      {pickName(locale, park.name, park.nameEn)}
                    </a>
                  </th>
                  <td>{r.projects}</td>
                  <td>{r.inProduction}</td>
                  <td>{formatPlanningMoney(r.planned, locale, t("project.notSet"))}</td>
                  <td>{money(r.completed)}</td>
                  <td>{money(r.ytd)}</td>
                  <td>{formatGrowth(ytdGrowth, locale)}</td>
                  <td>{r.annualPlan ? money(r.annualPlan) : t("region.noPlan")}</td>
                  <td>{pace.completionRate === null ? "—" : formatPercent(pace.completionRate, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
