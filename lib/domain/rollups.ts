/**
 * The park-level figures leaders read, as pure functions of exact inputs (decimal strings of yuan).
 * Definitions (also in README):
 * - MoM  = (this month − previous month) / previous month
 * - YoY  = (this month − same month last year) / same month last year
 * - YTD  = sum of January … this month; YTD growth = (YTD − same span last year) / same span last year
 * - completion rate = YTD completed / annual plan
 * - time elapsed (序时进度) = days of the year passed / days in the year
 * - pace = completion rate − time elapsed, in percentage points (positive: ahead)
 * A ratio whose base is zero or missing is null: "no comparison", never Infinity.
 */

export interface MonthValue {
  period: string; // YYYY-MM-01
  value: string; // decimal yuan
}

/** Exact yuan with fen (a decimal string) as a count of fen. */
export function toFen(value: string): bigint {
  const negative = value.startsWith("-");
  const [int = "0", frac = ""] = (negative ? value.slice(1) : value).split(".");
  const fen = BigInt(int || "0") * 100n + BigInt((frac + "00").slice(0, 2));
  return negative ? -fen : fen;
}

function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  const cents = abs % 100n;
  return `${sign}${abs / 100n}${cents ? `.${String(cents).padStart(2, "0").replace(/0$/, "")}` : ""}`;
}

export function periodOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

export function previousMonth(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

/** Growth ratio (a − b) / b, or null when b is zero. */
export function growth(current: bigint, base: bigint): number | null {
  if (base === 0n) return null;
  return Number(current - base) / Number(base);
}

export interface GrowthFigures {
  month: string; // decimal yuan of the month
  ytd: string;
  mom: number | null;
  yoy: number | null;
  ytdGrowth: number | null;
}

/** The growth figures of one month, from a park's (or region's) monthly totals. */
export function growthFor(monthly: readonly MonthValue[], year: number, month: number): GrowthFigures {
  const byPeriod = new Map(monthly.map((m) => [m.period, toFen(m.value)]));
  const at = (y: number, m: number) => byPeriod.get(periodOf(y, m)) ?? 0n;
  const ytdOf = (y: number) => {
    let sum = 0n;
    for (let m = 1; m <= month; m++) sum += at(y, m);
    return sum;
  };
  const [py, pm] = previousMonth(year, month);
  const ytd = ytdOf(year);
  return {
    month: fenToYuan(at(year, month)),
    ytd: fenToYuan(ytd),
    mom: growth(at(year, month), at(py, pm)),
    yoy: growth(at(year, month), at(year - 1, month)),
    ytdGrowth: growth(ytd, ytdOf(year - 1)),
  };
}

function isLeap(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Share of the year passed by the end of `today` (序时进度): 2026-07-02 → 183/365. */
export function timeElapsed(today: string): number {
  const year = Number(today.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const day = Math.round((Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000) + 1;
  return day / (isLeap(year) ? 366 : 365);
}

export interface Pace {
  completionRate: number | null; // YTD / annual plan
  timeElapsed: number;
  /** completion − time elapsed, in percentage points: positive is ahead of pace. */
  aheadPp: number | null;
}

export function paceAgainstPlan(ytdCompleted: string, annualPlan: string | null, today: string): Pace {
  const elapsed = timeElapsed(today);
  const plan = annualPlan ? toFen(annualPlan) : 0n;
  if (plan <= 0n) return { completionRate: null, timeElapsed: elapsed, aheadPp: null };
  const rate = Number(toFen(ytdCompleted)) / Number(plan);
  return { completionRate: rate, timeElapsed: elapsed, aheadPp: (rate - elapsed) * 100 };
}

export interface TargetProgress {
  requiredCagr: number | null; // from the latest actual to the target
  achievedCagr: number | null; // from the base to the latest actual
  projection: string | null; // the latest actual grown at the achieved rate to the target year
  onCourse: boolean | null;
}

/**
 * Compound annual growth against a target: what has been achieved since the base year, what is
 * still required, and where the achieved rate leads by the target year.
 */
export function targetProgress(t: { value: string; year: number; baseYear: number; baseValue: string | null }, latest: { year: number; value: string } | null): TargetProgress {
  if (!latest || toFen(latest.value) <= 0n) return { requiredCagr: null, achievedCagr: null, projection: null, onCourse: null };
  const current = Number(toFen(latest.value));
  const yearsLeft = t.year - latest.year;
  const requiredCagr = yearsLeft > 0 ? (Number(toFen(t.value)) / current) ** (1 / yearsLeft) - 1 : null;
  const base = t.baseValue ? Number(toFen(t.baseValue)) : 0;
  const yearsDone = latest.year - t.baseYear;
  const achievedCagr = base > 0 && yearsDone > 0 ? (current / base) ** (1 / yearsDone) - 1 : null;
  const projectionFen = achievedCagr !== null && yearsLeft >= 0 ? Math.round(current * (1 + achievedCagr) ** yearsLeft) : null;
  const projection = projectionFen === null ? null : fenToYuan(BigInt(projectionFen));
  return {
    requiredCagr,
    achievedCagr,
    projection,
    onCourse: projection === null ? null : toFen(projection) >= toFen(t.value),
  };
}

export function sumYuan(values: readonly (string | null | undefined)[]): string {
  return fenToYuan(values.reduce((sum, v) => sum + (v ? toFen(v) : 0n), 0n));
}
