import { toFen } from "@/lib/domain/rollups";
import { Refusal } from "@/lib/refusal";
import type { ChangeSince } from "./audit";

/** Warnings do not stop a save; they are shown after it (e.g. money in place above contracted). */
export type WarningCode = "inPlaceAboveContracted" | "contractedAbovePlanned" | "completedAbovePlanned";

export type WriteOutcome<T = { id: string }> =
  | { ok: true; value: T; warnings: WarningCode[] }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; changes: ChangeSince[] }
  | { ok: false; reason: "invalid"; field: string; messageKey: string };

/**
 * Runs a write whose refusals are thrown (a Refusal, app-wide: `Refusal.notFound()`, or
 * `Refusal.invalidField(…)` inside a transaction, which rolls it back) and answers them as outcomes.
 */
export async function runWrite<T>(work: () => Promise<WriteOutcome<T>>): Promise<WriteOutcome<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal && error.status === 404) return { ok: false, reason: "not_found" };
    const field = error instanceof Refusal && error.status === 422 ? error.fields[0] : undefined;
    if (field) return { ok: false, reason: "invalid", field: field.field, messageKey: field.messageKey };
    const constraint = uniqueViolation(error);
    if (constraint && UNIQUE_MESSAGES[constraint]) return { ok: false, reason: "invalid", ...UNIQUE_MESSAGES[constraint] };
    throw error;
  }
}

/** Unique constraints a user can run into, and the field and message that explain them. */
const UNIQUE_MESSAGES: Record<string, { field: string; messageKey: string }> = {
  projects_park_id_code_uq: { field: "code", messageKey: "project.duplicateCode" },
  progress_entries_supersedes_id_uq: { field: "supersedesId", messageKey: "progress.alreadyCorrected" },
  parks_slug_unique: { field: "slug", messageKey: "admin.park.slugTaken" },
  regions_parent_id_name_uq: { field: "name", messageKey: "admin.region.nameTaken" },
  region_memberships_user_id_region_id_pk: { field: "email", messageKey: "admin.regionRole.already" },
};

/**
 * The constraint name of a unique violation, or null. postgres.js and PGlite both expose SQLSTATE as
 * `code` (and the constraint as `constraint_name` / `constraint`); Drizzle may wrap them in `cause`.
 */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const err = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (err.code === "23505") return String(err.constraint_name ?? err.constraint ?? "");
  }
  return null;
}


export { toFen };

export function investmentWarnings(i: { plannedInvestment: string; contractedInvestment: string; inPlaceInvestment: string; completedInvestment: string }): WarningCode[] {
  const planned = toFen(i.plannedInvestment);
  const contracted = toFen(i.contractedInvestment);
  const warnings: WarningCode[] = [];
  if (toFen(i.inPlaceInvestment) > contracted && contracted > 0n) warnings.push("inPlaceAboveContracted");
  if (contracted > planned && planned > 0n) warnings.push("contractedAbovePlanned");
  if (toFen(i.completedInvestment) > planned && planned > 0n) warnings.push("completedAbovePlanned");
  return warnings;
}
