import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { MilestoneType, ProjectStage } from "@/lib/domain/values";
import { milestoneBaselines, milestones, problems, projects } from "../schema";
import type { Executor } from "../types";
import { diffFields, recordAudits, type AuditInput } from "./audit";
import type { Actor } from "./project-writes";

/**
 * What a projects ledger reads and writes beyond the project's own columns: its milestones (one
 * per type, not of a phase), its open problem, its stage. Batch forms for an import of thousands of
 * rows, with the audit trail of the forms.
 */

export interface LedgerMilestone {
  id: string;
  projectId: string;
  type: MilestoneType;
  plannedDate: string | null;
  actualDate: string | null;
  datePrecision: "day" | "month";
  version: number;
}

export interface LedgerProblem {
  id: string;
  projectId: string;
  description: string;
  owner: string;
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []));

/** The project-level milestones (first of each type) and the latest open problem of each project. */
export async function listLedgerProjectDetails(db: Executor, { parkId, projectIds }: { parkId: string; projectIds: string[] }) {
  const result = { milestones: new Map<string, LedgerMilestone[]>(), problems: new Map<string, LedgerProblem>() };
  if (projectIds.length === 0) return result;
  for (let at = 0; at < projectIds.length; at += 1000) {
    const ids = projectIds.slice(at, at + 1000);
    const found = await db
      .select({
        id: milestones.id, projectId: milestones.projectId, type: milestones.type, plannedDate: milestones.plannedDate,
        actualDate: milestones.actualDate, datePrecision: milestones.datePrecision, version: milestones.version,
      })
      .from(milestones)
      .where(and(eq(milestones.parkId, parkId), inArray(milestones.projectId, ids), isNull(milestones.phaseId), ne(milestones.type, "custom")))
      .orderBy(asc(milestones.createdAt), asc(milestones.id));
    for (const m of found) {
      const list = result.milestones.get(m.projectId) ?? [];
      if (!list.some((x) => x.type === m.type)) list.push(m);
      result.milestones.set(m.projectId, list);
    }
    const open = await db
      .select({ id: problems.id, projectId: problems.projectId, description: problems.description, owner: problems.owner })
      .from(problems)
      .where(and(eq(problems.parkId, parkId), inArray(problems.projectId, ids), eq(problems.status, "open")))
      .orderBy(asc(problems.createdAt), asc(problems.id));
    for (const p of open) result.problems.set(p.projectId, p);
  }
  return result;
}

export interface MilestoneWrite {
  projectId: string;
  type: MilestoneType;
  /** The milestone the row updates; none: a new one. */
  existing: LedgerMilestone | null;
  plannedDate: string | null;
  actualDate: string | null;
  datePrecision: "day" | "month";
}

const MILESTONE_FIELDS = ["type", "plannedDate", "actualDate", "datePrecision"] as const;
const audit = (actor: Actor, entity: string, entityId: string, projectId: string) => ({ parkId: actor.parkId, actorId: actor.actorId, entity, entityId, projectId });

