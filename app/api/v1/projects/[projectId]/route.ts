import { getProjectInPark } from "@/db/queries/api-reads";
import { updateProject } from "@/db/queries/project-writes";
import { getProject, patchProject } from "@/app/_lib/api/operations/projects";
import { Refusal } from "@/lib/refusal";
import { jsonResponse, writeRefused } from "@/app/_lib/api/respond";
import { apiRoute, readVersionOf } from "@/app/_lib/api/route";
import { projectJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(getProject, async ({ request, db, actor, params }) => {
    const project = await getProjectInPark(db, { parkId: actor.parkId, projectId: params.projectId });
    if (!project) throw Refusal.notFound("api.notFound");
    return jsonResponse(request, projectJson(project), { version: project.version });
  }),
  /** The patch over the current fields, saved by the same write as the edit form (version check, audit, warnings). */
  PATCH: apiRoute(patchProject, async ({ request, db, actor, params, body, ifMatch, t }) => {
    const current = await getProjectInPark(db, { parkId: actor.parkId, projectId: params.projectId });
    if (!current) throw Refusal.notFound("api.notFound");
    const { code, name, nameEn, company, companyEn, cluster, clusterEn, responsibleUnit, leaderInCharge, health, plannedInvestment, contractedInvestment, inPlaceInvestment } = current;
    const fields = { code, name, nameEn, company, companyEn, cluster, clusterEn, responsibleUnit, leaderInCharge, health, plannedInvestment, contractedInvestment, inPlaceInvestment };
    const changed = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    const outcome = await updateProject(db, actor, current.id, readVersionOf(ifMatch, current.version), { ...fields, ...changed });
    if (!outcome.ok) throw writeRefused(outcome, { ifMatch: readVersionOf(ifMatch, current.version), currentVersion: current.version });
    const project = (await getProjectInPark(db, { parkId: actor.parkId, projectId: current.id }))!;
    const warnings = outcome.warnings.map((code) => ({ code, message: t(`warning.${code}`) }));
    return jsonResponse(request, { ...projectJson(project), warnings }, { version: project.version });
  }),
});
