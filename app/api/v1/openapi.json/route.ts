import { z } from "zod";
import { openApiDocument } from "@/app/_lib/api/openapi";
import { guardedRoute } from "@/app/_lib/guard";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of /api/v1, generated from the handlers' zod schemas. Public: it holds no data. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: guardedRoute({ schema: z.object({}), access: { who: "anyone" } }, async () =>
    Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } }),
  ),
});
