import "server-only";
import { createHash } from "node:crypto";
import { diffFields, type Changes } from "@/db/queries/audit";
import type { EditableProjectFields, ProjectFields } from "@/db/queries/project-writes";
import { projectFields } from "@/lib/domain/project-schemas";
import { PROJECT_HEALTHS, type ProjectHealth } from "@/lib/domain/values";
import type { Translate } from "@/lib/i18n/translate";
import { cellAmount, cellHealth, cellText, type LedgerCell } from "./cells";
import type { ChangeView } from "./import-types";
import { fieldLabelKey, PROJECT_LEDGER_FIELDS, REQUIRED_PROJECT_FIELDS, type LedgerMapping, type ProjectLedgerField } from "./columns";
import { columnsOf, issueMessage, sortProblems, type PreparedSheet, type RowProblem } from "./sheet";

/**
 * The projects ledger, checked against the park's projects: every row's problems (row as in the
 * file, column as headed in the file, message in the user's language) and what would be created,
 * changed or left alone. Pure: the caller reads the projects and writes the plan.
 */

export interface ExistingProject extends ProjectFields {
  id: string;
  version: number;
}

export interface ProjectImportPlan {
  problems: RowProblem[];
  notes: RowProblem[];
  creates: { row: number; fields: ProjectFields }[];
  updates: { row: number; id: string; version: number; fields: EditableProjectFields; changes: Changes }[];
  counts: { rows: number; new: number; updated: number; unchanged: number; errorRows: number };
}

const TEXT_FIELDS = ["code", "name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge"] as const;
const EDITABLE = PROJECT_LEDGER_FIELDS.filter((f) => f !== "completedInvestment");

const DEFAULTS: Omit<ProjectFields, "code" | "name" | "company" | "cluster"> = {
  nameEn: null, companyEn: null, clusterEn: null, responsibleUnit: null, leaderInCharge: null, health: "on_track",
  plannedInvestment: "0", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
};

export function planProjectImport(sheet: PreparedSheet, existing: ReadonlyMap<string, ExistingProject>, t: Translate): ProjectImportPlan {
  const column = columnsOf(sheet) as Map<ProjectLedgerField, { at: number; header: string; unit: string | null }>;
  const healthValues = PROJECT_HEALTHS.map((h) => t(`health.${h}`)).join(" / ");
  const plan: ProjectImportPlan = { problems: [], notes: [], creates: [], updates: [], counts: { rows: sheet.rows.length, new: 0, updated: 0, unchanged: 0, errorRows: 0 } };
  const firstRowOfCode = new Map<string, number>();
  const parsed: { row: number; values: Partial<ProjectFields> }[] = [];
  const failed = new Set<number>();

  for (const { row, cells } of sheet.rows) {
    const values: Partial<Record<ProjectLedgerField, string | null>> = {};
    const problem = (field: ProjectLedgerField, message: string) => {
      plan.problems.push({ row, column: column.get(field)!.header, message });
      failed.add(row);
    };
    for (const [field, { at, unit }] of column) {
      const cell: LedgerCell = cells[at] ?? null;
      if ((TEXT_FIELDS as readonly string[]).includes(field)) {
        const result = projectFields[field as (typeof TEXT_FIELDS)[number]].safeParse(cellText(cell));
        if (result.success) values[field] = result.data;
        else problem(field, issueMessage(result.error, t));
      } else if (field === "health") {
        const health = cellText(cell) === "" ? "on_track" : cellHealth(cell);
        if (health) values.health = health;
        else problem(field, t("ledger.row.health", { values: healthValues }));
      } else if (cellText(cell) === "") {
        if (REQUIRED_PROJECT_FIELDS.includes(field)) problem(field, t("validation.required"));
        else values[field] = "0";
      } else {
        const amount = cellAmount(cell, unit);
        if (amount.ok) values[field] = amount.yuan;
        else problem(field, t(`amount.${amount.reason}`));
      }
    }
    const code = values.code;
    if (code) {
      const first = firstRowOfCode.get(code);
      if (first === undefined) firstRowOfCode.set(code, row);
      else {
        problem("code", t("ledger.row.duplicateCode", { code, row: first }));
        if (!failed.has(first)) plan.problems.push({ row: first, column: column.get("code")!.header, message: t("ledger.row.duplicateCode", { code, row }) });
        failed.add(first);
      }
    }
    parsed.push({ row, values: values as Partial<ProjectFields> });
  }

  for (const { row, values } of parsed) {
    if (failed.has(row)) continue;
    const current = existing.get(values.code!);
    if (!current) {
      plan.creates.push({ row, fields: { ...DEFAULTS, ...values } as ProjectFields });
      continue;
    }
    const { completedInvestment, ...editable } = values;
    const fields = Object.fromEntries(EDITABLE.map((f) => [f, f in editable ? editable[f as keyof typeof editable] : current[f]])) as unknown as EditableProjectFields;
    const changes = diffFields(current, fields, EDITABLE);
    if (completedInvestment !== undefined && Object.keys(diffFields(current, { completedInvestment }, ["completedInvestment"])).length) {
      plan.notes.push({ row, column: column.get("completedInvestment")!.header, message: t("ledger.row.completedKept") });
    }
    if (Object.keys(changes).length) plan.updates.push({ row, id: current.id, version: current.version, fields, changes });
    else plan.counts.unchanged++;
  }
  sortProblems(plan.problems, sheet.headers);
  plan.counts.new = plan.creates.length;
  plan.counts.updated = plan.updates.length;
  plan.counts.errorRows = failed.size;
  return plan;
}

/**
 * What a preview promised: the file, the mapping and the versions of the projects it matched. The
 * import recomputes it under lock and refuses when anything moved in between.
 */
export function planToken(fileHash: string, mapping: LedgerMapping, existing: ReadonlyMap<string, ExistingProject>): string {
  const hash = createHash("sha256").update(fileHash).update("\n");
  hash.update(JSON.stringify(PROJECT_LEDGER_FIELDS.map((f) => mapping[f] ?? null))).update("\n");
  for (const code of [...existing.keys()].sort()) hash.update(`${code}\t${existing.get(code)!.version}\n`);
  return hash.digest("hex");
}


/** A value as the preview shows it: health in words, amounts as exact yuan without padding ("0.00" → "0"). */
function shown(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined) return "";
  if (field === "health") return t(`health.${value as ProjectHealth}`);
  const text = String(value);
  return field.endsWith("Investment") && text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** The plan as the preview lists it, in file order. */
export function projectChanges(plan: ProjectImportPlan, t: Translate): ChangeView[] {
  const label = (f: string) => t(fieldLabelKey(f as ProjectLedgerField));
  return [
    ...plan.creates.map((c) => ({ row: c.row, code: c.fields.code, name: c.fields.name, isNew: true, fields: [] })),
    ...plan.updates.map((u) => ({
      row: u.row, code: u.fields.code, name: u.fields.name, isNew: false,
      fields: Object.entries(u.changes).map(([f, [old, next]]) => [label(f), shown(f, old, t), shown(f, next, t)] as [string, string, string]),
    })),
  ].sort((a, b) => a.row - b.row);
}
