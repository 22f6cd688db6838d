import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { capacities, milestones, parkHealthRules, parkMonthlyStats, parks, problems, projects, targets, type ProjectStage } from "../schema";
import type { Executor } from "../types";

/**
 * Rollups read the summary table (park_monthly_stats) and the project rows of the parks shown —
 * never the progress log — so their cost grows with the projects shown, not with the entries.
 * `parkIds` is always the caller's scope: one park, or the parks of a region the viewer belongs to.
 */
export async function getRollup(db: Executor, { parkIds, today, months = 36 }: { parkIds: string[]; today: string; months?: number }) {
  if (parkIds.length === 0) return null;
  const since = `${Number(today.slice(0, 4)) - Math.ceil(months / 12)}-01-01`;
  const year = Number(today.slice(0, 4));
  const [stageRows, totals, monthly, annualPlan, capacityRows, openProblemCount] = await Promise.all([
    db.select({ stage: projects.stage, n: count() }).from(projects).where(inArray(projects.parkId, parkIds)).groupBy(projects.stage),
    db
      .select({
        projects: count(),
        planned: sql<string>`coalesce(sum(${projects.plannedInvestment}), 0)::text`,
        contracted: sql<string>`coalesce(sum(${projects.contractedInvestment}), 0)::text`,
        inPlace: sql<string>`coalesce(sum(${projects.inPlaceInvestment}), 0)::text`,
        completed: sql<string>`coalesce(sum(${projects.completedInvestment}), 0)::text`,
      })
      .from(projects)
      .where(inArray(projects.parkId, parkIds)),
    db
      .select({
        period: parkMonthlyStats.period,
        investment: sql<string>`sum(${parkMonthlyStats.investmentCompleted})::text`,
        output: sql<string>`sum(${parkMonthlyStats.outputValue})::text`,
      })
      .from(parkMonthlyStats)
      .where(and(inArray(parkMonthlyStats.parkId, parkIds), gte(parkMonthlyStats.period, since)))
      .groupBy(parkMonthlyStats.period)
      .orderBy(asc(parkMonthlyStats.period)),
    db
      .select({ value: sql<string | null>`sum(${targets.value})::text` })
      .from(targets)
      .where(and(inArray(targets.parkId, parkIds), eq(targets.metric, "investment"), eq(targets.year, year))),
    db
      .select({
        cluster: projects.cluster,
        clusterEn: sql<string | null>`min(${projects.clusterEn})`,
        unit: capacities.unit,
        period: capacities.period,
        designed: sql<string>`sum(${capacities.designed})::text`,
        online: sql<string>`sum(${capacities.online})::text`,
      })
      .from(capacities)
      .innerJoin(projects, eq(projects.id, capacities.projectId))
      .where(inArray(capacities.parkId, parkIds))
      .groupBy(projects.cluster, capacities.unit, capacities.period)
      .orderBy(asc(projects.cluster), asc(capacities.unit), asc(capacities.period)),
    db.select({ n: count() }).from(problems).where(and(inArray(problems.parkId, parkIds), eq(problems.status, "open"))),
  ]);
  const stages: Record<ProjectStage, number> = { signed: 0, construction: 0, production: 0, full_capacity: 0 };
  for (const row of stageRows) stages[row.stage] = row.n;
  return {
    stages,
    totals: totals[0]!,
    monthly,
    annualPlan: annualPlan[0]?.value ?? null,
    capacityByCluster: capacityRows,
    openProblemCount: openProblemCount[0]?.n ?? 0,
  };
}

export type Rollup = NonNullable<Awaited<ReturnType<typeof getRollup>>>;

/** Milestones due before today and not reached, most overdue first. */
export async function listLateMilestones(db: Executor, { parkIds, today, limit = 20 }: { parkIds: string[]; today: string; limit?: number }) {
  if (parkIds.length === 0) return [];
  return db
    .select({
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      nameEn: projects.nameEn,
      type: milestones.type,
      customLabel: milestones.customLabel,
      plannedDate: milestones.plannedDate,
      forecastDate: milestones.forecastDate,
      daysLate: sql<number>`(${today}::date - ${milestones.plannedDate})`.mapWith(Number),
    })
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .where(and(inArray(milestones.parkId, parkIds), isNull(milestones.actualDate), lt(milestones.plannedDate, today)))
    .orderBy(asc(milestones.plannedDate))
    .limit(limit);
}

