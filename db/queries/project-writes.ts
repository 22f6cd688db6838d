import "server-only";
import { and, eq, inArray, max, sql } from "drizzle-orm";
import { stageFromMilestones, isoToday } from "@/lib/domain/milestones";
import { capacities, milestoneBaselines, milestones, phases, productionLines, projects, type MilestoneType, type ProjectHealth, type ProjectStage } from "../schema";
import type { Db, Executor } from "../types";
import { diffFields, listChangesSince, recordAudit, recordAudits } from "./audit";
import { investmentWarnings, runWrite, type WriteOutcome } from "./outcomes";
import { Refusal } from "@/lib/refusal";

/** Who writes, and in which park: every query below is scoped to `parkId`. */
export interface Actor {
  parkId: string;
  actorId: string;
}

export interface ProjectFields {
  code: string;
  name: string;
  nameEn: string | null;
  company: string;
  companyEn: string | null;
  cluster: string;
  clusterEn: string | null;
  responsibleUnit: string | null;
  leaderInCharge: string | null;
  health: ProjectHealth;
  plannedInvestment: string;
  contractedInvestment: string;
  inPlaceInvestment: string;
  completedInvestment: string;
}

/** Fields of the edit form: completed investment is set at creation, then kept by the progress log. */
export type EditableProjectFields = Omit<ProjectFields, "completedInvestment">;

const PROJECT_FIELDS = [
  "code", "name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge", "health",
  "plannedInvestment", "contractedInvestment", "inPlaceInvestment", "completedInvestment",
] as const satisfies readonly (keyof ProjectFields)[];
const EDITABLE_FIELDS = PROJECT_FIELDS.filter((f) => f !== "completedInvestment");

export function createProject(db: Db, actor: Actor, fields: ProjectFields): Promise<WriteOutcome> {
  return runWrite(() => db.transaction((tx) => createProjectIn(tx, actor, fields)));
}

/**
 * createProject inside a caller's transaction (a ledger import writes thousands of rows in one).
 * Errors are thrown as by createProject's transaction; wrap the call in runWrite to get an outcome.
 */
export async function createProjectIn(tx: Executor, actor: Actor, fields: ProjectFields): Promise<WriteOutcome> {
  const [id] = await createProjectsIn(tx, actor, [fields]);
  return { ok: true, value: { id: id! }, warnings: investmentWarnings(fields) };
}

/**
 * Many new projects, each with its audit event, a few hundred rows per statement. Returns their ids in
 * order. A ledger may give a new project its stage at once (建设阶段 or its dates): written with the
 * row, so the park's stage counts move once, not again by an update.
 */
export async function createProjectsIn(tx: Executor, actor: Actor, list: readonly (ProjectFields & { stage?: ProjectStage })[]): Promise<string[]> {
  const ids: string[] = [];
  for (let at = 0; at < list.length; at += 500) {
    const rows = await tx.insert(projects).values(list.slice(at, at + 500).map((fields) => ({ ...fields, parkId: actor.parkId }))).returning();
    await recordAudits(
      tx,
      rows.map((row) => ({
        parkId: actor.parkId, actorId: actor.actorId, entity: "project", entityId: row.id, projectId: row.id,
        action: "create" as const, changes: diffFields(null, row, row.stage === "signed" ? PROJECT_FIELDS : [...PROJECT_FIELDS, "stage"]), entityVersion: row.version,
      })),
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Optimistic concurrency: the update names the version it read; a newer one means a conflict. */
export function updateProject(db: Db, actor: Actor, projectId: string, readVersion: number, fields: EditableProjectFields): Promise<WriteOutcome> {
  return runWrite(() => db.transaction((tx) => updateProjectIn(tx, actor, projectId, readVersion, fields)));
}

/** updateProject inside a caller's transaction (see createProjectIn). */
export async function updateProjectIn(tx: Executor, actor: Actor, projectId: string, readVersion: number, fields: EditableProjectFields): Promise<WriteOutcome> {
  const [current] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.parkId, actor.parkId)))
    .for("update");
  if (!current) throw Refusal.notFound();
  if (current.version !== readVersion) {
    return { ok: false, reason: "conflict", changes: await listChangesSince(tx, { parkId: actor.parkId, entityId: projectId, sinceVersion: readVersion }) };
  }
  const changes = diffFields(current, fields, EDITABLE_FIELDS);
  const warnings = investmentWarnings({ ...fields, completedInvestment: current.completedInvestment });
  if (Object.keys(changes).length === 0) return { ok: true, value: { id: projectId }, warnings };
  const [updated] = await tx
    .update(projects)
    .set({ ...fields, version: sql`${projects.version} + 1` })
    .where(and(eq(projects.id, projectId), eq(projects.parkId, actor.parkId), eq(projects.version, readVersion)))
    .returning({ version: projects.version });
  await recordAudit(tx, {
    parkId: actor.parkId, actorId: actor.actorId, entity: "project", entityId: projectId, projectId,
    action: "update", changes, entityVersion: updated!.version,
  });
  return { ok: true, value: { id: projectId }, warnings };
}

