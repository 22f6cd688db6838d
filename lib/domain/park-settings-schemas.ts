import { z } from "zod";
import { amount, digitsOnly, optionalAmount, uuid, version } from "./fields";
import { SLIP_BASELINES, TARGET_METRICS } from "./values";

/** The park the form names: the guard checks the admin role in it; every query is scoped to it. */
const inPark = { parkId: uuid() };
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const year = () =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : digitsOnly(v)),
    z.coerce.number("validation.required").int("target.yearRange").min(1949, "target.yearRange").max(2200, "target.yearRange"),
  );

/** Percent with up to two decimals, e.g. "11" or "-2.5"; empty → null. */
const growthPct = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim().replace(/%$/, "") : null))
  .refine((s) => s === null || (/^-?\d{1,4}(\.\d{1,2})?$/.test(s) && Number(s) > -100 && Number(s) <= 1000), "target.growthInvalid");

export const targetSchema = z
  .object({
    ...inPark,
    targetId: z.preprocess(emptyToUndefined, uuid().optional()),
    version: z.preprocess(emptyToUndefined, version().optional()),
    metric: z.enum(TARGET_METRICS, "validation.invalid"),
    value: amount(),
    year: year(),
    baseYear: year(),
    baseValue: optionalAmount(),
    statedGrowthPct: growthPct,
  })
  .superRefine((t, ctx) => {
    // zod still runs this after a year failed its range; compare only two valid years.
    const valid = (y: number) => Number.isInteger(y) && y >= 1949 && y <= 2200;
    if (valid(t.year) && valid(t.baseYear) && t.baseYear >= t.year) ctx.addIssue({ code: "custom", path: ["baseYear"], message: "target.baseYearOrder" });
  });


export const deleteTargetSchema = z.object({ ...inPark, targetId: uuid(), version: version() });

/** Percentage points behind pace, 0–100 with at most one decimal (the column is numeric(5,1)). */
const pp = () =>
  z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .regex(/^\d{1,3}(\.\d)?$/, "healthRule.ppInvalid")
    .transform(Number)
    .pipe(z.number().max(100, "healthRule.ppInvalid"));

export const healthRuleSchema = z
  .object({
    ...inPark,
    version: z.preprocess(emptyToUndefined, version().optional()),
    yellowBehindPp: pp(),
    redBehindPp: pp(),
    redMonthsNotStarted: z.preprocess(
      digitsOnly,
      z.coerce.number("validation.required").int("healthRule.monthsRange").min(1, "healthRule.monthsRange").max(36, "healthRule.monthsRange"),
    ),
    // Absent (an older form, the API) keeps the default: the current baseline.
    slipBaseline: z.preprocess(emptyToUndefined, z.enum(SLIP_BASELINES, "validation.invalid").default("current")),
  })
  .superRefine((r, ctx) => {
    if (Number.isFinite(r.yellowBehindPp) && Number.isFinite(r.redBehindPp) && r.yellowBehindPp >= r.redBehindPp) ctx.addIssue({ code: "custom", path: ["yellowBehindPp"], message: "healthRule.yellowBelowRed" });
  });

