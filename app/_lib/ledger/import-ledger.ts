import "server-only";
import { createHash } from "node:crypto";
import { getImportMapping, getLedgerPark, importLedger, listLedgerProgressState, listLedgerProjectsWithDetails, writeProgressLedger, writeProjectLedger } from "@/db/queries/ledger";
import type { Actor } from "@/db/queries/project-writes";
import type { Db, Executor } from "@/db/types";
import { isMessageKey } from "@/lib/domain/fields";
import { isoToday } from "@/lib/domain/milestones";
import type { Translate } from "@/lib/i18n/translate";
import { cellText } from "./cells";
import { normalizeHeader } from "./columns";
import { fieldLabelKey, isPlanHeader, isRowNumberHeader, MILESTONE_DATE_FIELDS, type LedgerField, type LedgerKind, type LedgerMapping } from "./columns";
import type { ChangeView, ImportBody, ImportEvent } from "./import-types";
import { planProgressImport, progressToken } from "./progress-plan";
import { planProjectImport, planToken, projectChanges, type ProjectLedgerState } from "./project-plan";
import { readLedgerFileOffThread } from "./read-off-thread";
import type { FormulaCell } from "./read-file";
import { codesOf, prepareSheet, sortProblems, type PreparedSheet, type RowProblem } from "./sheet";

/** Changes listed in a preview; the counts cover the rest. */
const CHANGES_SHOWN = 200;

export interface LedgerImportRequest {
  kind: LedgerKind;
  actor: Actor;
  bytes: Uint8Array;
  fileName: string;
  /**
   * A region's ledger: the parks the importer may write, each row sent to the one its park column
   * names (by name, English name or slug). Unset: every row is the actor's park's.
   */
  parks?: LedgerPark[];
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
  load(db: Executor, parkId: string, sheet: PreparedSheet, lock: boolean): Promise<State>;
  plan(sheet: PreparedSheet, state: State, t: Translate, today: string): P;
  token(fileHash: string, mapping: LedgerMapping, state: State): string;
  write(tx: Executor, actor: Actor, plan: P, today: string, step: (n: number) => void): Promise<void>;
}

const projectsEngine: LedgerEngine<ProjectLedgerState, ReturnType<typeof planProjectImport> & { changes: ChangeView[] }> = {
  load: async (db, parkId, sheet, lock) => {
    const park = await getLedgerPark(db, { parkId });
    if (!park) throw new Error("ledger import: no such park");
    // A row without a code is matched by name and company, or gets a new code: that reads every project.
    const codes = codesOf(sheet);
    const complete = codes.length < sheet.rows.length || !sheet.mapping.code;
    const rows = await listLedgerProjectsWithDetails(db, { parkId, codes: complete ? undefined : codes, lock });
    return { park, complete, byCode: new Map(rows.map((r) => [r.code, r])) };
  },
  plan: (sheet, state, t, today) => {
    const plan = planProjectImport(sheet, state, t, today);
    return { ...plan, changes: projectChanges(plan) };
  },
  token: planToken,
  write: (tx, actor, plan, _today, step) => writeProjectLedger(tx, actor, plan, step),
};

