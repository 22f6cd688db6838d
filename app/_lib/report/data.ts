import "server-only";
import { countLateMilestones, getHealthRule, getRollup, listLateMilestones, listOpenProblems } from "@/db/queries/rollups";
import { healthRuleOf } from "@/lib/domain/pace-health";
import type { SlipBaseline } from "@/lib/domain/values";
import { listReportProjects } from "@/db/queries/report";
import type { Executor } from "@/db/types";
import { KEY_PROJECTS, reportHeadline, type ReportFigures, type ReportScope } from "@/lib/report/figures";
import { getParkDashboard } from "../dashboard/data";

/** The report lists at most this many problems and late milestones; the rest are counted and one link away. */
const LIST_LIMIT = 100;

interface ReportRequest {
  month: string;
  asOf: string;
  today: string;
  scope: ReportScope;
  preparedBy: string;
}

interface ReportPlace {
  name: string;
  nameEn: string | null;
  isDemo: boolean;
}

/** `baseline`: which plan a milestone's lateness is measured against — the park's rule; a region's report, whose parks may differ, the current plan. */
async function reportLists(db: Executor, parkIds: string[], r: ReportRequest, baseline: SlipBaseline = "current") {
  const [projects, problems, late, lateTotal] = await Promise.all([
    listReportProjects(db, {
      parkIds,
      month: r.month,
      asOf: r.asOf,
      key: r.scope.kind === "key" ? KEY_PROJECTS : undefined,
      cluster: r.scope.kind === "cluster" ? r.scope.cluster : undefined,
    }),
    listOpenProblems(db, { parkIds, limit: LIST_LIMIT }),
    listLateMilestones(db, { parkIds, today: r.asOf, limit: LIST_LIMIT, baseline }),
    countLateMilestones(db, { parkIds, today: r.asOf, baseline }),
  ]);
  return { projects, problems, late: { items: late, total: lateTotal } };
}

/**
 * A park's monthly report: the dashboard's own figures computed with today = the month's end (the
 * same assembly, the same cache), the month's growth and pace by the dashboard's functions, and the
 * report's lists. No rollup is computed here a second time.
 */
export async function loadParkReport(db: Executor, park: ReportPlace & { parkId: string }, r: ReportRequest): Promise<ReportFigures> {
  const { slipBaseline } = healthRuleOf(await getHealthRule(db, { parkId: park.parkId }));
  const [dashboard, lists] = await Promise.all([getParkDashboard(db, { parkId: park.parkId, today: r.asOf }), reportLists(db, [park.parkId], r, slipBaseline)]);
  const { rollup } = dashboard;
  return {
    kind: "park",
    name: park.name,
    nameEn: park.nameEn,
    parks: [{ id: park.parkId, name: park.name, nameEn: park.nameEn }],
    month: r.month,
    asOf: r.asOf,
    generatedOn: r.today,
    preparedBy: r.preparedBy,
    isDemo: park.isDemo,
    scope: r.scope,
    rollup,
    headline: reportHeadline(rollup, r.month, r.asOf),
    projects: lists.projects,
    problems: { items: lists.problems, total: rollup.openProblemCount },
    late: lists.late,
  };
}

/**
 * A region's monthly report over its parks: the region view's rollup (getRollup over the parks, as
 * /regions reads it) as of the month's end, and the same lists across the parks.
 */
export async function loadRegionReport(
  db: Executor,
  region: ReportPlace & { parks: { id: string; name: string; nameEn: string | null }[] },
  r: ReportRequest,
): Promise<ReportFigures> {
  const parkIds = region.parks.map((p) => p.id);
  const [rollup, lists] = await Promise.all([getRollup(db, { parkIds, today: r.asOf }), reportLists(db, parkIds, r)]);
  return {
    kind: "region",
    name: region.name,
    nameEn: region.nameEn,
    parks: region.parks,
    month: r.month,
    asOf: r.asOf,
    generatedOn: r.today,
    preparedBy: r.preparedBy,
    isDemo: region.isDemo,
    scope: r.scope,
    rollup: rollup!,
    headline: reportHeadline(rollup!, r.month, r.asOf),
    projects: lists.projects,
    problems: { items: lists.problems, total: rollup!.openProblemCount },
    late: lists.late,
  };
}