export interface ProjectUpdate {
  id: string;
  readVersion: number;
  fields: EditableProjectFields;
}

/** The SQL type each editable column is cast to in a VALUES list. */
const EDITABLE_CASTS: Record<(typeof EDITABLE_FIELDS)[number], string> = {
  code: "text", name: "text", nameEn: "text", company: "text", companyEn: "text", cluster: "text", clusterEn: "text",
  responsibleUnit: "text", leaderInCharge: "text", health: "project_health",
  plannedInvestment: "numeric", contractedInvestment: "numeric", inPlaceInvestment: "numeric",
};

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []));

/**
 * updateProject for many projects inside a caller's transaction (a ledger import): per few hundred
 * rows one locked read, one UPDATE … FROM (VALUES …) and one insert of audit events. The same rules:
 * scoped to the park, refused as a conflict at the first row whose version moved on, unchanged rows
 * left alone. Returns null, or the index of the conflicting row.
 */
export async function updateProjectsIn(tx: Executor, actor: Actor, updates: readonly ProjectUpdate[]): Promise<number | null> {
  for (let at = 0; at < updates.length; at += 500) {
    const batch = updates.slice(at, at + 500);
    const current = new Map(
      (await tx.select().from(projects).where(and(eq(projects.parkId, actor.parkId), inArray(projects.id, batch.map((u) => u.id)))).for("update")).map((p) => [p.id, p]),
    );
    const changed: { update: ProjectUpdate; changes: Record<string, [unknown, unknown]> }[] = [];
    for (const [i, update] of batch.entries()) {
      const row = current.get(update.id);
      if (!row || row.version !== update.readVersion) return at + i;
      const changes = diffFields(row, update.fields, EDITABLE_FIELDS);
      if (Object.keys(changes).length) changed.push({ update, changes });
    }
    if (!changed.length) continue;
    const columns = sql.join(EDITABLE_FIELDS.map((f) => sql.identifier(f)), sql`, `);
    const values = sql.join(
      changed.map(({ update: u }) => sql`(${u.id}::uuid, ${u.readVersion}::int, ${sql.join(EDITABLE_FIELDS.map((f) => sql`${u.fields[f]}::${sql.raw(EDITABLE_CASTS[f])}`), sql`, `)})`),
      sql`, `,
    );
    const sets = sql.join(EDITABLE_FIELDS.map((f) => sql`${sql.identifier(projects[f].name)} = v.${sql.identifier(f)}`), sql`, `);
    const written = rowsOf<{ id: string; version: number }>(
      await tx.execute(sql`
        update ${projects} set ${sets}, version = ${projects.version} + 1, updated_at = now()
        from (values ${values}) as v(id, read_version, ${columns})
        where ${projects.id} = v.id and ${projects.parkId} = ${actor.parkId} and ${projects.version} = v.read_version
        returning ${projects.id} as id, ${projects.version} as version`),
    );
    if (written.length !== changed.length) return at + batch.findIndex((u) => !written.some((w) => w.id === u.id));
    const versions = new Map(written.map((w) => [w.id, Number(w.version)]));
    await recordAudits(
      tx,
      changed.map(({ update, changes }) => ({
        parkId: actor.parkId, actorId: actor.actorId, entity: "project", entityId: update.id, projectId: update.id,
        action: "update" as const, changes, entityVersion: versions.get(update.id)!,
      })),
    );
  }
  return null;
}

