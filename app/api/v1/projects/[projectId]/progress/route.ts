import { z } from "zod";
import { isoDate, uuid } from "@/lib/domain/fields";
import { listProgressPage } from "@/db/queries/api-reads";
import { logProgress as writeProgress } from "@/db/queries/progress-writes";
import { listProgress, logProgress } from "@/app/_lib/api/operations/progress";
import { decodeCursor, encodeCursor, jsonResponse, nextPageUrl, writeRefused } from "@/app/_lib/api/respond";
import { apiRoute } from "@/app/_lib/api/route";
import { progressEntryJson } from "@/app/_lib/api/serialize";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

const DEFAULT_LIMIT = 50;
// The keyset: a month's first day that is a real date (2026-13-01 would reach the database as one), and an id.
const KEYSET = [z.string().regex(/-01$/).pipe(isoDate()), uuid()];

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(listProgress, async ({ request, db, actor, params, query }) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor, 2, (values) => values.every((v, i) => KEYSET[i]!.safeParse(v).success)) : null;
    const page = await listProgressPage(db, {
      parkId: actor.parkId, projectId: params.projectId, limit, after: after ? { period: after[0]!, id: after[1]! } : null,
    });
    const last = page.rows.at(-1);
    const next = page.hasMore && last ? nextPageUrl(request, encodeCursor([last.period, last.id])) : null;
    return jsonResponse(request, { data: page.rows.map(progressEntryJson), next }, { next });
  }),
  /** A month logged exactly as the log form does it: one transaction through the same write. */
  POST: apiRoute(logProgress, async ({ request, db, actor, params, body }) => {
    const outcome = await writeProgress(db, actor, { projectId: params.projectId, ...body });
    if (!outcome.ok) throw writeRefused(outcome);
    const { rows } = await listProgressPage(db, { parkId: actor.parkId, projectId: params.projectId, after: null, limit: 1, entryId: outcome.value.id });
    return jsonResponse(request, progressEntryJson(rows[0]!), { status: 201 });
  }),
});
