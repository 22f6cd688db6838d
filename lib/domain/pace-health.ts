import type { ProjectHealth, SlipBaseline } from "./values";

/** A park's three-colour rule (park_health_rules), with the defaults a new park gets. */
export interface HealthRule {
  yellowBehindPp: number;
  redBehindPp: number;
  redMonthsNotStarted: number;
  /** Which baseline milestone slip, the late lists and their counts measure against. */
  slipBaseline: SlipBaseline;
}

export const DEFAULT_HEALTH_RULE: HealthRule = { yellowBehindPp: 10, redBehindPp: 30, redMonthsNotStarted: 3, slipBaseline: "current" };

/** A stored rule (numeric columns arrive as strings), or the default when the park set none. */
export function healthRuleOf(row: { yellowBehindPp: string; redBehindPp: string; redMonthsNotStarted: number; slipBaseline: SlipBaseline } | null): HealthRule {
  return row
    ? { yellowBehindPp: Number(row.yellowBehindPp), redBehindPp: Number(row.redBehindPp), redMonthsNotStarted: row.redMonthsNotStarted, slipBaseline: row.slipBaseline }
    : DEFAULT_HEALTH_RULE;
}

export interface ProjectPaceInput {
  plannedInvestment: string;
  completedInvestment: string;
  /** 开工: the planned date, and the actual one once reached. */
  startPlanned: string | null;
  startActual: string | null;
  /** 投产 (or 达产 when no production milestone): when the investment should be complete. */
  endPlanned: string | null;
}

export type HealthReason = "not_started" | "behind_red" | "behind_yellow" | "on_pace" | "no_basis";

export interface ComputedHealth {
  health: ProjectHealth;
  reason: HealthReason;
  /** Percentage points behind the time-elapsed pace (negative: ahead); null without a basis. */
  behindPp: number | null;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function addMonths(iso: string, months: number): string {
  const d = new Date(day(iso));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Computed health under a park's rule. Red when construction has not started `redMonthsNotStarted`
 * months after its planned date; otherwise by how far investment completed (share of planned) lags
 * the share of time elapsed between start and planned completion: ≥ red → red, ≥ yellow → yellow.
 */
export function computeProjectHealth(p: ProjectPaceInput, rule: HealthRule, today: string): ComputedHealth {
  if (p.startPlanned && !p.startActual && addMonths(p.startPlanned, rule.redMonthsNotStarted) < today) {
    return { health: "off_track", reason: "not_started", behindPp: null };
  }
  const start = p.startActual ?? p.startPlanned;
  const planned = Number(p.plannedInvestment);
  if (!start || !p.endPlanned || !(planned > 0) || day(p.endPlanned) <= day(start)) {
    return { health: "on_track", reason: "no_basis", behindPp: null };
  }
  const expected = Math.min(1, Math.max(0, (day(today) - day(start)) / (day(p.endPlanned) - day(start))));
  const actual = Number(p.completedInvestment) / planned;
  const behindPp = Math.round((expected - actual) * 1000) / 10;
  if (behindPp >= rule.redBehindPp) return { health: "off_track", reason: "behind_red", behindPp };
  if (behindPp >= rule.yellowBehindPp) return { health: "at_risk", reason: "behind_yellow", behindPp };
  return { health: "on_track", reason: "on_pace", behindPp };
}

