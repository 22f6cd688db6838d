// The one health model. Every surface that shows a project's computed health — the project list and
// its filter, the dashboard's lists, the project page, share pages, exports, the API — calls
// `computeHealth`, so they cannot disagree. Reported health (what the officer set) is shown beside it.
import { projectHealthFromMilestones, type MilestoneDates } from "./milestones";
import { computeProjectHealth, type ComputedHealth, type HealthRule } from "./pace-health";
import type { MilestoneType, ProjectHealth, SlipBaseline } from "./values";

export interface HealthMilestone extends MilestoneDates {
  type: MilestoneType;
  /** The first baseline ever set (milestones.original_planned_date); null reads as the current one. */
  originalPlannedDate?: string | null;
}

/** A milestone's dates with the baseline the park counts slip against in place of the planned date. */
export function againstBaseline<M extends HealthMilestone>(m: M, baseline: SlipBaseline): M {
  return baseline === "original" && m.originalPlannedDate ? { ...m, plannedDate: m.originalPlannedDate } : m;
}

export interface HealthInput {
  plannedInvestment: string;
  completedInvestment: string;
  milestones: readonly HealthMilestone[];
}

export interface ProjectComputedHealth {
  /** The worse of `slip` and `pace.health`. */
  health: ProjectHealth;
  /** From milestone slip: the worst milestone not yet reached (SLIP_RULE). */
  slip: ProjectHealth;
  /** From investment pace against time elapsed, under the park's rule. */
  pace: ComputedHealth;
}

const RANK: Record<ProjectHealth, number> = { on_track: 0, at_risk: 1, off_track: 2 };

export function worseHealth(a: ProjectHealth, b: ProjectHealth): ProjectHealth {
  return RANK[b] > RANK[a] ? b : a;
}

const earliest = (dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? null;

/** The pace inputs a project's milestones give: 开工 planned and reached, and 投产 (else 达产) planned. */
export function paceInputOf(p: HealthInput) {
  const of = (type: MilestoneType) => p.milestones.filter((m) => m.type === type);
  const start = of("construction_start");
  return {
    plannedInvestment: p.plannedInvestment,
    completedInvestment: p.completedInvestment,
    startPlanned: earliest(start.map((m) => m.plannedDate)),
    startActual: earliest(start.map((m) => m.actualDate)),
    endPlanned: earliest(of("production").map((m) => m.plannedDate)) ?? earliest(of("full_capacity").map((m) => m.plannedDate)),
  };
}

/**
 * Computed health on `today` (a China day): the worse of milestone slip (against the baseline the
 * park's rule names) and investment pace under `rule` (always against the plan in force).
 */
export function computeHealth(p: HealthInput, rule: HealthRule, today: string): ProjectComputedHealth {
  const slip = projectHealthFromMilestones(p.milestones.map((m) => againstBaseline(m, rule.slipBaseline)), today);
  const pace = computeProjectHealth(paceInputOf(p), rule, today);
  return { health: worseHealth(slip, pace.health), slip, pace };
}
