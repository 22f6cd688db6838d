import "server-only";
import type { z } from "zod";
import { isMessageKey } from "@/lib/domain/fields";
import type { Translate } from "@/lib/i18n/translate";
import { cellText } from "./cells";
import { detectMapping, findHeaderIndex, isRowNumberHeader, LEDGER_SPECS, normalizeHeader, splitHeaderUnit, type LedgerField, type LedgerKind, type LedgerMapping } from "./columns";
import { LEDGER_LIMITS, type LedgerRow } from "./read-file";

/** What every ledger check starts from: the header row found, the mapping chosen, the data rows. */

export interface PreparedSheet {
  kind: LedgerKind;
  headers: string[];
  mapping: LedgerMapping;
  mappingSource: "chosen" | "remembered" | "detected";
  rows: LedgerRow[];
  missing: LedgerField[];
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

type Refusal = { ok: false; messageKey: "ledger.file.noRows" | "ledger.file.tooManyRows"; params?: Record<string, number> };

/** Finds the header row and the mapping (the user's choice, else remembered, else recognised headers). */
export function prepareSheet(
  kind: LedgerKind,
  rows: LedgerRow[],
  chosen: LedgerMapping | null,
  remembered: LedgerMapping | null,
): { ok: true; sheet: PreparedSheet } | Refusal {
  const headerIndex = findHeaderIndex(rows.slice(0, 10).map((r) => r.cells.map(cellText)), kind);
  const headers = (rows[headerIndex]?.cells ?? []).map(cellText);
  const data = rows.slice(headerIndex + 1);
  if (data.length === 0) return { ok: false, messageKey: "ledger.file.noRows" };
  if (data.length > LEDGER_LIMITS.maxRows) return { ok: false, messageKey: "ledger.file.tooManyRows", params: { rows: LEDGER_LIMITS.maxRows } };
  let mapping: LedgerMapping;
  let mappingSource: PreparedSheet["mappingSource"];
  if (chosen) {
    const fields = new Set<string>(LEDGER_SPECS[kind].fields);
    mapping = Object.fromEntries(Object.entries(chosen).filter(([field, header]) => fields.has(field) && header && headers.includes(header) && !(field === "code" && isRowNumberHeader(header))));
    mappingSource = "chosen";
  } else {
    const detected = detectMapping(headers.filter(Boolean), remembered, kind);
    mapping = detected.mapping;
    mappingSource = detected.remembered ? "remembered" : "detected";
  }
  const missing = LEDGER_SPECS[kind].required.filter((f) => !mapping[f]);
  return { ok: true, sheet: { kind, headers, mapping, mappingSource, rows: data, missing } };
}

/** The codes the file names, to read the matching projects. */
export function codesOf(sheet: PreparedSheet): string[] {
  const at = sheet.headers.indexOf(sheet.mapping.code ?? "");
  if (at < 0) return [];
  return [...new Set(sheet.rows.map((r) => cellText(r.cells[at] ?? null)).filter(Boolean))];
}

/** Where each mapped field sits in the rows, its header, and the unit the header names. */
export function columnsOf(sheet: PreparedSheet): Map<LedgerField, { at: number; header: string; unit: string | null }> {
  const columns = new Map<LedgerField, { at: number; header: string; unit: string | null }>();
  for (const field of LEDGER_SPECS[sheet.kind].fields) {
    const header = sheet.mapping[field];
    const at = header ? sheet.headers.indexOf(header) : -1;
    if (header && at >= 0) columns.set(field, { at, header, unit: splitHeaderUnit(normalizeHeader(header)).unit });
  }
  return columns;
}

/** The first zod issue as a message in the user's language (zod messages are catalog keys). */
export function issueMessage(error: z.ZodError, t: Translate): string {
  const issue = error.issues[0]!;
  const key = isMessageKey(issue.message) ? issue.message : "validation.invalid";
  return t(key, issue.code === "too_big" && "maximum" in issue ? { max: Number(issue.maximum) } : undefined);
}

/** As the file reads: by row, then left to right. */
export function sortProblems(problems: RowProblem[], headers: readonly string[]): RowProblem[] {
  return problems.sort((a, b) => a.row - b.row || headers.indexOf(a.column) - headers.indexOf(b.column));
}
