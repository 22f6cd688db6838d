import { chinaToday } from "./china-day";
import { MILESTONE_TYPES, type MilestoneType, type ProjectHealth, type ProjectStage } from "./values";

/** Milestone types in the order a project normally reaches them (the enum is declared in that order). */
export const MILESTONE_ORDER: readonly MilestoneType[] = MILESTONE_TYPES;

export interface MilestoneDates {
  plannedDate: string | null; // ISO date: the baseline
  forecastDate: string | null;
  actualDate: string | null;
}

/**
 * The health rule, shown beside every milestone (the numbers are in the message catalogs too):
 * slip ≤ 7 days → on track; 8–30 days → at risk; more than 30 days → off track.
 */
export const SLIP_RULE = { onTrackMaxDays: 7, atRiskMaxDays: 30 } as const;

const DAY_MS = 86_400_000;

function toDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Today in China, where the parks are: what milestones are late against, pace is measured to, and "as of" says. */
export function isoToday(now: Date = new Date()): string {
  return chinaToday(now);
}

/**
 * Slip in days against the baseline, or null without a baseline.
 * Reached: actual − planned. Not reached: the expected date − planned, where the expected date is the
 * forecast (or the baseline), but never earlier than today — a date that has passed without the
 * milestone being reached keeps slipping day by day.
 */
export function slipDays(m: MilestoneDates, today: string): number | null {
  if (!m.plannedDate) return null;
  const planned = toDay(m.plannedDate);
  if (m.actualDate) return toDay(m.actualDate) - planned;
  const expected = Math.max(toDay(m.forecastDate ?? m.plannedDate), toDay(today));
  return expected - planned;
}

export function healthFromSlip(slip: number | null): ProjectHealth {
  if (slip === null || slip <= SLIP_RULE.onTrackMaxDays) return "on_track";
  if (slip <= SLIP_RULE.atRiskMaxDays) return "at_risk";
  return "off_track";
}

export function milestoneHealth(m: MilestoneDates, today: string): ProjectHealth {
  return healthFromSlip(slipDays(m, today));
}

const HEALTH_RANK: Record<ProjectHealth, number> = { on_track: 0, at_risk: 1, off_track: 2 };

/** A project's computed health: the worst of its milestones that are not yet reached. */
export function projectHealthFromMilestones(milestones: readonly MilestoneDates[], today: string): ProjectHealth {
  let worst: ProjectHealth = "on_track";
  for (const m of milestones) {
    if (m.actualDate) continue;
    const h = milestoneHealth(m, today);
    if (HEALTH_RANK[h] > HEALTH_RANK[worst]) worst = h;
  }
  return worst;
}

/** Which stage each reached milestone type proves. Types not listed prove no stage. */
const STAGE_OF: Partial<Record<MilestoneType, ProjectStage>> = {
  signed: "signed",
  construction_start: "construction",
  topping_out: "construction",
  equipment_installed: "construction",
  production: "production",
  full_capacity: "full_capacity",
  above_designated_size: "production",
};

const STAGE_RANK: Record<ProjectStage, number> = { signed: 0, construction: 1, production: 2, full_capacity: 3 };

/**
 * The stage follows from the milestones reached (actual date on or before today): the furthest stage
 * any of them proves; a project with none reached is at "signed" (it exists because it was signed).
 */
export function stageFromMilestones(milestones: readonly (MilestoneDates & { type: MilestoneType })[], today: string): ProjectStage {
  let stage: ProjectStage = "signed";
  for (const m of milestones) {
    if (!m.actualDate || m.actualDate > today) continue;
    const proven = STAGE_OF[m.type];
    if (proven && STAGE_RANK[proven] > STAGE_RANK[stage]) stage = proven;
  }
  return stage;
}
