import { z } from "zod";
import { getDb } from "@/db/client";
import { guardedRoute } from "@/app/_lib/guard";
import { routeMethods } from "@/app/_lib/api/methods";
import { loadParkReport } from "@/app/_lib/report/data";
import { reportOptions, reportQuerySchema, reportResponse } from "@/app/_lib/report/respond";
import { Refusal } from "@/lib/refusal";

export const dynamic = "force-dynamic";

const pathSchema = z.object({ slug: z.string().max(100) });

/**
 * A park's monthly report (月报) as Word or PDF: `?month=YYYY-MM&format=docx|pdf&lang=zh|en&scope=key|all|cluster&cluster=…`.
 * Members of the park only, viewers included (and region readers, whose region role makes them
 * viewers of it). Another park and an unknown park answer the same 404.
 */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: guardedRoute({ schema: reportQuerySchema, access: { who: "signed-in" } }, async ({ input, params, viewer, locale }) => {
    const path = pathSchema.safeParse(params);
    const park = path.success ? viewer!.memberships.find((m) => m.slug === path.data.slug) : undefined;
    if (!path.success || !park) throw Refusal.notFound();
    const options = reportOptions(input, locale);
    const figures = await loadParkReport(
      await getDb(),
      { parkId: park.parkId, name: park.name, nameEn: park.nameEn, isDemo: park.isDemo },
      { month: options.month, asOf: options.asOf, today: options.today, scope: options.scope, preparedBy: viewer!.name },
    );
    return reportResponse(figures, options, park.slug);
  }),
});
