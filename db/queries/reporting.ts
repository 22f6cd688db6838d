import "server-only";
import { and, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { DEFAULT_REPORTING, shiftMonth, type ReportingRow, type ReportingSettings } from "@/lib/domain/reporting";
import { memberships, parkReportingSettings, progressEntries, projects, users } from "../schema";
import type { Executor } from "../types";
import { Refusal } from "@/lib/refusal";

/** A timestamptz's date in China (UTC+8, no daylight saving), as text. */
const chinaDate = (column: string) => `to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

export async function getReportingSettings(db: Executor, { parkId }: { parkId: string }): Promise<ReportingSettings> {
  const [row] = await db.select().from(parkReportingSettings).where(eq(parkReportingSettings.parkId, parkId));
  return row ? { deadlineDay: row.deadlineDay, remindDaysBefore: row.remindDaysBefore } : DEFAULT_REPORTING;
}

export async function saveReportingSettings(db: Executor, { parkId }: { parkId: string }, fields: ReportingSettings): Promise<void> {
  await db
    .insert(parkReportingSettings)
    .values({ parkId, ...fields })
    .onConflictDoUpdate({ target: parkReportingSettings.parkId, set: { ...fields, updatedAt: new Date() } });
}

/**
 * Every project of the parks in every month from `from` to `to` (first days), with the China date
 * of its first report for that month. The roll-call's counting happens in lib/domain/reporting.ts.
 */
export async function listReportingRows(db: Executor, { parkIds, from, to }: { parkIds: string[]; from: string; to: string }): Promise<ReportingRow[]> {
  if (parkIds.length === 0) return [];
  const [projectRows, firstRows] = await Promise.all([
    db
      .select({
        parkId: projects.parkId, projectId: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn,
        officerId: projects.officerId, officerName: users.name,
        createdOn: sql<string>`${sql.raw(chinaDate('"projects"."created_at"'))}`,
        deadlineDay: sql<number>`coalesce(${parkReportingSettings.deadlineDay}, ${DEFAULT_REPORTING.deadlineDay})::int`,
      })
      .from(projects)
      .leftJoin(users, eq(users.id, projects.officerId))
      .leftJoin(parkReportingSettings, eq(parkReportingSettings.parkId, projects.parkId))
      .where(inArray(projects.parkId, parkIds)),
    db
      .select({
        projectId: progressEntries.projectId,
        period: sql<string>`${progressEntries.period}::text`,
        firstOn: sql<string>`${sql.raw(chinaDate('min("progress_entries"."created_at")'))}`,
      })
      .from(progressEntries)
      .where(and(inArray(progressEntries.parkId, parkIds), gte(progressEntries.period, from), lte(progressEntries.period, to)))
      .groupBy(progressEntries.projectId, progressEntries.period),
  ]);
  const firsts = new Map(firstRows.map((r) => [`${r.projectId} ${r.period}`, r.firstOn]));
  const periods: string[] = [];
  for (let p = from; p <= to; p = shiftMonth(p, 1)) periods.push(p);
  return projectRows.flatMap((project) =>
    periods.map((period) => ({ ...project, deadlineDay: Number(project.deadlineDay), period, firstReportedOn: firsts.get(`${project.projectId} ${period}`) ?? null })),
  );
}

/** The park's members, for the officer picker: anyone of the park may be the officer who reports. */
export async function listParkMembers(db: Executor, { parkId }: { parkId: string }) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.parkId, parkId), isNull(users.deactivatedAt)))
    .orderBy(users.name);
}

/** Sets (or clears) a project's officer; the officer must be an active member of the project's park. */
export async function setProjectOfficer(db: Executor, { parkId }: { parkId: string }, { projectId, officerId }: { projectId: string; officerId: string | null }): Promise<void> {
  if (officerId) {
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.parkId, parkId), eq(memberships.userId, officerId), isNull(users.deactivatedAt)));
    if (!member) throw Refusal.invalidField("officerId", "reporting.officerNotMember");
  }
  const updated = await db
    .update(projects)
    .set({ officerId })
    .where(and(eq(projects.id, projectId), eq(projects.parkId, parkId)))
    .returning({ id: projects.id });
  if (updated.length === 0) throw Refusal.notFound();
}
