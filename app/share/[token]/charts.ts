import { html, type SafeHtml } from "@/lib/html";

/**
 * Inline SVG charts for the share page: no script, no external file, a few hundred bytes each.
 * Each chart is a labelled image; the same figures are in the page's text or tables beside it.
 */

const round = (n: number) => Math.round(n * 10) / 10;

export interface Bar {
  label: string;
  value: number;
  /** The exact figure, as formatted for the reader; shown on or beside the bar. */
  display: string;
}

/**
 * Horizontal bars, e.g. projects per stage, in the given order. The drawing is about as wide as a
 * phone's column (and at most 28rem on a wide screen, class "hb"), so its 12px labels stay 11–16px
 * on screen: at 560 wide they shrank to 7px on a phone.
 */
export function hbarChart(title: string, bars: Bar[]): SafeHtml {
  const width = 340;
  const labelW = 125;
  const row = 30;
  const peak = Math.max(1, ...bars.map((b) => b.value));
  const area = width - labelW - 50;
  return html`<svg class="chart hb" viewBox="0 0 ${width} ${bars.length * row}" role="img" aria-label="${title}">${bars.map((b, i) => {
    const w = b.value > 0 ? Math.max(3, round((b.value / peak) * area)) : 0;
    const y = i * row;
    return html`<text x="0" y="${y + 19}" class="l">${b.label}</text><rect x="${labelW}" y="${y + 5}" width="${w}" height="20" rx="3" class="b"/><text x="${labelW + w + 6}" y="${y + 19}" class="v">${b.display}</text>`;
  })}</svg>`;
}

/** Vertical bars per month, with the month under each bar and the exact figure in its tooltip. */
export function monthBars(title: string, months: { period: string; value: number; display: string }[]): SafeHtml {
  // A fixed width, so three months do not fill the page with three huge bars; about a phone's column
  // (at most 26rem on a wide screen, class "mb"), so the month labels stay legible there.
  const slot = 32;
  const width = slot * 12;
  const peak = Math.max(1, ...months.map((m) => m.value));
  // Under each bar its month; under that the year, at the first bar and the first bar of each new year:
  // "2024-01" under every bar would not fit at this width.
  return html`<svg class="chart mb" viewBox="0 0 ${width} 142" role="img" aria-label="${title}">${months.map((m, i) => {
    const h = m.value > 0 ? Math.max(2, round((m.value / peak) * 96)) : 0;
    const year = m.period.slice(0, 4);
    const newYear = i === 0 || months[i - 1]!.period.slice(0, 4) !== year;
    const cx = i * slot + slot / 2;
    return html`<g><title>${m.period.slice(0, 7)}: ${m.display}</title><rect x="${i * slot + 6}" y="${104 - h}" width="${slot - 12}" height="${h}" rx="2" class="b"/><text x="${cx}" y="121" class="m">${m.period.slice(5, 7)}</text>${
      newYear ? html`<text x="${cx}" y="137" class="m">${year}</text>` : ""
    }</g>`;
  })}<line x1="0" y1="104.5" x2="${width}" y2="104.5" class="axis"/></svg>`;
}

export interface TimelinePoint {
  label: string;
  planned: string | null;
  forecast: string | null;
  actual: string | null;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * Milestones on a time axis, one row each with its name above: a hollow circle at the baseline, a
 * filled one when reached, a diamond at the forecast; a red line from the baseline to a later date
 * shows the slip. Today is a dashed line. About as wide as a phone's column (340; at most 26rem on a
 * wide screen) so its text stays legible there: at 400 wide it shrank to 8–10px on a phone.
 */
export function milestoneTimeline(title: string, points: TimelinePoint[], today: string): SafeHtml {
  const dates = points.flatMap((p) => [p.planned, p.forecast, p.actual]).filter((d): d is string => d !== null);
  if (dates.length === 0) return html``;
  const days = [...dates.map(dayOf), dayOf(today)];
  const from = Math.min(...days) - 20;
  const to = Math.max(...days) + 20;
  const width = 340;
  const row = 38;
  const x = (iso: string) => round(10 + ((dayOf(iso) - from) / (to - from)) * (width - 20));
  const height = points.length * row + 20;
  const years: number[] = [];
  for (let y = new Date(from * DAY).getUTCFullYear() + 1; y <= new Date(to * DAY).getUTCFullYear() && years.length < 8; y++) years.push(y);
  return html`<svg class="chart tl" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">${years.map((y) => {
    const xi = x(`${y}-01-01`);
    return html`<line x1="${xi}" y1="0" x2="${xi}" y2="${height - 16}" class="grid"/><text x="${xi}" y="${height - 3}" class="m">${y}</text>`;
  })}<line x1="${x(today)}" y1="0" x2="${x(today)}" y2="${height - 16}" class="today"/>${points.map((p, i) => {
    const cy = i * row + 27;
    const later = p.actual ?? p.forecast;
    return html`<text x="4" y="${cy - 11}" class="l">${p.label}</text>${p.planned && later && later > p.planned ? html`<line x1="${x(p.planned)}" y1="${cy}" x2="${x(later)}" y2="${cy}" class="slip"/>` : ""}${
      p.planned ? html`<circle cx="${x(p.planned)}" cy="${cy}" r="5" class="plan"/>` : ""
    }${p.forecast && !p.actual ? html`<path d="M${x(p.forecast)} ${cy - 6}l6 6-6 6-6-6z" class="fc"/>` : ""}${p.actual ? html`<circle cx="${x(p.actual)}" cy="${cy}" r="5" class="b"/>` : ""}`;
  })}</svg>`;
}
