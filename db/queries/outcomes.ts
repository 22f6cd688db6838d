import type { ChangeSince } from "./audit";

/** Warnings do not stop a save; they are shown after it (e.g. money in place above contracted). */
export type WarningCode = "inPlaceAboveContracted" | "contractedAbovePlanned" | "completedAbovePlanned";

export type WriteOutcome<T = { id: string }> =
  | { ok: true; value: T; warnings: WarningCode[] }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; changes: ChangeSince[] }
  | { ok: false; reason: "invalid"; field: string; messageKey: string };

/** Thrown inside a transaction to roll it back; turned into an "invalid" outcome by `runWrite`. */
export class WriteRefused extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(`${field}: ${messageKey}`);
  }
}

export class NotFound extends Error {}

export async function runWrite<T>(work: () => Promise<WriteOutcome<T>>): Promise<WriteOutcome<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WriteRefused) return { ok: false, reason: "invalid", field: error.field, messageKey: error.messageKey };
    if (error instanceof NotFound) return { ok: false, reason: "not_found" };
    if (isUniqueViolation(error)) return { ok: false, reason: "invalid", field: "code", messageKey: "project.duplicateCode" };
    throw error;
  }
}

/** postgres.js and PGlite both expose SQLSTATE as `code`; Drizzle may wrap it in `cause`. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Exact comparison of decimal strings with up to 2 decimals (yuan with fen). */
export function toFen(value: string): bigint {
  const [int = "0", frac = ""] = value.split(".");
  return BigInt(int) * 100n + BigInt((frac + "00").slice(0, 2)) * (value.startsWith("-") ? -1n : 1n);
}

export function investmentWarnings(i: { plannedInvestment: string; contractedInvestment: string; inPlaceInvestment: string; completedInvestment: string }): WarningCode[] {
  const planned = toFen(i.plannedInvestment);
  const contracted = toFen(i.contractedInvestment);
  const warnings: WarningCode[] = [];
  if (toFen(i.inPlaceInvestment) > contracted && contracted > 0n) warnings.push("inPlaceAboveContracted");
  if (contracted > planned && planned > 0n) warnings.push("contractedAbovePlanned");
  if (toFen(i.completedInvestment) > planned && planned > 0n) warnings.push("completedAbovePlanned");
  return warnings;
}
