import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { parkHealthRules, targets, type TargetMetric } from "../schema";
import type { Db } from "../types";
import { diffFields, listChangesSince, recordAudit } from "./audit";
import { runWrite, uniqueViolation, type WriteOutcome } from "./outcomes";
import { Refusal } from "@/lib/refusal";
import type { Actor } from "./project-writes";
import type { SlipBaseline } from "@/lib/domain/values";

export interface TargetFields {
  metric: TargetMetric;
  value: string;
  year: number;
  baseYear: number;
  baseValue: string | null;
  statedGrowthPct: string | null;
}

const TARGET_FIELDS = ["metric", "value", "year", "baseYear", "baseValue", "statedGrowthPct"] as const;
const RULE_FIELDS = ["yellowBehindPp", "redBehindPp", "redMonthsNotStarted", "slipBaseline"] as const;

/** A second target for the same metric and year is a field error, also when two admins race. */
function duplicateTarget(error: unknown): WriteOutcome | null {
  return uniqueViolation(error) === "targets_park_id_metric_year_uq" ? { ok: false, reason: "invalid", field: "year", messageKey: "target.duplicate" } : null;
}

/** Creates a target, or updates one of the actor's park if it is still at the version the admin read. */
export async function saveTarget(db: Db, actor: Actor, input: TargetFields & { targetId?: string; version?: number }): Promise<WriteOutcome> {
  const fields: TargetFields = {
    metric: input.metric, value: input.value, year: input.year, baseYear: input.baseYear, baseValue: input.baseValue, statedGrowthPct: input.statedGrowthPct,
  };
  const audit = { parkId: actor.parkId, actorId: actor.actorId, entity: "target", projectId: null };
  try {
    return await runWrite(() =>
      db.transaction(async (tx): Promise<WriteOutcome> => {
        if (!input.targetId) {
          const [row] = await tx.insert(targets).values({ ...fields, parkId: actor.parkId }).returning();
          await recordAudit(tx, { ...audit, entityId: row!.id, action: "create", changes: diffFields(null, row!, TARGET_FIELDS), entityVersion: row!.version });
          return { ok: true, value: { id: row!.id }, warnings: [] };
        }
        if (input.version === undefined) throw Refusal.invalidField("version", "validation.invalid");
        const where = and(eq(targets.id, input.targetId), eq(targets.parkId, actor.parkId));
        const [current] = await tx.select().from(targets).where(where).for("update");
        if (!current) throw Refusal.notFound();
        if (current.version !== input.version) {
          return { ok: false, reason: "conflict", changes: await listChangesSince(tx, { parkId: actor.parkId, entityId: current.id, sinceVersion: input.version }) };
        }
        const changes = diffFields(current, fields, TARGET_FIELDS);
        if (Object.keys(changes).length === 0) return { ok: true, value: { id: current.id }, warnings: [] };
        const [updated] = await tx
          .update(targets)
          .set({ ...fields, version: sql`${targets.version} + 1` })
          .where(and(where, eq(targets.version, input.version)))
          .returning({ version: targets.version });
        await recordAudit(tx, { ...audit, entityId: current.id, action: "update", changes, entityVersion: updated!.version });
        return { ok: true, value: { id: current.id }, warnings: [] };
      }),
    );
  } catch (error) {
    const outcome = duplicateTarget(error);
    if (outcome) return outcome;
    throw error;
  }
}

export function deleteTarget(db: Db, actor: Actor, input: { targetId: string; version: number }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx): Promise<WriteOutcome> => {
      const where = and(eq(targets.id, input.targetId), eq(targets.parkId, actor.parkId));
      const [current] = await tx.select().from(targets).where(where).for("update");
      if (!current) throw Refusal.notFound();
      if (current.version !== input.version) {
        return { ok: false, reason: "conflict", changes: await listChangesSince(tx, { parkId: actor.parkId, entityId: current.id, sinceVersion: input.version }) };
      }
      await tx.delete(targets).where(where);
      await recordAudit(tx, {
        parkId: actor.parkId, actorId: actor.actorId, entity: "target", entityId: current.id, projectId: null,
        action: "delete", changes: diffFields(current, {}, TARGET_FIELDS), entityVersion: current.version + 1,
      });
      return { ok: true, value: { id: current.id }, warnings: [] };
    }),
  );
}

export interface HealthRuleFields {
  yellowBehindPp: number;
  redBehindPp: number;
  redMonthsNotStarted: number;
  slipBaseline: SlipBaseline;
}

/**
 * Creates or updates the park's rule (one row per park, audited under the park's id). An update
 * must name the version read; a rule created by someone else meanwhile is a conflict too.
 */
export async function saveHealthRule(db: Db, actor: Actor, input: HealthRuleFields & { version?: number }): Promise<WriteOutcome> {
  const fields = {
    yellowBehindPp: String(input.yellowBehindPp), redBehindPp: String(input.redBehindPp), redMonthsNotStarted: input.redMonthsNotStarted, slipBaseline: input.slipBaseline,
  };
  const audit = { parkId: actor.parkId, actorId: actor.actorId, entity: "health_rule", entityId: actor.parkId, projectId: null };
  const conflict = async (sinceVersion: number): Promise<WriteOutcome> => ({
    ok: false, reason: "conflict", changes: await listChangesSince(db, { parkId: actor.parkId, entityId: actor.parkId, sinceVersion }),
  });
  try {
    return await runWrite(() =>
      db.transaction(async (tx): Promise<WriteOutcome> => {
        const [current] = await tx.select().from(parkHealthRules).where(eq(parkHealthRules.parkId, actor.parkId)).for("update");
        if (!current) {
          const [row] = await tx.insert(parkHealthRules).values({ ...fields, parkId: actor.parkId }).returning();
          await recordAudit(tx, { ...audit, action: "create", changes: diffFields(null, row!, RULE_FIELDS), entityVersion: row!.version });
          return { ok: true, value: { id: actor.parkId }, warnings: [] };
        }
        if (input.version === undefined || current.version !== input.version) {
          return { ok: false, reason: "conflict", changes: await listChangesSince(tx, { parkId: actor.parkId, entityId: actor.parkId, sinceVersion: input.version ?? 0 }) };
        }
        const changes = diffFields(current, fields, RULE_FIELDS);
        if (Object.keys(changes).length === 0) return { ok: true, value: { id: actor.parkId }, warnings: [] };
        const [updated] = await tx
          .update(parkHealthRules)
          .set({ ...fields, version: sql`${parkHealthRules.version} + 1` })
          .where(and(eq(parkHealthRules.parkId, actor.parkId), eq(parkHealthRules.version, input.version)))
          .returning({ version: parkHealthRules.version });
        await recordAudit(tx, { ...audit, action: "update", changes, entityVersion: updated!.version });
        return { ok: true, value: { id: actor.parkId }, warnings: [] };
      }),
    );
  } catch (error) {
    // Two first saves at once: the second insert hits the primary key; show it what the first wrote.
    if (uniqueViolation(error) === "park_health_rules_pkey") return conflict(0);
    throw error;
  }
}
