/**
 * Dates as park ledgers write them: 2018-09-01, 2018/9/1, 2018.9.1, 2018年9月1日, 2018年9月 (a month:
 * kept as month precision), 20180901, an Excel serial or a workbook date. A cell may mark the date
 * as a plan (计划 2025年6月, 2025-06（预计）, planned 2025-06): plans become a milestone's planned
 * date, the rest its actual date — unless it lies in the future, which no actual date can.
 */

export type DatePrecision = "day" | "month";

export type LedgerDate =
  | { ok: true; date: string; precision: DatePrecision; plan: boolean }
  | { ok: false; reason: "format" | "impossible" };

/** Excel's day 0 (serial 1 is 1900-01-01; Excel's phantom 1900-02-29 shifts every later serial by one). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MIN_YEAR = 1949;
const MAX_YEAR = 2200;

const PLAN_MARK = /^(?:计划|预计|拟|plan(?:ned)?|expected|target)[:：]?|[(（]?(?:计划|预计|plan(?:ned)?|expected)[)）]?$/i;

const pad = (n: number) => String(n).padStart(2, "0");

function day(year: number, month: number, dayOfMonth: number): LedgerDate {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || dayOfMonth < 1) return { ok: false, reason: "impossible" };
  const d = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (d.getUTCMonth() !== month - 1) return { ok: false, reason: "impossible" };
  return { ok: true, date: `${year}-${pad(month)}-${pad(dayOfMonth)}`, precision: "day", plan: false };
}

function month(year: number, monthOfYear: number): LedgerDate {
  if (year < MIN_YEAR || year > MAX_YEAR || monthOfYear < 1 || monthOfYear > 12) return { ok: false, reason: "impossible" };
  return { ok: true, date: `${year}-${pad(monthOfYear)}-01`, precision: "month", plan: false };
}

function fromDate(d: Date): LedgerDate {
  if (Number.isNaN(d.getTime())) return { ok: false, reason: "format" };
  return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** An Excel serial (17,899 ≈ 1949 … 110,000 ≈ 2201) as the day it names. */
function fromSerial(n: number): LedgerDate {
  if (!Number.isFinite(n) || n < 17_899 || n >= 110_000) return { ok: false, reason: "format" };
  return fromDate(new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000));
}

/** One cell of a date column; null when it is empty. */
export function parseLedgerDate(cell: string | number | boolean | Date | null): LedgerDate | null {
  if (cell === null || cell === "") return null;
  if (cell instanceof Date) return fromDate(cell);
  if (typeof cell === "number") return fromSerial(cell);
  if (typeof cell === "boolean") return { ok: false, reason: "format" };
  let text = cell.normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return null;
  let plan = false;
  for (let i = 0; i < 2 && PLAN_MARK.test(text); i++) {
    text = text.replace(PLAN_MARK, "");
    plan = true;
  }
  const result = parseText(text);
  return result.ok ? { ...result, plan } : result;
}

function parseText(text: string): LedgerDate {
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(text);
  if (m) return m.length === 5 ? day(+m[1]!, +m[3]!, +m[4]!) : day(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月?)$/.exec(text);
  if (m) return month(+m[1]!, +(m[2] ?? m[3])!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return day(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) return month(+m[1]!, +m[2]!);
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return fromSerial(Number(text));
  // Digits and separators in a date's shape that name no real day (2018-13-01, 2019年2月30日).
  return /^\d{4}(?:[-/.年]\d{1,2}){1,2}[月日号]?$/.test(text) ? { ok: false, reason: "impossible" } : { ok: false, reason: "format" };
}

/** A date as the ledger export writes it: month precision as 2018-09, plans marked so they import back as plans. */
export function formatLedgerDate(date: string, precision: DatePrecision, plan: boolean, planWord: string): string {
  const text = precision === "month" ? date.slice(0, 7) : date;
  return plan ? `${planWord} ${text}` : text;
}
