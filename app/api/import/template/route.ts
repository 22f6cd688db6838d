import { z } from "zod";
import { guardedRoute } from "@/app/_lib/guard";
import { DOWNLOAD_FORMATS, spreadsheetResponse } from "@/lib/format/spreadsheet";
import { LEDGER_KINDS } from "@/app/_lib/ledger/columns";
import { ledgerTemplate } from "@/app/_lib/ledger/ledger-tables";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

/** GET /api/import/template?kind=projects|progress&format=xlsx|csv — the empty ledger in the user's language. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: guardedRoute(
    { schema: z.object({ kind: z.enum(LEDGER_KINDS).default("projects"), format: z.enum(DOWNLOAD_FORMATS).default("xlsx") }), access: { who: "signed-in" } },
    async ({ input, locale, t }) =>
      spreadsheetResponse(ledgerTemplate(input.kind, locale, t), { format: input.format, encoding: "utf-8", baseName: `parkline-${input.kind}-template-${locale}` }),
  ),
});
