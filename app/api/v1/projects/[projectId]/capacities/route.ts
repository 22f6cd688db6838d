import { listCapacitiesOfProject } from "@/db/queries/api-reads";
import { listCapacities } from "@/app/_lib/api/operations/structure";
import { jsonResponse } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { capacityJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(listCapacities, async ({ request, db, actor, params }) => {
    const rows = await listCapacitiesOfProject(db, { parkId: actor.parkId, projectId: params.projectId });
    return jsonResponse(request, { data: rows.map(capacityJson) });
  }),
});
