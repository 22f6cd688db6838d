import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { RampChange } from "@/lib/domain/series";
import { milestones, parkCapacityRamp, parkDataVersions, projects } from "../schema";
import { preparedFor } from "../prepared";
import type { Executor } from "../types";

/**
 * The park's counter of committed changes (park_data_versions, moved at commit by triggers on every
 * table the dashboard reads): cached dashboard figures are keyed on it. 0 before the first write.
 */
export async function getParkDataVersion(db: Executor, { parkId }: { parkId: string }): Promise<number> {
  const query = preparedFor(db, "park_data_version", (d) =>
    d
      .select({ version: parkDataVersions.version })
      .from(parkDataVersions)
      .where(eq(parkDataVersions.parkId, sql.placeholder("parkId")))
      .prepare("park_data_version"),
  );
  const [row] = await query.execute({ parkId });
  return row?.version ?? 0;
}

/** The data versions of several parks, for a cache of figures over all of them (0 for a park without one). */
export async function listParkDataVersions(db: Executor, { parkIds }: { parkIds: string[] }): Promise<Map<string, number>> {
  if (parkIds.length === 0) return new Map();
  const rows = await db.select().from(parkDataVersions).where(inArray(parkDataVersions.parkId, parkIds));
  return new Map(rows.map((r) => [r.parkId, r.version]));
}

/**
 * Projects with their milestones, by the earliest planned date of a milestone not reached yet — so
 * the most overdue come first, then the next due — and projects with every milestone reached last.
 * `due` keeps only projects whose next milestone was due before `today` ("late"), is due from
 * `today` on ("upcoming"), or that have reached every milestone ("reached"): the dashboard's Gantt
 * shows a few late and upcoming ones, and fills any room left with reached ones. Scoped to one park.
 */
export async function listMilestoneTimeline(
  db: Executor,
  { parkId, limit, due }: { parkId: string; limit: number; due?: { today: string; which: "late" | "upcoming" | "reached" } },
) {
  const nextDue = sql<string | null>`min(${milestones.plannedDate}) filter (where ${milestones.actualDate} is null)`;
  const rows = await db
    .select({ id: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn, nextDue })
    .from(projects)
    .innerJoin(milestones, and(eq(milestones.projectId, projects.id), eq(milestones.parkId, parkId)))
    .where(eq(projects.parkId, parkId))
    .groupBy(projects.id)
    .having(due ? { late: sql`${nextDue} < ${due.today}`, upcoming: sql`${nextDue} >= ${due.today}`, reached: sql`${nextDue} is null` }[due.which] : undefined)
    .orderBy(sql`5 asc nulls last`, asc(projects.codeSort))
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

/** How many of the park's projects have milestones: the "all N" of the timeline's link. */
export async function countTimelineProjects(db: Executor, { parkId }: { parkId: string }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(distinct ${milestones.projectId})`.mapWith(Number) }).from(milestones).where(eq(milestones.parkId, parkId));
  return row?.n ?? 0;
}

/**
 * The capacity ramp of one park from park_capacity_ramp (kept by triggers, never stale): per cluster,
 * unit and period, the change in capacity online in each month from `from` to `to`, with every
 * change before `from` folded into `from`. Summing the changes up to a month gives the level then.
 * Reads a few rows per group and month, however long the log.
 */
export async function listCapacityRampChanges(db: Executor, { parkId, from, to }: { parkId: string; from: string; to: string }): Promise<RampChange[]> {
  const query = preparedFor(db, "capacity_ramp_changes", (d) => {
    const r = parkCapacityRamp;
    const byMonth = d
      .select({
        cluster: r.cluster,
        unit: r.unit,
        period: r.period,
        month: sql<string>`greatest(${r.month}, ${sql.placeholder("from")}::date)`.as("month"),
        change: sql<string>`sum(${r.onlineDelta})::text`.as("change"),
      })
      .from(r)
      .where(and(eq(r.parkId, sql.placeholder("parkId")), sql`${r.month} <= ${sql.placeholder("to")}::date`))
      .groupBy(r.cluster, r.unit, r.period, sql`4`)
      .as("by_month");
    // One row per series with its months and changes as arrays: a park has 20-odd series but 500-odd
    // months with a change, and mapping rows one by one cost more than PostgreSQL took to sum them.
    return d
      .select({
        cluster: byMonth.cluster,
        unit: byMonth.unit,
        period: byMonth.period,
        months: sql<string[]>`array_agg(${byMonth.month}::text order by ${byMonth.month})`,
        changes: sql<string[]>`array_agg(${byMonth.change} order by ${byMonth.month})`,
      })
      .from(byMonth)
      .groupBy(byMonth.cluster, byMonth.unit, byMonth.period)
      .orderBy(asc(byMonth.cluster), asc(byMonth.unit), asc(byMonth.period))
      .prepare("capacity_ramp_changes");
  });
  const series = await query.execute({ parkId, from, to });
  return series.flatMap(({ cluster, unit, period, months, changes }) => months.map((month, i) => ({ cluster, unit, period, month, change: changes[i]! })));
}

