import { z } from "zod";
import { getDb } from "@/db/client";
import { uuid } from "@/lib/domain/fields";
import { guardedRoute } from "@/app/_lib/guard";
import { problemResponse } from "@/app/_lib/api/problem";
import { Refusal } from "@/lib/refusal";
import { LEDGER_KINDS, PROGRESS_LEDGER_FIELDS, PROJECT_LEDGER_FIELDS } from "@/app/_lib/ledger/columns";
import { runLedgerImport, type LedgerPark } from "@/app/_lib/ledger/import-ledger";
import { isAtLeast, listedMemberships, type Viewer } from "@/app/_lib/auth/viewer";
import type { ImportEvent } from "@/app/_lib/ledger/import-types";
import { LEDGER_LIMITS } from "@/app/_lib/ledger/read-file";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

const ALL_FIELDS = [...new Set([...PROJECT_LEDGER_FIELDS, ...PROGRESS_LEDGER_FIELDS])] as [string, ...string[]];

/** The user's column choice: JSON of field → header text, as the page sends it in the query. */
const mappingParam = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(ALL_FIELDS), z.string().max(500)));

const querySchema = z.object({
  parkId: uuid(),
  kind: z.enum(LEDGER_KINDS),
  mode: z.enum(["preview", "commit"]),
  name: z.string().max(255).default(""),
  mapping: mappingParam.optional(),
  token: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  stream: z.literal("1").optional(),
  /**
   * A region's projects ledger: every park of the park's city (or province) that the user edits,
   * each row sent to the park its park column names. The park named by parkId must be one of them.
   */
  scope: z.enum(["park", "city", "province"]).default("park"),
});

/** The parks of the anchor park's city or province that the viewer may write (editor or admin, not archived). */
function regionParks(viewer: Viewer, anchorId: string, scope: "city" | "province"): LedgerPark[] {
  const anchor = viewer.memberships.find((m) => m.parkId === anchorId)!;
  return listedMemberships(viewer)
    .filter((m) => isAtLeast(m.role, "editor") && m.province === anchor.province && (scope === "province" || m.city === anchor.city))
    .map((m) => ({ parkId: m.parkId, name: m.name, nameEn: m.nameEn, slug: m.slug }));
}

/** Ledger checks and imports per user per 10 minutes (PARKLINE_IMPORT_RATE_LIMIT, default 60). */
function ledgerImportLimit(): number {
  const n = Number(process.env.PARKLINE_IMPORT_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : 60;
}

/**
 * POST /api/import?parkId=…&kind=projects|progress&mode=preview|commit — the ledger file is the request body.
 * Editors and admins of the park only. With `stream=1` the answer is NDJSON: progress events, then
 * the result (the page draws its progress bar from them); without it, JSON, and a file it refuses is a
 * problem (application/problem+json) carrying the report. A refusal before the file is read (who, may
 * they, the query, its size) is a problem in both modes.
 */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: guardedRoute(
    { schema: querySchema, access: { who: "member", atLeast: "editor" }, upload: {
        maxBytes: LEDGER_LIMITS.maxBytes,
        tooLarge: "ledger.file.tooBig",
        // Each check reads a whole file (seconds of a CPU for a dense workbook): checks and imports per user.
        perUser: { name: "ledger-import", perWindow: ledgerImportLimit, windowMs: 10 * 60_000, message: "ledger.file.rateLimited" },
      },
    },
    async ({ input, viewer, body, t }) => {
      const db = await getDb();
      const parks = input.scope === "park" ? undefined : regionParks(viewer!, input.parkId, input.scope);
      const run = (onProgress: (event: ImportEvent) => void) =>
        runLedgerImport(db, {
          kind: input.kind,
          parks,
          actor: { parkId: input.parkId, actorId: viewer!.userId },
          bytes: body, fileName: input.name, chosen: input.mapping ?? null, mode: input.mode, token: input.token ?? null, t, onProgress,
        });
      const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
      if (!input.stream) {
        const answer = await run(() => {});
        if (answer.status < 400) return Response.json(answer.body, { status: answer.status, headers });
        const reason = answer.body.error ?? t("ledger.summaryErrors", { count: answer.body.counts?.errorRows ?? answer.body.problems?.length ?? 0 });
        const refusal = new Refusal(answer.status as 409 | 422, "ledger.notImported", { params: { reason }, members: { ...answer.body }, headers });
        return problemResponse(refusal, t);
      }
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
          try {
            send({ type: "result", ...(await run(send)) });
          } catch (error) {
            console.error("ledger import failed", error);
            send({ type: "result", status: 500, body: { ok: false, error: t("error.generic") } });
          }
          controller.close();
        },
      });
      return new Response(stream, { headers: { ...headers, "content-type": "application/x-ndjson; charset=utf-8" } });
    },
  ),
});
