import "server-only";
import { isoToday } from "@/lib/domain/milestones";
import { computeHealthByProject } from "./health";
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  capacities, milestones, parks, phases, productionLines, progressCapacities, progressEntries, projects, users,
  type ProjectHealth, type ProjectStage,
} from "../schema";
import type { Executor } from "../types";
import { listCapacityTotalsByProjects } from "./projects";

/**
 * Reads of the JSON API. Every one takes the park scope: `parkIds` (the parks a token reaches) to find
 * which park a resource is in, or the one `parkId` it was found in for everything after that.
 */

export async function listParksByIds(db: Executor, { parkIds }: { parkIds: string[] }) {
  if (parkIds.length === 0) return [];
  return db.select().from(parks).where(inArray(parks.id, parkIds)).orderBy(asc(parks.name));
}

type ParkScoped = typeof projects | typeof phases | typeof milestones;

/** The park of a project, phase or milestone, if it is one of `parkIds`; null otherwise (not found). */
export async function findParkOf(db: Executor, { table, id, parkIds }: { table: ParkScoped; id: string; parkIds: string[] }) {
  if (parkIds.length === 0) return null;
  const [row] = await db.select({ parkId: table.parkId }).from(table).where(and(eq(table.id, id), inArray(table.parkId, parkIds)));
  return row?.parkId ?? null;
}

const projectColumns = {
  id: projects.id,
  parkId: projects.parkId,
  code: projects.code,
  name: projects.name,
  nameEn: projects.nameEn,
  company: projects.company,
  companyEn: projects.companyEn,
  cluster: projects.cluster,
  clusterEn: projects.clusterEn,
  responsibleUnit: projects.responsibleUnit,
  leaderInCharge: projects.leaderInCharge,
  stage: projects.stage,
  health: projects.health,
  plannedInvestment: projects.plannedInvestment,
  contractedInvestment: projects.contractedInvestment,
  inPlaceInvestment: projects.inPlaceInvestment,
  completedInvestment: projects.completedInvestment,
  version: projects.version,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
};

/** Rows with their capacity totals and their computed health on today (lib/domain/health.ts). */
async function withCapacity<T extends { id: string }>(db: Executor, parkId: string, rows: T[]) {
  const ids = rows.map((r) => r.id);
  const [totals, health] = await Promise.all([
    listCapacityTotalsByProjects(db, { parkIds: [parkId], projectIds: ids }),
    computeHealthByProject(db, { parkIds: [parkId], projectIds: ids, today: isoToday() }),
  ]);
  return rows.map((r) => ({ ...r, capacity: totals.get(r.id) ?? [], computedHealth: health.get(r.id)!.health }));
}

export async function getProjectInPark(db: Executor, { parkId, projectId }: { parkId: string; projectId: string }) {
  const rows = await db.select(projectColumns).from(projects).where(and(eq(projects.id, projectId), eq(projects.parkId, parkId)));
  return (await withCapacity(db, parkId, rows))[0] ?? null;
}

export type ApiProject = NonNullable<Awaited<ReturnType<typeof getProjectInPark>>>;

/**
 * One page of a park's projects by code (unique in a park, so the code alone is the keyset), through
 * the (park_id, code) unique index. One row more than asked tells whether there is a next page.
 */
export async function listProjectPage(
  db: Executor,
  { parkId, afterCode, limit, stage, health }: { parkId: string; afterCode: string | null; limit: number; stage?: ProjectStage; health?: ProjectHealth },
) {
  const where: (SQL | undefined)[] = [eq(projects.parkId, parkId)];
  if (afterCode !== null) where.push(gt(projects.code, afterCode));
  if (stage) where.push(eq(projects.stage, stage));
  if (health) where.push(eq(projects.health, health));
  const rows = await db.select(projectColumns).from(projects).where(and(...where)).orderBy(asc(projects.code)).limit(limit + 1);
  return { rows: await withCapacity(db, parkId, rows.slice(0, limit)), hasMore: rows.length > limit };
}

