import "server-only";
import { countTimelineProjects, getParkDataVersion, listCapacityRampChanges, listMilestoneTimeline } from "@/db/queries/park-dashboard";
import {
  countLateMilestones,
  getHealthRule,
  getRollup,
  listClusterNames,
  listLateMilestones,
  listOpenProblems,
  listProjectHealthInputs,
  listTargets,
  listYearlyTotals,
} from "@/db/queries/rollups";
import type { Executor } from "@/db/types";
import { computeHealth } from "@/lib/domain/health";
import { healthRuleOf, type HealthRule } from "@/lib/domain/pace-health";
import { cachedByVersion } from "./version-cache";
import { growthFor } from "@/lib/domain/rollups";
import { cumulativeThisYear, figuresMonth, monthlyPoints, monthWindow, rampSeries } from "@/lib/domain/series";

/** Months the monthly chart, its table and its CSV cover. */
export const MONTH_WINDOW = 24;

/** How many rows each list on the dashboard shows; the rest are one link away (table page and CSV). */
export const SHOWN = { late: 6, problems: 6, offPace: 6, timeline: 10 } as const;

/** The capacity ramp of one park over `periods`, from its summary table; groups that stay at zero are left out. */
export async function loadCapacityRamp(db: Executor, { parkId, periods }: { parkId: string; periods: string[] }) {
  const [changes, names] = await Promise.all([
    listCapacityRampChanges(db, { parkId, from: periods[0]!, to: periods.at(-1)! }),
    listClusterNames(db, { parkIds: [parkId] }),
  ]);
  return rampSeries(changes, periods, names).filter((s) => s.values.some((v) => Number(v) !== 0));
}

/**
 * Projects whose computed health (the one model, lib/domain/health.ts) is not on track, worst first:
 * off track before at risk, then the furthest behind pace.
 */
function flagOffPace(inputs: Awaited<ReturnType<typeof listProjectHealthInputs>>, rule: HealthRule, today: string) {
  return inputs
    .map((p) => {
      const computed = computeHealth(p, rule, today);
      const startPlanned = p.milestones.filter((m) => m.type === "construction_start").map((m) => m.plannedDate).filter((d) => d !== null).sort()[0] ?? null;
      return { project: { id: p.id, name: p.name, nameEn: p.nameEn, health: p.health, startPlanned }, computed };
    })
    .filter(({ computed }) => computed.health !== "on_track")
    .sort((a, b) =>
      a.computed.health === b.computed.health ? (b.computed.pace.behindPp ?? 999) - (a.computed.pace.behindPp ?? 999) : a.computed.health === "off_track" ? -1 : 1,
    );
}

/**
 * The Gantt's rows: the most overdue projects and the next due, half each when there are enough of
 * both; any room left goes to projects that reached every milestone.
 */
function timelineFocus<T>(late: T[], upcoming: T[], reached: T[]): T[] {
  const half = Math.floor(SHOWN.timeline / 2);
  const lateShown = late.slice(0, Math.max(half, SHOWN.timeline - upcoming.length));
  const focus = [...lateShown, ...upcoming.slice(0, SHOWN.timeline - lateShown.length)];
  return [...focus, ...reached.slice(0, SHOWN.timeline - focus.length)];
}

async function readParkDashboard(db: Executor, { parkId, today }: { parkId: string; today: string }) {
  const parkIds = [parkId];
  const periods = monthWindow(today, MONTH_WINDOW);
  // The rule first: which baseline the late list and its count measure against is the park's.
  const ruleRow = await getHealthRule(db, { parkId });
  const baseline = healthRuleOf(ruleRow).slipBaseline;
  const [rollup, late, lateTotal, problems, paceInputs, targets, yearly, timelineLate, timelineNext, timelineDone, timelineTotal, ramp] = await Promise.all([
    getRollup(db, { parkIds, today }),
    listLateMilestones(db, { parkIds, today, limit: SHOWN.late, baseline }),
    countLateMilestones(db, { parkIds, today, baseline }),
    listOpenProblems(db, { parkIds, limit: SHOWN.problems }),
    listProjectHealthInputs(db, { parkId }),
    listTargets(db, { parkIds }),
    listYearlyTotals(db, { parkIds }),
    listMilestoneTimeline(db, { parkId, limit: SHOWN.timeline, due: { today, which: "late" } }),
    listMilestoneTimeline(db, { parkId, limit: SHOWN.timeline, due: { today, which: "upcoming" } }),
    listMilestoneTimeline(db, { parkId, limit: SHOWN.timeline, due: { today, which: "reached" } }),
    countTimelineProjects(db, { parkId }),
    loadCapacityRamp(db, { parkId, periods }),
  ]);
  return { rollup: rollup!, late, lateTotal, problems, paceInputs, ruleRow, targets, yearly, timelineLate, timelineNext, timelineDone, timelineTotal, ramp };
}

/** What the dashboard reads, as its queries return it: the input of assembleParkDashboard. */
export type ParkDashboardRows = Awaited<ReturnType<typeof readParkDashboard>>;

/** The dashboard's figures from its rows: the flagged projects, the series the charts draw, the lists. */
export function assembleParkDashboard(rows: ParkDashboardRows, today: string) {
  const { rollup, ruleRow } = rows;
  const periods = monthWindow(today, MONTH_WINDOW);
  const rule = healthRuleOf(ruleRow);
  const flagged = flagOffPace(rows.paceInputs, rule, today);
  const monthly = rollup.monthly.map((m) => ({ period: m.period, value: m.investment }));
  const figuresAt = figuresMonth(monthly, today);
  return {
    rollup,
    periods,
    monthly: { points: monthlyPoints(monthly, periods), at: figuresAt, growth: growthFor(monthly, figuresAt.year, figuresAt.month) },
    cumulative: cumulativeThisYear(monthly, today, rollup.annualPlan),
    late: { items: rows.late, total: rows.lateTotal, baseline: rule.slipBaseline },
    problems: { items: rows.problems, total: rollup.openProblemCount },
    offPace: { items: flagged.slice(0, SHOWN.offPace), total: flagged.length, rule, ruleIsDefault: !ruleRow },
    targets: rows.targets,
    yearly: rows.yearly,
    timeline: { projects: timelineFocus(rows.timelineLate, rows.timelineNext, rows.timelineDone), total: rows.timelineTotal },
    ramp: rows.ramp,
  };
}

export type ParkDashboard = ReturnType<typeof assembleParkDashboard>;

/**
 * Everything the park dashboard shows, in no language yet. Computed once per committed change of the
 * park: the park's data version is read on every call and is part of the cache key, so a cached
 * value is never older than the last write, whichever instance made it.
 */
export async function getParkDashboard(db: Executor, { parkId, today }: { parkId: string; today: string }): Promise<ParkDashboard> {
  const version = await getParkDataVersion(db, { parkId });
  return cachedByVersion(`park-dashboard|${parkId}|${today}`, version, async () => assembleParkDashboard(await readParkDashboard(db, { parkId, today }), today));
}
