import "server-only";
import { and, count, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { buildRollCall, deadlineOf, DEFAULT_REPORTING, inReminderWindow, periodOf, shiftMonth, weekOf } from "@/lib/domain/reporting";
import { memberships, milestones, parkReportingSettings, parks, problems, projects, users } from "../schema";
import type { Executor } from "../types";
import { listReportingRows } from "./reporting";
import type { ParkPost, PlannedNotice } from "./notifications";

/**
 * The planners: what each scheduled job would notify today, as notices and park posts. Each carries a
 * dedupe key naming the event (park and month, milestone and date…), so running a planner twice — a
 * retry, a second instance — adds nothing the first run added.
 */
export interface Plan {
  notices: PlannedNotice[];
  posts: ParkPost[];
}

async function activeParks(db: Executor) {
  return db
    .select({
      id: parks.id, slug: parks.slug, name: parks.name, nameEn: parks.nameEn,
      deadlineDay: sql<number>`coalesce(${parkReportingSettings.deadlineDay}, ${DEFAULT_REPORTING.deadlineDay})::int`,
      remindDaysBefore: sql<number>`coalesce(${parkReportingSettings.remindDaysBefore}, ${DEFAULT_REPORTING.remindDaysBefore})::int`,
    })
    .from(parks)
    .leftJoin(parkReportingSettings, eq(parkReportingSettings.parkId, parks.id))
    .where(isNull(parks.archivedAt));
}

const parkParams = (park: { name: string; nameEn: string | null }) => ({ park: park.name, parkEn: park.nameEn ?? "" });

/** Reminders: in each park's window before the deadline, one notice per officer with projects not reported this month. */
export async function planReminders(db: Executor, { today }: { today: string }): Promise<Plan> {
  const due = (await activeParks(db)).filter((p) => inReminderWindow(today, { deadlineDay: Number(p.deadlineDay), remindDaysBefore: Number(p.remindDaysBefore) }));
  if (due.length === 0) return { notices: [], posts: [] };
  const period = periodOf(today);
  const rollCall = buildRollCall(await listReportingRows(db, { parkIds: due.map((p) => p.id), from: period, to: period }), today);
  const notices: PlannedNotice[] = [];
  const posts: ParkPost[] = [];
  for (const park of due) {
    const open = rollCall.notReported.filter((r) => r.parkId === park.id);
    if (open.length === 0) continue;
    const month = period.slice(0, 7);
    const deadline = deadlineOf(period, Number(park.deadlineDay));
    const link = `/parks/${park.slug}/reporting`;
    const perOfficer = new Map<string, number>();
    for (const row of open) if (row.officerId) perOfficer.set(row.officerId, (perOfficer.get(row.officerId) ?? 0) + 1);
    for (const [officerId, n] of perOfficer) {
      notices.push({ recipientId: officerId, parkId: park.id, kind: "report_reminder", params: { ...parkParams(park), month, deadline, count: n }, link, dedupeKey: `report_reminder:${park.id}:${month}` });
    }
    posts.push({ parkId: park.id, kind: "report_reminder", params: { ...parkParams(park), month, deadline, count: open.length }, link, dedupeKey: `report_reminder:${month}` });
  }
  return { notices, posts };
}

/** Milestones past their expected date and problems past their due date, to the project's officer (or the problem's owner). */
export async function planOverdue(db: Executor, { today }: { today: string }): Promise<Plan> {
  const active = (await activeParks(db)).map((p) => p.id);
  if (active.length === 0) return { notices: [], posts: [] };
  const expected = sql<string>`coalesce(${milestones.forecastDate}, ${milestones.plannedDate})`;
  const [lateMilestones, lateProblems] = await Promise.all([
    db
      .select({ id: milestones.id, parkId: milestones.parkId, projectId: projects.id, project: projects.name, projectEn: projects.nameEn, type: milestones.type, customLabel: milestones.customLabel, due: sql<string>`${expected}::text`, officerId: projects.officerId })
      .from(milestones)
      .innerJoin(projects, eq(projects.id, milestones.projectId))
      .where(and(inArray(milestones.parkId, active), isNull(milestones.actualDate), lt(expected, today), isNotNull(projects.officerId))),
    db
      .select({ id: problems.id, parkId: problems.parkId, projectId: projects.id, project: projects.name, projectEn: projects.nameEn, description: problems.description, due: sql<string>`${problems.dueDate}::text`, officerId: projects.officerId })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(and(inArray(problems.parkId, active), eq(problems.status, "open"), lt(problems.dueDate, today), isNotNull(projects.officerId))),
  ]);
  const notices: PlannedNotice[] = [
    ...lateMilestones.map((m) => ({
      recipientId: m.officerId!, parkId: m.parkId, kind: "milestone_overdue" as const, link: `/projects/${m.projectId}`,
      params: { project: m.project, projectEn: m.projectEn ?? "", milestone: m.customLabel ?? m.type, due: m.due }, dedupeKey: `milestone_overdue:${m.id}:${m.due}`,
    })),
    ...lateProblems.map((p) => ({
      recipientId: p.officerId!, parkId: p.parkId, kind: "problem_overdue" as const, link: `/projects/${p.projectId}#problems`,
      params: { project: p.project, projectEn: p.projectEn ?? "", problem: p.description.slice(0, 200), due: p.due }, dedupeKey: `problem_overdue:${p.id}:${p.due}`,
    })),
  ];
  return { notices, posts: [] };
}

/** Leaders of a park: its admins and viewers (editors are the officers who report). */
async function leadersByPark(db: Executor, parkIds: string[]): Promise<Map<string, string[]>> {
  const rows = parkIds.length
    ? await db
        .select({ parkId: memberships.parkId, userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(inArray(memberships.parkId, parkIds), inArray(memberships.role, ["admin", "viewer"]), isNull(users.deactivatedAt)))
    : [];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.parkId, [...(out.get(r.parkId) ?? []), r.userId]);
  return out;
}

/** The weekly digest for each park's leaders: this month's 报送率, late milestones, open problems. */
export async function planWeeklyDigest(db: Executor, { today }: { today: string }): Promise<Plan> {
  const all = await activeParks(db);
  const ids = all.map((p) => p.id);
  if (ids.length === 0) return { notices: [], posts: [] };
  const period = periodOf(today);
  const [rows, late, open, leaders] = await Promise.all([
    listReportingRows(db, { parkIds: ids, from: period, to: period }),
    db.select({ parkId: milestones.parkId, n: count() }).from(milestones)
      .where(and(inArray(milestones.parkId, ids), isNull(milestones.actualDate), lt(sql`coalesce(${milestones.forecastDate}, ${milestones.plannedDate})`, today)))
      .groupBy(milestones.parkId),
    db.select({ parkId: problems.parkId, n: count() }).from(problems).where(and(inArray(problems.parkId, ids), eq(problems.status, "open"))).groupBy(problems.parkId),
    leadersByPark(db, ids),
  ]);
  const rollCall = buildRollCall(rows, today);
  const lateBy = new Map(late.map((r) => [r.parkId, r.n]));
  const openBy = new Map(open.map((r) => [r.parkId, r.n]));
  const week = weekOf(today);
  const plan: Plan = { notices: [], posts: [] };
  for (const park of all) {
    const count = rollCall.byPark.get(park.id);
    const params = { ...parkParams(park), week, reported: count?.reported ?? 0, expected: count?.expected ?? 0, lateMilestones: lateBy.get(park.id) ?? 0, openProblems: openBy.get(park.id) ?? 0 };
    const link = `/parks/${park.slug}`;
    for (const recipientId of leaders.get(park.id) ?? []) plan.notices.push({ recipientId, parkId: park.id, kind: "weekly_digest", params, link, dedupeKey: `weekly_digest:${park.id}:${week}` });
    plan.posts.push({ parkId: park.id, kind: "weekly_digest", params, link, dedupeKey: `weekly_digest:${week}` });
  }
  return plan;
}

/** In the first days of a month, the closed month's roll-call for each park's leaders. */
export async function planMonthClose(db: Executor, { today }: { today: string }): Promise<Plan> {
  if (Number(today.slice(8, 10)) > 3) return { notices: [], posts: [] };
  const all = await activeParks(db);
  const ids = all.map((p) => p.id);
  if (ids.length === 0) return { notices: [], posts: [] };
  const closed = shiftMonth(periodOf(today), -1);
  const [rows, leaders] = await Promise.all([listReportingRows(db, { parkIds: ids, from: closed, to: closed }), leadersByPark(db, ids)]);
  const plan: Plan = { notices: [], posts: [] };
  const month = closed.slice(0, 7);
  for (const park of all) {
    const parkRows = rows.filter((r) => r.parkId === park.id);
    const count = buildRollCall(parkRows, today).months.find((m) => m.period === closed)?.count;
    const params = { ...parkParams(park), month, reported: count?.reported ?? 0, expected: count?.expected ?? 0, late: count?.late ?? 0 };
    // The closed month's report (月报, issue 20) is what leaders take to their meeting: the notice opens it.
    const link = `/api/parks/${park.slug}/report?month=${month}&format=pdf`;
    for (const recipientId of leaders.get(park.id) ?? []) plan.notices.push({ recipientId, parkId: park.id, kind: "month_close", params, link, dedupeKey: `month_close:${park.id}:${month}` });
    plan.posts.push({ parkId: park.id, kind: "month_close", params, link, dedupeKey: `month_close:${month}` });
  }
  return plan;
}
