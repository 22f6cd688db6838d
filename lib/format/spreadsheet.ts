import "server-only";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { neutralise, toCsv, type CsvCell } from "./csv";

/**
 * Tables as downloads: .xlsx, or CSV in UTF-8 with a byte order mark (the default) or GB18030 (for
 * older Excel on Chinese Windows). Formula-like text is neutralised in both formats.
 */

export interface SheetTable {
  /** Worksheet name (.xlsx only). */
  name: string;
  header: string[];
  rows: CsvCell[][];
  /** Columns that are text even when they look like numbers (codes such as 0012). */
  textColumns?: number[];
}

export const DOWNLOAD_FORMATS = ["csv", "xlsx"] as const;
export const CSV_ENCODINGS = ["utf-8", "gb18030"] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string as a spreadsheet number, only when the number holds it exactly as written
 * (at most 15 significant digits, no leading zeros): otherwise null, and it stays text.
 */
export function exactNumber(text: string): number | null {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return null;
  const [, sign, int = "", frac = ""] = m;
  if (int.length > 1 && int.startsWith("0")) return null;
  const fraction = frac.replace(/0+$/, "");
  if ((int.replace(/^0+/, "") + fraction).replace(/^0+/, "").length > 15) return null;
  const value = Number(text);
  const canonical = `${sign}${int}${fraction ? `.${fraction}` : ""}`;
  if (value === 0) return 0;
  return String(value) === canonical ? value : null;
}

function xlsxCell(value: CsvCell, asText: boolean): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (!asText) {
    const n = exactNumber(value);
    if (n !== null) return n;
  }
  return neutralise(value);
}

export async function toXlsx(tables: readonly SheetTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(table.name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1", { views: [{ state: "frozen", ySplit: 1 }] });
    const text = new Set(table.textColumns ?? []);
    sheet.addRow(table.header.map((h) => neutralise(h))).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v, i) => xlsxCell(v, text.has(i))));
    sheet.columns.forEach((column, i) => {
      const widest = Math.max(...[table.header[i], ...table.rows.slice(0, 200).map((r) => r[i])].map((v) => String(v ?? "").length));
      column.width = Math.min(60, Math.max(10, widest * 1.6));
      if (text.has(i)) column.numFmt = "@";
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function toCsvBytes(table: SheetTable, encoding: CsvEncoding): Uint8Array {
  const text = toCsv(table.header, table.rows);
  // GB18030 files carry no byte order mark: Excel on Chinese Windows reads them as the system code page.
  return encoding === "gb18030" ? new Uint8Array(iconv.encode(text.slice(1), "gb18030")) : new TextEncoder().encode(text);
}

/** The table(s) as an attachment; the first table is the CSV. `baseName` is ASCII without an extension. */
export async function spreadsheetResponse(tables: readonly SheetTable[], options: { format: DownloadFormat; encoding: CsvEncoding; baseName: string }) {
  const xlsx = options.format === "xlsx";
  const body = xlsx ? await toXlsx(tables) : toCsvBytes(tables[0]!, options.encoding);
  const type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : `text/csv; charset=${options.encoding}`;
  return new Response(body as BodyInit, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${options.baseName}.${options.format}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