const progressEngine: LedgerEngine<Awaited<ReturnType<typeof listLedgerProgressState>>, ReturnType<typeof planProgressImport>> = {
  load: (db, parkId, sheet, lock) => listLedgerProgressState(db, { parkId, codes: codesOf(sheet), lock }),
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
  const shape = { headers: sheet.headers.filter(Boolean), mapping: sheet.mapping, mappingSource: sheet.mappingSource, missing: sheet.missing, columns: columnReport(sheet, t) };
  if (sheet.missing.length) {
    const columns = sheet.missing.map((f) => t(fieldLabelKey(f))).join(", ");
    return { status: 422, body: { ok: false, error: t("ledger.file.missingColumns", { columns }), ...shape } };
  }

  const fileHash = createHash("sha256").update(request.bytes).digest("hex");
  // A region's ledger: the park column sends each row to one of the parks the importer may write.
  const split = request.parks && kind === "projects" ? splitByPark(sheet, request.parks, t) : { problems: [], groups: [{ parkId: actor.parkId, sheet }] };
  if (request.parks && kind === "projects" && !sheet.mapping.park) {
    return { status: 422, body: { ok: false, error: t("ledger.file.missingColumns", { columns: t("ledger.col.park") }), ...shape, missing: ["park"] } };
  }
  request.onProgress({ type: "progress", phase: "check", done: 0, total: sheet.rows.length });
  const checkAll = async (executor: Executor, lock: boolean) => {
    const parts = [];
    for (const group of split.groups) {
      const state = await engine.load(executor, group.parkId, group.sheet, lock);
      parts.push({ group, state, plan: engine.plan(group.sheet, state, t, today) });
    }
    const token = createHash("sha256");
    for (const { group, state } of parts) token.update(`${group.parkId}\t${engine.token(fileHash, sheet.mapping, state)}\n`);
    return { parts, token: split.groups.length === 1 && !request.parks ? engine.token(fileHash, sheet.mapping, parts[0]!.state) : token.digest("hex") };
  };
  const reportOf = (checked: Awaited<ReturnType<typeof checkAll>>): ImportBody => {
    const problems = sortProblems([...split.problems, ...checked.parts.flatMap((p) => p.plan.problems)], sheet.headers);
    const notes = sortProblems([...checked.parts.flatMap((p) => p.plan.notes), ...formulaNotes(sheet, read.formulas ?? [], t)], sheet.headers);
    const changes = checked.parts.flatMap((p) => p.plan.changes).sort((a, b) => a.row - b.row);
    const sum = (key: "new" | "updated" | "unchanged" | "errorRows") => checked.parts.reduce((n, p) => n + p.plan.counts[key], 0);
    const counts = { rows: sheet.rows.length, new: sum("new"), updated: sum("updated"), unchanged: sum("unchanged"), errorRows: sum("errorRows") + new Set(split.problems.map((p) => p.row)).size };
    return {
      ok: problems.length === 0, ...shape, counts, problems, notes,
      changes: changes.slice(0, CHANGES_SHOWN), moreChanges: Math.max(0, changes.length - CHANGES_SHOWN), token: checked.token,
    };
  };
  // An import with a token checks once, under lock in its transaction; a preview (or an import
  // without a token, which is refused) checks without a lock.
  if (request.mode === "preview" || !request.token) {
    const report = reportOf(await checkAll(db, false));
    request.onProgress({ type: "progress", phase: "check", done: sheet.rows.length, total: sheet.rows.length });
    if (request.mode === "preview") return { status: 200, body: report };
    if (!report.ok) return { status: 422, body: { ...report, ok: false } };
    return { status: 409, body: { ...report, ok: false, error: t("ledger.file.notChecked") } };
  }

  const outcome = await importLedger(db, actor, {
    kind,
    mapping: sheet.mapping as Record<string, string>,
    parkIds: split.groups.map((g) => g.parkId),
    work: async (tx) => {
      const locked = await checkAll(tx, true);
      request.onProgress({ type: "progress", phase: "check", done: sheet.rows.length, total: sheet.rows.length });
      const report = reportOf(locked);
      if (!report.ok) return { ok: false as const, reason: "problems" as const, report };
      if (locked.token !== request.token) return { ok: false as const, reason: "changed" as const };
      const total = locked.parts.reduce((n, p) => n + p.plan.counts.new + p.plan.counts.updated, 0);
      let done = 0;
      for (const { group, plan } of locked.parts) {
        await engine.write(tx, { parkId: group.parkId, actorId: actor.actorId }, plan, today, (n) => {
          done += n;
          if (done === total || Math.floor(done / 100) !== Math.floor((done - n) / 100)) request.onProgress({ type: "progress", phase: "write", done, total });
        });
      }
      return { ok: true as const, created: locked.parts.reduce((n, p) => n + p.plan.counts.new, 0), updated: locked.parts.reduce((n, p) => n + p.plan.counts.updated, 0) };
    },
  });
  if (!outcome.ok && outcome.reason === "problems") return { status: 422, body: { ...outcome.report, ok: false } };
  if (outcome.ok) return { status: 200, body: { ok: true, imported: { created: outcome.created, updated: outcome.updated } } };
  if (outcome.reason === "changed") return { status: 409, body: { ok: false, error: t("ledger.file.changedSinceCheck") } };
  const why = outcome.outcome.reason === "invalid" && isMessageKey(outcome.outcome.messageKey) ? t(outcome.outcome.messageKey) : t("ledger.file.changedSinceCheck");
  return { status: 409, body: { ok: false, error: t("ledger.row.refused", { message: why }), problems: [{ row: outcome.row, column: "", message: why }] } };
}

