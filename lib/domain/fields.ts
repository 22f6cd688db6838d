import { z } from "zod";
import { parseAmount } from "../amount/parse-amount";
import { en } from "../i18n/messages/en";

/**
 * Field builders shared by the server actions and the forms, so both apply the same rules.
 * Issue messages are message-catalog keys; the guard translates them into the user's language.
 */
export const requiredText = (max = 200) =>
  z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .max(max, "validation.tooLong")
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "validation.invalid")
    // Zero-width and other format characters survive trim(): a name made only of them looks empty.
    .refine((s) => s.replace(/[\p{Cf}\p{Z}\s]/gu, "").length > 0, "validation.required");

/**
 * A checkbox: absent or empty is false, "on" (what browsers send), "true" or "1" is true, "false" or
 * "0" is false. Anything else is refused rather than read as false, so a tampered form is visible.
 */
export const checkbox = () =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === "" || v === "false" || v === "0") return false;
    if (v === "on" || v === "true" || v === "1") return true;
    return v;
  }, z.boolean("validation.invalid"));

/** A checkbox read from a form by name, for schemas fed by a `fromForm` mapping. */
export const checkboxValue = (formData: FormData, name: string): unknown => formData.get(name) ?? undefined;

/** Empty input becomes null. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "validation.invalid")
    .optional()
    .transform((s) => (s ? s : null));

// Descriptions surface in the API's OpenAPI document, which is generated from these schemas.
const AMOUNT_DOC = "Yuan as a string: a decimal (\"5000000000\", \"1234.56\") or as people write it (\"50亿\", \"5 bn\", \"500000万元\"); never a JSON number.";

/** What people type (50亿, 5 bn, 500000万元…) → exact decimal yuan; refusals carry their reason. */
export const amount = () =>
  z.string("amount.empty").describe(AMOUNT_DOC).transform((raw, ctx) => {
    const parsed = parseAmount(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `amount.${parsed.reason}` });
      return z.NEVER;
    }
    return parsed.yuan;
  });

/** An amount that may be left empty (then null). */
export const optionalAmount = () =>
  z
    .string()
    .describe(`${AMOUNT_DOC} Empty for none.`)
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return null;
      const parsed = parseAmount(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `amount.${parsed.reason}` });
        return z.NEVER;
      }
      return parsed.yuan;
    });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date between 1949 and 2200 (2026-02-30 is refused). */
export const isoDate = () =>
  z
    .string("validation.required")
    .meta({ format: "date" })
    .regex(ISO_DATE, "validation.date")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "1949-01-01" && s <= "2200-12-31";
    }, "validation.date");

export const optionalIsoDate = () =>
  z
    .string()
    .meta({ format: "date", description: "A date, YYYY-MM-DD; empty for none." })
    .optional()
    .transform((s) => (s && s.trim() ? s.trim() : null))
    .pipe(isoDate().nullable());

/** A month as YYYY-MM (from <input type="month">) → the first day of that month. */
export const month = () =>
  z
    .string("validation.required")
    .regex(/^\d{4}-\d{2}$/, "validation.month")
    .transform((s) => `${s}-01`)
    .pipe(isoDate());

/** A non-negative exact quantity (capacity): digits with at most four decimals. */
export const quantity = () =>
  z
    .string("validation.required")
    .describe("A quantity ≥ 0 as a decimal string with at most four decimals, e.g. \"120000000\" or \"2.5\".")
    .trim()
    .transform((s) => s.replace(/[,，\s]/g, ""))
    .pipe(
      z
        .string()
        .min(1, "validation.required")
        .regex(/^\d{1,16}(\.\d{1,4})?$/, "validation.quantity"),
    );

/**
 * Search text as typed into a filter: trimmed, at most `max` characters, no control characters (a NUL
 * would reach PostgreSQL, whose text cannot hold one, as a 500).
 */
export const searchText = (max = 100) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "validation.invalid");

export const uuid = () => z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "validation.invalid");

/** Typed whole numbers must be plain digits: Number() alone takes "0x10", "1e1" and "1.0000000000000000001" (= 1). */
export const digitsOnly = (v: unknown) => (typeof v === "string" && !/^\s*\d+\s*$/.test(v) ? Number.NaN : v);

export const version = () =>
  z.preprocess(digitsOnly, z.coerce.number("validation.invalid").int("validation.invalid").min(1, "validation.invalid").max(2_000_000_000, "validation.invalid"));

/** True when the text is a key of the message catalogs (zod messages are keys). */
export function isMessageKey(text: string): text is keyof typeof en {
  return Object.prototype.hasOwnProperty.call(en, text);
}
