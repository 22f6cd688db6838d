import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { isoToday } from "@/lib/domain/milestones";
import { capacities, milestones, problems, problemUpdates, progressCapacities, progressEntries, projects } from "../schema";
import type { Db, Executor } from "../types";
import { diffFields, recordAudit } from "./audit";
import { runWrite, toFen, type WriteOutcome } from "./outcomes";
import { Refusal } from "@/lib/refusal";
import { deriveStage, lockProject, type Actor } from "./project-writes";
import { addToMonthlyStats } from "./rollup-maintenance";

export interface ProgressEntryInput {
  projectId: string;
  period: string; // first of the month
  narrative: string;
  narrativeEn: string | null;
  investmentCompleted: string | null;
  outputValue: string | null;
  sourceUrl: string | null;
  sourceRef: string | null;
  supersedesId?: string;
  /** milestoneId → date reached */
  reached: Record<string, string>;
  /** capacityId → capacity online now */
  online: Record<string, string>;
  problemDescription: string | null;
  problemOwner: string | null;
  problemDueDate: string | null;
}

export function negate(amount: string | null): string {
  if (!amount || toFen(amount) === 0n) return "0";
  return amount.startsWith("-") ? amount.slice(1) : `-${amount}`;
}

export function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/**
 * Logs a month in one transaction: the entry, the project's completed investment, milestones reached,
 * capacity online, an optional problem, and the stage that follows. A correction supersedes an entry
 * (both stay); its investment replaces the old entry's in the project's total.
 */
export function logProgress(db: Db, actor: Actor, input: ProgressEntryInput, today = isoToday()): Promise<WriteOutcome> {
  return runWrite(() => db.transaction((tx) => logProgressIn(tx, actor, input, today)));
}

/**
 * logProgress inside a caller's transaction (a ledger import logs many months in one). Errors are
 * thrown as by logProgress's transaction; wrap the call in runWrite to get an outcome.
 */
