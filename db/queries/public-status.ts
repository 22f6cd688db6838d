import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { chinaDateOf } from "@/lib/domain/china-day";
import type { Redaction } from "@/lib/domain/share-schemas";
import { computeHealth } from "@/lib/domain/health";
import { isoToday } from "@/lib/domain/milestones";
import { healthRuleOf } from "@/lib/domain/pace-health";
import type { ProjectHealth } from "@/lib/domain/values";
import { auditEvents, capacities, milestoneBaselines, milestones, parkHealthRules, parkMonthlyStats, parks, problems, progressEntries, projects, shareLinks, type MilestoneType, type ProjectStage } from "../schema";
import type { Executor } from "../types";
import type { ResolvedShareLink } from "./share-links";

/**
 * The data of the public share pages. Every query selects an explicit column list, and a section the
 * link's redaction hides is never queried at all, so a hidden field cannot reach the page by accident.
 * Every read names the link's own park (and project): nothing from the URL but the token is used.
 */

type Scope = Pick<ResolvedShareLink, "parkId" | "redaction" | "snapshotAt">;

/** The date the page is "as of", and the instant rows must have been written by (snapshots only). */
export function asOfOf(link: Pick<ResolvedShareLink, "snapshotAt">, now: Date = new Date()) {
  return { date: link.snapshotAt ? chinaDateOf(link.snapshotAt) : isoToday(now), cutoff: link.snapshotAt, snapshot: link.snapshotAt !== null };
}

export type AsOf = ReturnType<typeof asOfOf>;

export interface PublicMilestone {
  type: MilestoneType;
  customLabel: string | null;
  plannedDate: string | null;
  /** The first baseline ever set: the page shows the slip against it beside the current one. */
  originalPlannedDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
}

export interface PublicEntry {
  period: string;
  narrative: string;
  narrativeEn: string | null;
  projectName?: string;
  projectNameEn?: string | null;
}

export interface PublicProblem {
  description: string;
  owner: string | null;
  dueDate: string | null;
  projectName?: string;
  projectNameEn?: string | null;
}

export interface Named {
  name: string;
  nameEn: string | null;
}

/** Progress entries as of the cutoff that no correction (written by then) supersedes. */
export function liveEntries(asOf: AsOf): SQL {
  // Raw parameters go to the driver unmapped: postgres.js takes timestamps as strings, not Dates.
  const cutoff = asOf.cutoff?.toISOString();
  const byCutoff = cutoff ? sql`and s.created_at <= ${cutoff}::timestamptz` : sql``;
  const written = cutoff ? sql`${progressEntries.createdAt} <= ${cutoff}::timestamptz` : sql`true`;
  return sql`${written} and ${progressEntries.period} <= ${asOf.date} and not exists (select 1 from progress_entries s where s.supersedes_id = ${progressEntries.id} ${byCutoff})`;
}

/** Problems open at the cutoff: raised by then, and still open or closed after it. */
export function openProblems(asOf: AsOf): SQL {
  const cutoff = asOf.cutoff?.toISOString();
  if (!cutoff) return sql`${problems.status} = 'open'`;
  return sql`${problems.createdAt} <= ${cutoff}::timestamptz and (${problems.status} = 'open' or ${problems.closedAt} > ${cutoff}::timestamptz)`;
}

/** Milestones as of the cutoff: created by then (a snapshot must not list one added after it). */
export function milestonesWrittenBy(asOf: AsOf): SQL {
  const cutoff = asOf.cutoff?.toISOString();
  return cutoff ? sql`${milestones.createdAt} <= ${cutoff}::timestamptz` : sql`true`;
}

/**
 * A milestone's planned date as of the cutoff: a re-baseline after it wrote the date it had then to
 * milestone_baselines (the first one replaced after the cutoff), so a snapshot shows that one.
 */
export function plannedDateAsOf(asOf: AsOf): SQL<string | null> {
  const cutoff = asOf.cutoff?.toISOString();
  // A live link compares the column itself, so the late list keeps its planned-date index.
  if (!cutoff) return sql<string | null>`${milestones.plannedDate}`.mapWith(milestones.plannedDate);
  // Spelled out qualified: a one-table select prints its columns unqualified, which the subquery would misread.
  const b = (column: { name: string }) => sql`b.${sql.identifier(column.name)}`;
  const m = (column: { name: string }) => sql`${milestones}.${sql.identifier(column.name)}`;
  return sql<string | null>`coalesce((select ${b(milestoneBaselines.plannedDate)} from ${milestoneBaselines} b where ${b(milestoneBaselines.milestoneId)} = ${m(milestones.id)} and ${b(milestoneBaselines.replacedAt)} > ${cutoff}::timestamptz order by ${b(milestoneBaselines.replacedAt)} asc limit 1), ${m(milestones.plannedDate)})`.mapWith(milestones.plannedDate);
}

