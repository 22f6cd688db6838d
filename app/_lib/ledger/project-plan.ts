import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { diffFields, type Changes } from "@/db/queries/audit";
import type { EditableProjectFields, ProjectFields } from "@/db/queries/project-writes";
import { isMessageKey } from "../domain/fields";
import { projectFields } from "../domain/project-schemas";
import { PROJECT_HEALTHS } from "../domain/values";
import type { Translate } from "../i18n/translate";
import { cellAmount, cellHealth, cellText, type LedgerCell } from "./cells";
import {
  detectMapping, fieldLabelKey, findHeaderIndex, normalizeHeader, PROJECT_LEDGER_FIELDS, REQUIRED_PROJECT_FIELDS, splitHeaderUnit,
  type LedgerMapping, type ProjectLedgerField,
} from "./columns";
import { LEDGER_LIMITS, type LedgerRow } from "./read-file";

/**
 * The projects ledger, checked against the park's projects: every row's problems (row as in the
 * file, column as headed in the file, message in the user's language) and what would be created,
 * changed or left alone. Pure: the caller reads the projects and writes the plan.
 */

export interface ExistingProject extends ProjectFields {
  id: string;
  version: number;
}

export interface PreparedSheet {
  headers: string[];
  mapping: LedgerMapping;
  mappingSource: "chosen" | "remembered" | "detected";
  rows: LedgerRow[];
  missing: ProjectLedgerField[];
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface ProjectImportPlan {
  problems: RowProblem[];
  notes: RowProblem[];
  creates: { row: number; fields: ProjectFields }[];
  updates: { row: number; id: string; version: number; fields: EditableProjectFields; changes: Changes }[];
  counts: { rows: number; new: number; updated: number; unchanged: number; errorRows: number };
}

type Refusal = { ok: false; messageKey: "ledger.file.noRows" | "ledger.file.tooManyRows"; params?: Record<string, number> };

/** Finds the header row and the mapping (the user's choice, else remembered, else recognised headers). */
export function prepareSheet(rows: LedgerRow[], chosen: LedgerMapping | null, remembered: LedgerMapping | null): { ok: true; sheet: PreparedSheet } | Refusal {
  const headerIndex = findHeaderIndex(rows.slice(0, 10).map((r) => r.cells.map(cellText)));
  const headers = (rows[headerIndex]?.cells ?? []).map(cellText);
  const data = rows.slice(headerIndex + 1);
  if (data.length === 0) return { ok: false, messageKey: "ledger.file.noRows" };
  if (data.length > LEDGER_LIMITS.maxRows) return { ok: false, messageKey: "ledger.file.tooManyRows", params: { rows: LEDGER_LIMITS.maxRows } };
  let mapping: LedgerMapping;
  let mappingSource: PreparedSheet["mappingSource"];
  if (chosen) {
    mapping = Object.fromEntries(Object.entries(chosen).filter(([, header]) => header && headers.includes(header)));
    mappingSource = "chosen";
  } else {
    const detected = detectMapping(headers.filter(Boolean), remembered);
    mapping = detected.mapping;
    mappingSource = detected.remembered ? "remembered" : "detected";
  }
  const missing = REQUIRED_PROJECT_FIELDS.filter((f) => !mapping[f]);
  return { ok: true, sheet: { headers, mapping, mappingSource, rows: data, missing } };
}

/** The codes the file names, to read the matching projects. */
export function codesOf(sheet: PreparedSheet): string[] {
  const at = sheet.headers.indexOf(sheet.mapping.code ?? "");
  if (at < 0) return [];
  return [...new Set(sheet.rows.map((r) => cellText(r.cells[at] ?? null)).filter(Boolean))];
}

const TEXT_FIELDS = ["code", "name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge"] as const;
const EDITABLE = PROJECT_LEDGER_FIELDS.filter((f) => f !== "completedInvestment");

function issueMessage(error: z.ZodError, t: Translate): string {
  const issue = error.issues[0]!;
  const key = isMessageKey(issue.message) ? issue.message : "validation.invalid";
  return t(key, issue.code === "too_big" && "maximum" in issue ? { max: Number(issue.maximum) } : undefined);
}

const DEFAULTS: Omit<ProjectFields, "code" | "name" | "company" | "cluster"> = {
  nameEn: null, companyEn: null, clusterEn: null, responsibleUnit: null, leaderInCharge: null, health: "on_track",
  plannedInvestment: "0", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
};

export function planProjectImport(sheet: PreparedSheet, existing: ReadonlyMap<string, ExistingProject>, t: Translate): ProjectImportPlan {
  const column = new Map<ProjectLedgerField, { at: number; header: string; unit: string | null }>();
  for (const field of PROJECT_LEDGER_FIELDS) {
    const header = sheet.mapping[field];
    const at = header ? sheet.headers.indexOf(header) : -1;
    if (header && at >= 0) column.set(field, { at, header, unit: splitHeaderUnit(normalizeHeader(header)).unit });
  }
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
  // As the file reads: by row, then left to right.
  plan.problems.sort((a, b) => a.row - b.row || sheet.headers.indexOf(a.column) - sheet.headers.indexOf(b.column));
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

export const fieldLabel = (field: ProjectLedgerField, t: Translate) => t(fieldLabelKey(field));