export async function logProgressIn(tx: Executor, actor: Actor, input: ProgressEntryInput, today = isoToday()): Promise<WriteOutcome> {
  const project = await lockProject(tx, actor, input.projectId);
  if (input.period > today) throw Refusal.invalidField("period", "progress.futurePeriod");

  // One entry per project and month: another entry for a logged month is a correction (supersedesId).
  // The project's row lock above serialises two loggings of the same month.
  if (!input.supersedesId) {
    const [logged] = await tx
      .select({ id: progressEntries.id })
      .from(progressEntries)
      .where(
        and(
          eq(progressEntries.parkId, actor.parkId), eq(progressEntries.projectId, project.id), eq(progressEntries.period, input.period),
          sql`not exists (select 1 from ${progressEntries} c where c.supersedes_id = ${progressEntries.id})`,
        ),
      )
      .orderBy(desc(progressEntries.createdAt))
      .limit(1);
    if (logged) throw monthLogged(input.period, logged.id);
  }

  let replacedInvestment = 0n;
  let replaced: { period: string; investmentCompleted: string | null; outputValue: string | null } | null = null;
  if (input.supersedesId) {
    const [old] = await tx
      .select()
      .from(progressEntries)
      .where(and(eq(progressEntries.id, input.supersedesId), eq(progressEntries.projectId, project.id), eq(progressEntries.parkId, actor.parkId)));
    if (!old) throw Refusal.invalidField("supersedesId", "validation.invalid");
    const [already] = await tx.select({ id: progressEntries.id }).from(progressEntries).where(eq(progressEntries.supersedesId, old.id));
    if (already) throw Refusal.invalidField("supersedesId", "progress.alreadyCorrected");
    replacedInvestment = old.investmentCompleted ? toFen(old.investmentCompleted) : 0n;
    replaced = old;
  }

  // The park's monthly sums move with the log: the new entry in, the one it corrects out —
  // in month order, so two corrections crossing the same two months cannot deadlock. They come
  // before the entry is written: a correction's insert takes the park's capacity-ramp lock
  // (trigger), and every writer must take the monthly rows before that lock, never after.
  const deltas = [
    { parkId: actor.parkId, period: input.period, investment: input.investmentCompleted ?? "0", output: input.outputValue ?? "0", entries: 1 },
    ...(replaced
      ? [{ parkId: actor.parkId, period: replaced.period, investment: negate(replaced.investmentCompleted), output: negate(replaced.outputValue), entries: -1 }]
      : []),
  ].sort((a, b) => a.period.localeCompare(b.period) || b.entries - a.entries);
  for (const delta of deltas) await addToMonthlyStats(tx, delta);

  const [entry] = await tx
    .insert(progressEntries)
    .values({
      parkId: actor.parkId, projectId: project.id, period: input.period, authorId: actor.actorId,
      narrative: input.narrative, narrativeEn: input.narrativeEn, investmentCompleted: input.investmentCompleted,
      outputValue: input.outputValue, sourceUrl: input.sourceUrl, sourceRef: input.sourceRef, supersedesId: input.supersedesId ?? null,
    })
    .returning();
  await recordAudit(tx, {
    parkId: actor.parkId, actorId: actor.actorId, entity: "progress_entry", entityId: entry!.id, projectId: project.id,
    action: input.supersedesId ? "supersede" : "create",
    changes: diffFields(null, entry!, ["period", "narrative", "investmentCompleted", "outputValue", "sourceUrl", "sourceRef", "supersedesId"]),
  });

  const reachedIds = Object.keys(input.reached);
  if (reachedIds.length > 0) {
    const open = await tx
      .select()
      .from(milestones)
      .where(and(inArray(milestones.id, reachedIds), eq(milestones.projectId, project.id), eq(milestones.parkId, actor.parkId)));
    // An id of another project or park, or one already reached, refuses the whole entry.
    if (open.length !== reachedIds.length) throw Refusal.invalidField("reached", "validation.invalid");
    for (const m of open) {
      const date = input.reached[m.id]!;
      if (date > today) throw Refusal.invalidField(`reached.${m.id}`, "progress.futureDate");
      if (m.actualDate) throw Refusal.invalidField(`reached.${m.id}`, "progress.alreadyReached");
      await tx.update(milestones).set({ actualDate: date, version: sql`${milestones.version} + 1` }).where(and(eq(milestones.id, m.id), isNull(milestones.actualDate)));
      await recordAudit(tx, {
        parkId: actor.parkId, actorId: actor.actorId, entity: "milestone", entityId: m.id, projectId: project.id,
        action: "update", changes: { actualDate: [null, date] }, entityVersion: m.version + 1,
      });
    }
  }

  const onlineIds = Object.keys(input.online);
  if (onlineIds.length > 0) {
    const caps = await tx
      .select()
      .from(capacities)
      .where(and(inArray(capacities.id, onlineIds), eq(capacities.projectId, project.id), eq(capacities.parkId, actor.parkId)));
    if (caps.length !== onlineIds.length) throw Refusal.invalidField("online", "validation.invalid");
    for (const c of caps) {
      const online = input.online[c.id]!;
      await tx.insert(progressCapacities).values({ entryId: entry!.id, capacityId: c.id, parkId: actor.parkId, online });
      const changes = diffFields(c, { online }, ["online"]);
      if (Object.keys(changes).length === 0) continue;
      await tx.update(capacities).set({ online, version: sql`${capacities.version} + 1` }).where(eq(capacities.id, c.id));
      await recordAudit(tx, {
        parkId: actor.parkId, actorId: actor.actorId, entity: "capacity", entityId: c.id, projectId: project.id,
        action: "update", changes, entityVersion: c.version + 1,
      });
    }
  }

  if (input.problemDescription && input.problemOwner) {
    const [problem] = await tx
      .insert(problems)
      .values({
        parkId: actor.parkId, projectId: project.id, raisedInEntryId: entry!.id, description: input.problemDescription,
        owner: input.problemOwner, dueDate: input.problemDueDate, createdBy: actor.actorId,
      })
      .returning();
    await recordAudit(tx, {
      parkId: actor.parkId, actorId: actor.actorId, entity: "problem", entityId: problem!.id, projectId: project.id,
      action: "create", changes: diffFields(null, problem!, ["description", "owner", "dueDate"]),
    });
  }

  const added = (input.investmentCompleted ? toFen(input.investmentCompleted) : 0n) - replacedInvestment;
  if (added !== 0n) {
    const completed = fenToYuan(toFen(project.completedInvestment) + added);
    if (completed.startsWith("-")) throw Refusal.invalidField("investmentCompleted", "progress.negativeTotal");
    // The version moves so that someone editing the project form sees a conflict, not a silent overwrite.
    const [updated] = await tx
      .update(projects)
      .set({ completedInvestment: completed, version: sql`${projects.version} + 1` })
      .where(and(eq(projects.id, project.id), eq(projects.parkId, actor.parkId)))
      .returning({ version: projects.version });
    await recordAudit(tx, {
      parkId: actor.parkId, actorId: actor.actorId, entity: "project", entityId: project.id, projectId: project.id,
      action: "update", changes: { completedInvestment: [project.completedInvestment, completed] }, entityVersion: updated!.version,
    });
  }
  await deriveStage(tx, actor, project.id, today);
  return { ok: true, value: { id: entry!.id }, warnings: [] };
}

