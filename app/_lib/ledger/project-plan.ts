import "server-only";
import { createHash } from "node:crypto";
import { diffFields, type Changes } from "@/db/queries/audit";
import type { LedgerMilestone, LedgerProblem } from "@/db/queries/ledger-details";
import type { EditableProjectFields, ProjectFields } from "@/db/queries/project-writes";
import { projectFields } from "@/lib/domain/project-schemas";
import { PROJECT_HEALTHS, type ProjectHealth, type ProjectStage } from "@/lib/domain/values";
import type { Translate } from "@/lib/i18n/translate";
import { codePrefix, nextCodes } from "@/lib/ledger/codes";
import { formatLedgerDate } from "@/lib/ledger/dates";
import { cellAmount, cellHealth, cellText, type LedgerCell } from "./cells";
import type { ChangeView } from "./import-types";
import {
  fieldLabelKey, isPlanHeader, MILESTONE_DATE_FIELDS, normalizeHeader, PROJECT_COLUMN_FIELDS, PROJECT_LEDGER_FIELDS, REQUIRED_PROJECT_FIELDS,
  type LedgerMapping, type MilestoneDateField, type ProjectColumnField, type ProjectLedgerField,
} from "./columns";
import { mergeExtras, readRowExtras, stageWarningText, type ExtrasWrite } from "./project-extras";
import { columnsOf, issueMessage, sortProblems, type PreparedSheet, type RowProblem } from "./sheet";

/**
 * The projects ledger, checked against the park's projects: every row's problems (row as in the
 * file, column as headed in the file, message in the user's language) and what would be created,
 * changed or left alone — the project's columns, its milestones, stage and open problem. Pure: the
 * caller reads the projects and writes the plan.
 */

export interface ExistingProject extends ProjectFields {
  id: string;
  version: number;
  stage: ProjectStage;
  milestones: LedgerMilestone[];
  openProblem: LedgerProblem | null;
}

/** The park a ledger writes, and its projects: by code, every one of them when `complete`. */
export interface ProjectLedgerState {
  park: { id: string; slug: string; name: string; nameEn: string | null };
  byCode: Map<string, ExistingProject>;
  /** All the park's projects are in byCode: rows without a code can be matched by name and company, and codes generated. */
  complete: boolean;
}

export interface ProjectImportPlan {
  problems: RowProblem[];
  notes: RowProblem[];
  creates: { row: number; fields: ProjectFields; extras: ExtrasWrite; shown: [string, string, string][] }[];
  updates: { row: number; id: string; version: number; fields: EditableProjectFields; changes: Changes; extras: ExtrasWrite; shown: [string, string, string][] }[];
  counts: { rows: number; new: number; updated: number; unchanged: number; errorRows: number };
}

const TEXT_FIELDS = ["code", "name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge"] as const;
const AMOUNT_FIELDS = ["plannedInvestment", "contractedInvestment", "inPlaceInvestment", "completedInvestment"] as const;
const EDITABLE = PROJECT_COLUMN_FIELDS.filter((f) => f !== "completedInvestment");

const DEFAULTS: Omit<ProjectFields, "code" | "name" | "company" | "cluster"> = {
  nameEn: null, companyEn: null, clusterEn: null, responsibleUnit: null, leaderInCharge: null, health: "on_track",
  plannedInvestment: "0", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
};

type Column = { at: number; header: string; unit: string | null };
const nameKey = (name: string, company: string) => `${normalizeHeader(name)}\u0000${normalizeHeader(company)}`;

/** The names a park cell may use for the park: its Chinese and English names and its slug. */
export function parkNames(park: ProjectLedgerState["park"]): Set<string> {
  return new Set([park.name, park.nameEn, park.slug].filter((n): n is string => !!n).map(normalizeHeader));
}

