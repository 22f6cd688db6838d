import "server-only";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { CapacityPeriod, CapacityUnit } from "@/lib/format/units";
import type { HealthMilestone } from "@/lib/domain/health";
import type { SlipBaseline } from "@/lib/domain/values";
import { sumYuan } from "@/lib/domain/rollups";
import type { ParkComparisonRow, ParkRollup } from "@/lib/domain/rollup-shapes";
import { milestones, parkCapacityStats, parkHealthRules, parkMonthlyStats, parkProjectStats, parks, problems, projects, targets, type ProjectStage } from "../schema";
import { preparedFor } from "../prepared";
import { jsonRows, parsedRows } from "./json-rows";
import type { Executor } from "../types";

type StageRow = { stage: ProjectStage; projects: number; planned: string; contracted: string; inPlace: string; completed: string };
type CapacityRow = { cluster: string; unit: CapacityUnit; period: CapacityPeriod; designed: string; online: string };


/**
 * Rollups read only summary tables — park_project_stats and park_capacity_stats (kept by triggers)
 * and park_monthly_stats (kept by logProgress) — never the projects or the progress log, so their
 * cost grows with the parks shown, not with the projects or the entries. One statement, one round
 * trip: under load, six parallel queries cost more in waiting than in PostgreSQL.
 * `parkIds` is always the caller's scope: one park, or the parks of a region the viewer belongs to.
 */
/** For prepared statements over any number of parks: the ids go in one array placeholder, `parkIds`. */
const inAnyPark = (column: AnyPgColumn) => sql`${column} = any(${sql.placeholder("parkIds")}::uuid[])`;

/** getRollup's one statement, built once per database handle (db/prepared.ts): any number of parks. */
function buildRollup(db: Executor) {
  const stageRows = db
    .select({
      stage: parkProjectStats.stage,
      projects: sql`sum(${parkProjectStats.projects})::int`.as("projects"),
      planned: sql`sum(${parkProjectStats.planned})::text`.as("planned"),
      contracted: sql`sum(${parkProjectStats.contracted})::text`.as("contracted"),
      inPlace: sql`sum(${parkProjectStats.inPlace})::text`.as("inPlace"),
      completed: sql`sum(${parkProjectStats.completed})::text`.as("completed"),
    })
    .from(parkProjectStats)
    .where(inAnyPark(parkProjectStats.parkId))
    .groupBy(parkProjectStats.stage);
  const monthly = db
    .select({
      period: sql`${parkMonthlyStats.period}::text`.as("period"),
      investment: sql`sum(${parkMonthlyStats.investmentCompleted})::text`.as("investment"),
      output: sql`sum(${parkMonthlyStats.outputValue})::text`.as("output"),
    })
    .from(parkMonthlyStats)
    .where(and(inAnyPark(parkMonthlyStats.parkId), gte(parkMonthlyStats.period, sql`${sql.placeholder("since")}::date`)))
    .groupBy(parkMonthlyStats.period)
    .orderBy(asc(parkMonthlyStats.period));
  const annualPlan = db
    .select({ value: sql`sum(${targets.value})::text` })
    .from(targets)
    .where(and(inAnyPark(targets.parkId), eq(targets.metric, "investment"), eq(targets.year, sql`${sql.placeholder("year")}::int`)));
  // English cluster names come from park_project_stats, which keys on them: no read of the projects.
  const clusterNames = db
    .selectDistinct({ cluster: parkProjectStats.cluster, clusterEn: sql`${parkProjectStats.clusterEn}`.as("clusterEn") })
    .from(parkProjectStats)
    .where(and(inAnyPark(parkProjectStats.parkId), gt(parkProjectStats.projects, 0), ne(parkProjectStats.clusterEn, "")));
  const capacity = db
    .select({
      cluster: parkCapacityStats.cluster,
      unit: parkCapacityStats.unit,
      period: parkCapacityStats.period,
      designed: sql`sum(${parkCapacityStats.designed})::text`.as("designed"),
      online: sql`sum(${parkCapacityStats.online})::text`.as("online"),
    })
    .from(parkCapacityStats)
    .where(and(inAnyPark(parkCapacityStats.parkId), gt(parkCapacityStats.rows, 0)))
    .groupBy(parkCapacityStats.cluster, parkCapacityStats.unit, parkCapacityStats.period)
    .orderBy(asc(parkCapacityStats.cluster), asc(parkCapacityStats.unit), asc(parkCapacityStats.period));
  const openProblems = db.select({ n: count() }).from(problems).where(and(inAnyPark(problems.parkId), eq(problems.status, "open")));
  return db
    .select({
      stages: jsonRows(stageRows),
      monthly: jsonRows(monthly, sql`r."period"`),
      annualPlan: sql<string | null>`(${annualPlan})`,
      capacity: jsonRows(capacity, sql`r."cluster", r."unit", r."period"`),
      openProblems: sql<number>`(${openProblems})`.mapWith(Number),
      clusterNames: jsonRows(clusterNames),
    })
    .from(sql`(values (1)) as one`)
    .prepare("rollup");
}

