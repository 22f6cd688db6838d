import { parseAmount, type AmountResult } from "../amount/parse-amount";
import { PROJECT_HEALTHS, type ProjectHealth } from "../domain/values";
import { en } from "../i18n/messages/en";
import { zh } from "../i18n/messages/zh";
import { normalizeHeader } from "./columns";

/** A cell as read from a file: CSV gives text; a workbook also numbers, booleans and dates. */
export type LedgerCell = string | number | boolean | Date | null;

/** Excel keeps 15 significant digits: float noise past them (1234.5600000000001) is not data. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : String(n);
}

/** Our exports prefix formula-like text with an apostrophe (CSV injection); reading it back removes it. */
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

/** The cell as trimmed text ("" when empty); dates as YYYY-MM-DD. */
export function cellText(cell: LedgerCell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return cell.replace(NEUTRALISED, "").trim();
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
