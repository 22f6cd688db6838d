import { listParksByIds } from "@/db/queries/api-reads";
import { listParks } from "@/app/_lib/api/operations/parks";
import { jsonResponse } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { parkJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(listParks, async ({ request, db, token }) => {
    // An archived park stays readable by its id but is out of the list.
    const rows = await listParksByIds(db, { parkIds: token.parks.filter((p) => !p.archived).map((p) => p.parkId) });
    const data = rows.map((park) => {
      const role = token.parks.find((p) => p.parkId === park.id)!.role;
      return parkJson(park, role, token.canWrite && role !== "viewer");
    });
    return jsonResponse(request, { data });
  }),
});