export function planProjectImport(sheet: PreparedSheet, state: ProjectLedgerState, t: Translate, today: string): ProjectImportPlan {
  const column = columnsOf(sheet) as Map<ProjectLedgerField, Column>;
  const healthValues = PROJECT_HEALTHS.map((h) => t(`health.${h}`)).join(" / ");
  const plan: ProjectImportPlan = { problems: [], notes: [], creates: [], updates: [], counts: { rows: sheet.rows.length, new: 0, updated: 0, unchanged: 0, errorRows: 0 } };
  const byName = new Map<string, ExistingProject>();
  if (state.complete) for (const p of state.byCode.values()) byName.set(nameKey(p.name, p.company), p);
  const ourPark = parkNames(state.park);
  const firstRowOfKey = new Map<string, number>();
  const parsed: { row: number; values: Partial<ProjectFields>; raw: Partial<Record<ProjectColumnField, string>>; extras: ReturnType<typeof readRowExtras>["extras"] }[] = [];
  const failed = new Set<number>();

  for (const { row, cells } of sheet.rows) {
    const values: Partial<Record<ProjectColumnField, string | null>> = {};
    const raw: Partial<Record<ProjectColumnField, string>> = {};
    const problem = (field: ProjectLedgerField, message: string) => {
      plan.problems.push({ row, column: column.get(field)!.header, message });
      failed.add(row);
    };
    for (const [field, { at, unit }] of column) {
      if (!(PROJECT_COLUMN_FIELDS as readonly string[]).includes(field)) continue;
      const cell: LedgerCell = cells[at] ?? null;
      if ((TEXT_FIELDS as readonly string[]).includes(field)) {
        const text = cellText(cell);
        if (field === "code" && text === "") continue;
        const result = projectFields[field as (typeof TEXT_FIELDS)[number]].safeParse(text);
        if (result.success) values[field as ProjectColumnField] = result.data;
        else problem(field, issueMessage(result.error, t));
      } else if (field === "health") {
        const health = cellText(cell) === "" ? "on_track" : cellHealth(cell);
        if (health) values.health = health;
        else problem(field, t("ledger.row.health", { values: healthValues }));
      } else if (cellText(cell) === "") {
        if (REQUIRED_PROJECT_FIELDS.includes(field)) problem(field, t("validation.required"));
        else values[field as ProjectColumnField] = "0";
      } else {
        const amount = cellAmount(cell, unit);
        raw[field as ProjectColumnField] = unit && /^[\d.,]+$/.test(cellText(cell)) ? `${cellText(cell)} ${t(unitKey(unit))}` : cellText(cell);
        if (amount.ok) values[field as ProjectColumnField] = amount.yuan;
        else problem(field, t(`amount.${amount.reason}`));
      }
    }
    const parkColumn = column.get("park");
    const parkText = parkColumn ? cellText(cells[parkColumn.at] ?? null) : "";
    if (parkText !== "" && !ourPark.has(normalizeHeader(parkText))) problem("park", t("ledger.row.otherPark", { park: parkText, ours: state.park.name }));
    const read = readRowExtras(
      (field) => {
        const c = column.get(field);
        return c ? { value: cells[c.at] ?? null, header: c.header, planHeader: field in MILESTONE_DATE_FIELDS && isPlanHeader(c.header) } : undefined;
      },
      today,
      t,
    );
    for (const p of read.problems) problem(p.field, p.message);
    for (const n of read.notes) plan.notes.push({ row, column: column.get(n.field)!.header, message: n.message });

    // One row per project: by code, or by name and company when the row has no code.
    const key = values.code ? `code:${values.code}` : values.name && values.company ? `name:${nameKey(values.name, values.company)}` : null;
    if (key) {
      const first = firstRowOfKey.get(key);
      if (first === undefined) firstRowOfKey.set(key, row);
      else {
        const message = (r: number) => (values.code ? t("ledger.row.duplicateCode", { code: values.code, row: r }) : t("ledger.row.duplicateProject", { row: r }));
        const where = values.code ? "code" : "name";
        problem(where, message(first));
        if (!failed.has(first)) plan.problems.push({ row: first, column: column.get(where)!.header, message: message(row) });
        failed.add(first);
      }
    }
    parsed.push({ row, values: values as Partial<ProjectFields>, raw, extras: read.extras });
  }

  const label = (f: string) => t(fieldLabelKey(f as ProjectLedgerField));
  const newRows: typeof parsed = [];
  for (const entry of parsed) {
    const { row, values, raw, extras } = entry;
    if (failed.has(row)) continue;
    const current = values.code ? state.byCode.get(values.code) : byName.get(nameKey(values.name!, values.company!));
    if (!current) {
      newRows.push(entry);
      continue;
    }
    const { completedInvestment, ...editable } = values;
    const fields = Object.fromEntries(EDITABLE.map((f) => [f, f in editable ? editable[f as keyof typeof editable] : current[f]])) as unknown as EditableProjectFields;
    const changes = diffFields(current, fields, EDITABLE);
    if (completedInvestment !== undefined && Object.keys(diffFields(current, { completedInvestment }, ["completedInvestment"])).length) {
      plan.notes.push({ row, column: column.get("completedInvestment")!.header, message: t("ledger.row.completedKept") });
    }
    const owner = fields.responsibleUnit ?? fields.leaderInCharge ?? t("ledger.problemOwner");
    const write = mergeExtras(extras, current, owner, today);
    for (const w of write.warnings) plan.notes.push({ row, column: column.get("stage")?.header ?? "", message: stageWarningText(w, t) });
    const shown: [string, string, string][] = Object.entries(changes).map(([f, [old, next]]) => [label(f), shownValue(f, old, t), shownValue(f, next, t, raw[f as ProjectColumnField])]);
    shown.push(...extrasShown(write, current.openProblem?.description ?? null, t));
    if (shown.length) plan.updates.push({ row, id: current.id, version: current.version, fields, changes, extras: write, shown });
    else plan.counts.unchanged++;
  }

  const codeless = newRows.filter((r) => !r.values.code);
  const generated = state.complete ? nextCodes(codePrefix(state.park.slug), [...state.byCode.keys(), ...parsed.flatMap((p) => (p.values.code ? [p.values.code] : []))], codeless.length) : [];
  for (const { row, values, raw, extras } of newRows) {
    const code = values.code ?? generated.shift();
    if (!code) {
      plan.problems.push({ row, column: column.get("name")!.header, message: t("validation.required") });
      failed.add(row);
      continue;
    }
    const fields = { ...DEFAULTS, ...values, code } as ProjectFields;
    const write = mergeExtras(extras, { stage: "signed", milestones: [], openProblem: null }, fields.responsibleUnit ?? fields.leaderInCharge ?? t("ledger.problemOwner"), today);
    for (const w of write.warnings) plan.notes.push({ row, column: column.get("stage")?.header ?? "", message: stageWarningText(w, t) });
    if (!values.code) plan.notes.push({ row, column: column.get("code")?.header ?? column.get("name")!.header, message: t("ledger.row.codeGiven", { code }) });
    const shown: [string, string, string][] = PROJECT_COLUMN_FIELDS.filter((f) => fields[f] !== null && (f in values || f === "code")).map((f) => [label(f), "", shownValue(f, fields[f], t, raw[f])]);
    shown.push(...extrasShown(write, null, t));
    plan.creates.push({ row, fields, extras: write, shown });
  }
  sortProblems(plan.problems, sheet.headers);
  sortProblems(plan.notes, sheet.headers);
  plan.counts.new = plan.creates.length;
  plan.counts.updated = plan.updates.length;
  plan.counts.errorRows = failed.size;
  return plan;
}