/** 409: the month has an entry; the refusal names it, to be corrected (supersedesId) instead. */
export function monthLogged(period: string, entryId: string): Refusal {
  const params = { month: period.slice(0, 7) };
  return new Refusal(409, "progress.monthLogged", {
    params, fields: [{ field: "period", messageKey: "progress.monthLogged", params }], members: { entryId, supersedesId: entryId },
  });
}

export function raiseProblem(db: Db, actor: Actor, input: { projectId: string; description: string; owner: string; dueDate: string | null }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      await lockProject(tx, actor, input.projectId);
      const [problem] = await tx
        .insert(problems)
        .values({ parkId: actor.parkId, projectId: input.projectId, description: input.description, owner: input.owner, dueDate: input.dueDate, createdBy: actor.actorId })
        .returning();
      await recordAudit(tx, {
        parkId: actor.parkId, actorId: actor.actorId, entity: "problem", entityId: problem!.id, projectId: input.projectId,
        action: "create", changes: diffFields(null, problem!, ["description", "owner", "dueDate"]),
      });
      return { ok: true, value: { id: problem!.id }, warnings: [] };
    }),
  );
}

/** A follow-up note on a problem, optionally closing it; the notes stay as its history. */
export function followUpProblem(db: Db, actor: Actor, input: { problemId: string; note: string; close: boolean }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      const [problem] = await tx
        .select()
        .from(problems)
        .where(and(eq(problems.id, input.problemId), eq(problems.parkId, actor.parkId)))
        .for("update");
      if (!problem) throw Refusal.notFound();
      if (problem.status === "closed") throw Refusal.invalidField("note", "problem.alreadyClosed");
      const [update] = await tx
        .insert(problemUpdates)
        .values({ parkId: actor.parkId, problemId: problem.id, note: input.note, authorId: actor.actorId })
        .returning();
      await recordAudit(tx, {
        parkId: actor.parkId, actorId: actor.actorId, entity: "problem", entityId: problem.id, projectId: problem.projectId,
        action: "update", changes: { note: [null, update!.note] },
      });
      if (input.close) {
        await tx.update(problems).set({ status: "closed", closedAt: new Date() }).where(eq(problems.id, problem.id));
        await recordAudit(tx, {
          parkId: actor.parkId, actorId: actor.actorId, entity: "problem", entityId: problem.id, projectId: problem.projectId,
          action: "close", changes: { status: ["open", "closed"] },
        });
      }
      return { ok: true, value: { id: problem.id }, warnings: [] };
    }),
  );
}
