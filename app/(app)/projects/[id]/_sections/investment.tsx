import { Card } from "@/components/ui/card";
import type { ProjectDetail } from "@/db/queries/project-detail";
import { formatMoney, formatPercent, isUnsetPlanning } from "@/lib/format/numbers";
import { recentMonths } from "@/lib/domain/series";
import { addDecimal } from "@/lib/format/units";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";

/** Investment completed per month, from the entries nobody superseded. Exact sums, oldest first. */
export function monthlyCompleted(entries: ProjectDetail["entries"]): { period: string; yuan: string }[] {
  const byMonth = new Map<string, string>();
  for (const e of entries) {
    if (e.superseded || e.investmentCompleted === null) continue;
    byMonth.set(e.period, addDecimal(byMonth.get(e.period) ?? "0", e.investmentCompleted));
  }
  return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, yuan]) => ({ period, yuan }));
}

function MonthlyBars({ months, locale, t }: { months: { period: string; yuan: string }[]; locale: Locale; t: Translate }) {
  // Twelve calendar months up to the latest entry: a month without one is an empty slot, not skipped.
  const shown = recentMonths(months);
  const peak = Math.max(...shown.map((m) => Number(m.yuan ?? 0)), 1);
  const width = 36;
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-medium text-slate-800">{t("project.monthly")}</figcaption>
      <svg viewBox={`0 0 ${shown.length * width} 120`} className="h-32 w-full max-w-xl" role="img" aria-labelledby="monthly-bars-title">
        <title id="monthly-bars-title">{t("project.monthly")}</title>
        {shown.map((m, i) => {
          const h = m.yuan === null ? 0 : Math.max(2, (Number(m.yuan) / peak) * 96); // display scaling only; the figures stay exact
          return (
            <g key={m.period}>
              <rect x={i * width + 6} y={100 - h} width={width - 12} height={h} rx={3} className="fill-brand-600" />
              <text x={i * width + width / 2} y={114} textAnchor="middle" className="fill-slate-600 text-[9px]">
                {m.period.slice(2, 7)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{t("project.monthly")}</caption>
        <tbody>
          {shown.map((m) => (
            <tr key={m.period}>
              <th scope="row">{m.period.slice(0, 7)}</th>
              <td>{m.yuan === null ? "—" : formatMoney(m.yuan, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function InvestmentSection({ detail, locale, t }: { detail: ProjectDetail; locale: Locale; t: Translate }) {
  const p = detail.project;
  const figures: [string, string, string][] = [
    ["planned", t("project.planned"), p.plannedInvestment],
    ["contracted", t("project.contracted"), p.contractedInvestment],
    ["inPlace", t("project.inPlace"), p.inPlaceInvestment],
    ["completed", t("project.completed"), p.completedInvestment],
  ];
  const share = Number(p.plannedInvestment) > 0 ? Number(p.completedInvestment) / Number(p.plannedInvestment) : null;
  const months = monthlyCompleted(detail.entries);
  return (
    <Card aria-labelledby="investment-title" className="space-y-4 p-5">
      <h2 id="investment-title" className="text-lg font-semibold">
        {t("project.investment")}
      </h2>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {figures.map(([key, label, value]) => (
          <div key={key} className="rounded-md bg-slate-50 p-3">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={`investment-${key}`}>
              {key !== "completed" && isUnsetPlanning(value) ? <span className="text-slate-500">{t("project.notSet")}</span> : formatMoney(value, locale)}
            </dd>
          </div>
        ))}
      </dl>
      {share !== null ? (
        <div>
          <div className="h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <div className="h-full bg-brand-600" style={{ width: `${Math.min(100, share * 100)}%` }} />
          </div>
          <p className="mt-1 text-sm text-slate-700">{t("project.completedShare", { percent: formatPercent(share, locale) })}</p>
        </div>
      ) : null}
      {months.length ? <MonthlyBars months={months} locale={locale} t={t} /> : <p className="text-sm text-slate-600">{t("project.monthlyNone")}</p>}
    </Card>
  );
}