export async function getRollup(db: Executor, { parkIds, today, months = 36 }: { parkIds: string[]; today: string; months?: number }): Promise<ParkRollup | null> {
  if (parkIds.length === 0) return null;
  const since = `${Number(today.slice(0, 4)) - Math.ceil(months / 12)}-01-01`;
  const year = Number(today.slice(0, 4));
  const [row] = await preparedFor(db, "rollup", buildRollup).execute({ parkIds, since, year });
  const stageList = parsedRows<StageRow[]>(row!.stages);
  const names = new Map(parsedRows<{ cluster: string; clusterEn: string }[]>(row!.clusterNames).map((r) => [r.cluster, r.clusterEn]));
  const totals = {
    projects: stageList.reduce((n, r) => n + r.projects, 0),
    planned: sumYuan(stageList.map((r) => r.planned)),
    contracted: sumYuan(stageList.map((r) => r.contracted)),
    inPlace: sumYuan(stageList.map((r) => r.inPlace)),
    completed: sumYuan(stageList.map((r) => r.completed)),
  };
  const stages: Record<ProjectStage, number> = { signed: 0, construction: 0, production: 0, full_capacity: 0 };
  for (const r of stageList) stages[r.stage] = r.projects;
  return {
    stages,
    totals,
    monthly: parsedRows<{ period: string; investment: string; output: string }[]>(row!.monthly),
    annualPlan: row!.annualPlan,
    capacityByCluster: parsedRows<CapacityRow[]>(row!.capacity).map((r) => ({ ...r, clusterEn: names.get(r.cluster) ?? null })),
    openProblemCount: row!.openProblems,
  };
}


/**
 * The English name of each cluster of the parks, from park_project_stats (which keys on it), so no
 * rollup reads the projects to name a cluster. Clusters without one are left out.
 */
export async function listClusterNames(db: Executor, { parkIds }: { parkIds: string[] }): Promise<Map<string, string>> {
  if (parkIds.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ cluster: parkProjectStats.cluster, clusterEn: parkProjectStats.clusterEn })
    .from(parkProjectStats)
    .where(and(inArray(parkProjectStats.parkId, parkIds), gt(parkProjectStats.projects, 0), ne(parkProjectStats.clusterEn, "")))
    .orderBy(asc(parkProjectStats.cluster), asc(parkProjectStats.clusterEn));
  return new Map(rows.map((r) => [r.cluster, r.clusterEn]));
}

/** The column a late list counts from: the baseline in force, or the first one (the park's rule). */
const baselineColumn = (baseline: SlipBaseline) => (baseline === "original" ? milestones.originalPlannedDate : milestones.plannedDate);

/**
 * Milestones due before today and not reached, most overdue first, against the baseline the park's
 * rule counts (`baseline`); each row carries its days late against both baselines.
 */
