import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ReportProjectRow } from "@/lib/report/figures";
import { problems, progressEntries, projects } from "../schema";
import type { Executor } from "../types";

/**
 * The rows of a monthly report's key-projects table (重点项目推进情况表), for the parks in scope:
 * each project with what it completed in the month and in the year up to it (entries nobody
 * superseded, as the rollups count them), the month's progress narrative (the latest such entry of
 * the month) and the problems open at the month's end. `key` keeps the `key` largest projects by
 * planned total investment; `cluster` keeps one cluster. `parkIds` is always the caller's scope.
 */
export async function listReportProjects(
  db: Executor,
  { parkIds, month, asOf, key, cluster }: { parkIds: string[]; month: string; asOf: string; key?: number; cluster?: string },
): Promise<ReportProjectRow[]> {
  if (parkIds.length === 0) return [];
  const monthStart = `${month}-01`;
  const yearStart = `${month.slice(0, 4)}-01-01`;
  // The end of the report's last day in China: a problem closed after it was still open then.
  const asOfEnd = `${asOf}T23:59:59.999+08:00`;
  const e = progressEntries;
  const p = projects;
  // The year's entries nobody superseded, read once; per project: the month's and the year's sums, the
  // month's latest narrative, the problems open at the month's end. Joined, not one subquery per row.
  const result = await db.execute(sql`
    with live as (
      select ${e.projectId} as project_id, ${e.period} as period, ${e.investmentCompleted} as amount,
        ${e.narrative} as narrative, ${e.narrativeEn} as narrative_en, ${e.createdAt} as created_at
      from ${e}
      where ${inArray(e.parkId, parkIds)} and ${e.period} between ${yearStart}::date and ${monthStart}::date
        and not exists (select 1 from ${progressEntries} c where c.supersedes_id = ${e.id})
    ),
    sums as (
      select project_id, coalesce(sum(amount) filter (where period = ${monthStart}::date), 0)::text as month, coalesce(sum(amount), 0)::text as ytd
      from live group by project_id
    ),
    narratives as (
      select distinct on (project_id) project_id, narrative, narrative_en from live where period = ${monthStart}::date order by project_id, created_at desc
    ),
    open_problems as (
      select ${problems.projectId} as project_id, json_agg(${problems.description} order by ${problems.createdAt}, ${problems.id})::text as list
      from ${problems}
      where ${inArray(problems.parkId, parkIds)} and ${problems.createdAt} <= ${asOfEnd}::timestamptz
        and (${problems.closedAt} is null or ${problems.closedAt} > ${asOfEnd}::timestamptz)
      group by ${problems.projectId}
    )
    select ${p.id} as "id", ${p.parkId} as "parkId", ${p.code} as "code", ${p.name} as "name", ${p.nameEn} as "nameEn",
      ${p.company} as "company", ${p.companyEn} as "companyEn", ${p.cluster} as "cluster", ${p.clusterEn} as "clusterEn",
      ${p.stage} as "stage", ${p.plannedInvestment}::text as "plannedInvestment",
      coalesce(sums.month, '0') as "completedMonth", coalesce(sums.ytd, '0') as "completedYtd",
      narratives.narrative as "narrative", narratives.narrative_en as "narrativeEn", coalesce(open_problems.list, '[]') as "openProblems"
    from ${p}
      left join sums on sums.project_id = ${p.id}
      left join narratives on narratives.project_id = ${p.id}
      left join open_problems on open_problems.project_id = ${p.id}
    where ${and(inArray(p.parkId, parkIds), cluster === undefined ? undefined : eq(p.cluster, cluster))}
    order by ${p.plannedInvestment} desc, ${p.code} asc, ${p.id} asc
    limit ${key ?? 100_000}`);
  const rows = Array.isArray(result) ? (result as RawRow[]) : ((result as unknown as { rows: RawRow[] }).rows ?? []);
  return rows.map((r) => ({ ...r, openProblems: JSON.parse(r.openProblems) as string[] }));
}

type RawRow = Omit<ReportProjectRow, "openProblems"> & { openProblems: string };