function unitKey(unit: string) {
  return `ledger.unit.${unit === "" ? "yuan" : unit === "万" ? "wan" : unit === "亿" ? "yi" : "other"}` as const;
}

/** A value as the preview shows it: health in words, amounts as exact yuan without padding ("0.00" → "0"), and what the cell said when that differs. */
function shownValue(field: string, value: unknown, t: Translate, rawCell?: string): string {
  if (value === null || value === undefined) return "";
  if (field === "health") return t(`health.${value as ProjectHealth}`);
  const text = String(value);
  if (!(AMOUNT_FIELDS as readonly string[]).includes(field)) return text;
  const plain = text.includes(".") ? text.replace(/\.?0+$/, "") : text;
  return rawCell && rawCell !== plain ? t("ledger.converted", { yuan: plain, cell: rawCell }) : t("ledger.yuan", { yuan: plain });
}

function extrasShown(write: ExtrasWrite, oldProblem: string | null, t: Translate): [string, string, string][] {
  const out: [string, string, string][] = [];
  if (write.stage) out.push([t("ledger.col.stage"), t(`stage.${write.stage.from}`), t(`stage.${write.stage.to}`)]);
  const planWord = t("ledger.planWord");
  const dateText = (planned: string | null, actual: string | null, precision: "day" | "month") =>
    actual ? formatLedgerDate(actual, precision, false, planWord) : planned ? formatLedgerDate(planned, precision, true, planWord) : "";
  for (const m of write.milestones) {
    const old = m.existing ? dateText(m.existing.plannedDate, m.existing.actualDate, m.existing.datePrecision) : "";
    const field = (Object.entries(MILESTONE_DATE_FIELDS) as [MilestoneDateField, string][]).find(([, type]) => type === m.type)![0];
    out.push([t(fieldLabelKey(field)), old, dateText(m.plannedDate, m.actualDate, m.datePrecision)]);
  }
  if (write.problem) out.push([t("ledger.col.problem"), oldProblem ?? "", write.problem.description]);
  return out;
}

/**
 * What a preview promised: the file, the mapping and the state of the projects it matched (versions,
 * milestones, open problem, stage). The import recomputes it under lock and refuses when anything
 * moved in between.
 */
export function planToken(fileHash: string, mapping: LedgerMapping, state: ProjectLedgerState): string {
  const hash = createHash("sha256").update(fileHash).update("\n").update(`${state.park.id}\t${state.complete}\n`);
  hash.update(JSON.stringify(PROJECT_LEDGER_FIELDS.map((f) => mapping[f] ?? null))).update("\n");
  for (const code of [...state.byCode.keys()].sort()) {
    const p = state.byCode.get(code)!;
    hash.update(`${code}\t${p.version}\t${p.stage}\t${p.openProblem?.id ?? ""}\t${p.openProblem?.description ?? ""}\n`);
    for (const m of p.milestones) hash.update(`${m.id}\t${m.version}\n`);
  }
  return hash.digest("hex");
}

/** The plan as the preview lists it, in file order: each new or changed row's values after conversion. */
export function projectChanges(plan: ProjectImportPlan): ChangeView[] {
  return [
    ...plan.creates.map((c) => ({ row: c.row, code: c.fields.code, name: c.fields.name, isNew: true, fields: c.shown })),
    ...plan.updates.map((u) => ({ row: u.row, code: u.fields.code, name: u.fields.name, isNew: false, fields: u.shown })),
  ].sort((a, b) => a.row - b.row);
}
