import "server-only";
import { createHash } from "node:crypto";
import { diffFields } from "@/db/queries/audit";
import type { LedgerProgressState } from "@/db/queries/ledger";
import type { ProgressEntryInput } from "@/db/queries/progress-writes";
import { optionalText, requiredText } from "@/lib/domain/fields";
import type { Translate } from "@/lib/i18n/translate";
import { cellAmount, cellMonth, cellText, type LedgerCell } from "./cells";
import { fieldLabelKey, PROGRESS_LEDGER_FIELDS, type LedgerMapping, type ProgressLedgerField } from "./columns";
import type { ChangeView } from "./import-types";
import { columnsOf, issueMessage, sortProblems, type PreparedSheet, type RowProblem } from "./sheet";

/**
 * The monthly progress ledger, checked against the park's log: one row per project (by code) and
 * month. A month with no entry gets one; a month whose entry differs gets a correction that
 * supersedes it (the log keeps both); an identical month is left alone. Pure, like project-plan.
 */

type Entry = LedgerProgressState["entries"][number];
type EntryFields = Pick<ProgressEntryInput, "narrative" | "narrativeEn" | "investmentCompleted" | "outputValue" | "sourceUrl" | "sourceRef">;

const ENTRY_FIELDS = ["narrative", "narrativeEn", "investmentCompleted", "outputValue", "sourceUrl", "sourceRef"] as const satisfies readonly (keyof EntryFields)[];

export interface ProgressImportPlan {
  problems: RowProblem[];
  notes: RowProblem[];
  entries: { row: number; input: ProgressEntryInput }[];
  changes: ChangeView[];
  counts: { rows: number; new: number; updated: number; unchanged: number; errorRows: number };
}

const narrative = requiredText(5000);
const narrativeEn = optionalText(5000);
const sourceRef = optionalText(300);

export function planProgressImport(sheet: PreparedSheet, state: LedgerProgressState, t: Translate, today: string): ProgressImportPlan {
  const column = columnsOf(sheet) as Map<ProgressLedgerField, { at: number; header: string; unit: string | null }>;
  const projects = new Map(state.projects.map((p) => [p.code, p]));
  const current = new Map<string, Entry[]>();
  for (const e of state.entries) current.set(`${e.projectId}|${e.period}`, [...(current.get(`${e.projectId}|${e.period}`) ?? []), e]);
  const thisMonth = `${today.slice(0, 7)}-01`;
  const plan: ProgressImportPlan = { problems: [], notes: [], entries: [], changes: [], counts: { rows: sheet.rows.length, new: 0, updated: 0, unchanged: 0, errorRows: 0 } };
  const failed = new Set<number>();
  const firstRow = new Map<string, number>();
  const label = (f: string) => t(fieldLabelKey(f as ProgressLedgerField));

  for (const { row, cells } of sheet.rows) {
    const problem = (field: ProgressLedgerField, message: string) => {
      plan.problems.push({ row, column: column.get(field)!.header, message });
      failed.add(row);
    };
    const cell = (field: ProgressLedgerField): LedgerCell | undefined => {
      const c = column.get(field);
      return c ? (cells[c.at] ?? null) : undefined;
    };
    const values: Partial<EntryFields> = {};
    const code = cellText(cell("code") ?? null);
    const project = projects.get(code);
    if (!code) problem("code", t("validation.required"));
    else if (!project) problem("code", t("ledger.row.unknownCode", { code }));
    const periodCell = cell("period") ?? null;
    const period = cellMonth(periodCell);
    if (cellText(periodCell) === "") problem("period", t("validation.required"));
    else if (!period) problem("period", t("validation.month"));
    else if (period > thisMonth) problem("period", t("progress.futurePeriod"));
    for (const [field, schema] of [["narrative", narrative], ["narrativeEn", narrativeEn], ["sourceRef", sourceRef]] as const) {
      const c = cell(field);
      if (c === undefined) continue;
      const result = schema.safeParse(cellText(c));
      if (result.success) (values as Record<string, string | null>)[field] = result.data;
      else problem(field, issueMessage(result.error, t));
    }
    for (const field of ["investmentCompleted", "outputValue"] as const) {
      const c = cell(field);
      if (c === undefined) continue;
      if (cellText(c) === "") values[field] = null;
      else {
        const amount = cellAmount(c, column.get(field)!.unit);
        if (amount.ok) values[field] = amount.yuan;
        else problem(field, t(`amount.${amount.reason}`));
      }
    }
    const url = cell("sourceUrl");
    if (url !== undefined) {
      const text = cellText(url);
      if (text === "") values.sourceUrl = null;
      else if (text.length <= 2000 && /^https?:\/\/\S+$/i.test(text)) values.sourceUrl = text;
      else problem("sourceUrl", t("validation.url"));
    }
    if (!project || !period || failed.has(row)) continue;

    const key = `${project.id}|${period}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      problem("code", t("ledger.row.duplicateMonth", { code, month: period.slice(0, 7), row: first }));
      continue;
    }
    firstRow.set(key, row);
    const existing = current.get(key) ?? [];
    if (existing.length > 1) {
      problem("period", t("ledger.row.severalEntries", { month: period.slice(0, 7) }));
      continue;
    }
    const old = existing[0];
    const blank: EntryFields = { narrative: "", narrativeEn: null, investmentCompleted: null, outputValue: null, sourceUrl: null, sourceRef: null };
    const fields: EntryFields = { ...(old ?? blank), ...values };
    const input: ProgressEntryInput = {
      projectId: project.id, period, ...fields, supersedesId: old?.id, reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null,
    };
    if (!old) {
      plan.entries.push({ row, input });
      plan.changes.push({ row, code, name: `${period.slice(0, 7)} · ${project.name}`, isNew: true, fields: [] });
      continue;
    }
    const changes = diffFields(old, fields, ENTRY_FIELDS);
    if (Object.keys(changes).length === 0) {
      plan.counts.unchanged++;
      continue;
    }
    plan.entries.push({ row, input });
    const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
    plan.changes.push({
      row, code, name: `${period.slice(0, 7)} · ${project.name}`, isNew: false,
      fields: Object.entries(changes).map(([f, [before, after]]) => [label(f), text(before), text(after)] as [string, string, string]),
    });
  }
  sortProblems(plan.problems, sheet.headers);
  plan.counts.new = plan.changes.filter((c) => c.isNew).length;
  plan.counts.updated = plan.changes.length - plan.counts.new;
  plan.counts.errorRows = failed.size;
  return plan;
}

/** The file, the mapping, and each named project's version and current entries: what a preview promised. */
export function progressToken(fileHash: string, mapping: LedgerMapping, state: LedgerProgressState): string {
  const hash = createHash("sha256").update(fileHash).update("\n");
  hash.update(JSON.stringify(PROGRESS_LEDGER_FIELDS.map((f) => mapping[f] ?? null))).update("\n");
  for (const p of [...state.projects].sort((a, b) => a.code.localeCompare(b.code))) hash.update(`${p.code}\t${p.version}\n`);
  for (const id of state.entries.map((e) => e.id).sort()) hash.update(`${id}\n`);
  return hash.digest("hex");
}
