import { getRollup as readRollup } from "@/db/queries/rollups";
import { getRollup } from "@/app/_lib/api/operations/parks";
import { Refusal } from "@/lib/refusal";
import { jsonResponse } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import type { RollupJson } from "@/app/_lib/api/schemas";
import { money, quantity } from "@/app/_lib/api/serialize";
import { isoToday } from "@/lib/domain/milestones";
import { growthFor, paceAgainstPlan } from "@/lib/domain/rollups";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

/** The park dashboard's headline figures, from the same summary tables and the same arithmetic. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(getRollup, async ({ request, db, actor }) => {
    const today = isoToday();
    const rollup = await readRollup(db, { parkIds: [actor.parkId], today });
    if (!rollup) throw Refusal.notFound("api.notFound");
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    const growth = growthFor(rollup.monthly.map((m) => ({ period: m.period, value: m.investment })), year, month);
    const pace = paceAgainstPlan(growth.ytd, rollup.annualPlan, today);
    const body: RollupJson = {
      parkId: actor.parkId,
      asOf: today,
      totals: {
        projects: rollup.totals.projects,
        planned: money(rollup.totals.planned),
        contracted: money(rollup.totals.contracted),
        inPlace: money(rollup.totals.inPlace),
        completed: money(rollup.totals.completed),
      },
      stages: rollup.stages,
      openProblems: rollup.openProblemCount,
      thisMonth: {
        month: today.slice(0, 7),
        investmentCompleted: money(growth.month),
        ytdCompleted: money(growth.ytd),
        mom: growth.mom,
        yoy: growth.yoy,
        ytdGrowth: growth.ytdGrowth,
      },
      annualPlan: rollup.annualPlan === null ? null : money(rollup.annualPlan),
      completionRate: pace.completionRate,
      timeElapsed: pace.timeElapsed,
      pacePp: pace.aheadPp,
      monthly: rollup.monthly.map((m) => ({ month: m.period.slice(0, 7), investmentCompleted: money(m.investment), outputValue: money(m.output) })),
      capacityByCluster: rollup.capacityByCluster.map((c) => ({
        cluster: c.cluster, clusterEn: c.clusterEn, unit: c.unit, period: c.period, designed: quantity(c.designed), online: quantity(c.online),
      })),
    };
    return jsonResponse(request, body);
  }),
});
