import "server-only";
import { and, asc, count, desc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Redaction } from "@/lib/domain/share-schemas";
import { capacities, milestones, parkMonthlyStats, parks, problems, progressEntries, projects, type ProjectStage } from "../schema";
import type { Executor } from "../types";
import { asOfOf, liveEntries, milestonesWrittenBy, openProblems, plannedDateAsOf, type AsOf, type Named, type PublicEntry, type PublicMilestone, type PublicProblem } from "./public-status";
import type { ResolvedShareLink } from "./share-links";

/** The public page of a park link: aggregates and names only, with the same rules as a project link. */
export interface PublicParkStatus {
  kind: "park";
  asOf: AsOf;
  redaction: Redaction;
  park: Named & { isDemo: boolean; province: string; provinceEn: string | null; city: string; cityEn: string | null };
  stages: Record<ProjectStage, number>;
  projectCount: number;
  investment: { planned: string; inPlace: string; completed: string } | null;
  contracted: string | null;
  monthly: { period: string; yuan: string }[] | null;
  capacity: { cluster: string; clusterEn: string | null; unit: string; period: string; designed: string; online: string }[] | null;
  projects: (Named & { cluster: string; clusterEn: string | null; stage: ProjectStage; planned: string | null; responsibleUnit: string | null })[];
  lateMilestones: (PublicMilestone & { projectName: string; projectNameEn: string | null })[] | null;
  entries: PublicEntry[] | null;
  problems: PublicProblem[] | null;
  openProblemCount: number | null;
}

export const PARK_PROJECTS_SHOWN = 40;

export async function getPublicParkStatus(db: Executor, link: Pick<ResolvedShareLink, "parkId" | "redaction" | "snapshotAt">, now: Date = new Date()): Promise<PublicParkStatus | null> {
  const r = link.redaction;
  const asOf = asOfOf(link, now);
  const [park] = await db
    .select({ name: parks.name, nameEn: parks.nameEn, isDemo: parks.isDemo, province: parks.province, provinceEn: parks.provinceEn, city: parks.city, cityEn: parks.cityEn })
    .from(parks)
    .where(eq(parks.id, link.parkId));
  if (!park) return null;
  const inPark = eq(projects.parkId, link.parkId);
  const skip = Promise.resolve(null);
  // A hidden figure is selected as a literal null, so the column is never read for this page.
  const shown = (on: boolean, column: AnyPgColumn) => (on ? sql<string | null>`${column}::text` : sql<string | null>`null`);

  const [stageRows, investment, contracted, monthly, capacity, projectRows, late, entries, problemRows, problemCount] = await Promise.all([
    db.select({ stage: projects.stage, n: count() }).from(projects).where(inPark).groupBy(projects.stage),
    r.investment
      ? db
          .select({
            planned: sql<string>`coalesce(sum(${projects.plannedInvestment}), 0)::text`,
            inPlace: sql<string>`coalesce(sum(${projects.inPlaceInvestment}), 0)::text`,
            completed: sql<string>`coalesce(sum(${projects.completedInvestment}), 0)::text`,
          })
          .from(projects)
          .where(inPark)
          .then((x) => x[0] ?? null)
      : skip,
    r.contractAmounts
      ? db.select({ v: sql<string>`coalesce(sum(${projects.contractedInvestment}), 0)::text` }).from(projects).where(inPark).then((x) => x[0]?.v ?? null)
      : skip,
    r.investment
      ? db
          .select({ period: parkMonthlyStats.period, yuan: sql<string>`${parkMonthlyStats.investmentCompleted}::text` })
          .from(parkMonthlyStats)
          .where(and(eq(parkMonthlyStats.parkId, link.parkId), lte(parkMonthlyStats.period, asOf.date)))
          .orderBy(desc(parkMonthlyStats.period))
          .limit(12)
          .then((rows) => rows.reverse())
      : skip,
    r.capacity
      ? db
          .select({
            cluster: projects.cluster,
            clusterEn: sql<string | null>`min(${projects.clusterEn})`,
            unit: capacities.unit,
            period: capacities.period,
            designed: sql<string>`sum(${capacities.designed})::text`,
            online: sql<string>`sum(${capacities.online})::text`,
          })
          .from(capacities)
          .innerJoin(projects, and(eq(projects.id, capacities.projectId), inPark))
          .where(eq(capacities.parkId, link.parkId))
          .groupBy(projects.cluster, capacities.unit, capacities.period)
          .orderBy(asc(projects.cluster), asc(capacities.unit), asc(capacities.period))
          .limit(20)
      : skip,
    db
      .select({
        name: projects.name, nameEn: projects.nameEn, cluster: projects.cluster, clusterEn: projects.clusterEn, stage: projects.stage,
        planned: shown(r.investment, projects.plannedInvestment),
        responsibleUnit: shown(r.contacts, projects.responsibleUnit),
      })
      .from(projects)
      .where(inPark)
      .orderBy(asc(projects.codeSort))
      .limit(PARK_PROJECTS_SHOWN),
    r.milestones
      ? db
          .select({
            type: milestones.type, customLabel: milestones.customLabel, plannedDate: plannedDateAsOf(asOf), originalPlannedDate: milestones.originalPlannedDate,
            forecastDate: milestones.forecastDate, actualDate: sql<string | null>`null`, projectName: projects.name, projectNameEn: projects.nameEn,
          })
          .from(milestones)
          .innerJoin(projects, and(eq(projects.id, milestones.projectId), inPark))
          .where(and(
            eq(milestones.parkId, link.parkId), milestonesWrittenBy(asOf), lt(plannedDateAsOf(asOf), asOf.date),
            or(isNull(milestones.actualDate), sql`${milestones.actualDate} > ${asOf.date}`),
          ))
          .orderBy(asc(plannedDateAsOf(asOf)))
          .limit(10)
      : skip,
    r.progress
      ? db
          .select({ period: progressEntries.period, narrative: progressEntries.narrative, narrativeEn: progressEntries.narrativeEn, projectName: projects.name, projectNameEn: projects.nameEn })
          .from(progressEntries)
          .innerJoin(projects, and(eq(projects.id, progressEntries.projectId), inPark))
          .where(and(eq(progressEntries.parkId, link.parkId), liveEntries(asOf)))
          .orderBy(desc(progressEntries.period), desc(progressEntries.createdAt))
          .limit(5)
      : skip,
    r.problems
      ? db
          .select({ description: problems.description, owner: shown(r.contacts, problems.owner), dueDate: problems.dueDate, projectName: projects.name, projectNameEn: projects.nameEn })
          .from(problems)
          .innerJoin(projects, and(eq(projects.id, problems.projectId), inPark))
          .where(and(eq(problems.parkId, link.parkId), openProblems(asOf)))
          .orderBy(sql`${problems.dueDate} asc nulls last`, desc(problems.createdAt))
          .limit(10)
      : skip,
    r.problems ? db.select({ n: count() }).from(problems).where(and(eq(problems.parkId, link.parkId), openProblems(asOf))).then((x) => x[0]?.n ?? 0) : skip,
  ]);

  const stages: Record<ProjectStage, number> = { signed: 0, construction: 0, production: 0, full_capacity: 0 };
  for (const row of stageRows) stages[row.stage] = row.n;
  return {
    kind: "park",
    asOf,
    redaction: r,
    park,
    stages,
    projectCount: Object.values(stages).reduce((a, b) => a + b, 0),
    investment,
    contracted,
    monthly,
    capacity,
    projects: projectRows,
    lateMilestones: late,
    entries,
    problems: problemRows,
    openProblemCount: problemCount,
  };
}