export async function listPhasesOfProject(db: Executor, scope: { parkId: string; projectId: string }) {
  return db.select().from(phases).where(and(eq(phases.parkId, scope.parkId), eq(phases.projectId, scope.projectId))).orderBy(asc(phases.seq));
}

export async function getPhaseInPark(db: Executor, { parkId, phaseId }: { parkId: string; phaseId: string }) {
  const [row] = await db.select().from(phases).where(and(eq(phases.id, phaseId), eq(phases.parkId, parkId)));
  return row ?? null;
}

export async function listLinesOfProject(db: Executor, scope: { parkId: string; projectId: string }) {
  return db
    .select({ line: productionLines })
    .from(productionLines)
    .innerJoin(phases, eq(phases.id, productionLines.phaseId))
    .where(and(eq(productionLines.parkId, scope.parkId), eq(productionLines.projectId, scope.projectId)))
    .orderBy(asc(phases.seq), asc(productionLines.seq))
    .then((rows) => rows.map((r) => r.line));
}

export async function listCapacitiesOfProject(db: Executor, scope: { parkId: string; projectId: string }) {
  return db
    .select()
    .from(capacities)
    .where(and(eq(capacities.parkId, scope.parkId), eq(capacities.projectId, scope.projectId)))
    .orderBy(asc(capacities.createdAt), asc(capacities.id));
}

export async function listMilestonesOfProject(db: Executor, scope: { parkId: string; projectId: string }) {
  return db
    .select()
    .from(milestones)
    .where(and(eq(milestones.parkId, scope.parkId), eq(milestones.projectId, scope.projectId)))
    .orderBy(sql`coalesce(${milestones.actualDate}, ${milestones.forecastDate}, ${milestones.plannedDate})`, asc(milestones.id));
}

export async function getMilestoneInPark(db: Executor, { parkId, milestoneId }: { parkId: string; milestoneId: string }) {
  const [row] = await db.select().from(milestones).where(and(eq(milestones.id, milestoneId), eq(milestones.parkId, parkId)));
  return row ?? null;
}

const correction = alias(progressEntries, "correction");

/**
 * One page of a project's progress log, newest month first; within a month by id, so the order is
 * total and the keyset (period, id) never skips or repeats an entry. `entryId` reads one entry.
 */
export async function listProgressPage(
  db: Executor,
  { parkId, projectId, after, limit, entryId }: { parkId: string; projectId: string; after: { period: string; id: string } | null; limit: number; entryId?: string },
) {
  const where: (SQL | undefined)[] = [eq(progressEntries.parkId, parkId), eq(progressEntries.projectId, projectId)];
  if (after) where.push(sql`(${progressEntries.period}, ${progressEntries.id}) < (${after.period}::date, ${after.id}::uuid)`);
  if (entryId) where.push(eq(progressEntries.id, entryId));
  const rows = await db
    .select({ entry: progressEntries, authorName: users.name, supersededBy: correction.id })
    .from(progressEntries)
    .leftJoin(users, eq(users.id, progressEntries.authorId))
    .leftJoin(correction, and(eq(correction.supersedesId, progressEntries.id), eq(correction.parkId, parkId)))
    .where(and(...where))
    .orderBy(desc(progressEntries.period), desc(progressEntries.id))
    .limit(limit + 1);
  const pageRows = rows.slice(0, limit);
  const ids = pageRows.map((r) => r.entry.id);
  const online = ids.length
    ? await db
        .select({ entryId: progressCapacities.entryId, capacityId: progressCapacities.capacityId, online: progressCapacities.online })
        .from(progressCapacities)
        .where(and(eq(progressCapacities.parkId, parkId), inArray(progressCapacities.entryId, ids)))
    : [];
  return {
    rows: pageRows.map(({ entry, authorName, supersededBy }) => ({
      ...entry,
      authorName,
      superseded: supersededBy !== null,
      online: online.filter((o) => o.entryId === entry.id).map(({ capacityId, online: value }) => ({ capacityId, online: value })),
    })),
    hasMore: rows.length > limit,
  };
}

export type ApiProgressEntry = Awaited<ReturnType<typeof listProgressPage>>["rows"][number];
