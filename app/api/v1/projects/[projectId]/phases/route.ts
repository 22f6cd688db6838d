import { getPhaseInPark, listPhasesOfProject } from "@/db/queries/api-reads";
import { savePhase } from "@/db/queries/project-writes";
import { createPhase, listPhases } from "@/app/_lib/api/operations/structure";
import { jsonResponse, writeRefused } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { phaseJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(listPhases, async ({ request, db, actor, params }) => {
    const rows = await listPhasesOfProject(db, { parkId: actor.parkId, projectId: params.projectId });
    return jsonResponse(request, { data: rows.map(phaseJson) });
  }),
  POST: apiRoute(createPhase, async ({ request, db, actor, params, body }) => {
    const outcome = await savePhase(db, actor, { projectId: params.projectId, ...body });
    if (!outcome.ok) throw writeRefused(outcome);
    const phase = (await getPhaseInPark(db, { parkId: actor.parkId, phaseId: outcome.value.id }))!;
    return jsonResponse(request, phaseJson(phase), { status: 201, version: phase.version, location: `/api/v1/phases/${phase.id}` });
  }),
});

