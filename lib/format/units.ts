import type { Locale } from "@/lib/i18n/locale";

import { CAPACITY_PERIODS, CAPACITY_UNITS, type CapacityPeriod, type CapacityUnit } from "@/lib/domain/values";

export { CAPACITY_PERIODS, CAPACITY_UNITS };
export type { CapacityPeriod, CapacityUnit };

const UNIT_LABELS: Record<CapacityUnit, Record<Locale, string>> = {
  m2: { en: "m²", zh: "平方米" },
  t: { en: "t", zh: "吨" },
  unit: { en: "units", zh: "台(套)" },
  piece: { en: "pcs", zh: "件" },
  GWh: { en: "GWh", zh: "GWh" },
};

const PERIOD_LABELS: Record<CapacityPeriod, Record<Locale, string>> = {
  year: { en: "/yr", zh: "/年" },
  month: { en: "/mo", zh: "/月" },
  day: { en: "/day", zh: "/日" },
};

export function isCapacityUnit(x: unknown): x is CapacityUnit {
  return typeof x === "string" && (CAPACITY_UNITS as readonly string[]).includes(x);
}

export function isCapacityPeriod(x: unknown): x is CapacityPeriod {
  return typeof x === "string" && (CAPACITY_PERIODS as readonly string[]).includes(x);
}

export function unitLabel(unit: CapacityUnit, locale: Locale): string {
  return UNIT_LABELS[unit][locale];
}

export function periodLabel(period: CapacityPeriod, locale: Locale): string {
  return PERIOD_LABELS[period][locale];
}

export interface CapacityItem {
  value: string;
  unit: CapacityUnit;
  period: CapacityPeriod;
}

export interface CapacityTotal {
  unit: CapacityUnit;
  period: CapacityPeriod;
  total: string;
}

/** A decimal as an integer count of 10^-scale steps, so addition is exact. */
interface ScaledDecimal {
  digits: bigint;
  scale: number;
}

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

function parseDecimal(value: string): ScaledDecimal {
  const m = DECIMAL_RE.exec(value.trim());
  if (!m) throw new RangeError(`Not a decimal number: ${JSON.stringify(value)}`);
  const frac = m[3] ?? "";
  const digits = BigInt((m[2] ?? "0") + frac);
  return { digits: m[1] ? -digits : digits, scale: frac.length };
}

function rescale(d: ScaledDecimal, scale: number): bigint {
  return d.digits * 10n ** BigInt(scale - d.scale);
}

function addScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { digits: rescale(a, scale) + rescale(b, scale), scale };
}

function renderDecimal({ digits, scale }: ScaledDecimal): string {
  const neg = digits < 0n;
  const abs = (neg ? -digits : digits).toString().padStart(scale + 1, "0");
  const int = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale).replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return neg && body !== "0" ? `-${body}` : body;
}

/** Exact decimal addition on strings such as "0.1" and "-12.345". Throws on non-decimal input. */
export function addDecimal(a: string, b: string): string {
  return renderDecimal(addScaled(parseDecimal(a), parseDecimal(b)));
}

/**
 * Totals per (unit, period) pair, in order of first appearance. Capacities in
 * different units or periods are never added: "40万吨/年" + "5万平方米/年" is meaningless.
 * Throws RangeError on a value that is not a plain decimal, because silently
 * dropping it would understate the total.
 */
export function sumLikeUnits(items: readonly CapacityItem[]): CapacityTotal[] {
  const groups = new Map<string, { unit: CapacityUnit; period: CapacityPeriod; sum: ScaledDecimal }>();
  for (const item of items) {
    const key = `${item.unit}|${item.period}`;
    const value = parseDecimal(item.value);
    const group = groups.get(key);
    if (group) group.sum = addScaled(group.sum, value);
    else groups.set(key, { unit: item.unit, period: item.period, sum: value });
  }
  return [...groups.values()].map(({ unit, period, sum }) => ({ unit, period, total: renderDecimal(sum) }));
}
