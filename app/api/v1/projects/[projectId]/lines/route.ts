import { listLinesOfProject } from "@/db/queries/api-reads";
import { saveLine } from "@/db/queries/project-writes";
import { createLine, listLines } from "@/app/_lib/api/operations/structure";
import { jsonResponse, writeRefused } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { lineJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(listLines, async ({ request, db, actor, params }) => {
    const rows = await listLinesOfProject(db, { parkId: actor.parkId, projectId: params.projectId });
    return jsonResponse(request, { data: rows.map(lineJson) });
  }),
  POST: apiRoute(createLine, async ({ request, db, actor, params, body }) => {
    const outcome = await saveLine(db, actor, { projectId: params.projectId, ...body });
    if (!outcome.ok) throw writeRefused(outcome);
    const line = (await listLinesOfProject(db, { parkId: actor.parkId, projectId: params.projectId })).find((l) => l.id === outcome.value.id)!;
    return jsonResponse(request, lineJson(line), { status: 201, version: line.version });
  }),
});

