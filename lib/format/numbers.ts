import type { Locale } from "@/lib/i18n/locale";
import { periodLabel, unitLabel, type CapacityPeriod, type CapacityUnit } from "@/lib/format/units";

/**
 * Display formatting for exact decimal strings. Scaling (亿, 万, M, bn) and
 * rounding are done on digit strings with BigInt, so amounts beyond 2^53 yuan
 * and values like "120000000.5" are never distorted by floating point.
 */

/** Magnitude as digit strings: `int` has no leading zeros ("0" for zero), `frac` no trailing zeros. */
interface Dec {
  neg: boolean;
  int: string;
  frac: string;
}

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

const GROUP_SEPARATOR: Record<Locale, string> = { en: ",", zh: "," };

function parseDec(value: string): Dec | null {
  const m = DECIMAL_RE.exec(value.trim());
  if (!m) return null;
  return normalize(m[1] === "-", m[2] ?? "0", m[3] ?? "");
}

function normalize(neg: boolean, int: string, frac: string): Dec {
  return { neg, int: int.replace(/^0+(?=\d)/, ""), frac: frac.replace(/0+$/, "") };
}

function isZero(d: Dec): boolean {
  return d.int === "0" && d.frac === "";
}

/** d / 10^exp, by moving the decimal point. */
function shift(d: Dec, exp: number): Dec {
  const int = d.int.padStart(exp + 1, "0");
  const cut = int.length - exp;
  return normalize(d.neg, int.slice(0, cut), int.slice(cut) + d.frac);
}

/** Rounds half away from zero to at most `digits` decimals. */
function round(d: Dec, digits: number): Dec {
  if (d.frac.length <= digits) return d;
  const kept = BigInt(d.int + d.frac.slice(0, digits));
  const roundUp = (d.frac[digits] ?? "0") >= "5";
  const s = (kept + (roundUp ? 1n : 0n)).toString().padStart(digits + 1, "0");
  return normalize(d.neg, s.slice(0, s.length - digits), s.slice(s.length - digits));
}

function render(d: Dec, locale: Locale, minFrac = 0, grouped = true): string {
  const int = grouped ? d.int.replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR[locale]) : d.int;
  const frac = d.frac.padEnd(minFrac, "0");
  return frac ? `${int}.${frac}` : int;
}

/**
 * One step of a magnitude ladder. `fracMode`: "trim" drops trailing zeros,
 * "fixed" always shows `digits` decimals, "cents" shows either none or all of them.
 * `ungrouped`: Chinese writes "4900万", not "4,900万"; commas belong to plain figures.
 */
interface Scale {
  exp: number;
  suffix: string;
  digits: number;
  fracMode: "trim" | "fixed" | "cents";
  ungrouped?: true;
}

const MONEY_SCALES: Record<Locale, readonly Scale[]> = {
  zh: [
    { exp: 8, suffix: "亿元", digits: 2, fracMode: "trim", ungrouped: true },
    { exp: 4, suffix: "万元", digits: 2, fracMode: "trim", ungrouped: true },
    { exp: 0, suffix: "元", digits: 2, fracMode: "cents" },
  ],
  en: [
    { exp: 9, suffix: " bn", digits: 1, fracMode: "fixed" },
    { exp: 6, suffix: " M", digits: 1, fracMode: "trim" },
    { exp: 0, suffix: "", digits: 2, fracMode: "cents" },
  ],
};

const QUANTITY_SCALES: Record<Locale, readonly Scale[]> = {
  zh: [
    { exp: 8, suffix: "亿", digits: 2, fracMode: "trim", ungrouped: true },
    { exp: 4, suffix: "万", digits: 2, fracMode: "trim", ungrouped: true },
    { exp: 0, suffix: "", digits: 2, fracMode: "trim" },
  ],
  en: [
    { exp: 9, suffix: " bn", digits: 2, fracMode: "trim" },
    { exp: 6, suffix: " M", digits: 2, fracMode: "trim" },
    { exp: 0, suffix: "", digits: 2, fracMode: "trim" },
  ],
};

