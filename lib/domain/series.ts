import { growthFor, periodOf, sumYuan, timeElapsed, type MonthValue } from "./rollups";
import { addDecimal } from "../format/units";
import type { CapacityPeriod, CapacityUnit } from "../format/units";

/** The `count` month periods (YYYY-MM-01) ending with the month of `today`, oldest first. */
export function monthWindow(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i;
    const index = year * 12 + (month - 1) - back;
    return periodOf(Math.floor(index / 12), (index % 12) + 1);
  });
}

/** The month the headline figures describe: the latest one with data up to today's, else today's. */
export function figuresMonth(monthly: readonly MonthValue[], today: string): { year: number; month: number } {
  const current = `${today.slice(0, 7)}-01`;
  const latest = [...monthly].reverse().find((m) => m.period <= current && Number(m.value) !== 0);
  const period = latest?.period ?? current;
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

export interface MonthPoint {
  period: string;
  value: string;
  yoy: number | null;
}

/**
 * Each month of the window with its amount and its year-on-year growth. A month nobody reported on
 * (such as the current one, early on) has no growth: −100% would be news that is not true.
 */
export function monthlyPoints(monthly: readonly MonthValue[], periods: readonly string[]): MonthPoint[] {
  const reported = new Set(monthly.map((m) => m.period));
  return periods.map((period) => {
    const g = growthFor(monthly, Number(period.slice(0, 4)), Number(period.slice(5, 7)));
    return { period, value: g.month, yoy: reported.has(period) ? g.yoy : null };
  });
}

export interface CumulativeMonth {
  month: number;
  /** Exact cumulative yuan from January; null for months still to come. */
  actual: string | null;
  /** The annual plan spread over the year by time elapsed at the end of the month; null without a plan. */
  plan: number | null;
}

/** This year's S-curve: cumulative completed investment by month against the plan line. */
export function cumulativeThisYear(monthly: readonly MonthValue[], today: string, annualPlan: string | null): CumulativeMonth[] {
  const year = Number(today.slice(0, 4));
  const current = Number(today.slice(5, 7));
  const byPeriod = new Map(monthly.map((m) => [m.period, m.value]));
  const plan = annualPlan ? Number(annualPlan) : 0;
  const out: CumulativeMonth[] = [];
  const sums: string[] = [];
  for (let month = 1; month <= 12; month++) {
    sums.push(byPeriod.get(periodOf(year, month)) ?? "0");
    const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    out.push({ month, actual: month <= current ? sumYuan(sums) : null, plan: plan > 0 ? plan * timeElapsed(monthEnd) : null });
  }
  return out;
}

/** One row of park_capacity_ramp as read for a window: the change in capacity online in a month. */
export interface RampChange {
  cluster: string;
  unit: CapacityUnit;
  period: CapacityPeriod;
  /** First of the month; changes before the window are folded into its first month. */
  month: string;
  change: string;
}

export interface RampSeries {
  key: string;
  cluster: string;
  clusterEn: string | null;
  unit: CapacityUnit;
  period: CapacityPeriod;
  /** Exact online capacity at the end of each month of the window. */
  values: string[];
}

/**
 * Online capacity per (cluster, unit, period) at the end of each month of `periods`: the running sum
 * of the monthly changes. Only like units are added (the group key carries unit and period).
 */
export function rampSeries(changes: readonly RampChange[], periods: readonly string[], clusterNames: ReadonlyMap<string, string>): RampSeries[] {
  const groups = new Map<string, { series: RampSeries; byMonth: Map<string, string> }>();
  for (const c of changes) {
    const key = `${c.cluster}|${c.unit}|${c.period}`;
    const group = groups.get(key) ?? { series: { key, cluster: c.cluster, clusterEn: clusterNames.get(c.cluster) ?? null, unit: c.unit, period: c.period, values: [] }, byMonth: new Map() };
    group.byMonth.set(c.month, addDecimal(group.byMonth.get(c.month) ?? "0", c.change));
    groups.set(key, group);
  }
  return [...groups.values()].map(({ series, byMonth }) => {
    let level = "0";
    return { ...series, values: periods.map((period) => (level = addDecimal(level, byMonth.get(period) ?? "0"))) };
  });
}

/**
 * The `count` calendar months ending with the latest month that has an amount, each with its amount
 * or null: a month nobody logged keeps its place, so 2021-08 never sits next to 2026-11.
 */
export function recentMonths(months: readonly { period: string; yuan: string }[], count = 12): { period: string; yuan: string | null }[] {
  const latest = months.reduce<string | null>((max, m) => (max === null || m.period > max ? m.period : max), null);
  if (latest === null) return [];
  const byPeriod = new Map(months.map((m) => [m.period.slice(0, 7), m.yuan]));
  return monthWindow(latest, count).map((period) => ({ period, yuan: byPeriod.get(period.slice(0, 7)) ?? null }));
}
