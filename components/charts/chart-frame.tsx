import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "../ui/cn";

export interface ChartTable {
  caption: string;
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string; cells: ReactNode[] }[];
}

export interface ChartLabels {
  showTable: string;
  downloadCsv: string;
}

/** The same figures as a real table, for screen readers, keyboard users and anyone who prefers numbers. */
export function DataTable({ table, className }: { table: ChartTable; className?: string }) {
  return (
    // Focusable and labelled: on a narrow screen the table scrolls sideways, and keyboards must reach it.
    <div className={cn("overflow-x-auto", className)} tabIndex={0} role="region" aria-label={table.caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{table.caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={cn("px-3 py-2 font-medium", c.numeric && "text-right")}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-1.5 font-normal text-slate-800">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={cn("px-3 py-1.5 text-slate-700", table.columns[i]?.numeric && "text-right tabular-nums whitespace-nowrap")}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart with its table equivalent behind "Show as table" and a CSV download. `scroll` keeps wide
 * charts (timelines, 24 months of bars) legible on a phone by scrolling instead of shrinking the text.
 */
export function ChartFigure({
  children,
  table,
  csvHref,
  labels,
  scroll = false,
  scrollLabel,
}: {
  children: ReactNode;
  table: ChartTable;
  csvHref?: string;
  labels: ChartLabels;
  scroll?: boolean;
  scrollLabel?: string;
}) {
  return (
    <figure className="space-y-2">
      {scroll ? (
        // Focusable so a keyboard user can scroll it; labelled so the tab stop says what it is.
        <div className="overflow-x-auto rounded-sm" tabIndex={0} role="region" aria-label={scrollLabel ?? table.caption}>
          {children}
        </div>
      ) : (
        children
      )}
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 text-sm">
        <details className="group min-w-0 flex-1">
          <summary className="cursor-pointer font-medium text-brand-700 hover:underline">{labels.showTable}</summary>
          <DataTable table={table} className="mt-2 rounded-md border border-slate-200" />
        </details>
        {csvHref ? (
          <a href={csvHref} download className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline">
            <Download aria-hidden className="size-4" />
            {labels.downloadCsv}
          </a>
        ) : null}
      </div>
    </figure>
  );
}

/** "Nice" axis ticks from 0 to at least `max`: 1, 2 or 5 × 10^n steps. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(v);
  return ticks;
}

/** Rough width of a label at 11–12 px: CJK characters are about twice as wide as Latin ones. */
export function labelWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 7), 0);
}

/** Label every n-th point so the axis labels never overlap in `plotWidth` units. */
export function labelStep(labels: readonly string[], plotWidth: number): number {
  const widest = Math.max(1, ...labels.map(labelWidth)) + 12;
  const fit = Math.max(2, Math.floor(plotWidth / widest));
  return Math.max(1, Math.ceil(labels.length / fit));
}
