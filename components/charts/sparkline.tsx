const W = 120;
const H = 60;

/**
 * A small trend line (e.g. capacity online month by month) under a dashed ceiling (e.g. designed
 * capacity): two paths in whole units. Decorative: the figures it stands for are written beside it
 * and in the linked table. Stretched to its box; the strokes keep their width (globals.css, .spark).
 */
export function Sparkline({ values, ceiling, className }: { values: number[]; ceiling: number | null; className?: string }) {
  const top = Math.max(ceiling ?? 0, ...values) || 1;
  const x = (i: number) => Math.round(values.length > 1 ? (i / (values.length - 1)) * W : W / 2);
  const y = (v: number) => Math.round(H - 3 - (v / top) * (H - 6));
  return (
    <svg aria-hidden viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className={className ? `spark ${className}` : "spark"}>
      {ceiling ? <path d={`M0,${y(ceiling)}H${W}`} strokeDasharray="3 3" className="stroke-rose-400" /> : null}
      <path d={values.map((v, i) => `${i ? "L" : "M"}${x(i)},${y(v)}`).join("")} strokeWidth={2} className="stroke-brand-700" />
    </svg>
  );
}
