import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { buildExportTable, EXPORT_TABLES } from "@/app/_lib/dashboard/export-tables";
import { isoToday } from "@/app/_lib/domain/milestones";
import { toCsv } from "@/app/_lib/format/csv";
import { guardedRoute } from "@/app/_lib/guard";

export const dynamic = "force-dynamic";

const pathSchema = z.object({ slug: z.string().max(100), table: z.enum(EXPORT_TABLES) });

/**
 * A dashboard table as CSV, for members of the park only. Another park, an unknown park and an
 * unknown table all answer the same 404, so the endpoint does not reveal which parks exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; table: string }> }) {
  const path = pathSchema.safeParse(await params);
  return guardedRoute({ schema: z.object({}), access: { who: "signed-in" } }, async ({ viewer, locale, t }) => {
    const park = path.success ? viewer!.memberships.find((m) => m.slug === path.data.slug) : undefined;
    if (!path.success || !park) {
      return NextResponse.json({ error: t("error.notFound"), status: 404 }, { status: 404, headers: { "cache-control": "no-store" } });
    }
    const today = isoToday();
    const { header, rows } = await buildExportTable(await getDb(), { parkId: park.parkId, table: path.data.table, today, locale, t });
    return new Response(toCsv(header, rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${park.slug}-${path.data.table}-${today}.csv"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  })(request);
}
