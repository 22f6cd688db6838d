import { getMilestoneInPark } from "@/db/queries/api-reads";
import { saveMilestone } from "@/db/queries/project-writes";
import { getMilestone, patchMilestone } from "@/app/_lib/api/operations/structure";
import { Refusal } from "@/lib/refusal";
import { checkRules, jsonResponse, writeRefused } from "@/app/_lib/api/respond";
import { apiRoute, readVersionOf } from "@/app/_lib/api/route";
import { milestoneJson } from "@/app/_lib/api/serialize";
import { milestoneRules, withMilestoneLabel } from "@/lib/domain/project-schemas";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(getMilestone, async ({ request, db, actor, params }) => {
    const milestone = await getMilestoneInPark(db, { parkId: actor.parkId, milestoneId: params.milestoneId });
    if (!milestone) throw Refusal.notFound("api.notFound");
    return jsonResponse(request, milestoneJson(milestone), { version: milestone.version });
  }),
  /** The patch over the current dates, checked by the form's rules, saved by the form's write (baselines, stage). */
  PATCH: apiRoute(patchMilestone, async ({ request, db, actor, params, body, ifMatch }) => {
    const current = await getMilestoneInPark(db, { parkId: actor.parkId, milestoneId: params.milestoneId });
    if (!current) throw Refusal.notFound("api.notFound");
    const { rebaselineReason, ...changes } = body;
    const { type, customLabel, plannedDate, forecastDate, actualDate } = current;
    const changed = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const merged = { type, customLabel, plannedDate, forecastDate, actualDate, ...changed };
    checkRules(merged, milestoneRules);
    const outcome = await saveMilestone(db, actor, {
      projectId: current.projectId, milestoneId: current.id, version: readVersionOf(ifMatch, current.version), rebaselineReason: rebaselineReason ?? null, ...withMilestoneLabel(merged),
    });
    if (!outcome.ok) throw writeRefused(outcome, { ifMatch: readVersionOf(ifMatch, current.version), currentVersion: current.version });
    const milestone = (await getMilestoneInPark(db, { parkId: actor.parkId, milestoneId: current.id }))!;
    return jsonResponse(request, milestoneJson(milestone), { version: milestone.version });
  }),
});
