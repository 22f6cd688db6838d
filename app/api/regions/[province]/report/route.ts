import { z } from "zod";
import { getDb } from "@/db/client";
import { listParksInRegion } from "@/db/queries/rollups";
import { guardedRoute } from "@/app/_lib/guard";
import { routeMethods } from "@/app/_lib/api/methods";
import { listedParkIdsOf } from "@/app/_lib/auth/viewer";
import { loadRegionReport } from "@/app/_lib/report/data";
import { isPlainName, reportOptions, reportQuerySchema, reportResponse } from "@/app/_lib/report/respond";
import { pickName } from "@/lib/i18n/pick";
import { Refusal } from "@/lib/refusal";

export const dynamic = "force-dynamic";

const regionQuerySchema = reportQuerySchema.extend({ city: reportQuerySchema.shape.month });
const pathSchema = z.object({ province: z.string().trim().min(1).max(100) });

/**
 * A region's monthly report across the parks of a province (or one of its cities) that the reader
 * reads — as a member or by a region role, as /regions shows them: `/api/regions/<province>/report?city=…`
 * and the park report's parameters. A region with none of the reader's parks answers 404, as an unknown one does.
 */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: guardedRoute({ schema: regionQuerySchema, access: { who: "signed-in" } }, async ({ input, params, viewer, locale }) => {
    const path = pathSchema.safeParse(params);
    if (!path.success || !isPlainName(path.data.province)) throw Refusal.notFound();
    const province = path.data.province;
    const city = input.city?.trim() || undefined;
    if (city !== undefined && (city.length > 100 || !isPlainName(city))) throw new Refusal(400, "report.bad.region", { fields: [{ field: "city", messageKey: "report.bad.region" }] });
    const options = reportOptions(input, locale);
    const db = await getDb();
    const parks = await listParksInRegion(db, { parkIds: listedParkIdsOf(viewer!), province, city });
    const first = parks[0];
    if (!first) throw Refusal.notFound();
    const name = [first.province, city ? first.city : null].filter(Boolean).join("");
    const nameEn = first.provinceEn ? [first.provinceEn, city ? first.cityEn : null].filter(Boolean).join(", ") : null;
    const figures = await loadRegionReport(
      db,
      { name, nameEn, isDemo: parks.some((p) => p.isDemo), parks: parks.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn })) },
      { month: options.month, asOf: options.asOf, today: options.today, scope: options.scope, preparedBy: viewer!.name },
    );
    return reportResponse(figures, options, `region-${pickName("en", first.province, first.provinceEn)}`);
  }),
});
