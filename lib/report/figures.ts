import { growthFor, paceAgainstPlan, type GrowthFigures, type Pace } from "../domain/rollups";
import type { ParkRollup } from "../domain/rollup-shapes";
import type { MilestoneType, ProjectStage } from "../domain/values";

/**
 * What a monthly report (月报) shows, in no language yet: the dashboard's rollup as of the month's
 * end plus the report's own lists. Filled by app/_lib/report/data.ts; turned into a document by
 * model.ts, which both renderers (Word, PDF) draw.
 */

/** How many projects the key-projects table shows by default (the largest by planned total investment). */
export const KEY_PROJECTS = 20;

export const REPORT_FORMATS = ["docx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Which projects the key-projects table lists. */
export type ReportScope = { kind: "key" } | { kind: "all" } | { kind: "cluster"; cluster: string };

/** One row of the key-projects table (重点项目推进情况表): db/queries/report.ts. */
export interface ReportProjectRow {
  id: string;
  parkId: string;
  code: string;
  name: string;
  nameEn: string | null;
  company: string;
  companyEn: string | null;
  cluster: string;
  clusterEn: string | null;
  stage: ProjectStage;
  plannedInvestment: string;
  completedMonth: string;
  completedYtd: string;
  narrative: string | null;
  narrativeEn: string | null;
  openProblems: string[];
}

export interface ReportProblem {
  name: string;
  nameEn: string | null;
  description: string;
  owner: string;
  dueDate: string | null;
}

export interface ReportLateMilestone {
  name: string;
  nameEn: string | null;
  type: MilestoneType;
  customLabel: string | null;
  /** The baseline in force; null only when a milestone is late against its original one alone. */
  plannedDate: string | null;
  forecastDate: string | null;
  daysLate: number | null;
}

export interface ReportHeadline {
  growth: GrowthFigures;
  pace: Pace;
}

export interface ReportFigures {
  kind: "park" | "region";
  /** The park's or the region's name. */
  name: string;
  nameEn: string | null;
  /** For a region: its parks. */
  parks: { id: string; name: string; nameEn: string | null }[];
  /** YYYY-MM */
  month: string;
  /** The day the figures describe: the month's last day, or today for the current month. */
  asOf: string;
  generatedOn: string;
  preparedBy: string;
  isDemo: boolean;
  scope: ReportScope;
  rollup: ParkRollup;
  headline: ReportHeadline;
  projects: ReportProjectRow[];
  problems: { items: ReportProblem[]; total: number };
  late: { items: ReportLateMilestone[]; total: number };
}

/**
 * The headline of the month: its growth figures and the year's pace against the plan by time elapsed
 * at `asOf` — the dashboard's own functions (growthFor, paceAgainstPlan) over the rollup's months.
 */
export function reportHeadline(rollup: Pick<ParkRollup, "monthly" | "annualPlan">, month: string, asOf: string): ReportHeadline {
  const monthly = rollup.monthly.map((m) => ({ period: m.period, value: m.investment }));
  const growth = growthFor(monthly, Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { growth, pace: paceAgainstPlan(growth.ytd, rollup.annualPlan, asOf) };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A report month (YYYY-MM) and the day its figures are as of: its last day, or `today` when the month
 * is the current one. Null for anything else: a malformed month, one before 2000, one still to come.
 */
export function reportMonth(month: string, today: string): { month: string; asOf: string } | null {
  const m = MONTH.exec(month);
  if (!m || Number(m[1]) < 2000) return null;
  const current = today.slice(0, 7);
  if (month > current) return null;
  const lastDay = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).toISOString().slice(0, 10);
  return { month, asOf: month === current ? today : lastDay };
}

/** The month before today's: the default report (the month that has just closed). */
export function lastClosedMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}
