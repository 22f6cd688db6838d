import { parseAmount, type AmountResult } from "@/lib/amount/parse-amount";
import { PROJECT_HEALTHS, type ProjectHealth } from "@/lib/domain/values";
import { en } from "@/lib/i18n/messages/en";
import { zh } from "@/lib/i18n/messages/zh";
import { restoreNeutralised } from "@/lib/format/csv";
import { normalizeHeader } from "./columns";

/** A cell as read from a file: CSV gives text; a workbook also numbers, booleans and dates. */
export type LedgerCell = string | number | boolean | Date | null;

/** Excel keeps 15 significant digits: float noise past them (1234.5600000000001) is not data. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : String(n);
}


/** The cell as trimmed text ("" when empty); dates as YYYY-MM-DD. */
export function cellText(cell: LedgerCell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  // Our exports put an apostrophe before formula-like text (CSV injection); reading it back removes it.
  return restoreNeutralised(cell).trim();
}

/**
 * An amount in yuan through parseAmount. A plain number in a column whose header names a unit
 * (计划总投资（万元）) is read in that unit; a cell with its own unit (3亿) keeps its own.
 */
export function cellAmount(cell: LedgerCell, headerUnit: string | null): AmountResult {
  const text = cellText(cell);
  if (headerUnit && /^[\d.,]+$/.test(text)) return parseAmount(`${text}${headerUnit}`);
  return parseAmount(text);
}

const HEALTH_WORDS: Map<string, ProjectHealth> = (() => {
  const extra: Record<ProjectHealth, string[]> = {
    on_track: ["on_track", "ontrack", "green", "绿", "绿色", "正常推进", "良好"],
    at_risk: ["at_risk", "atrisk", "yellow", "黄", "黄色", "风险", "预警"],
    off_track: ["off_track", "offtrack", "red", "红", "红色", "严重滞后", "落后"],
  };
  const map = new Map<string, ProjectHealth>();
  for (const health of PROJECT_HEALTHS) {
    for (const word of [en[`health.${health}`], zh[`health.${health}`], ...extra[health]]) map.set(normalizeHeader(word), health);
  }
  return map;
})();

/** Reported health from its label in either language (正常 / On track …) or a traffic-light colour. */
export function cellHealth(cell: LedgerCell): ProjectHealth | null {
  return HEALTH_WORDS.get(normalizeHeader(cellText(cell))) ?? null;
}

/** Excel's day 0 (serial 1 is 1900-01-01; Excel's phantom 1900-02-29 shifts every later serial by one). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function monthOf(year: number, month: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1949 || year > 2200) return null;
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

/**
 * The month a cell names, as the first day (YYYY-MM-01), or null. A workbook gives a date, or an
 * Excel serial when the cell is not formatted as one (45717 = 2025-03-01); text may read 2025-03,
 * 2025/3/15, 2025.3, 2025年3月 or 202503.
 */
export function cellMonth(cell: LedgerCell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : monthOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1);
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 194_901 && cell <= 220_012) return monthOf(Math.floor(cell / 100), cell % 100);
    if (cell >= 17_899 && cell < 110_000) {
      const date = new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000);
      return monthOf(date.getUTCFullYear(), date.getUTCMonth() + 1);
    }
    return null;
  }
  const text = cellText(cell).normalize("NFKC").replace(/\s+/g, "");
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:月)?(?:(?:[-/.])(\d{1,2})|(\d{1,2})日)?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (!m) return null;
  const month = monthOf(Number(m[1]), Number(m[2]));
  const day = m[3] ?? m[4];
  if (!month || !day) return month;
  const date = new Date(`${month.slice(0, 8)}${day.padStart(2, "0")}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCDate() === Number(day) ? month : null;
}
