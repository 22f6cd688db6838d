import { labelWidth } from "./chart-frame";

export interface GanttMarker {
  key: string;
  /** e.g. "开工 · planned 2024-03-01 · actual 2024-04-10" — read out as the marker's tooltip. */
  label: string;
  planned: string | null;
  actual: string | null;
  late: boolean;
}

export interface GanttRow {
  key: string;
  label: string;
  markers: GanttMarker[];
}

const W = 760;
const LABEL_W = 190;
const ROW = 28;
const AXIS = 26;

const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Cuts a label to fit `width` units, so Latin names keep more characters than Chinese ones. */
function truncate(text: string, width: number) {
  if (labelWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (labelWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * One row per project over a shared time axis: planned dates hollow, actual dates filled, a thin
 * line from plan to actual showing the slip, and today as a vertical rule.
 */
export function GanttChart({
  id,
  title,
  description,
  rows,
  today,
  legend,
}: {
  id: string;
  title: string;
  description: string;
  rows: GanttRow[];
  today: string;
  legend: { planned: string; actual: string; late: string; today: string };
}) {
  const dates = rows.flatMap((r) => r.markers.flatMap((m) => [m.planned, m.actual])).filter((d): d is string => d !== null);
  const times = [...dates.map(time), time(today)];
  const startYear = new Date(Math.min(...times)).getUTCFullYear();
  const endYear = new Date(Math.max(...times)).getUTCFullYear() + 1;
  const from = Date.UTC(startYear, 0, 1);
  const to = Date.UTC(endYear, 0, 1);
  const plotW = W - LABEL_W - 12;
  const x = (iso: string) => LABEL_W + ((time(iso) - from) / (to - from)) * plotW;
  const height = AXIS + rows.length * ROW + 30;
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
  const yearW = plotW / Math.max(1, endYear - startYear);
  const tx = x(today);
  return (
    <svg viewBox={`0 0 ${W} ${height}`} className="h-auto w-full min-w-[680px]" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {years.map((year, i) => {
        const gx = LABEL_W + i * yearW;
        return (
          <g key={year}>
            <line x1={gx} x2={gx} y1={AXIS - 6} y2={AXIS + rows.length * ROW} className="stroke-slate-200" />
            {year < endYear ? (
              <text x={gx + yearW / 2} y={AXIS - 10} textAnchor="middle" className="fill-slate-600 text-[12px]">
                {year}
              </text>
            ) : null}
          </g>
        );
      })}
      {rows.map((r, i) => {
        const cy = AXIS + i * ROW + ROW / 2;
        return (
          <g key={r.key}>
            {i % 2 === 0 ? <rect x={0} y={AXIS + i * ROW} width={W} height={ROW} className="fill-slate-50" /> : null}
            <text x={4} y={cy} dominantBaseline="central" className="fill-slate-800 text-[12px]">
              <title>{r.label}</title>
              {truncate(r.label, LABEL_W - 14)}
            </text>
            {r.markers.map((m) => (
              <g key={m.key}>
                <title>{m.label}</title>
                {m.planned && m.actual ? <line x1={x(m.planned)} x2={x(m.actual)} y1={cy} y2={cy} strokeWidth={2} className="stroke-slate-400" /> : null}
                {m.planned ? (
                  <circle cx={x(m.planned)} cy={cy} r={5} strokeWidth={2} className={m.late ? "fill-white stroke-rose-600" : "fill-white stroke-slate-500"} />
                ) : null}
                {m.actual ? <circle cx={x(m.actual)} cy={cy} r={5} className="fill-brand-600" /> : null}
              </g>
            ))}
          </g>
        );
      })}
      <line x1={tx} x2={tx} y1={AXIS - 6} y2={AXIS + rows.length * ROW} strokeWidth={1.5} strokeDasharray="4 3" className="stroke-amber-600" />
      <g transform={`translate(${LABEL_W}, ${AXIS + rows.length * ROW + 18})`} className="text-[12px]">
        <circle cx={6} cy={0} r={5} strokeWidth={2} className="fill-white stroke-slate-500" />
        <text x={16} dominantBaseline="central" className="fill-slate-700">{legend.planned}</text>
        <circle cx={136} cy={0} r={5} className="fill-brand-600" />
        <text x={146} dominantBaseline="central" className="fill-slate-700">{legend.actual}</text>
        <circle cx={266} cy={0} r={5} strokeWidth={2} className="fill-white stroke-rose-600" />
        <text x={276} dominantBaseline="central" className="fill-slate-700">{legend.late}</text>
        <line x1={396} x2={396} y1={-7} y2={7} strokeWidth={1.5} strokeDasharray="4 3" className="stroke-amber-600" />
        <text x={404} dominantBaseline="central" className="fill-slate-700">{legend.today}</text>
      </g>
    </svg>
  );
}

