import { dotsPath, labelStep, labelWidth, linePath, niceTicks } from "./chart-frame";

export interface CurveSeries {
  key: string;
  name: string;
  /** One value per x label; null where there is nothing yet (e.g. months still to come). */
  values: (number | null)[];
  tone: "actual" | "plan" | "ceiling";
}

const TONE = {
  actual: { line: "stroke-brand-700", dash: undefined, dot: "stroke-brand-700" },
  plan: { line: "stroke-slate-500", dash: "6 4", dot: null },
  ceiling: { line: "stroke-rose-400", dash: "2 4", dot: null },
} as const;

const SIZES = {
  wide: { W: 560, H: 260, M: { top: 14, right: 26, bottom: 36 }, font: "text-[11px]" },
  // Phones: a narrower box so the text stays legible without scrolling.
  compact: { W: 360, H: 220, M: { top: 12, right: 22, bottom: 34 }, font: "text-[12px]" },
} as const;

/**
 * Cumulative curves over a shared axis: actual against plan (the S-curve), or online capacity
 * against designed. Values are floats for drawing only.
 */
export function SCurveChart({
  id,
  title,
  description,
  xLabels,
  series,
  formatValue,
  compact = false,
}: {
  id: string;
  title: string;
  description: string;
  xLabels: string[];
  series: CurveSeries[];
  formatValue: (n: number) => string;
  compact?: boolean;
}) {
  const { W, H, M: margins, font } = SIZES[compact ? "compact" : "wide"];
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(0, ...all));
  // The axis takes the room its longest tick label needs (units such as "pcs/day" are long).
  const M = { ...margins, left: Math.min(150, Math.max(...ticks.map((tick) => labelWidth(formatValue(tick)))) + 12) };
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const top = ticks[ticks.length - 1] || 1;
  const step = plotW / Math.max(1, xLabels.length - 1);
  const x = (i: number) => M.left + step * i;
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const every = labelStep(xLabels, plotW);
  return (
    <div className="max-w-2xl">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <path d={ticks.map((tick) => `M${M.left},${Math.round(y(tick))}H${W - M.right}`).join("")} className="stroke-slate-200" />
        <g className={`fill-slate-600 ${font}`}>
          {ticks.map((tick) => (
            <text key={tick} x={M.left - 6} y={Math.round(y(tick))} textAnchor="end" dominantBaseline="central">
              {formatValue(tick)}
            </text>
          ))}
          {xLabels.map((label, i) =>
            (xLabels.length - 1 - i) % every === 0 ? (
              <text key={i} x={Math.round(x(i))} y={H - M.bottom + 16} textAnchor="middle">
                {label}
              </text>
            ) : null,
          )}
        </g>
        <path d={`M${M.left},${M.top + plotH}H${W - M.right}`} className="stroke-slate-400" />
        {/* One path per series (and one for its dots): a handful of nodes however long the axis. */}
        {series.map((s) => {
          const tone = TONE[s.tone];
          const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as [number, number])));
          return (
            <g key={s.key}>
              <path d={linePath(points)} fill="none" strokeWidth={2.5} strokeDasharray={tone.dash} className={tone.line} />
              {tone.dot ? <path d={dotsPath(points.filter((p) => p !== null))} strokeWidth={6} strokeLinecap="round" className={tone.dot} /> : null}
            </g>
          );
        })}
      </svg>
      {/* The legend is HTML so it wraps on narrow screens; the chart's title and description carry the meaning. */}
      <p aria-hidden className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700" style={{ paddingLeft: `${(M.left / W) * 100}%` }}>
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <svg width="24" height="6" viewBox="0 0 24 6">
              <path d="M0,3H24" strokeWidth={2.5} strokeDasharray={TONE[s.tone].dash} className={TONE[s.tone].line} />
            </svg>
            {s.name}
          </span>
        ))}
      </p>
    </div>
  );
}
