import { labelWidth } from "./chart-frame";

export interface FunnelStep {
  key: string;
  label: string;
  value: number;
  /** What is written on the bar, e.g. "12". */
  display: string;
}

const WIDTH = 360;
const ROW = 46;
const BAR = 30;

/**
 * Stages as a funnel: each bar's width is its count against the first step, centred, with a light
 * band joining it to the next one so the narrowing reads at a glance.
 */
export function FunnelChart({ id, title, description, steps }: { id: string; title: string; description: string; steps: FunnelStep[] }) {
  const peak = Math.max(1, ...steps.map((s) => s.value));
  const labelW = Math.min(150, Math.max(...steps.map((s) => labelWidth(s.label) * 1.1)) + 10);
  const area = WIDTH - labelW - 8;
  const centre = labelW + 8 + area / 2;
  const widthOf = (v: number) => Math.max(6, (v / peak) * area);
  const height = steps.length * ROW;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-md" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {steps.map((s, i) => {
        const w = widthOf(s.value);
        const y = i * ROW + (ROW - BAR) / 2;
        const next = steps[i + 1];
        const wn = next ? widthOf(next.value) : 0;
        const inside = w > 40;
        return (
          <g key={s.key}>
            {next ? (
              <polygon
                points={`${centre - w / 2},${y + BAR} ${centre + w / 2},${y + BAR} ${centre + wn / 2},${y + ROW} ${centre - wn / 2},${y + ROW}`}
                className="fill-brand-100"
              />
            ) : null}
            <text x={0} y={y + BAR / 2} dominantBaseline="central" className="fill-slate-700 text-[13px]">
              {s.label}
            </text>
            <rect x={centre - w / 2} y={y} width={w} height={BAR} rx={4} className={i === 0 ? "fill-brand-700" : "fill-brand-600"} />
            <text
              x={inside ? centre : centre + w / 2 + 6}
              y={y + BAR / 2}
              textAnchor={inside ? "middle" : "start"}
              dominantBaseline="central"
              className={inside ? "fill-white text-[13px] font-semibold" : "fill-slate-900 text-[13px] font-semibold"}
            >
              {s.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
