import { listParksByIds } from "@/db/queries/api-reads";
import { getPark } from "@/app/_lib/api/operations/parks";
import { Refusal } from "@/lib/refusal";
import { jsonResponse } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { parkJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(getPark, async ({ request, db, token, actor, role }) => {
    const [park] = await listParksByIds(db, { parkIds: [actor.parkId] });
    if (!park || !role) throw Refusal.notFound("api.notFound");
    return jsonResponse(request, parkJson(park, role, token.canWrite && role !== "viewer"));
  }),
});
