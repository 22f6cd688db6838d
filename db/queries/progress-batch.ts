import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { progressEntries, projects } from "../schema";
import type { Executor } from "../types";
import { diffFields, recordAudits, type AuditInput } from "./audit";
import { toFen } from "./outcomes";
import { Refusal } from "@/lib/refusal";
import { fenToYuan, negate, type ProgressEntryInput } from "./progress-writes";
import type { Actor } from "./project-writes";
import { addToMonthlyStats } from "./rollup-maintenance";

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []));

/**
 * logProgress for many entries at once, inside a caller's transaction (a progress ledger import):
 * the same rules and the same rows — entries, corrections that supersede, audit events, the park's
 * monthly sums and each project's completed investment — but each summary row is written once per
 * call rather than once per entry. (Per entry, 5,000 entries for one month took 26–41 s: one
 * transaction updating the same park_monthly_stats row 5,000 times.) Entries here reach no
 * milestone, report no capacity and raise no problem, so the stage cannot move. Returns the ids.
 */
export async function logProgressEntriesIn(tx: Executor, actor: Actor, list: readonly ProgressEntryInput[], today: string): Promise<string[]> {
  if (list.length === 0) return [];
  for (const e of list) {
    if (Object.keys(e.reached).length || Object.keys(e.online).length || e.problemDescription) throw new Error("logProgressEntriesIn: milestones, capacity and problems go through logProgress");
    if (e.period > today) throw Refusal.invalidField("period", "progress.futurePeriod");
  }
  const projectIds = [...new Set(list.map((e) => e.projectId))].sort();
  const locked = await tx.select().from(projects).where(and(eq(projects.parkId, actor.parkId), inArray(projects.id, projectIds))).orderBy(projects.id).for("update");
  if (locked.length !== projectIds.length) throw Refusal.notFound();

  const supersededIds = list.flatMap((e) => (e.supersedesId ? [e.supersedesId] : []));
  const replaced = new Map<string, typeof progressEntries.$inferSelect>();
  if (supersededIds.length) {
    for (const old of await tx.select().from(progressEntries).where(and(eq(progressEntries.parkId, actor.parkId), inArray(progressEntries.id, supersededIds)))) replaced.set(old.id, old);
    const already = await tx.select({ id: progressEntries.id }).from(progressEntries).where(inArray(progressEntries.supersedesId, supersededIds));
    if (already.length || new Set(supersededIds).size !== supersededIds.length) throw Refusal.invalidField("supersedesId", "progress.alreadyCorrected");
  }
  for (const e of list) {
    if (e.supersedesId && replaced.get(e.supersedesId)?.projectId !== e.projectId) throw Refusal.invalidField("supersedesId", "validation.invalid");
  }

  // The park's monthly sums: one delta per month (new entries in, corrected ones out), in month order,
  // written before the entries: inserting a correction takes the park's capacity-ramp lock (trigger),
  // and every writer takes the monthly rows before that lock, as logProgress does, so none deadlock.
  const months = new Map<string, { investment: bigint; output: bigint; entries: number }>();
  const add = (period: string, investment: string | null, output: string | null, entries: number) => {
    const m = months.get(period) ?? { investment: 0n, output: 0n, entries: 0 };
    months.set(period, { investment: m.investment + toFen(investment ?? "0"), output: m.output + toFen(output ?? "0"), entries: m.entries + entries });
  };
  // Each project's completed investment moves by its new entries less the ones they replace.
  const added = new Map<string, bigint>();
  for (const e of list) {
    add(e.period, e.investmentCompleted, e.outputValue, 1);
    let delta = e.investmentCompleted ? toFen(e.investmentCompleted) : 0n;
    const old = e.supersedesId ? replaced.get(e.supersedesId)! : null;
    if (old) {
      add(old.period, negate(old.investmentCompleted), negate(old.outputValue), -1);
      delta -= old.investmentCompleted ? toFen(old.investmentCompleted) : 0n;
    }
    added.set(e.projectId, (added.get(e.projectId) ?? 0n) + delta);
  }
  for (const [period, d] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    await addToMonthlyStats(tx, { parkId: actor.parkId, period, investment: fenToYuan(d.investment), output: fenToYuan(d.output), entries: d.entries });
  }

  const ids: string[] = [];
  for (let at = 0; at < list.length; at += 500) {
    const rows = await tx
      .insert(progressEntries)
      .values(
        list.slice(at, at + 500).map((e) => ({
          parkId: actor.parkId, projectId: e.projectId, period: e.period, authorId: actor.actorId, narrative: e.narrative, narrativeEn: e.narrativeEn,
          investmentCompleted: e.investmentCompleted, outputValue: e.outputValue, sourceUrl: e.sourceUrl, sourceRef: e.sourceRef, supersedesId: e.supersedesId ?? null,
        })),
      )
      .returning();
    await recordAudits(
      tx,
      rows.map((entry) => ({
        parkId: actor.parkId, actorId: actor.actorId, entity: "progress_entry", entityId: entry.id, projectId: entry.projectId,
        action: entry.supersedesId ? ("supersede" as const) : ("create" as const),
        changes: diffFields(null, entry, ["period", "narrative", "investmentCompleted", "outputValue", "sourceUrl", "sourceRef", "supersedesId"]),
      })),
    );
    ids.push(...rows.map((r) => r.id));
  }

  const moved = locked.flatMap((p) => {
    const delta = added.get(p.id) ?? 0n;
    if (delta === 0n) return [];
    const completed = fenToYuan(toFen(p.completedInvestment) + delta);
    if (completed.startsWith("-")) throw Refusal.invalidField("investmentCompleted", "progress.negativeTotal");
    return [{ id: p.id, before: p.completedInvestment, completed }];
  });
  if (moved.length) {
    const values = sql.join(moved.map((m) => sql`(${m.id}::uuid, ${m.completed}::numeric)`), sql`, `);
    // The version moves so that someone editing the project form sees a conflict, not a silent overwrite.
    const versions = rowsOf<{ id: string; version: number }>(
      await tx.execute(sql`
        update ${projects} set completed_investment = v.completed, version = ${projects.version} + 1, updated_at = now()
        from (values ${values}) as v(id, completed)
        where ${projects.id} = v.id and ${projects.parkId} = ${actor.parkId}
        returning ${projects.id} as id, ${projects.version} as version`),
    );
    const versionOf = new Map(versions.map((v) => [v.id, Number(v.version)]));
    await recordAudits(
      tx,
      moved.map((m): AuditInput => ({
        parkId: actor.parkId, actorId: actor.actorId, entity: "project", entityId: m.id, projectId: m.id,
        action: "update", changes: { completedInvestment: [m.before, m.completed] }, entityVersion: versionOf.get(m.id)!,
      })),
    );
  }
  return ids;
}
