import type { ReactNode } from "react";

export interface ChartLabels {
  showTable: string;
  downloadCsv: string;
}

/**
 * A chart with links to its table equivalent (a page of its own, so the dashboard does not carry
 * every table) and to its CSV. `scroll` keeps wide charts (timelines) legible on a phone by scrolling
 * instead of shrinking the text.
 */
export function ChartFigure({
  children,
  tableHref,
  csvHref,
  labels,
  scroll = false,
  scrollLabel,
}: {
  children: ReactNode;
  tableHref?: string;
  csvHref?: string;
  labels: ChartLabels;
  scroll?: boolean;
  scrollLabel?: string;
}) {
  return (
    <figure className="space-y-2">
      {scroll ? (
        // Focusable so a keyboard user can scroll it; labelled so the tab stop says what it is.
        <div className="overflow-x-auto rounded-sm" tabIndex={0} role="region" aria-label={scrollLabel}>
          {children}
        </div>
      ) : (
        children
      )}
      <ChartLinks tableHref={tableHref} csvHref={csvHref} labels={labels} />
    </figure>
  );
}

/** "Show as table" and "Download CSV", as plain links. */
export function ChartLinks({ tableHref, csvHref, labels }: { tableHref?: string; csvHref?: string; labels: ChartLabels }) {
  if (!tableHref && !csvHref) return null;
  return (
    <p className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium text-brand-700">
      {tableHref ? (
        <a href={tableHref} className="hover:underline">
          {labels.showTable}
        </a>
      ) : null}
      {csvHref ? (
        <a href={csvHref} download className="hover:underline">
          {labels.downloadCsv}
        </a>
      ) : null}
    </p>
  );
}

/**
 * Dots at the points as one path of zero-length segments (whole units): drawn with
 * `strokeLinecap="round"` and a stroke as wide as the dot, each segment is a filled circle.
 */
export function dotsPath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y]) => `M${Math.round(x)},${Math.round(y)}h0`).join("");
}

/** An SVG path through the points (whole units: a chart is a few hundred wide); a null point breaks the line. */
export function linePath(points: readonly ([number, number] | null)[]): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${Math.round(p[0])},${Math.round(p[1])}`;
    pen = true;
  }
  return d;
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
