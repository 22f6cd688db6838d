import { getMilestoneInPark, listMilestonesOfProject } from "@/db/queries/api-reads";
import { saveMilestone } from "@/db/queries/project-writes";
import { createMilestone, listMilestones } from "@/app/_lib/api/operations/structure";
import { jsonResponse, writeRefused } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { milestoneJson } from "@/app/_lib/api/serialize";
import { withMilestoneLabel } from "@/lib/domain/project-schemas";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(listMilestones, async ({ request, db, actor, params }) => {
    const rows = await listMilestonesOfProject(db, { parkId: actor.parkId, projectId: params.projectId });
    return jsonResponse(request, { data: rows.map(milestoneJson) });
  }),
  POST: apiRoute(createMilestone, async ({ request, db, actor, params, body }) => {
    const outcome = await saveMilestone(db, actor, { projectId: params.projectId, ...withMilestoneLabel(body) });
    if (!outcome.ok) throw writeRefused(outcome);
    const milestone = (await getMilestoneInPark(db, { parkId: actor.parkId, milestoneId: outcome.value.id }))!;
    return jsonResponse(request, milestoneJson(milestone), { status: 201, version: milestone.version, location: `/api/v1/milestones/${milestone.id}` });
  }),
});

