import type { ReactNode } from "react";

export interface GanttMarker {
  planned: string | null;
  actual: string | null;
  late: boolean;
}

export interface GanttRow {
  key: string;
  /** The row's heading: usually a link to the project. */
  label: ReactNode;
  /** One line under it saying what matters, e.g. "投产 planned 2025-06-17 · 523 days late". */
  note: ReactNode;
  markers: GanttMarker[];
}

/** Track width in viewBox units; every row, the axis and the grid share it, so one date is one x everywhere. */
const W = 560;
const ROW_H = 20;
const R = 5;
/** The track's viewBox: a margin of a marker's radius each side, so a dot on the first or last day shows whole. */
const BOX_X = -(R + 1);
const BOX_W = W + 2 * (R + 1);

const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** Zero-length segments: with round caps and a stroke as wide as a marker, each draws a dot. */
const dots = (xs: number[], y: number) => xs.map((x) => `M${Math.round(x)},${y}h0`).join("");

/**
 * One row per project over a shared time axis: planned dates hollow (red when late), reached ones
 * filled, a thin line from plan to actual showing the slip, and today as a dashed rule. Each row is
 * HTML (a link and a note saying what matters, which is what a screen reader reads) beside a small
 * SVG of a few paths; the year grid and today are one SVG behind all rows.
 */
interface GanttLegendLabels {
  planned: string;
  actual: string;
  late: string;
  today: string;
}

export function GanttChart({ rows, today }: { rows: GanttRow[]; today: string }) {
  const dates = rows.flatMap((r) => r.markers.flatMap((m) => [m.planned, m.actual])).filter((d): d is string => d !== null);
  const times = [...dates.map(time), time(today)];
  const startYear = new Date(Math.min(...times)).getUTCFullYear();
  const endYear = new Date(Math.max(...times)).getUTCFullYear() + 1;
  const from = Date.UTC(startYear, 0, 1);
  const to = Date.UTC(endYear, 0, 1);
  const x = (iso: string) => ((time(iso) - from) / (to - from)) * W;
  const years = Array.from({ length: endYear - startYear }, (_, i) => startYear + i);
  const yearX = (year: number) => Math.round(((Date.UTC(year, 0, 1) - from) / (to - from)) * W);
  const y = ROW_H / 2;
  const track = "grid grid-cols-[16rem_1fr] gap-4";
  return (
    <div className="min-w-[700px]">
      <div className="relative">
        <div aria-hidden className={`${track} pointer-events-none absolute inset-0`}>
          <span />
          <svg viewBox={`${BOX_X} 0 ${BOX_W} 100`} preserveAspectRatio="none" className="spark h-full w-full">
            <path d={[...years.map(yearX), W].map((gx) => `M${gx},0V100`).join("")} className="stroke-slate-200" />
            <path d={`M${Math.round(x(today))},0V100`} strokeWidth={1.5} strokeDasharray="4 3" className="stroke-amber-600" />
          </svg>
        </div>
        <div aria-hidden className={`${track} relative text-xs text-slate-600`}>
          <span />
          <svg viewBox={`${BOX_X} 0 ${BOX_W} 16`} className="h-auto w-full fill-slate-600 text-[11px]">
            {years.map((year) => (
              <text key={year} x={(yearX(year) + yearX(year + 1)) / 2} y={12} textAnchor="middle">
                {year}
              </text>
            ))}
          </svg>
        </div>
        {/* The row layout is in globals.css (.gantt-rows), not on each row. */}
        <ul className="gantt-rows relative divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.key}>
              <p>
                <b>{r.label}</b>
                {r.note}
              </p>
              <RowTrack
                slips={r.markers.filter((m) => m.planned && m.actual).map((m) => `M${Math.round(x(m.planned!))},${y}H${Math.round(x(m.actual!))}`).join("")}
                planned={dots(r.markers.filter((m) => m.planned && !m.late).map((m) => x(m.planned!)), y)}
                late={dots(r.markers.filter((m) => m.planned && m.late).map((m) => x(m.planned!)), y)}
                actual={dots(r.markers.filter((m) => m.actual).map((m) => x(m.actual!)), y)}
              />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * The chart's key. Outside the chart's sideways-scrolling box, so a phone shows all of it; beside the
 * tracks (past the 16rem label column) from the small breakpoint up.
 */
export function GanttLegend({ legend }: { legend: GanttLegendLabels }) {
  return (
    <p aria-hidden className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700 sm:pl-[17rem]" data-testid="gantt-legend">
      <LegendDot hollow className="stroke-slate-500">
        {legend.planned}
      </LegendDot>
      <LegendDot className="stroke-brand-600">{legend.actual}</LegendDot>
      <LegendDot hollow className="stroke-rose-600">
        {legend.late}
      </LegendDot>
      <span className="inline-flex items-center gap-1.5">
        <svg width="6" height="14" viewBox="0 0 6 14">
          <path d="M3,0V14" strokeWidth={1.5} strokeDasharray="4 3" className="stroke-amber-600" />
        </svg>
        {legend.today}
      </span>
    </p>
  );
}

/**
 * A row's markers as five paths, styled in globals.css (.gantt-rows) so a row carries only its
 * coordinates: slips, planned dots, late dots, the white holes that make both hollow, reached dots.
 */
function RowTrack({ slips, planned, late, actual }: { slips: string; planned: string; late: string; actual: string }) {
  return (
    <svg aria-hidden viewBox={`${BOX_X} 0 ${BOX_W} ${ROW_H}`} strokeLinecap="round">
      <path d={slips} />
      <path d={planned} />
      <path d={late} />
      <path d={planned + late} />
      <path d={actual} />
    </svg>
  );
}

function LegendDot({ className, hollow = false, children }: { className: string; hollow?: boolean; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <svg width="12" height="12" viewBox="0 0 12 12" strokeLinecap="round" className={className}>
        <path d="M6,6h0" strokeWidth={12} />
        {hollow ? <path d="M6,6h0" strokeWidth={8} className="stroke-white" /> : null}
      </svg>
      {children}
    </span>
  );
}
