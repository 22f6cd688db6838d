import { getProjectInPark, listProjectPage } from "@/db/queries/api-reads";
import { createProject as insertProject } from "@/db/queries/project-writes";
import { createProject, listProjects } from "@/app/_lib/api/operations/parks";
import { decodeCursor, encodeCursor, jsonResponse, nextPageUrl, writeRefused } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { projectJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

const DEFAULT_LIMIT = 50;

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(listProjects, async ({ request, db, actor, query }) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const afterCode = query.cursor ? decodeCursor(query.cursor, 1, ([code]) => code!.length <= 40)[0]! : null;
    const page = await listProjectPage(db, { parkId: actor.parkId, afterCode, limit, stage: query.stage, health: query.health });
    const last = page.rows.at(-1);
    const next = page.hasMore && last ? nextPageUrl(request, encodeCursor([last.code])) : null;
    return jsonResponse(request, { data: page.rows.map(projectJson), next }, { next });
  }),
  POST: apiRoute(createProject, async ({ request, db, actor, body, t }) => {
    const outcome = await insertProject(db, actor, body);
    if (!outcome.ok) throw writeRefused(outcome);
    const project = (await getProjectInPark(db, { parkId: actor.parkId, projectId: outcome.value.id }))!;
    const warnings = outcome.warnings.map((code) => ({ code, message: t(`warning.${code}`) }));
    return jsonResponse(request, { ...projectJson(project), warnings }, { status: 201, version: project.version, location: `/api/v1/projects/${project.id}` });
  }),
});

