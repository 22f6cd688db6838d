import { z } from "zod";
import { getDb } from "@/db/client";
import { buildExportTable, EXPORT_TABLES } from "@/app/_lib/dashboard/export-tables";
import { isoToday } from "@/lib/domain/milestones";
import { CSV_ENCODINGS, DOWNLOAD_FORMATS, spreadsheetResponse } from "@/lib/format/spreadsheet";
import { guardedRoute } from "@/app/_lib/guard";
import { routeMethods } from "@/app/_lib/api/methods";
import { Refusal } from "@/lib/refusal";

export const dynamic = "force-dynamic";

const pathSchema = z.object({ slug: z.string().max(100), table: z.enum(EXPORT_TABLES) });
const querySchema = z.object({ format: z.enum(DOWNLOAD_FORMATS).default("csv"), encoding: z.enum(CSV_ENCODINGS).default("utf-8") });

/**
 * A dashboard table or a ledger as CSV (UTF-8 with BOM, or GB18030) or .xlsx, for members of the
 * park only. Another park, an unknown park and an unknown table all answer the same 404, so the
 * endpoint does not reveal which parks exist.
 */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: guardedRoute({ schema: querySchema, access: { who: "signed-in" } }, async ({ input, params, viewer, locale, t }) => {
    const path = pathSchema.safeParse(params);
    const park = path.success ? viewer!.memberships.find((m) => m.slug === path.data.slug) : undefined;
    if (!path.success || !park) throw Refusal.notFound();
    const today = isoToday();
    const table = await buildExportTable(await getDb(), { parkId: park.parkId, table: path.data.table, today, locale, t });
    return spreadsheetResponse([table], { ...input, baseName: `${park.slug}-${path.data.table}-${today}` });
  }),
});
