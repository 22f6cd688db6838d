import { listParksByIds } from "@/db/queries/api-reads";
import { getPark } from "@/app/_lib/api/operations/parks";
import { ApiProblem } from "@/app/_lib/api/problem";
import { jsonResponse } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { parkJson } from "@/app/_lib/api/serialize";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getPark, async ({ request, db, token, actor, role }) => {
  const [park] = await listParksByIds(db, { parkIds: [actor.parkId] });
  if (!park || !role) throw new ApiProblem("not-found", "api.notFound");
  return jsonResponse(request, parkJson(park, role, token.canWrite && role !== "viewer"));
});
