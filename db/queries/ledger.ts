import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { importMappings, progressEntries, projects } from "../schema";
import type { Db, Executor } from "../types";
import { runWrite, type WriteOutcome } from "./outcomes";
import { createProjectsIn, updateProjectsIn, type Actor, type EditableProjectFields, type ProjectFields } from "./project-writes";

/** The ledger columns of a park's projects, with id and version; only the given codes when `codes` is set. */
export async function listLedgerProjects(db: Executor, { parkId, codes, lock = false }: { parkId: string; codes?: string[]; lock?: boolean }) {
  if (codes && codes.length === 0) return [];
  const query = db
    .select({
      id: projects.id, version: projects.version, code: projects.code, name: projects.name, nameEn: projects.nameEn,
      company: projects.company, companyEn: projects.companyEn, cluster: projects.cluster, clusterEn: projects.clusterEn,
      responsibleUnit: projects.responsibleUnit, leaderInCharge: projects.leaderInCharge, health: projects.health, stage: projects.stage,
      plannedInvestment: projects.plannedInvestment, contractedInvestment: projects.contractedInvestment,
      inPlaceInvestment: projects.inPlaceInvestment, completedInvestment: projects.completedInvestment,
    })
    .from(projects)
    .where(and(eq(projects.parkId, parkId), codes ? inArray(projects.code, codes) : undefined))
    .orderBy(asc(projects.code))
    .$dynamic();
  return lock ? query.for("update") : query;
}

/** A park's progress log as a ledger: the entries nobody corrected, by project code and month. */
export async function listLedgerProgress(db: Executor, { parkId }: { parkId: string }) {
  const corrected = sql`exists (select 1 from ${progressEntries} c where c.supersedes_id = ${progressEntries.id})`;
  return db
    .select({
      code: projects.code, name: projects.name, nameEn: projects.nameEn, period: progressEntries.period,
      narrative: progressEntries.narrative, narrativeEn: progressEntries.narrativeEn,
      investmentCompleted: progressEntries.investmentCompleted, outputValue: progressEntries.outputValue,
      sourceUrl: progressEntries.sourceUrl, sourceRef: progressEntries.sourceRef, isCorrection: sql<boolean>`${progressEntries.supersedesId} is not null`,
    })
    .from(progressEntries)
    .innerJoin(projects, and(eq(projects.id, progressEntries.projectId), eq(projects.parkId, parkId)))
    .where(and(eq(progressEntries.parkId, parkId), sql`not ${corrected}`))
    .orderBy(asc(projects.code), asc(progressEntries.period), asc(progressEntries.createdAt));
}

export type LedgerKindName = "projects" | "progress";

export async function getImportMapping(db: Executor, { parkId, kind }: { parkId: string; kind: LedgerKindName }): Promise<Record<string, string> | null> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.parkId, parkId), eq(importMappings.kind, kind)));
  return (row?.mapping as Record<string, string> | undefined) ?? null;
}

/** Remembers the mapping; an unchanged one is left as it is (a re-import of the same file writes nothing). */
async function saveImportMapping(db: Executor, { parkId, kind, mapping, userId }: { parkId: string; kind: LedgerKindName; mapping: Record<string, string>; userId: string }) {
  const canonical = (m: Record<string, string> | null) => JSON.stringify(Object.entries(m ?? {}).sort(([a], [b]) => a.localeCompare(b)));
  if (canonical(await getImportMapping(db, { parkId, kind })) === canonical(mapping)) return;
  await db
    .insert(importMappings)
    .values({ parkId, kind, mapping, updatedBy: userId })
    .onConflictDoUpdate({ target: [importMappings.parkId, importMappings.kind], set: { mapping, updatedBy: userId, updatedAt: sql`now()` } });
}

export type LedgerProject = Awaited<ReturnType<typeof listLedgerProjects>>[number];

/** What to write, decided from the projects as they are under lock (or why not to write at all). */
export type ProjectImportDecision<R> =
  | { ok: false; reason: R }
  | { ok: true; creates: { row: number; fields: ProjectFields }[]; updates: { row: number; id: string; version: number; fields: EditableProjectFields }[] };

export type ProjectImportOutcome<R> =
  | { ok: true; created: number; updated: number }
  | { ok: false; reason: R }
  | { ok: false; reason: "refused"; row: number; outcome: Exclude<WriteOutcome, { ok: true }> };

class RowRefused extends Error {
  constructor(
    readonly row: number,
    readonly outcome: Exclude<WriteOutcome, { ok: true }>,
  ) {
    super(`row ${row} refused`);
  }
}

/**
 * One transaction: lock the park's projects that the file names, let `decide` plan against them,
 * then write the rows with the batch forms of createProject / updateProject (same audit trail,
 * versions and park scope); the first refusal rolls everything back. Not createProject per row in a
 * savepoint: thousands of subtransactions each updating the same summary rows (park_project_stats,
 * by trigger) made a 5,000-row import 20× slower, and a statement per row is still 10 s on PGlite.
 */
export async function importProjectLedger<R>(
  db: Db,
  actor: Actor,
  args: {
    codes: string[];
    decide: (locked: LedgerProject[]) => ProjectImportDecision<R>;
    mapping: Record<string, string>;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ProjectImportOutcome<R>> {
  try {
    return await db.transaction(async (tx) => {
      const locked = await listLedgerProjects(tx, { parkId: actor.parkId, codes: args.codes, lock: true });
      const decision = args.decide(locked);
      if (!decision.ok) return decision;
      const total = decision.creates.length + decision.updates.length;
      let done = 0;
      const step = () => {
        done++;
        if (done % 100 === 0 || done === total) args.onProgress?.(done, total);
      };
      // New projects a few hundred per statement; a refusal there (a code another import took in the
      // meantime) cannot name its row, so it names row 0 unless the batch is one row.
      for (let at = 0; at < decision.creates.length; at += 500) {
        const batch = decision.creates.slice(at, at + 500);
        const outcome = await runWrite(async () => ({ ok: true, value: await createProjectsIn(tx, actor, batch.map((c) => c.fields)), warnings: [] }));
        if (!outcome.ok) throw new RowRefused(batch.length === 1 ? batch[0]!.row : 0, outcome);
        for (let i = 0; i < batch.length; i++) step();
      }
      for (let at = 0; at < decision.updates.length; at += 500) {
        const batch = decision.updates.slice(at, at + 500);
        const conflict = await updateProjectsIn(tx, actor, batch.map((u) => ({ id: u.id, readVersion: u.version, fields: u.fields })));
        if (conflict !== null) throw new RowRefused(batch[conflict]!.row, { ok: false, reason: "conflict", changes: [] });
        for (let i = 0; i < batch.length; i++) step();
      }
      await saveImportMapping(tx, { parkId: actor.parkId, kind: "projects", mapping: args.mapping, userId: actor.actorId });
      return { ok: true as const, created: decision.creates.length, updated: decision.updates.length };
    });
  } catch (error) {
    if (error instanceof RowRefused) return { ok: false, reason: "refused", row: error.row, outcome: error.outcome };
    throw error;
  }
}