/** Loads a project of the actor's park, locked for the rest of the transaction, or throws a 404 Refusal. */
export async function lockProject(tx: Executor, actor: Actor, projectId: string) {
  const [row] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.parkId, actor.parkId)))
    .for("update");
  if (!row) throw Refusal.notFound();
  return row;
}

export interface NamedInput {
  name: string;
  nameEn: string | null;
}

export function savePhase(db: Db, actor: Actor, input: NamedInput & { projectId: string; phaseId?: string; version?: number }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      await lockProject(tx, actor, input.projectId);
      const fields = { name: input.name, nameEn: input.nameEn };
      if (!input.phaseId) {
        const [{ seq } = { seq: 0 }] = await tx
          .select({ seq: max(phases.seq) })
          .from(phases)
          .where(and(eq(phases.projectId, input.projectId), eq(phases.parkId, actor.parkId)))
          .then((r) => r.map((x) => ({ seq: x.seq ?? 0 })));
        const [row] = await tx.insert(phases).values({ ...fields, parkId: actor.parkId, projectId: input.projectId, seq: seq + 1 }).returning();
        await recordAudit(tx, { ...auditBase(actor, "phase", row!.id, input.projectId), action: "create", changes: diffFields(null, row!, ["name", "nameEn", "seq"]), entityVersion: 1 });
        return { ok: true, value: { id: row!.id }, warnings: [] };
      }
      return updateVersioned(tx, actor, {
        table: phases, entity: "phase", id: input.phaseId, projectId: input.projectId, readVersion: input.version, fields, fieldNames: ["name", "nameEn"],
      });
    }),
  );
}

export function saveLine(db: Db, actor: Actor, input: NamedInput & { projectId: string; phaseId: string; lineId?: string; version?: number }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      await lockProject(tx, actor, input.projectId);
      const [phase] = await tx
        .select({ id: phases.id })
        .from(phases)
        .where(and(eq(phases.id, input.phaseId), eq(phases.projectId, input.projectId), eq(phases.parkId, actor.parkId)));
      if (!phase) throw Refusal.invalidField("phaseId", "validation.invalid");
      const fields = { name: input.name, nameEn: input.nameEn };
      if (!input.lineId) {
        const [last] = await tx.select({ seq: max(productionLines.seq) }).from(productionLines).where(eq(productionLines.phaseId, phase.id));
        const [row] = await tx
          .insert(productionLines)
          .values({ ...fields, parkId: actor.parkId, projectId: input.projectId, phaseId: phase.id, seq: (last?.seq ?? 0) + 1 })
          .returning();
        await recordAudit(tx, { ...auditBase(actor, "line", row!.id, input.projectId), action: "create", changes: diffFields(null, row!, ["name", "nameEn", "seq"]), entityVersion: 1 });
        return { ok: true, value: { id: row!.id }, warnings: [] };
      }
      return updateVersioned(tx, actor, {
        table: productionLines, entity: "line", id: input.lineId, projectId: input.projectId, readVersion: input.version, fields, fieldNames: ["name", "nameEn"],
      });
    }),
  );
}

export interface CapacityInput {
  projectId: string;
  capacityId?: string;
  version?: number;
  phaseId?: string;
  lineId?: string;
  product: string;
  productEn: string | null;
  unit: (typeof capacities.unit.enumValues)[number];
  period: (typeof capacities.period.enumValues)[number];
  designed: string;
  online: string;
}

