import { dotsPath, labelStep, labelWidth, linePath, niceTicks } from "./chart-frame";

export interface BarPoint {
  key: string;
  /** Axis label, e.g. "24-07"; January points also print the year. */
  label: string;
  value: number;
  /** The line's value (a ratio, e.g. YoY growth); null breaks the line. */
  line: number | null;
}

const SIZES = {
  wide: { W: 640, H: 280, M: { top: 16, right: 52, bottom: 40 }, font: "text-[11px]" },
  // Phones: fewer months in a narrower box, so the text stays legible without scrolling.
  compact: { W: 360, H: 230, M: { top: 14, right: 46, bottom: 36 }, font: "text-[12px]" },
} as const;

/**
 * Monthly bars on the left axis with a growth line on the right axis. Amounts are scaled to floats
 * here for drawing only; the figures shown in text come from the exact strings.
 */
export function BarsWithLineChart({
  id,
  title,
  description,
  points,
  formatValue,
  formatLine,
  legend,
  compact = false,
}: {
  id: string;
  title: string;
  description: string;
  points: BarPoint[];
  formatValue: (n: number) => string;
  formatLine: (ratio: number) => string;
  legend: { bars: string; line: string; noLine: string };
  compact?: boolean;
}) {
  const { W, H, M: margins, font } = SIZES[compact ? "compact" : "wide"];
  const ticks = niceTicks(Math.max(0, ...points.map((p) => p.value)));
  const M = { ...margins, left: Math.min(150, Math.max(...ticks.map((tick) => labelWidth(formatValue(tick)))) + 12) };
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const top = ticks[ticks.length - 1] || 1;
  const lines = points.map((p) => p.line).filter((v): v is number => v !== null && Number.isFinite(v));
  // No month has a comparison (no year-ago data): no line, no right axis, and the legend says why.
  const hasLine = lines.length > 0;
  const lo = Math.min(0, ...lines);
  const hi = Math.max(0.1, ...lines);
  const slot = plotW / Math.max(1, points.length);
  const x = (i: number) => M.left + slot * i + slot / 2;
  const yBar = (v: number) => M.top + plotH - (v / top) * plotH;
  const yLine = (r: number) => M.top + plotH - ((r - lo) / (hi - lo)) * plotH;

  // All bars are one path (vertical strokes as wide as a bar) and the growth line another (broken
  // where a month has no comparison), so the chart stays a handful of nodes however many months it shows.
  const base = M.top + plotH;
  const bars = points.map((p, i) => (yBar(p.value) < base ? `M${Math.round(x(i))},${base}V${Math.round(yBar(p.value))}` : "")).join("");
  const linePoints = points.map((p, i) => (p.line === null || !Number.isFinite(p.line) ? null : ([x(i), yLine(p.line)] as [number, number])));
  const every = labelStep(points.map((p) => p.label), plotW);

  return (
    <>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <path d={ticks.map((tick) => `M${M.left},${Math.round(yBar(tick))}H${W - M.right}`).join("")} className="stroke-slate-200" />
        <g className={`fill-slate-600 ${font}`}>
          {ticks.map((tick) => (
            <text key={tick} x={M.left - 6} y={Math.round(yBar(tick))} textAnchor="end" dominantBaseline="central">
              {formatValue(tick)}
            </text>
          ))}
          {/* Counted from the latest month, so it is always labelled and the spacing stays even. */}
          {points.map((p, i) =>
            (points.length - 1 - i) % every === 0 ? (
              <text key={p.key} x={Math.round(x(i))} y={H - M.bottom + 16} textAnchor="middle">
                {p.label}
              </text>
            ) : null,
          )}
        </g>
        {hasLine ? (
        <g className={`fill-amber-700 ${font}`}>
          {[lo, hi, 0].filter((v, i, all) => all.slice(0, i).every((other) => Math.abs(yLine(other) - yLine(v)) > 20)).map((r) => (
            <text key={r} x={W - M.right + 6} y={Math.round(yLine(r))} dominantBaseline="central">
              {formatLine(r)}
            </text>
          ))}
        </g>
        ) : null}
        <path d={bars} strokeWidth={(slot * 0.64).toFixed(1)} className="stroke-brand-600" />
        {hasLine ? <path d={linePath(linePoints)} fill="none" strokeWidth={2} className="stroke-amber-600" /> : null}
        {hasLine ? <path d={dotsPath(linePoints.filter((p) => p !== null))} strokeWidth={6} strokeLinecap="round" className="stroke-amber-600" /> : null}
        <path d={`M${M.left},${M.top + plotH}H${W - M.right}`} className="stroke-slate-400" />
      </svg>
      {/* The legend is HTML so it wraps on narrow screens; the chart's title and description carry the meaning. */}
      <p aria-hidden className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700" style={{ paddingLeft: `${(M.left / W) * 100}%` }}>
        <span className="inline-flex items-center gap-1.5">
          <span className="size-3 rounded-sm bg-brand-600" />
          {legend.bars}
        </span>
        {hasLine ? (
          <span className="inline-flex items-center gap-1.5">
            <svg width="24" height="8" viewBox="0 0 24 8" className="stroke-amber-600">
              <path d="M0,4H24" strokeWidth={2} />
              <path d="M12,4h0" strokeWidth={6} strokeLinecap="round" />
            </svg>
            {legend.line}
          </span>
        ) : (
          <span data-testid="no-line">{legend.noLine}</span>
        )}
      </p>
    </>
  );
}