/** Formats |d| on the largest scale it reaches; returns the sign separately. */
function scaled(d: Dec, scales: readonly Scale[], locale: Locale): { sign: string; text: string } {
  let i = scales.findIndex((s) => d.int.length > s.exp);
  if (i < 0) i = scales.length - 1;
  let scale = scales[i] as Scale;
  let value = round(shift(d, scale.exp), scale.digits);
  const bigger = scales[i - 1];
  // 99,999,999.99 rounds to "10000万"; show it as "1亿" instead.
  if (bigger && value.int.length > bigger.exp - scale.exp) {
    scale = bigger;
    value = round(shift(d, scale.exp), scale.digits);
  }
  const minFrac = scale.fracMode === "fixed" || (scale.fracMode === "cents" && value.frac) ? scale.digits : 0;
  const sign = d.neg && !isZero(value) ? "-" : "";
  return { sign, text: render(value, locale, minFrac, !scale.ungrouped) + scale.suffix };
}

/** "5000000000" → zh "50亿元", en "¥5.0 bn". Invalid input is returned unchanged. */
export function formatMoney(yuan: string, locale: Locale): string {
  const d = parseDec(yuan);
  if (!d) return yuan;
  const { sign, text } = scaled(d, MONEY_SCALES[locale], locale);
  return locale === "en" ? `${sign}¥${text}` : `${sign}${text}`;
}

/**
 * A planning figure (planned, contracted or in-place investment). Projects are created before these
 * are known and the column defaults to zero, so zero means "nobody entered it": it reads as `unset`
 * (the catalog's "not entered") rather than as ¥0. Completed investment is a measured total and uses
 * formatMoney.
 */
export function formatPlanningMoney(yuan: string, locale: Locale, unset: string): string {
  return isUnsetPlanning(yuan) ? unset : formatMoney(yuan, locale);
}

/** Whether a planning figure is zero, that is, not entered (see formatPlanningMoney). */
export function isUnsetPlanning(yuan: string): boolean {
  const d = parseDec(yuan);
  return d !== null && isZero(d);
}

/** "480000000", m2, year → zh "4.8亿平方米/年", en "480 M m²/yr". Invalid input is returned unchanged. */
export function formatQuantity(value: string, unit: CapacityUnit, period: CapacityPeriod, locale: Locale): string {
  const d = parseDec(value);
  if (!d) return value;
  const { sign, text } = scaled(d, QUANTITY_SCALES[locale], locale);
  const gap = locale === "en" ? " " : "";
  return `${sign}${text}${gap}${unitLabel(unit, locale)}${periodLabel(period, locale)}`;
}

/** Full precision with thousands grouping: "120000000.5" → "120,000,000.5". */
export function formatNumber(value: string, locale: Locale): string {
  const d = parseDec(value);
  if (!d) return value;
  return (d.neg && !isZero(d) ? "-" : "") + render(d, locale);
}

/** 0.154 → "15.4%". Non-finite ratios render as "—". */
export function formatPercent(ratio: number, locale: Locale, digits = 1): string {
  if (!Number.isFinite(ratio)) return "—";
  const places = Math.min(Math.max(Math.trunc(digits), 0), 20);
  const fixed = (ratio * 100).toFixed(places);
  const d = parseDec(fixed);
  // toFixed switches to exponent notation at 1e21; show that as-is rather than misparse it.
  if (!d) return `${fixed}%`;
  return `${d.neg && !isZero(d) ? "-" : ""}${render(d, locale, places)}%`;
}

/** A growth ratio with its sign ("+15.4%"), or "—" when there is nothing to compare with. */
export function formatGrowth(ratio: number | null, locale: Locale): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  return `${ratio > 0 ? "+" : ""}${formatPercent(ratio, locale)}`;
}
