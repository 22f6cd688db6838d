import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { capacities, parkProjectStats, parks, projects } from "../schema";
import type { CapacityTotal } from "@/lib/domain/rollup-shapes";
import type { Executor } from "../types";

/**
 * A capacity row counts at its most specific level (project, phase or line), so a project's total
 * is the sum of all its rows — per (unit, period) only: m² and t are never added together.
 */
export async function listCapacityTotalsByProjects(db: Executor, { parkIds, projectIds }: { parkIds: string[]; projectIds: string[] }) {
  if (projectIds.length === 0 || parkIds.length === 0) return new Map<string, CapacityTotal[]>();
  const rows = await db
    .select({
      projectId: capacities.projectId,
      unit: capacities.unit,
      period: capacities.period,
      designed: sql<string>`sum(${capacities.designed})::text`,
      online: sql<string>`sum(${capacities.online})::text`,
    })
    .from(capacities)
    .where(and(inArray(capacities.parkId, parkIds), inArray(capacities.projectId, projectIds)))
    .groupBy(capacities.projectId, capacities.unit, capacities.period)
    .orderBy(capacities.projectId, capacities.unit, capacities.period);
  const byProject = new Map<string, CapacityTotal[]>();
  for (const { projectId, ...total } of rows) {
    byProject.set(projectId, [...(byProject.get(projectId) ?? []), total]);
  }
  return byProject;
}

/**
 * Projects of the given parks (the caller passes only parks the viewer may see). With `perPark`, only
 * each park's largest projects by planned investment: an overview of 50 parks must not list 20,000.
 */
export async function listProjectsByParks(db: Executor, { parkIds, perPark }: { parkIds: string[]; perPark?: number }) {
  if (parkIds.length === 0) return [];
  let ids: string[] | null = null;
  if (perPark !== undefined) {
    const ranked = db
      .select({
        id: projects.id,
        rank: sql<number>`row_number() over (partition by ${projects.parkId} order by ${projects.plannedInvestment} desc, ${projects.code})`.as("rank"),
      })
      .from(projects)
      .where(inArray(projects.parkId, parkIds))
      .as("ranked");
    ids = (await db.select({ id: ranked.id }).from(ranked).where(lte(ranked.rank, perPark))).map((r) => r.id);
    if (ids.length === 0) return [];
  }
  const rows = await db
    .select({
      id: projects.id,
      parkId: projects.parkId,
      parkSlug: parks.slug,
      code: projects.code,
      name: projects.name,
      nameEn: projects.nameEn,
      company: projects.company,
      companyEn: projects.companyEn,
      cluster: projects.cluster,
      clusterEn: projects.clusterEn,
      stage: projects.stage,
      health: projects.health,
      plannedInvestment: projects.plannedInvestment,
    })
    .from(projects)
    .innerJoin(parks, eq(parks.id, projects.parkId))
    .where(and(inArray(projects.parkId, parkIds), ids ? inArray(projects.id, ids) : undefined))
    .orderBy(asc(parks.name), asc(projects.codeSort));
  const totals = await listCapacityTotalsByProjects(db, { parkIds, projectIds: rows.map((r) => r.id) });
  return rows.map((r) => ({ ...r, capacity: totals.get(r.id) ?? [] }));
}


/** Per park: how many projects and their planned total, from the summary kept by triggers. */
export async function summarizeParks(db: Executor, { parkIds }: { parkIds: string[] }) {
  if (parkIds.length === 0) return new Map<string, { projects: number; planned: string }>();
  const rows = await db
    .select({
      parkId: parkProjectStats.parkId,
      projects: sql<number>`sum(${parkProjectStats.projects})`.mapWith(Number),
      planned: sql<string>`sum(${parkProjectStats.planned})::text`,
    })
    .from(parkProjectStats)
    .where(inArray(parkProjectStats.parkId, parkIds))
    .groupBy(parkProjectStats.parkId);
  return new Map(rows.map((r) => [r.parkId, { projects: r.projects, planned: r.planned }]));
}
