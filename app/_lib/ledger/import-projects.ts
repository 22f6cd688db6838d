import "server-only";
import { createHash } from "node:crypto";
import { importProjectLedger, getImportMapping, listLedgerProjects, type LedgerProject } from "@/db/queries/ledger";
import type { Actor } from "@/db/queries/project-writes";
import type { Db } from "@/db/types";
import { isMessageKey } from "../domain/fields";
import type { ProjectHealth } from "../domain/values";
import type { Translate } from "../i18n/translate";
import { fieldLabelKey, PROJECT_LEDGER_FIELDS, type LedgerMapping } from "./columns";
import type { ChangeView, ImportBody, ImportEvent } from "./import-types";
import { codesOf, planProjectImport, planToken, prepareSheet, type ExistingProject, type ProjectImportPlan } from "./project-plan";
import { readLedgerFile } from "./read-file";

/** Changes listed in a preview; the counts cover the rest. */
const CHANGES_SHOWN = 200;

export interface ProjectImportRequest {
  actor: Actor;
  bytes: Uint8Array;
  fileName: string;
  /** The user's column choice; null on the first check of a file. */
  chosen: LedgerMapping | null;
  mode: "preview" | "commit";
  token: string | null;
  t: Translate;
  onProgress: (event: Extract<ImportEvent, { type: "progress" }>) => void;
}

type Answer = { status: number; body: ImportBody };

const byCode = (rows: LedgerProject[]) => new Map<string, ExistingProject>(rows.map((r) => [r.code, r]));

/** A value as the preview shows it: health in words, amounts as exact yuan without padding ("0.00" → "0"). */
function shown(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined) return "";
  if (field === "health") return t(`health.${value as ProjectHealth}`);
  const text = String(value);
  return field.endsWith("Investment") && text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

function changeViews(plan: ProjectImportPlan, t: Translate): ChangeView[] {
  const label = (f: string) => t(fieldLabelKey(f as (typeof PROJECT_LEDGER_FIELDS)[number]));
  return [
    ...plan.creates.map((c) => ({ row: c.row, code: c.fields.code, name: c.fields.name, isNew: true, fields: [] })),
    ...plan.updates.map((u) => ({
      row: u.row, code: u.fields.code, name: u.fields.name, isNew: false,
      fields: Object.entries(u.changes).map(([f, [old, next]]) => [label(f), shown(f, old, t), shown(f, next, t)] as [string, string, string]),
    })),
  ].sort((a, b) => a.row - b.row);
}

/**
 * Preview or import a projects ledger for the actor's park. Preview writes nothing; import re-checks
 * the file under lock, refuses if the projects moved since the preview (its token), and writes all
 * rows or none.
 */
export async function runProjectImport(db: Db, request: ProjectImportRequest): Promise<Answer> {
  const { actor, t } = request;
  request.onProgress({ type: "progress", phase: "read" });
  const read = await readLedgerFile(request.bytes, request.fileName);
  if (!read.ok) return { status: 422, body: { ok: false, error: t(read.messageKey, read.params) } };
  const remembered = request.chosen ? null : ((await getImportMapping(db, { parkId: actor.parkId, kind: "projects" })) as LedgerMapping | null);
  const prepared = prepareSheet(read.rows, request.chosen, remembered);
  if (!prepared.ok) return { status: 422, body: { ok: false, error: t(prepared.messageKey, prepared.params) } };
  const { sheet } = prepared;
  const shape = { headers: sheet.headers.filter(Boolean), mapping: sheet.mapping, mappingSource: sheet.mappingSource, missing: sheet.missing };
  if (sheet.missing.length) {
    const columns = sheet.missing.map((f) => t(fieldLabelKey(f))).join(", ");
    return { status: 422, body: { ok: false, error: t("ledger.file.missingColumns", { columns }), ...shape } };
  }

  const fileHash = createHash("sha256").update(request.bytes).digest("hex");
  const codes = codesOf(sheet);
  request.onProgress({ type: "progress", phase: "check", done: 0, total: sheet.rows.length });
  const existing = byCode(await listLedgerProjects(db, { parkId: actor.parkId, codes }));
  const plan = planProjectImport(sheet, existing, t);
  request.onProgress({ type: "progress", phase: "check", done: sheet.rows.length, total: sheet.rows.length });
  const token = planToken(fileHash, sheet.mapping, existing);
  const changes = changeViews(plan, t);
  const report: ImportBody = {
    ok: plan.problems.length === 0, ...shape, counts: plan.counts, problems: plan.problems, notes: plan.notes,
    changes: changes.slice(0, CHANGES_SHOWN), moreChanges: Math.max(0, changes.length - CHANGES_SHOWN), token,
  };
  if (request.mode === "preview") return { status: 200, body: report };
  if (!report.ok) return { status: 422, body: { ...report, ok: false } };
  if (!request.token) return { status: 409, body: { ...report, ok: false, error: t("ledger.file.notChecked") } };

  const outcome = await importProjectLedger(db, actor, {
    codes,
    mapping: sheet.mapping as Record<string, string>,
    onProgress: (done, total) => request.onProgress({ type: "progress", phase: "write", done, total }),
    decide: (locked) => {
      const current = byCode(locked);
      if (planToken(fileHash, sheet.mapping, current) !== request.token) return { ok: false, reason: "changed" as const };
      const fresh = planProjectImport(sheet, current, t);
      return fresh.problems.length ? { ok: false, reason: "changed" as const } : { ok: true, creates: fresh.creates, updates: fresh.updates };
    },
  });
  if (outcome.ok) return { status: 200, body: { ok: true, imported: { created: outcome.created, updated: outcome.updated } } };
  if (outcome.reason === "changed") return { status: 409, body: { ok: false, error: t("ledger.file.changedSinceCheck") } };
  const why = outcome.outcome.reason === "invalid" && isMessageKey(outcome.outcome.messageKey) ? t(outcome.outcome.messageKey) : t("ledger.file.changedSinceCheck");
  return { status: 409, body: { ok: false, error: t("ledger.row.refused", { message: why }), problems: [{ row: outcome.row, column: "", message: why }] } };
}
