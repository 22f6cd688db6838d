import type { LedgerField, LedgerMapping } from "./columns";

/** What the import endpoint answers (as JSON, or as the last line of its progress stream). Shared with the page. */

export interface RowProblemView {
  row: number;
  column: string;
  message: string;
}

export interface ChangeView {
  row: number;
  code: string;
  name: string;
  isNew: boolean;
  /** Values after conversion: label, old value ("" for a new project), new value. */
  fields: [string, string, string][];
}

export interface ImportBody {
  /** Preview: the file can be imported as it is. Commit: it was. */
  ok: boolean;
  /** Why the file as a whole cannot be imported, in the user's language. */
  error?: string;
  headers?: string[];
  mapping?: LedgerMapping;
  mappingSource?: "chosen" | "remembered" | "detected";
  missing?: LedgerField[];
  /** Every column of the file in order: what it is read as, or that it is ignored (a row number, an unknown header). */
  columns?: { header: string; readAs: string; ignored: boolean }[];
  counts?: { rows: number; new: number; updated: number; unchanged: number; errorRows: number };
  problems?: RowProblemView[];
  notes?: RowProblemView[];
  changes?: ChangeView[];
  moreChanges?: number;
  /** Names the checked state; the import must send it back. */
  token?: string;
  imported?: { created: number; updated: number };
}

export type ImportEvent =
  | { type: "progress"; phase: "read" | "check" | "write"; done?: number; total?: number }
  | { type: "result"; status: number; body: ImportBody };