/** New milestones in a few statements; changed ones by UPDATE … FROM (VALUES …), a moved baseline kept in milestone_baselines. */
export async function writeLedgerMilestonesIn(tx: Executor, actor: Actor, list: readonly MilestoneWrite[]) {
  const creates = list.filter((m) => !m.existing);
  for (let at = 0; at < creates.length; at += 1000) {
    const rows = await tx
      .insert(milestones)
      .values(creates.slice(at, at + 1000).map((m) => ({ parkId: actor.parkId, projectId: m.projectId, type: m.type, plannedDate: m.plannedDate, actualDate: m.actualDate, datePrecision: m.datePrecision })))
      .returning();
    await recordAudits(tx, rows.map((r) => ({ ...audit(actor, "milestone", r.id, r.projectId), action: "create", changes: diffFields(null, r, MILESTONE_FIELDS), entityVersion: 1 })));
  }
  const updates = list.filter((m) => m.existing);
  for (let at = 0; at < updates.length; at += 1000) {
    const batch = updates.slice(at, at + 1000);
    const values = sql.join(
      batch.map((m) => sql`(${m.existing!.id}::uuid, ${m.existing!.version}::int, ${m.plannedDate}::date, ${m.actualDate}::date, ${m.datePrecision}::text)`),
      sql`, `,
    );
    const written = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update ${milestones} set planned_date = v.planned, actual_date = v.actual, date_precision = v.precision, version = ${milestones.version} + 1, updated_at = now()
        from (values ${values}) as v(id, read_version, planned, actual, precision)
        where ${milestones.id} = v.id and ${milestones.parkId} = ${actor.parkId} and ${milestones.version} = v.read_version
        returning ${milestones.id} as id`),
    );
    if (written.length !== batch.length) return false;
    const moved = batch.filter((m) => m.existing!.plannedDate && m.existing!.plannedDate !== m.plannedDate);
    if (moved.length) {
      await tx.insert(milestoneBaselines).values(moved.map((m) => ({ parkId: actor.parkId, milestoneId: m.existing!.id, plannedDate: m.existing!.plannedDate!, replacedBy: actor.actorId, reason: null })));
    }
    const events: AuditInput[] = batch.map((m) => ({
      ...audit(actor, "milestone", m.existing!.id, m.projectId), action: "update",
      changes: diffFields(m.existing!, m, MILESTONE_FIELDS), entityVersion: m.existing!.version + 1,
    }));
    await recordAudits(tx, events);
  }
  return true;
}

/** The stage a ledger states (or its dates prove), written with an audit event per project. */
export async function setLedgerStagesIn(tx: Executor, actor: Actor, list: readonly { projectId: string; from: ProjectStage; to: ProjectStage }[]) {
  for (let at = 0; at < list.length; at += 1000) {
    const batch = list.slice(at, at + 1000);
    const values = sql.join(batch.map((s) => sql`(${s.projectId}::uuid, ${s.to}::project_stage)`), sql`, `);
    await tx.execute(sql`
      update ${projects} set stage = v.stage, updated_at = now()
      from (values ${values}) as v(id, stage)
      where ${projects.id} = v.id and ${projects.parkId} = ${actor.parkId}`);
    await recordAudits(tx, batch.map((s) => ({ ...audit(actor, "project", s.projectId, s.projectId), action: "update", changes: { stage: [s.from, s.to] } })));
  }
}

export interface ProblemWrite {
  projectId: string;
  existing: LedgerProblem | null;
  description: string;
  owner: string;
}

/** 存在问题: a new open problem, or the open one's description brought up to date (old → new in the audit trail). */
export async function writeLedgerProblemsIn(tx: Executor, actor: Actor, list: readonly ProblemWrite[]) {
  const creates = list.filter((p) => !p.existing);
  for (let at = 0; at < creates.length; at += 1000) {
    const rows = await tx
      .insert(problems)
      .values(creates.slice(at, at + 1000).map((p) => ({ parkId: actor.parkId, projectId: p.projectId, description: p.description, owner: p.owner, createdBy: actor.actorId })))
      .returning();
    await recordAudits(tx, rows.map((r) => ({ ...audit(actor, "problem", r.id, r.projectId), action: "create", changes: diffFields(null, r, ["description", "owner", "dueDate"]) })));
  }
  const updates = list.filter((p) => p.existing);
  for (let at = 0; at < updates.length; at += 1000) {
    const batch = updates.slice(at, at + 1000);
    const values = sql.join(batch.map((p) => sql`(${p.existing!.id}::uuid, ${p.description}::text)`), sql`, `);
    await tx.execute(sql`
      update ${problems} set description = v.description from (values ${values}) as v(id, description)
      where ${problems.id} = v.id and ${problems.parkId} = ${actor.parkId} and ${problems.status} = 'open'`);
    await recordAudits(tx, batch.map((p) => ({ ...audit(actor, "problem", p.existing!.id, p.projectId), action: "update", changes: { description: [p.existing!.description, p.description] } })));
  }
}
