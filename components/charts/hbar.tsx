export interface HBarRow {
  key: string;
  label: string;
  /** Share filled, 0…1 (values above 1 are drawn full, with the text saying how much). */
  ratio: number | null;
  /** Text beside the bar, e.g. "12万吨/年 of 40万吨/年 (30%)". */
  display: string;
}

const WIDTH = 360;
const ROW = 58;

/** One labelled progress bar per row; each row has its own scale, so rows in different units never share one. */
export function HBarChart({ id, title, description, rows }: { id: string; title: string; description: string; rows: HBarRow[] }) {
  const height = Math.max(ROW, rows.length * ROW);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-md" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {rows.map((r, i) => {
        const y = i * ROW;
        const filled = Math.min(1, Math.max(0, r.ratio ?? 0)) * WIDTH;
        return (
          <g key={r.key}>
            <text x={0} y={y + 14} className="fill-slate-800 text-[13px] font-medium">
              {r.label}
            </text>
            <rect x={0} y={y + 21} width={WIDTH} height={10} rx={5} className="fill-slate-200" />
            {filled > 0 ? <rect x={0} y={y + 21} width={Math.max(filled, 10)} height={10} rx={5} className="fill-brand-600" /> : null}
            <text x={0} y={y + 45} className="fill-slate-600 text-[12px]">
              {r.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
