/**
 * CSV for spreadsheets. A cell that starts like a formula (= + - @, tab, CR, also after leading spaces
 * or quotes) gets a leading apostrophe, so Excel or WPS shows it as text instead of running it (CSV
 * injection). Inside a cell, so does a formula after a `;`, tab or line break: a spreadsheet set to
 * another list separator splits our lines there, and a quote that does not open a field is not a quote.
 */
export type CsvCell = string | number | null | undefined;

/** Formula starts, the full-width forms (Chinese input methods type them) included. */
const TRIGGER = "=+\\-@\uFF1D\uFF0B\uFF0D\uFF20";
/** Blanks and quotes a reader may skip before it looks at a field's first character. */
const SKIPPED = "\\s\u3000\"";
const FORMULA_START = new RegExp(`^[\\t\\r]|^[${SKIPPED}]*[${TRIGGER}]`);
/**
 * A field another reader could start inside a cell: after `;` (the list separator where the decimal
 * comma is used), tab or a line break. Not after `,`: a cell holding one is quoted, and a comma reader
 * honours that quote since it opens the field; a reader with any other separator sees the comma as text.
 */
const INNER_FORMULA = new RegExp(`([;\\t\\r\\n][${SKIPPED}]*)(?=[${TRIGGER}])`, "g");

/** Text that a spreadsheet could take for a formula, with an apostrophe in front (also used for .xlsx). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text before neutralising: the apostrophes `neutralise` and `csvCell` add, taken out (the ledger import reads our exports). */
export function restoreNeutralised(text: string): string {
  return text.replace(RESTORE_START, "").replace(RESTORE_INNER, "$1");
}
const RESTORE_START = new RegExp(`^'(?=[\\t\\r]|[${SKIPPED}]*[${TRIGGER}])`);
const RESTORE_INNER = new RegExp(`([;\\t\\r\\n][${SKIPPED}]*)'(?=[${TRIGGER}])`, "g");

/** One cell: neutralised (at its start and after any inner field break), then quoted when it holds a separator, quote or line break. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = neutralise(String(value)).replace(INNER_FORMULA, "$1'");
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file: a UTF-8 byte order mark (so Excel reads Chinese), a header row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
