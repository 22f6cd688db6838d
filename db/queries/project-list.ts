import "server-only";
import { and, asc, desc, eq, gt, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { parkProjectStats, parks, projects, type ProjectHealth, type ProjectStage } from "../schema";
import type { Executor } from "../types";
import { isoToday } from "@/lib/domain/milestones";
import { computeHealthByProject } from "./health";
import { listCapacityTotalsByProjects } from "./projects";

export const PROJECT_SORTS = ["code", "name", "company", "stage", "planned", "updated"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectListQuery {
  /** The parks the viewer may see; filters narrow within them, never beyond. */
  parkIds: string[];
  q?: string;
  parkId?: string;
  cluster?: string;
  stage?: ProjectStage;
  /** Computed health (lib/domain/health.ts) on `today`, not the reported one. */
  health?: ProjectHealth;
  /** The China day computed health is measured on; today when absent. */
  today?: string;
  sort: ProjectSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const SORT_COLUMNS = {
  code: projects.codeSort,
  name: projects.name,
  company: projects.company,
  stage: projects.stage,
  planned: projects.plannedInvestment,
  updated: projects.updatedAt,
} as const;

/**
 * One page of projects and the total number matching, each with its computed health beside the
 * reported one. Computed health depends on today and every milestone, so it has no column: filtering
 * on it reads the matching ids in list order, computes their health, and pages what is left.
 */
export async function listProjects(db: Executor, query: ProjectListQuery) {
  const scope = query.parkId ? query.parkIds.filter((id) => id === query.parkId) : query.parkIds;
  if (scope.length === 0) return { rows: [], total: 0 };
  const today = query.today ?? isoToday();
  const where: (SQL | undefined)[] = [inArray(projects.parkId, scope)];
  if (query.cluster) where.push(eq(projects.cluster, query.cluster));
  if (query.stage) where.push(eq(projects.stage, query.stage));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    where.push(
      or(ilike(projects.name, pattern), ilike(projects.nameEn, pattern), ilike(projects.company, pattern), ilike(projects.companyEn, pattern), ilike(projects.code, pattern)),
    );
  }
  const order = query.dir === "desc" ? desc(SORT_COLUMNS[query.sort]) : asc(SORT_COLUMNS[query.sort]);
  let pageIds: string[] | null = null;
  let healthTotal = 0;
  if (query.health) {
    const ordered = await db.select({ id: projects.id }).from(projects).where(and(...where)).orderBy(order, asc(projects.id));
    const health = await computeHealthByProject(db, { parkIds: scope, projectIds: ordered.map((r) => r.id), today });
    const matching = ordered.filter((r) => health.get(r.id)?.health === query.health).map((r) => r.id);
    healthTotal = matching.length;
    pageIds = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    if (pageIds.length === 0) return { rows: [], total: healthTotal };
    where.push(inArray(projects.id, pageIds));
  }
  // The count runs beside the page query: a window count would read and sort every match first.
  const [rows, total] = await Promise.all([
    db
      .select({
        id: projects.id,
        parkId: projects.parkId,
        parkName: parks.name,
        parkNameEn: parks.nameEn,
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
        completedInvestment: projects.completedInvestment,
        updatedAt: projects.updatedAt,
      })
      .from(projects)
      .innerJoin(parks, eq(parks.id, projects.parkId))
      .where(and(...where))
      .orderBy(order, asc(projects.id))
      .limit(query.pageSize)
      .offset(pageIds ? 0 : (query.page - 1) * query.pageSize),
    pageIds ? healthTotal : query.q ? countProjects(db, where) : countFromStats(db, scope, query),
  ]);
  const ids = rows.map((r) => r.id);
  const [totals, health] = await Promise.all([
    listCapacityTotalsByProjects(db, { parkIds: scope, projectIds: ids }),
    computeHealthByProject(db, { parkIds: scope, projectIds: ids, today }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, capacity: totals.get(r.id) ?? [], computedHealth: health.get(r.id)!.health })),
    total,
  };
}

async function countProjects(db: Executor, where: (SQL | undefined)[]) {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(projects).where(and(...where));
  return row?.n ?? 0;
}

/**
 * The same count from the park summary (park_project_stats, kept by triggers in the writing
 * transaction), for the filters it carries: park, stage and cluster. Counting the projects themselves
 * read every project of the viewer's parks on each page view (12 ms of PostgreSQL for a leader of 50
 * parks and 20,000 projects).
 */
async function countFromStats(db: Executor, scope: string[], query: Pick<ProjectListQuery, "stage" | "cluster">) {
  const s = parkProjectStats;
  const where = [inArray(s.parkId, scope), query.stage ? eq(s.stage, query.stage) : undefined, query.cluster ? eq(s.cluster, query.cluster) : undefined];
  const [row] = await db.select({ n: sql<number>`coalesce(sum(${s.projects}), 0)`.mapWith(Number) }).from(s).where(and(...where));
  return row?.n ?? 0;
}

/**
 * Distinct clusters of the viewer's parks, for the filter, from the park summary: reading them off the
 * projects took 24 ms of PostgreSQL a page view for 20,000 projects. The summary keeps English names
 * as "" where there are none.
 */
export async function listClusters(db: Executor, { parkIds }: { parkIds: string[] }): Promise<{ cluster: string; clusterEn: string | null }[]> {
  if (parkIds.length === 0) return [];
  const s = parkProjectStats;
  const rows = await db
    .selectDistinct({ cluster: s.cluster, clusterEn: s.clusterEn })
    .from(s)
    .where(and(inArray(s.parkId, parkIds), gt(s.projects, 0)))
    .orderBy(asc(s.cluster), asc(s.clusterEn));
  return rows.map((r) => ({ cluster: r.cluster, clusterEn: r.clusterEn || null }));
}

