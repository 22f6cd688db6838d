import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  capacities, milestoneBaselines, milestones, parks, phases, problems, problemUpdates, productionLines,
  progressCapacities, progressEntries, projects, provenance, sources, users,
} from "../schema";
import type { Executor } from "../types";
import { listAuditByProject } from "./audit";
import { listHealthRules } from "./health";

/**
 * Everything the project page shows, for one project of one of the given parks (the viewer's).
 * A project outside those parks is simply not found.
 */
export async function getProjectDetail(db: Executor, { parkIds, projectId }: { parkIds: string[]; projectId: string }) {
  if (parkIds.length === 0) return null;
  const [row] = await db
    .select({ project: projects, park: { id: parks.id, slug: parks.slug, name: parks.name, nameEn: parks.nameEn, isDemo: parks.isDemo } })
    .from(projects)
    .innerJoin(parks, eq(parks.id, projects.parkId))
    .where(and(eq(projects.id, projectId), inArray(projects.parkId, parkIds)));
  if (!row) return null;
  const scope = { parkId: row.park.id, projectId };
  // Every child read names both the park and the project.
  type Scoped = typeof phases | typeof productionLines | typeof capacities | typeof milestones | typeof progressEntries | typeof problems;
  const byProject = (t: Scoped) => and(eq(t.parkId, scope.parkId), eq(t.projectId, scope.projectId));

  const [phaseRows, lineRows, capacityRows, milestoneRows, entryRows, problemRows, audit] = await Promise.all([
    db.select().from(phases).where(byProject(phases)).orderBy(asc(phases.seq)),
    db.select().from(productionLines).where(byProject(productionLines)).orderBy(asc(productionLines.seq)),
    db.select().from(capacities).where(byProject(capacities)).orderBy(asc(capacities.createdAt)),
    db.select().from(milestones).where(byProject(milestones)),
    db
      .select({ entry: progressEntries, authorName: users.name })
      .from(progressEntries)
      .leftJoin(users, eq(users.id, progressEntries.authorId))
      .where(byProject(progressEntries))
      .orderBy(desc(progressEntries.period), desc(progressEntries.createdAt))
      .limit(200),
    db.select().from(problems).where(byProject(problems)).orderBy(asc(problems.status), desc(problems.createdAt)),
    listAuditByProject(db, scope),
  ]);
  const healthRule = (await listHealthRules(db, { parkIds: [scope.parkId] })).get(scope.parkId)!;

  const milestoneIds = milestoneRows.map((m) => m.id);
  const problemIds = problemRows.map((p) => p.id);
  const entryIds = entryRows.map((e) => e.entry.id);
  const entityIds = [projectId, ...milestoneIds, ...capacityRows.map((c) => c.id), ...entryIds];
  const [baselines, updates, onlineRows, sourceRows] = await Promise.all([
    milestoneIds.length
      ? db.select().from(milestoneBaselines).where(and(eq(milestoneBaselines.parkId, scope.parkId), inArray(milestoneBaselines.milestoneId, milestoneIds))).orderBy(asc(milestoneBaselines.replacedAt))
      : [],
    problemIds.length
      ? db
          .select({ update: problemUpdates, authorName: users.name })
          .from(problemUpdates)
          .leftJoin(users, eq(users.id, problemUpdates.authorId))
          .where(and(eq(problemUpdates.parkId, scope.parkId), inArray(problemUpdates.problemId, problemIds)))
          .orderBy(asc(problemUpdates.createdAt))
      : [],
    entryIds.length
      ? db.select().from(progressCapacities).where(and(eq(progressCapacities.parkId, scope.parkId), inArray(progressCapacities.entryId, entryIds)))
      : [],
    db
      .select({
        entity: provenance.entity, entityId: provenance.entityId, field: provenance.field, estimated: provenance.estimated, quote: provenance.quote,
        title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn, dateEstimated: sources.publishedOnEstimated,
      })
      .from(provenance)
      .innerJoin(sources, eq(sources.id, provenance.sourceId))
      .where(and(eq(provenance.parkId, scope.parkId), inArray(provenance.entityId, entityIds))),
  ]);

  const supersededIds = new Set(entryRows.map((e) => e.entry.supersedesId).filter((id): id is string => id !== null));
  return {
    project: row.project,
    park: row.park,
    phases: phaseRows,
    lines: lineRows,
    capacities: capacityRows,
    milestones: milestoneRows.map((m) => ({ ...m, baselines: baselines.filter((b) => b.milestoneId === m.id) })),
    entries: entryRows.map(({ entry, authorName }) => ({
      ...entry,
      authorName,
      superseded: supersededIds.has(entry.id),
      online: onlineRows.filter((o) => o.entryId === entry.id),
    })),
    problems: problemRows.map((p) => ({ ...p, updates: updates.filter((u) => u.update.problemId === p.id) })),
    audit,
    provenance: sourceRows,
    /** The park's three-colour rule: with the milestones and investment above, the computed health. */
    healthRule,
  };
}

export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProjectDetail>>>;
