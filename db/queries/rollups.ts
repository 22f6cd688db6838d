import "server-only";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { sumYuan } from "@/app/_lib/domain/rollups";
import { milestones, parkCapacityStats, parkHealthRules, parkMonthlyStats, parkProjectStats, parks, problems, projects, targets, type ProjectStage } from "../schema";
import type { Executor } from "../types";

/**
 * Rollups read only summary tables — park_project_stats and park_capacity_stats (kept by triggers)
 * and park_monthly_stats (kept by logProgress) — never the projects or the progress log, so their
 * cost grows with the parks shown, not with the projects or the entries.
 * `parkIds` is always the caller's scope: one park, or the parks of a region the viewer belongs to.
 */
export async function getRollup(db: Executor, { parkIds, today, months = 36 }: { parkIds: string[]; today: string; months?: number }) {
  if (parkIds.length === 0) return null;
  const since = `${Number(today.slice(0, 4)) - Math.ceil(months / 12)}-01-01`;
  const year = Number(today.slice(0, 4));
  const [stageRows, monthly, annualPlan, capacityRows, openProblemCount] = await Promise.all([
    db
      .select({
        stage: parkProjectStats.stage,
        projects: sql<number>`sum(${parkProjectStats.projects})`.mapWith(Number),
        planned: sql<string>`sum(${parkProjectStats.planned})::text`,
        contracted: sql<string>`sum(${parkProjectStats.contracted})::text`,
        inPlace: sql<string>`sum(${parkProjectStats.inPlace})::text`,
        completed: sql<string>`sum(${parkProjectStats.completed})::text`,
      })
      .from(parkProjectStats)
      .where(inArray(parkProjectStats.parkId, parkIds))
      .groupBy(parkProjectStats.stage),
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
        cluster: parkCapacityStats.cluster,
        unit: parkCapacityStats.unit,
        period: parkCapacityStats.period,
        designed: sql<string>`sum(${parkCapacityStats.designed})::text`,
        online: sql<string>`sum(${parkCapacityStats.online})::text`,
      })
      .from(parkCapacityStats)
      .where(and(inArray(parkCapacityStats.parkId, parkIds), gt(parkCapacityStats.rows, 0)))
      .groupBy(parkCapacityStats.cluster, parkCapacityStats.unit, parkCapacityStats.period)
      .orderBy(asc(parkCapacityStats.cluster), asc(parkCapacityStats.unit), asc(parkCapacityStats.period)),
    db.select({ n: count() }).from(problems).where(and(inArray(problems.parkId, parkIds), eq(problems.status, "open"))),
  ]);
  const totals = {
    projects: stageRows.reduce((n, r) => n + r.projects, 0),
    planned: sumYuan(stageRows.map((r) => r.planned)),
    contracted: sumYuan(stageRows.map((r) => r.contracted)),
    inPlace: sumYuan(stageRows.map((r) => r.inPlace)),
    completed: sumYuan(stageRows.map((r) => r.completed)),
  };
  const stages: Record<ProjectStage, number> = { signed: 0, construction: 0, production: 0, full_capacity: 0 };
  for (const row of stageRows) stages[row.stage] = row.projects;
  return {
    stages,
    totals,
    monthly,
    annualPlan: annualPlan[0]?.value ?? null,
    // English cluster names are looked up only for the clusters shown.
    capacityByCluster: await withClusterNames(db, parkIds, capacityRows),
    openProblemCount: openProblemCount[0]?.n ?? 0,
  };
}

export type Rollup = NonNullable<Awaited<ReturnType<typeof getRollup>>>;

async function withClusterNames<T extends { cluster: string }>(db: Executor, parkIds: string[], rows: T[]) {
  if (rows.length === 0) return [];
  const names = await db
    .selectDistinct({ cluster: projects.cluster, clusterEn: projects.clusterEn })
    .from(projects)
    .where(and(inArray(projects.parkId, parkIds), inArray(projects.cluster, [...new Set(rows.map((r) => r.cluster))])));
  return rows.map((r) => ({ ...r, clusterEn: names.find((n) => n.cluster === r.cluster && n.clusterEn)?.clusterEn ?? null }));
}

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
    .orderBy(sql`${problems.dueDate} asc nulls last`, desc(problems.createdAt))
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
        parkId: parkProjectStats.parkId,
        projects: sql<number>`sum(${parkProjectStats.projects})`.mapWith(Number),
        planned: sql<string>`sum(${parkProjectStats.planned})::text`,
        completed: sql<string>`sum(${parkProjectStats.completed})::text`,
        inProduction: sql<number>`coalesce(sum(${parkProjectStats.projects}) filter (where ${parkProjectStats.stage} in ('production', 'full_capacity')), 0)`.mapWith(Number),
      })
      .from(parkProjectStats)
      .where(inArray(parkProjectStats.parkId, parkIds))
      .groupBy(parkProjectStats.parkId),
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