export async function listLateMilestones(
  db: Executor,
  { parkIds, today, limit = 20, baseline = "current" }: { parkIds: string[]; today: string; limit?: number; baseline?: SlipBaseline },
) {
  if (parkIds.length === 0) return [];
  const query = preparedFor(db, `late_milestones_${baseline}`, (d) => {
    const m = milestones;
    const due = baselineColumn(baseline);
    const todayDate = sql`${sql.placeholder("today")}::date`;
    // The first `limit` of each park, then the first `limit` of those: each park reads a few rows of the
    // partial index on open milestones, and the plan stays that way when PostgreSQL switches the
    // prepared statement to a generic plan (with `park_id = any(…)` it chose a parallel sort instead).
    const late = sql`unnest(${sql.placeholder("parkIds")}::uuid[]) as pk(id) cross join lateral (
        select ${m.projectId} as project_id, ${m.type} as type, ${m.customLabel} as custom_label,
          ${m.plannedDate} as planned_date, ${m.originalPlannedDate} as original_planned_date, ${m.forecastDate} as forecast_date,
          ${due} as due_date
        from ${m}
        where ${m.parkId} = pk.id and ${m.actualDate} is null and ${due} < ${todayDate}
        order by ${due} limit ${sql.placeholder("limit")}
      ) as late`;
    return d
      .select({
        projectId: projects.id,
        code: projects.code,
        name: projects.name,
        nameEn: projects.nameEn,
        type: sql<MilestoneRow["type"]>`late.type`,
        customLabel: sql<string | null>`late.custom_label`,
        plannedDate: sql<string | null>`late.planned_date::text`,
        originalPlannedDate: sql<string | null>`coalesce(late.original_planned_date, late.planned_date)::text`,
        forecastDate: sql<string | null>`late.forecast_date::text`,
        /** Days past the baseline in force (negative: it is not due yet), and past the first one. */
        daysLate: sql<number | null>`(${todayDate} - late.planned_date)`.mapWith((v) => (v === null ? null : Number(v))),
        daysLateOriginal: sql<number | null>`(${todayDate} - coalesce(late.original_planned_date, late.planned_date))`.mapWith((v) => (v === null ? null : Number(v))),
      })
      .from(late)
      .innerJoin(projects, sql`${projects.id} = late.project_id`)
      .orderBy(sql`late.due_date`, projects.id)
      .limit(sql.placeholder("limit"))
      .prepare(`late_milestones_${baseline}`);
  });
  return query.execute({ parkIds, today, limit });
}

type MilestoneRow = typeof milestones.$inferSelect;

/** How many milestones are due before today (against the park's baseline) and not reached: the heading figure. */
export async function countLateMilestones(
  db: Executor,
  { parkIds, today, baseline = "current" }: { parkIds: string[]; today: string; baseline?: SlipBaseline },
): Promise<number> {
  if (parkIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(milestones)
    .where(and(inArray(milestones.parkId, parkIds), isNull(milestones.actualDate), lt(baselineColumn(baseline), today)));
  return row?.n ?? 0;
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

/**
 * Per project of one park: the inputs of its computed health (lib/domain/health.ts) — investment and
 * every milestone's dates — so the health itself is computed in one place, never in SQL.
 */
export async function listProjectHealthInputs(db: Executor, { parkId }: { parkId: string }) {
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      nameEn: projects.nameEn,
      health: projects.health,
      stage: projects.stage,
      plannedInvestment: projects.plannedInvestment,
      completedInvestment: projects.completedInvestment,
      milestones: sql<string>`coalesce(json_agg(json_build_object('type', ${milestones.type}, 'plannedDate', ${milestones.plannedDate}, 'originalPlannedDate', ${milestones.originalPlannedDate}, 'forecastDate', ${milestones.forecastDate}, 'actualDate', ${milestones.actualDate})) filter (where ${milestones.id} is not null), '[]')::text`,
    })
    .from(projects)
    .leftJoin(milestones, and(eq(milestones.projectId, projects.id), eq(milestones.parkId, parkId)))
    .where(eq(projects.parkId, parkId))
    .groupBy(projects.id)
    .orderBy(asc(projects.codeSort));
  return rows.map((r) => ({ ...r, milestones: JSON.parse(r.milestones) as HealthMilestone[] }));
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
export async function compareParks(db: Executor, { parkIds, today }: { parkIds: string[]; today: string }): Promise<ParkComparisonRow[]> {
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
