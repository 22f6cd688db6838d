import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { importMappings, parks, progressEntries, projects } from "../schema";
import { listLedgerProjectDetails, setLedgerStagesIn, writeLedgerMilestonesIn, writeLedgerProblemsIn, type MilestoneWrite, type ProblemWrite } from "./ledger-details";
import type { Db, Executor } from "../types";
import type { ProjectStage } from "@/lib/domain/values";
import { runWrite, type WriteOutcome } from "./outcomes";
import { logProgressEntriesIn } from "./progress-batch";
import type { ProgressEntryInput } from "./progress-writes";
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
    .orderBy(asc(projects.codeSort))
    .$dynamic();
  return lock ? query.for("update") : query;
}

/** The park a projects ledger writes: its names (a park column may use them) and its slug (the prefix of generated codes). */
export async function getLedgerPark(db: Executor, { parkId }: { parkId: string }) {
  const [park] = await db.select({ id: parks.id, slug: parks.slug, name: parks.name, nameEn: parks.nameEn }).from(parks).where(eq(parks.id, parkId));
  return park ?? null;
}

/**
 * The park's projects as a projects ledger reads them: their columns, stage, project-level milestones
 * and latest open problem. Only the given codes, unless `codes` is undefined (every project: a ledger
 * with rows that have no code). Locked when `lock`.
 */
export async function listLedgerProjectsWithDetails(db: Executor, { parkId, codes, lock = false }: { parkId: string; codes?: string[]; lock?: boolean }) {
  const rows = await listLedgerProjects(db, { parkId, codes, lock });
  const details = await listLedgerProjectDetails(db, { parkId, projectIds: rows.map((r) => r.id) });
  return rows.map((r) => ({ ...r, milestones: details.milestones.get(r.id) ?? [], openProblem: details.problems.get(r.id) ?? null }));
}

