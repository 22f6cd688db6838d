import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { capacities, milestones, progressCapacities, progressEntries, projects } from "../schema";
import type { Executor } from "../types";

/**
 * The park dashboard's Gantt: the `limit` projects with milestones whose latest date (actual, else
 * forecast, else planned) is most recent, each with all its milestones. Scoped to one park.
 */
export async function listMilestoneTimeline(db: Executor, { parkId, limit = 30 }: { parkId: string; limit?: number }) {
  const latest = sql<string>`max(coalesce(${milestones.actualDate}, ${milestones.forecastDate}, ${milestones.plannedDate}))`;
  const rows = await db
    .select({ id: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn, latest })
    .from(projects)
    .innerJoin(milestones, and(eq(milestones.projectId, projects.id), eq(milestones.parkId, parkId)))
    .where(eq(projects.parkId, parkId))
    .groupBy(projects.id)
    .orderBy(desc(latest), asc(projects.code))
    .limit(limit);
  if (rows.length === 0) return [];
  const items = await db
    .select({
      id: milestones.id,
      projectId: milestones.projectId,
      type: milestones.type,
      customLabel: milestones.customLabel,
      plannedDate: milestones.plannedDate,
      forecastDate: milestones.forecastDate,
      actualDate: milestones.actualDate,
    })
    .from(milestones)
    .where(and(eq(milestones.parkId, parkId), inArray(milestones.projectId, rows.map((r) => r.id))))
    .orderBy(asc(sql`coalesce(${milestones.plannedDate}, ${milestones.actualDate}, ${milestones.forecastDate})`));
  return rows.map((r) => ({ ...r, milestones: items.filter((m) => m.projectId === r.id) }));
}

export type TimelineProject = Awaited<ReturnType<typeof listMilestoneTimeline>>[number];

/**
 * Capacity online as reported month by month (progress_capacities of entries nobody superseded),
 * with the cluster, unit and period of each capacity: the input of the capacity ramp. A level, not a
 * flow: a capacity keeps its last reported value until the next report.
 */
export async function listCapacityReports(db: Executor, { parkId }: { parkId: string }) {
  return db
    .select({
      capacityId: capacities.id,
      cluster: projects.cluster,
      clusterEn: projects.clusterEn,
      unit: capacities.unit,
      period: capacities.period,
      month: progressEntries.period,
      online: progressCapacities.online,
    })
    .from(progressCapacities)
    .innerJoin(progressEntries, eq(progressEntries.id, progressCapacities.entryId))
    .innerJoin(capacities, eq(capacities.id, progressCapacities.capacityId))
    .innerJoin(projects, eq(projects.id, capacities.projectId))
    .where(
      and(
        eq(progressCapacities.parkId, parkId),
        eq(capacities.parkId, parkId),
        sql`not exists (select 1 from ${progressEntries} s where s.supersedes_id = ${progressEntries.id})`,
      ),
    )
    .orderBy(asc(progressEntries.period), asc(progressEntries.createdAt));
}

export type CapacityReport = Awaited<ReturnType<typeof listCapacityReports>>[number];