export function saveCapacity(db: Db, actor: Actor, input: CapacityInput): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      await lockProject(tx, actor, input.projectId);
      let phaseId = input.phaseId ?? null;
      if (input.lineId) {
        const [line] = await tx
          .select({ phaseId: productionLines.phaseId })
          .from(productionLines)
          .where(and(eq(productionLines.id, input.lineId), eq(productionLines.projectId, input.projectId), eq(productionLines.parkId, actor.parkId)));
        if (!line) throw Refusal.invalidField("lineId", "validation.invalid");
        phaseId = line.phaseId; // a line's capacity always names the line's own phase
      } else if (phaseId) {
        const [phase] = await tx
          .select({ id: phases.id })
          .from(phases)
          .where(and(eq(phases.id, phaseId), eq(phases.projectId, input.projectId), eq(phases.parkId, actor.parkId)));
        if (!phase) throw Refusal.invalidField("phaseId", "validation.invalid");
      }
      const fields = {
        phaseId, lineId: input.lineId ?? null, product: input.product, productEn: input.productEn,
        unit: input.unit, period: input.period, designed: input.designed, online: input.online,
      };
      const names = ["phaseId", "lineId", "product", "productEn", "unit", "period", "designed", "online"] as const;
      if (!input.capacityId) {
        const [row] = await tx.insert(capacities).values({ ...fields, parkId: actor.parkId, projectId: input.projectId }).returning();
        await recordAudit(tx, { ...auditBase(actor, "capacity", row!.id, input.projectId), action: "create", changes: diffFields(null, row!, names), entityVersion: 1 });
        return { ok: true, value: { id: row!.id }, warnings: [] };
      }
      return updateVersioned(tx, actor, {
        table: capacities, entity: "capacity", id: input.capacityId, projectId: input.projectId, readVersion: input.version, fields, fieldNames: names,
      });
    }),
  );
}

export interface MilestoneInput {
  projectId: string;
  milestoneId?: string;
  version?: number;
  type: MilestoneType;
  customLabel: string | null;
  plannedDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  rebaselineReason: string | null;
}

/** Saves a milestone; a changed baseline keeps the old one in milestone_baselines; the stage follows. */
export function saveMilestone(db: Db, actor: Actor, input: MilestoneInput, today = isoToday()): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      await lockProject(tx, actor, input.projectId);
      const fields = {
        type: input.type, customLabel: input.customLabel, plannedDate: input.plannedDate, forecastDate: input.forecastDate, actualDate: input.actualDate,
      };
      const names = ["type", "customLabel", "plannedDate", "forecastDate", "actualDate"] as const;
      if (input.actualDate && input.actualDate > today) throw Refusal.invalidField("actualDate", "progress.futureDate");
      let outcome: WriteOutcome;
      let removedActual = false;
      if (!input.milestoneId) {
        const [row] = await tx.insert(milestones).values({ ...fields, parkId: actor.parkId, projectId: input.projectId }).returning();
        await recordAudit(tx, { ...auditBase(actor, "milestone", row!.id, input.projectId), action: "create", changes: diffFields(null, row!, names), entityVersion: 1 });
        outcome = { ok: true, value: { id: row!.id }, warnings: [] };
      } else {
        const [current] = await tx
          .select()
          .from(milestones)
          .where(and(eq(milestones.id, input.milestoneId), eq(milestones.projectId, input.projectId), eq(milestones.parkId, actor.parkId)));
        if (!current) throw Refusal.notFound();
        removedActual = current.actualDate !== null && input.actualDate !== current.actualDate;
        if (current.plannedDate && input.plannedDate !== current.plannedDate && current.version === input.version) {
          await tx.insert(milestoneBaselines).values({
            parkId: actor.parkId, milestoneId: current.id, plannedDate: current.plannedDate, replacedBy: actor.actorId, reason: input.rebaselineReason,
          });
          await recordAudit(tx, {
            ...auditBase(actor, "milestone", current.id, input.projectId), action: "rebaseline",
            changes: { plannedDate: [current.plannedDate, input.plannedDate], reason: [null, input.rebaselineReason] },
          });
        }
        // A date typed in the form is a day: a ledger's month precision ends when its dates change.
        const retyped = input.plannedDate !== current.plannedDate || input.actualDate !== current.actualDate;
        outcome = await updateVersioned(tx, actor, {
          table: milestones, entity: "milestone", id: input.milestoneId, projectId: input.projectId, readVersion: input.version,
          fields: retyped ? { ...fields, datePrecision: "day" } : fields, fieldNames: names,
        });
      }
      if (outcome.ok) await deriveStage(tx, actor, input.projectId, today, removedActual);
      return outcome;
    }),
  );
}