export async function listOpenProblems(db: Executor, { parkIds, limit = 20 }: { parkIds: string[]; limit?: number }) {
  if (parkIds.length === 0) return [];
  return db
    .select({
      id: problems.id,
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      nameEn: projects.nameEn,
      description: problems.description,
      owner: problems.owner,
      dueDate: problems.dueDate,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(and(inArray(problems.parkId, parkIds), eq(problems.status, "open")))
    .orderBy(asc(sql`${problems.dueDate} nulls last`), desc(problems.createdAt))
    .limit(limit);
}

/** Per project of one park: the inputs of the computed health (pace against 开工 → 投产). */
export async function listProjectPaceInputs(db: Executor, { parkId }: { parkId: string }) {
  const startType = sql`'construction_start'::milestone_type`;
  return db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      nameEn: projects.nameEn,
      health: projects.health,
      stage: projects.stage,
      plannedInvestment: projects.plannedInvestment,
      completedInvestment: projects.completedInvestment,
      startPlanned: sql<string | null>`min(${milestones.plannedDate}) filter (where ${milestones.type} = ${startType})`,
      startActual: sql<string | null>`min(${milestones.actualDate}) filter (where ${milestones.type} = ${startType})`,
      endPlanned: sql<string | null>`coalesce(min(${milestones.plannedDate}) filter (where ${milestones.type} = 'production'), min(${milestones.plannedDate}) filter (where ${milestones.type} = 'full_capacity'))`,
    })
    .from(projects)
    .leftJoin(milestones, and(eq(milestones.projectId, projects.id), eq(milestones.parkId, parkId)))
    .where(eq(projects.parkId, parkId))
    .groupBy(projects.id)
    .orderBy(asc(projects.code));
}

export async function getHealthRule(db: Executor, { parkId }: { parkId: string }) {
  const [row] = await db.select().from(parkHealthRules).where(eq(parkHealthRules.parkId, parkId));
  return row ?? null;
}

export async function listTargets(db: Executor, { parkIds }: { parkIds: string[] }) {
  if (parkIds.length === 0) return [];
  return db.select().from(targets).where(inArray(targets.parkId, parkIds)).orderBy(asc(targets.year), asc(targets.metric));
}

/** Latest full year of a park's output value (or investment) from the monthly sums, for target CAGR. */
export async function listYearlyTotals(db: Executor, { parkIds }: { parkIds: string[] }) {
  if (parkIds.length === 0) return [];
  return db
    .select({
      year: sql<number>`extract(year from ${parkMonthlyStats.period})::int`.mapWith(Number),
      investment: sql<string>`sum(${parkMonthlyStats.investmentCompleted})::text`,
      output: sql<string>`sum(${parkMonthlyStats.outputValue})::text`,
    })
    .from(parkMonthlyStats)
    .where(inArray(parkMonthlyStats.parkId, parkIds))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

/** Parks of a region (province, optionally a city), among the parks the viewer belongs to. */
export async function listParksInRegion(db: Executor, { parkIds, province, city }: { parkIds: string[]; province: string; city?: string }) {
  if (parkIds.length === 0) return [];
  const where = [inArray(parks.id, parkIds), eq(parks.province, province)];
  if (city) where.push(eq(parks.city, city));
  return db.select().from(parks).where(and(...where)).orderBy(asc(parks.name));
}

/** Side-by-side comparison of parks: one row per park. */
export async function compareParks(db: Executor, { parkIds, today }: { parkIds: string[]; today: string }) {
  if (parkIds.length === 0) return [];
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const lastYearStart = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const lastYearSameDay = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}-01`;
  const year = Number(today.slice(0, 4));
  const [projectRows, monthRows, planRows] = await Promise.all([
    db
      .select({
        parkId: projects.parkId,
        projects: count(),
        planned: sql<string>`sum(${projects.plannedInvestment})::text`,
        completed: sql<string>`sum(${projects.completedInvestment})::text`,
        inProduction: sql<number>`count(*) filter (where ${projects.stage} in ('production', 'full_capacity'))`.mapWith(Number),
      })
      .from(projects)
      .where(inArray(projects.parkId, parkIds))
      .groupBy(projects.parkId),
    db
      .select({
        parkId: parkMonthlyStats.parkId,
        ytd: sql<string>`coalesce(sum(${parkMonthlyStats.investmentCompleted}) filter (where ${parkMonthlyStats.period} >= ${yearStart}), 0)::text`,
        lastYtd: sql<string>`coalesce(sum(${parkMonthlyStats.investmentCompleted}) filter (where ${parkMonthlyStats.period} >= ${lastYearStart} and ${parkMonthlyStats.period} <= ${lastYearSameDay}), 0)::text`,
      })
      .from(parkMonthlyStats)
      .where(and(inArray(parkMonthlyStats.parkId, parkIds), gte(parkMonthlyStats.period, lastYearStart)))
      .groupBy(parkMonthlyStats.parkId),
    db
      .select({ parkId: targets.parkId, plan: sql<string>`sum(${targets.value})::text` })
      .from(targets)
      .where(and(inArray(targets.parkId, parkIds), eq(targets.metric, "investment"), eq(targets.year, year)))
      .groupBy(targets.parkId),
  ]);
  return parkIds.map((parkId) => {
    const p = projectRows.find((r) => r.parkId === parkId);
    const m = monthRows.find((r) => r.parkId === parkId);
    return {
      parkId,
      projects: p?.projects ?? 0,
      inProduction: p?.inProduction ?? 0,
      planned: p?.planned ?? "0",
      completed: p?.completed ?? "0",
      ytd: m?.ytd ?? "0",
      lastYtd: m?.lastYtd ?? "0",
      annualPlan: planRows.find((r) => r.parkId === parkId)?.plan ?? null,
    };
  });
}