/** A milestone reached after the snapshot date is shown as not reached yet. */
export function milestoneAsOf<M extends { actualDate: string | null }>(m: M, asOf: AsOf): M {
  return m.actualDate && m.actualDate > asOf.date ? { ...m, actualDate: null } : m;
}

export interface PublicProjectStatus {
  kind: "project";
  asOf: AsOf;
  redaction: Redaction;
  park: Named & { isDemo: boolean };
  project: Named & { company: string; companyEn: string | null; cluster: string; clusterEn: string | null; stage: ProjectStage; health: ProjectHealth };
  /**
   * "computed": the one health model (lib/domain/health.ts) on the page's day, from the milestones shown
   * and the investment as of that day; "reported": the officer's, when the link hides the milestones.
   */
  healthSource: "computed" | "reported";
  contacts: { responsibleUnit: string | null; leaderInCharge: string | null } | null;
  investment: { planned: string; inPlace: string; completed: string } | null;
  contracted: string | null;
  monthly: { period: string; yuan: string }[] | null;
  milestones: PublicMilestone[] | null;
  entries: PublicEntry[] | null;
  capacity: { product: string; productEn: string | null; unit: string; period: string; designed: string; online: string }[] | null;
  problems: PublicProblem[] | null;
}

const ENTRIES_SHOWN = 5;
const PROBLEMS_SHOWN = 10;

/** The project of a project link: by the link's own project id and park id, or null. */
export async function getPublicProjectStatus(db: Executor, link: Scope & { projectId: string | null }, now: Date = new Date()): Promise<PublicProjectStatus | null> {
  if (!link.projectId) return null;
  const r = link.redaction;
  const asOf = asOfOf(link, now);
  const own = and(eq(projects.id, link.projectId), eq(projects.parkId, link.parkId));
  const [head] = await db
    .select({
      name: projects.name, nameEn: projects.nameEn, company: projects.company, companyEn: projects.companyEn,
      cluster: projects.cluster, clusterEn: projects.clusterEn, stage: projects.stage, reportedHealth: projects.health,
      parkName: parks.name, parkNameEn: parks.nameEn, parkIsDemo: parks.isDemo,
      // Read for the computed health only; the figures are shown only when the link shows investment.
      plannedInvestment: projects.plannedInvestment, completedInvestment: projects.completedInvestment,
      rule: { yellowBehindPp: parkHealthRules.yellowBehindPp, redBehindPp: parkHealthRules.redBehindPp, redMonthsNotStarted: parkHealthRules.redMonthsNotStarted, slipBaseline: parkHealthRules.slipBaseline },
    })
    .from(projects)
    .innerJoin(parks, eq(parks.id, projects.parkId))
    .leftJoin(parkHealthRules, eq(parkHealthRules.parkId, parks.id))
    .where(and(own, eq(parks.id, link.parkId)));
  if (!head) return null;
  const child = <T extends typeof milestones | typeof progressEntries | typeof capacities | typeof problems>(t: T) =>
    and(eq(t.parkId, link.parkId), eq(t.projectId, link.projectId!));
  const skip = Promise.resolve(null);

  const [milestoneRows, completedAsOf, contacts, investment, contracted, monthly, entries, capacity, problemRows] = await Promise.all([
    // Hidden milestones are not read at all: the health shown is then the reported one, not theirs.
    r.milestones
      ? db
          .select({
            type: milestones.type, customLabel: milestones.customLabel, plannedDate: plannedDateAsOf(asOf), originalPlannedDate: milestones.originalPlannedDate,
            forecastDate: milestones.forecastDate, actualDate: milestones.actualDate,
          })
          .from(milestones)
          .where(and(child(milestones), milestonesWrittenBy(asOf)))
          .orderBy(asc(sql`coalesce(${plannedDateAsOf(asOf)}, ${milestones.forecastDate}, ${milestones.actualDate})`))
      : skip,
    // A snapshot's pace counts the investment completed by its day: today's total less what the log
    // holds now plus what it held then (the same entries the page's monthly figures read).
    r.milestones && asOf.snapshot
      ? db
          .select({
            now: sql<string>`coalesce(sum(${progressEntries.investmentCompleted}) filter (where ${liveEntries(asOfOf({ snapshotAt: null }, now))}), 0)::text`,
            then: sql<string>`coalesce(sum(${progressEntries.investmentCompleted}) filter (where ${liveEntries(asOf)}), 0)::text`,
          })
          .from(progressEntries)
          .where(child(progressEntries))
          .then(([x]) => String(Math.max(0, Number(head.completedInvestment) - Number(x!.now) + Number(x!.then))))
      : Promise.resolve(head.completedInvestment),
    r.contacts ? db.select({ responsibleUnit: projects.responsibleUnit, leaderInCharge: projects.leaderInCharge }).from(projects).where(own).then((x) => x[0] ?? null) : skip,
    r.investment
      ? db.select({ planned: projects.plannedInvestment, inPlace: projects.inPlaceInvestment, completed: projects.completedInvestment }).from(projects).where(own).then((x) => x[0] ?? null)
      : skip,
    r.contractAmounts ? db.select({ contracted: projects.contractedInvestment }).from(projects).where(own).then((x) => x[0]?.contracted ?? null) : skip,
    r.investment
      ? db
          .select({ period: progressEntries.period, yuan: sql<string>`sum(${progressEntries.investmentCompleted})::text` })
          .from(progressEntries)
          .where(and(child(progressEntries), liveEntries(asOf), sql`${progressEntries.investmentCompleted} is not null`))
          .groupBy(progressEntries.period)
          .orderBy(desc(progressEntries.period))
          .limit(12)
          .then((rows) => rows.reverse())
      : skip,
    r.progress
      ? db
          .select({ period: progressEntries.period, narrative: progressEntries.narrative, narrativeEn: progressEntries.narrativeEn })
          .from(progressEntries)
          .where(and(child(progressEntries), liveEntries(asOf)))
          .orderBy(desc(progressEntries.period), desc(progressEntries.createdAt))
          .limit(ENTRIES_SHOWN)
      : skip,
    r.capacity
      ? db
          .select({
            product: capacities.product,
            productEn: sql<string | null>`min(${capacities.productEn})`,
            unit: capacities.unit,
            period: capacities.period,
            designed: sql<string>`sum(${capacities.designed})::text`,
            online: sql<string>`sum(${capacities.online})::text`,
          })
          .from(capacities)
          .where(child(capacities))
          // Phases and lines are internal structure: the reader gets one total per product and unit.
          .groupBy(capacities.product, capacities.unit, capacities.period)
          .orderBy(asc(sql`min(${capacities.createdAt})`))
          .limit(20)
      : skip,
    r.problems
      ? db
          .select({ description: problems.description, owner: problems.owner, dueDate: problems.dueDate })
          .from(problems)
          .where(and(child(problems), openProblems(asOf)))
          .orderBy(sql`${problems.dueDate} asc nulls last`, desc(problems.createdAt))
          .limit(PROBLEMS_SHOWN)
      : skip,
  ]);

  const asOfMilestones = milestoneRows?.map((m) => milestoneAsOf(m, asOf)) ?? null;
  const health = asOfMilestones
    ? computeHealth({ plannedInvestment: head.plannedInvestment, completedInvestment: completedAsOf, milestones: asOfMilestones }, healthRuleOf(head.rule), asOf.date).health
    : head.reportedHealth;
  return {
    kind: "project",
    asOf,
    redaction: r,
    park: { name: head.parkName, nameEn: head.parkNameEn, isDemo: head.parkIsDemo },
    project: {
      name: head.name, nameEn: head.nameEn, company: head.company, companyEn: head.companyEn,
      cluster: head.cluster, clusterEn: head.clusterEn, stage: head.stage, health,
    },
    healthSource: asOfMilestones ? "computed" : "reported",
    contacts,
    investment,
    contracted,
    monthly,
    milestones: asOfMilestones,
    entries,
    capacity,
    // The owner is a person or unit to contact: shown only when contacts are.
    problems: problemRows ? problemRows.map((p) => ({ ...p, owner: r.contacts ? p.owner : null })) : null,
  };
}