/** A park's progress log as a ledger: the entries nobody corrected, by project code and month. */
export async function listLedgerProgress(db: Executor, { parkId }: { parkId: string }) {
  const corrected = sql`exists (select 1 from ${progressEntries} c where c.supersedes_id = ${progressEntries.id})`;
  return db
    .select({
      code: projects.code, name: projects.name, nameEn: projects.nameEn, period: progressEntries.period,
      narrative: progressEntries.narrative, narrativeEn: progressEntries.narrativeEn,
      investmentCompleted: progressEntries.investmentCompleted, outputValue: progressEntries.outputValue,
      sourceUrl: progressEntries.sourceUrl, sourceRef: progressEntries.sourceRef,
    })
    .from(progressEntries)
    .innerJoin(projects, and(eq(projects.id, progressEntries.projectId), eq(projects.parkId, parkId)))
    .where(and(eq(progressEntries.parkId, parkId), sql`not ${corrected}`))
    .orderBy(asc(projects.codeSort), asc(progressEntries.period), asc(progressEntries.createdAt));
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


/**
 * For a progress ledger: the park's projects with the given codes (locked when `lock`), and their
 * entries nobody corrected — the ones a row of the file may match by project and month.
 */
export async function listLedgerProgressState(db: Executor, { parkId, codes, lock = false }: { parkId: string; codes: string[]; lock?: boolean }) {
  if (codes.length === 0) return { projects: [], entries: [] };
  const query = db
    .select({ id: projects.id, code: projects.code, name: projects.name, version: projects.version })
    .from(projects)
    .where(and(eq(projects.parkId, parkId), inArray(projects.code, codes)))
    .orderBy(asc(projects.codeSort))
    .$dynamic();
  const found = await (lock ? query.for("update") : query);
  if (found.length === 0) return { projects: found, entries: [] };
  const corrected = sql`exists (select 1 from ${progressEntries} c where c.supersedes_id = ${progressEntries.id})`;
  const entries = await db
    .select({
      id: progressEntries.id, projectId: progressEntries.projectId, period: progressEntries.period, narrative: progressEntries.narrative,
      narrativeEn: progressEntries.narrativeEn, investmentCompleted: progressEntries.investmentCompleted, outputValue: progressEntries.outputValue,
      sourceUrl: progressEntries.sourceUrl, sourceRef: progressEntries.sourceRef,
    })
    .from(progressEntries)
    .where(and(eq(progressEntries.parkId, parkId), inArray(progressEntries.projectId, found.map((p) => p.id)), sql`not ${corrected}`))
    .orderBy(asc(progressEntries.createdAt), asc(progressEntries.id));
  return { projects: found, entries };
}

export type LedgerProgressState = Awaited<ReturnType<typeof listLedgerProgressState>>;

/** Thrown by an import's writes to roll the whole import back, naming the row (0: not one row). */
export class LedgerRowRefused extends Error {
  constructor(
    readonly row: number,
    readonly outcome: Exclude<WriteOutcome, { ok: true }>,
  ) {
    super(`row ${row} refused`);
  }
}

export type LedgerImportOutcome<R> = R | { ok: false; reason: "refused"; row: number; outcome: Exclude<WriteOutcome, { ok: true }> };

/**
 * One transaction for a whole ledger: `work` reads what it needs under lock and writes through the
 * write functions' batch forms (createProjectsIn, updateProjectsIn, logProgressEntriesIn — the same
 * audit trail, versions and park scope), throwing LedgerRowRefused to roll everything back. The
 * park's column mapping is remembered when the work succeeds.
 */
export async function importLedger<R extends { ok: boolean }>(
  db: Db,
  actor: Actor,
  args: { kind: LedgerKindName; mapping: Record<string, string>; work: (tx: Executor) => Promise<R>; parkIds?: string[] },
): Promise<LedgerImportOutcome<R>> {
  try {
    return await db.transaction(async (tx) => {
      const result = await args.work(tx);
      // A region's ledger is remembered for each park it wrote.
      if (result.ok) for (const parkId of args.parkIds ?? [actor.parkId]) await saveImportMapping(tx, { parkId, kind: args.kind, mapping: args.mapping, userId: actor.actorId });
      return result;
    });
  } catch (error) {
    if (error instanceof LedgerRowRefused) return { ok: false, reason: "refused", row: error.row, outcome: error.outcome };
    throw error;
  }
}

/** What a ledger row writes besides the project's columns: its stage, milestones and problem. */
export interface LedgerRowExtras {
  stage: { from: ProjectStage; to: ProjectStage } | null;
  milestones: Omit<MilestoneWrite, "projectId">[];
  problem: Omit<ProblemWrite, "projectId"> | null;
}

/**
 * New projects a few hundred per statement, then the updates, then each row's stage, milestones and
 * problem in batches: the writes of a projects ledger.
 */
export async function writeProjectLedger(
  tx: Executor,
  actor: Actor,
  plan: {
    creates: { row: number; fields: ProjectFields; extras?: LedgerRowExtras }[];
    updates: { row: number; id: string; version: number; fields: EditableProjectFields; extras?: LedgerRowExtras }[];
  },
  step: (done: number) => void,
) {
  const withIds: { projectId: string; extras: LedgerRowExtras }[] = [];
  const none: LedgerRowExtras = { stage: null, milestones: [], problem: null };
  // A refusal in a batch of new projects (a code another import took in the meantime) cannot name
  // its row, so it names row 0 unless the batch is one row.
  for (let at = 0; at < plan.creates.length; at += 500) {
    const batch = plan.creates.slice(at, at + 500);
    // A new project's stage goes in with its row.
    const rows = batch.map((c) => (c.extras?.stage ? { ...c.fields, stage: c.extras.stage.to } : c.fields));
    const outcome = await runWrite(async () => ({ ok: true, value: await createProjectsIn(tx, actor, rows), warnings: [] }));
    if (!outcome.ok) throw new LedgerRowRefused(batch.length === 1 ? batch[0]!.row : 0, outcome);
    const ids = outcome.value;
    batch.forEach((c, i) => withIds.push({ projectId: ids[i]!, extras: { ...(c.extras ?? none), stage: null } }));
    step(batch.length);
  }
  for (let at = 0; at < plan.updates.length; at += 500) {
    const batch = plan.updates.slice(at, at + 500);
    const conflict = await updateProjectsIn(tx, actor, batch.map((u) => ({ id: u.id, readVersion: u.version, fields: u.fields })));
    if (conflict !== null) throw new LedgerRowRefused(batch[conflict]!.row, { ok: false, reason: "conflict", changes: [] });
    for (const u of batch) withIds.push({ projectId: u.id, extras: u.extras ?? none });
    step(batch.length);
  }
  await setLedgerStagesIn(tx, actor, withIds.flatMap(({ projectId, extras }) => (extras.stage ? [{ projectId, ...extras.stage }] : [])));
  const milestonesOk = await writeLedgerMilestonesIn(tx, actor, withIds.flatMap(({ projectId, extras }) => extras.milestones.map((m) => ({ ...m, projectId }))));
  if (!milestonesOk) throw new LedgerRowRefused(0, { ok: false, reason: "conflict", changes: [] });
  await writeLedgerProblemsIn(tx, actor, withIds.flatMap(({ projectId, extras }) => (extras.problem ? [{ ...extras.problem, projectId }] : [])));
}

/** The entries of a progress ledger, through the batch form of logProgress. */
export async function writeProgressLedger(tx: Executor, actor: Actor, entries: { row: number; input: ProgressEntryInput }[], today: string, step: (done: number) => void) {
  // A refusal here (a race the lock and the token did not stop) cannot name its row: row 0.
  const outcome = await runWrite(async () => ({ ok: true, value: await logProgressEntriesIn(tx, actor, entries.map((e) => e.input), today), warnings: [] }));
  if (!outcome.ok) throw new LedgerRowRefused(entries.length === 1 ? entries[0]!.row : 0, outcome);
  step(entries.length);
}
