import "server-only";
import { createHash } from "node:crypto";
import { getImportMapping, importLedger, listLedgerProgressState, listLedgerProjects, writeProgressLedger, writeProjectLedger } from "@/db/queries/ledger";
import type { Actor } from "@/db/queries/project-writes";
import type { Db, Executor } from "@/db/types";
import { isMessageKey } from "@/lib/domain/fields";
import { isoToday } from "@/lib/domain/milestones";
import type { Translate } from "@/lib/i18n/translate";
import { fieldLabelKey, type LedgerKind, type LedgerMapping } from "./columns";
import type { ChangeView, ImportBody, ImportEvent } from "./import-types";
import { planProgressImport, progressToken } from "./progress-plan";
import { planProjectImport, planToken, projectChanges, type ExistingProject } from "./project-plan";
import { readLedgerFileOffThread } from "./read-off-thread";
import { codesOf, prepareSheet, type PreparedSheet, type RowProblem } from "./sheet";

/** Changes listed in a preview; the counts cover the rest. */
const CHANGES_SHOWN = 200;

export interface LedgerImportRequest {
  kind: LedgerKind;
  actor: Actor;
  bytes: Uint8Array;
  fileName: string;
  /** The user's column choice; null on the first check of a file. */
  chosen: LedgerMapping | null;
  mode: "preview" | "commit";
  token: string | null;
  t: Translate;
  onProgress: (event: Extract<ImportEvent, { type: "progress" }>) => void;
  today?: string;
}

type Answer = { status: number; body: ImportBody };

interface Plan {
  problems: RowProblem[];
  notes: RowProblem[];
  changes: ChangeView[];
  counts: NonNullable<ImportBody["counts"]>;
}

/** What differs between ledgers: how to read the park's state, check a sheet against it, and write. */
interface LedgerEngine<State, P extends Plan> {
  load(db: Executor, parkId: string, codes: string[], lock: boolean): Promise<State>;
  plan(sheet: PreparedSheet, state: State, t: Translate, today: string): P;
  token(fileHash: string, mapping: LedgerMapping, state: State): string;
  write(tx: Executor, actor: Actor, plan: P, today: string, step: (n: number) => void): Promise<void>;
}

const projectsEngine: LedgerEngine<Map<string, ExistingProject>, ReturnType<typeof planProjectImport> & { changes: ChangeView[] }> = {
  load: async (db, parkId, codes, lock) => new Map((await listLedgerProjects(db, { parkId, codes, lock })).map((r) => [r.code, r])),
  plan: (sheet, state, t) => {
    const plan = planProjectImport(sheet, state, t);
    return { ...plan, changes: projectChanges(plan, t) };
  },
  token: planToken,
  write: (tx, actor, plan, _today, step) => writeProjectLedger(tx, actor, plan, step),
};

const progressEngine: LedgerEngine<Awaited<ReturnType<typeof listLedgerProgressState>>, ReturnType<typeof planProgressImport>> = {
  load: (db, parkId, codes, lock) => listLedgerProgressState(db, { parkId, codes, lock }),
  plan: planProgressImport,
  token: progressToken,
  write: (tx, actor, plan, today, step) => writeProgressLedger(tx, actor, plan.entries, today, step),
};

/**
 * Preview or import a ledger for the actor's park. Preview writes nothing; import re-checks the file
 * under lock, refuses if the park's data moved since the preview (its token), and writes all rows or
 * none.
 */
export function runLedgerImport(db: Db, request: LedgerImportRequest): Promise<Answer> {
  return request.kind === "projects" ? run(db, projectsEngine, request) : run(db, progressEngine, request);
}

async function run<State, P extends Plan>(db: Db, engine: LedgerEngine<State, P>, request: LedgerImportRequest): Promise<Answer> {
  const { actor, t, kind } = request;
  const today = request.today ?? isoToday();
  request.onProgress({ type: "progress", phase: "read" });
  const read = await readLedgerFileOffThread(request.bytes, request.fileName);
  if (!read.ok) return { status: 422, body: { ok: false, error: t(read.messageKey, read.params) } };
  const remembered = request.chosen ? null : ((await getImportMapping(db, { parkId: actor.parkId, kind })) as LedgerMapping | null);
  const prepared = prepareSheet(kind, read.rows, request.chosen, remembered);
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
  const state = await engine.load(db, actor.parkId, codes, false);
  const plan = engine.plan(sheet, state, t, today);
  request.onProgress({ type: "progress", phase: "check", done: sheet.rows.length, total: sheet.rows.length });
  const report: ImportBody = {
    ok: plan.problems.length === 0, ...shape, counts: plan.counts, problems: plan.problems, notes: plan.notes,
    changes: plan.changes.slice(0, CHANGES_SHOWN), moreChanges: Math.max(0, plan.changes.length - CHANGES_SHOWN), token: engine.token(fileHash, sheet.mapping, state),
  };
  if (request.mode === "preview") return { status: 200, body: report };
  if (!report.ok) return { status: 422, body: { ...report, ok: false } };
  if (!request.token) return { status: 409, body: { ...report, ok: false, error: t("ledger.file.notChecked") } };

  const outcome = await importLedger(db, actor, {
    kind,
    mapping: sheet.mapping as Record<string, string>,
    work: async (tx) => {
      const locked = await engine.load(tx, actor.parkId, codes, true);
      if (engine.token(fileHash, sheet.mapping, locked) !== request.token) return { ok: false as const, reason: "changed" as const };
      const fresh = engine.plan(sheet, locked, t, today);
      if (fresh.problems.length) return { ok: false as const, reason: "changed" as const };
      const total = fresh.counts.new + fresh.counts.updated;
      let done = 0;
      await engine.write(tx, actor, fresh, today, (n) => {
        done += n;
        if (done === total || Math.floor(done / 100) !== Math.floor((done - n) / 100)) request.onProgress({ type: "progress", phase: "write", done, total });
      });
      return { ok: true as const, created: fresh.counts.new, updated: fresh.counts.updated };
    },
  });
  if (outcome.ok) return { status: 200, body: { ok: true, imported: { created: outcome.created, updated: outcome.updated } } };
  if (outcome.reason === "changed") return { status: 409, body: { ok: false, error: t("ledger.file.changedSinceCheck") } };
  const why = outcome.outcome.reason === "invalid" && isMessageKey(outcome.outcome.messageKey) ? t(outcome.outcome.messageKey) : t("ledger.file.changedSinceCheck");
  return { status: 409, body: { ok: false, error: t("ledger.row.refused", { message: why }), problems: [{ row: outcome.row, column: "", message: why }] } };
}