/**
 * What a link's rendered page depends on, as one SQL expression over the outer `share_links` row, so the
 * token check reads it in the same round trip (see resolveShareTokens). The render cache is keyed on it.
 * A project link counts its project's audit events: every write is audited with its project and the
 * table is append-only, so the count grows with every commit whatever order they commit in. A park
 * link would count too many rows for every request: it reads its latest audit event, its projects'
 * last update and its summed entry count instead, and the cache's one-minute expiry bounds what that
 * can miss when two writes commit out of order.
 */
export function shareDataVersionSql(): SQL<string> {
  const park = shareLinks.parkId;
  const project = sql`(select count(*) || '.' || coalesce(max(${auditEvents.id}), 0) from ${auditEvents} where ${auditEvents.projectId} = ${shareLinks.projectId} and ${auditEvents.parkId} = ${park})`;
  const parkWide = sql`coalesce((select ${auditEvents.id} from ${auditEvents} where ${auditEvents.parkId} = ${park} order by ${auditEvents.at} desc, ${auditEvents.id} desc limit 1), 0) || '/' ||
    (select count(*) || ':' || coalesce(max(extract(epoch from ${projects.updatedAt})), 0) from ${projects} where ${projects.parkId} = ${park}) || '/' ||
    (select coalesce(sum(${parkMonthlyStats.entryCount}), 0) from ${parkMonthlyStats} where ${parkMonthlyStats.parkId} = ${park})`;
  return sql<string>`case when ${shareLinks.scope} = 'project' then ${project} else ${parkWide} end`;
}