const STAGE_RANK = { signed: 0, construction: 1, production: 2, full_capacity: 3 } as const;

/**
 * Moves the project's stage forward to what its reached milestones prove. It never moves it back on
 * its own — a project imported at "production" with only planned milestones stays there — except when
 * `allowLower` says a reached date was just removed or moved into the future (a real correction).
 */
export async function deriveStage(tx: Executor, actor: Actor, projectId: string, today = isoToday(), allowLower = false) {
  const rows = await tx
    .select({ type: milestones.type, plannedDate: milestones.plannedDate, forecastDate: milestones.forecastDate, actualDate: milestones.actualDate })
    .from(milestones)
    .where(and(eq(milestones.projectId, projectId), eq(milestones.parkId, actor.parkId)));
  const [project] = await tx.select({ stage: projects.stage }).from(projects).where(and(eq(projects.id, projectId), eq(projects.parkId, actor.parkId)));
  if (!project) return;
  const derived = stageFromMilestones(rows, today);
  if (derived === project.stage) return;
  if (STAGE_RANK[derived] < STAGE_RANK[project.stage] && !allowLower) return;
  await tx.update(projects).set({ stage: derived }).where(and(eq(projects.id, projectId), eq(projects.parkId, actor.parkId)));
  await recordAudit(tx, { ...auditBase(actor, "project", projectId, projectId), action: "derive", changes: { stage: [project.stage, derived] } });
}

function auditBase(actor: Actor, entity: string, entityId: string, projectId: string) {
  return { parkId: actor.parkId, actorId: actor.actorId, entity, entityId, projectId };
}

type VersionedTable = typeof phases | typeof productionLines | typeof capacities | typeof milestones;

/** Update of a child row: scoped to park and project, refused as a conflict if its version moved on. */
async function updateVersioned(
  tx: Executor,
  actor: Actor,
  args: { table: VersionedTable; entity: string; id: string; projectId: string; readVersion?: number; fields: Record<string, unknown>; fieldNames: readonly string[] },
): Promise<WriteOutcome> {
  const { table } = args;
  if (args.readVersion === undefined) throw Refusal.invalidField("version", "validation.invalid");
  const [current] = (await tx
    .select()
    .from(table)
    .where(and(eq(table.id, args.id), eq(table.projectId, args.projectId), eq(table.parkId, actor.parkId)))
    .for("update")) as Record<string, unknown>[];
  if (!current) throw Refusal.notFound();
  if (current.version !== args.readVersion) {
    return { ok: false, reason: "conflict", changes: await listChangesSince(tx, { parkId: actor.parkId, entityId: args.id, sinceVersion: args.readVersion }) };
  }
  const changes = diffFields(current, args.fields, args.fieldNames);
  if (Object.keys(changes).length === 0) return { ok: true, value: { id: args.id }, warnings: [] };
  await tx
    .update(table)
    .set({ ...args.fields, version: sql`${table.version} + 1` })
    .where(and(eq(table.id, args.id), eq(table.parkId, actor.parkId), eq(table.version, args.readVersion)));
  await recordAudit(tx, {
    ...auditBase(actor, args.entity, args.id, args.projectId), action: "update", changes, entityVersion: args.readVersion + 1,
  });
  return { ok: true, value: { id: args.id }, warnings: [] };
}