/** Every column of the file, in file order, with what it is read as: nothing is dropped without a word. */
function columnReport(sheet: PreparedSheet, t: Translate): NonNullable<ImportBody["columns"]> {
  const fieldOf = new Map(Object.entries(sheet.mapping).map(([field, header]) => [header, field as LedgerField]));
  return sheet.headers.flatMap((header): NonNullable<ImportBody["columns"]> => {
    if (!header) return [];
    const field = fieldOf.get(header);
    if (field) {
      const label = t(fieldLabelKey(field));
      return [{ header, readAs: field in MILESTONE_DATE_FIELDS && isPlanHeader(header) ? t("ledger.column.plans", { field: label }) : label, ignored: false }];
    }
    return [{ header, readAs: t(isRowNumberHeader(header) ? "ledger.column.rowNumber" : "ledger.column.ignored"), ignored: true }];
  });
}

/** A formula in a column that is imported: its last computed value is what is read, and the check says so. */
function formulaNotes(sheet: PreparedSheet, formulas: FormulaCell[], t: Translate): RowProblem[] {
  if (formulas.length === 0) return [];
  const mapped = new Set(Object.values(sheet.mapping));
  const rows = new Map(sheet.rows.map((r) => [r.row, r.cells]));
  return formulas.flatMap(({ row, column, formula }) => {
    const header = sheet.headers[column];
    const cells = rows.get(row);
    if (!header || !cells || !mapped.has(header)) return [];
    return [{ row, column: header, message: t("ledger.row.formula", { formula, value: cellText(cells[column] ?? null) }) }];
  });
}

/** A park a region's ledger may write, and the names its park column may use for it. */
export interface LedgerPark {
  parkId: string;
  name: string;
  nameEn: string | null;
  slug: string;
}

/** Rows by the park their park column names; a row naming none, or a park the importer may not write, is a row problem. */
function splitByPark(sheet: PreparedSheet, parks: LedgerPark[], t: Translate): { problems: RowProblem[]; groups: { parkId: string; sheet: PreparedSheet }[] } {
  const header = sheet.mapping.park;
  const at = header ? sheet.headers.indexOf(header) : -1;
  const byName = new Map<string, LedgerPark>();
  for (const park of parks) for (const name of [park.name, park.nameEn, park.slug]) if (name) byName.set(normalizeHeader(name), park);
  const rows = new Map<string, PreparedSheet["rows"]>(parks.map((p) => [p.parkId, []]));
  const problems: RowProblem[] = [];
  const names = parks.map((p) => p.name).join(t("ledger.listSeparator"));
  for (const row of sheet.rows) {
    if (at < 0) break;
    const text = cellText(row.cells[at] ?? null);
    const park = byName.get(normalizeHeader(text));
    if (park) rows.get(park.parkId)!.push(row);
    else problems.push({ row: row.row, column: header!, message: text === "" ? t("ledger.row.noPark") : t("ledger.row.unknownPark", { park: text, parks: names }) });
  }
  return { problems, groups: parks.filter((p) => rows.get(p.parkId)!.length).map((p) => ({ parkId: p.parkId, sheet: { ...sheet, rows: rows.get(p.parkId)! } })) };
}
