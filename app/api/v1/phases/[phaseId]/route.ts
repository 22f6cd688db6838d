import { getPhaseInPark } from "@/db/queries/api-reads";
import { savePhase } from "@/db/queries/project-writes";
import { getPhase, patchPhase } from "@/app/_lib/api/operations/structure";
import { Refusal } from "@/lib/refusal";
import { jsonResponse, writeRefused } from "@/app/_lib/api/respond";
import { apiRoute, readVersionOf } from "@/app/_lib/api/route";
import { phaseJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(getPhase, async ({ request, db, actor, params }) => {
    const phase = await getPhaseInPark(db, { parkId: actor.parkId, phaseId: params.phaseId });
    if (!phase) throw Refusal.notFound("api.notFound");
    return jsonResponse(request, phaseJson(phase), { version: phase.version });
  }),
  PATCH: apiRoute(patchPhase, async ({ request, db, actor, params, body, ifMatch }) => {
    const current = await getPhaseInPark(db, { parkId: actor.parkId, phaseId: params.phaseId });
    if (!current) throw Refusal.notFound("api.notFound");
    const outcome = await savePhase(db, actor, {
      projectId: current.projectId,
      phaseId: current.id,
      version: readVersionOf(ifMatch, current.version),
      name: body.name ?? current.name,
      nameEn: body.nameEn === undefined ? current.nameEn : body.nameEn,
    });
    if (!outcome.ok) throw writeRefused(outcome, { ifMatch: readVersionOf(ifMatch, current.version), currentVersion: current.version });
    const phase = (await getPhaseInPark(db, { parkId: actor.parkId, phaseId: current.id }))!;
    return jsonResponse(request, phaseJson(phase), { version: phase.version });
  }),
});

