import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { mayTake, nextStage, whoActsNext, type DubanStep } from "@/lib/domain/duban";
import type { EscalationLevel } from "@/lib/domain/values";
import { Refusal } from "@/lib/refusal";
import { auditEvents, memberships, parks, problems, problemUpdates, projects, users } from "../schema";
import type { Db, Executor } from "../types";
import { recordAudit } from "./audit";
import type { PlannedNotice } from "./notifications";

export interface DubanInput {
  problemId: string;
  step: DubanStep;
  ownerUserId: string | null;
  ownerUnit: string | null;
  dueDate: string | null;
  escalation: EscalationLevel;
  note: string | null;
}

/**
 * One 督办 change to a problem of the actor's park, under a row lock: owner (a member, or an outside
 * unit by name), due date, escalation level and a step of the flow. Each changed field goes to the audit
 * history (old → new: the due dates' history), a note to the follow-ups. Returns the notices for whoever
 * must act next; the caller queues them.
 */
export async function applyDuban(db: Db, actor: { parkId: string; actorId: string; isEditor: boolean }, input: DubanInput): Promise<PlannedNotice[]> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ problem: problems, project: projects.name, projectEn: projects.nameEn, slug: parks.slug })
      .from(problems)
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .innerJoin(parks, eq(parks.id, problems.parkId))
      .where(and(eq(problems.id, input.problemId), eq(problems.parkId, actor.parkId)))
      .for("update", { of: problems });
    if (!row) throw Refusal.notFound();
    const p = row.problem;
    if (p.status === "closed") throw Refusal.invalidField("step", "problem.alreadyClosed");
    const who = { isRaiser: p.createdBy === actor.actorId, isOwner: p.ownerUserId === actor.actorId, isEditor: actor.isEditor };
    // A viewer of the park acts on a problem only as its owner or the one who raised it.
    if (!who.isEditor && !who.isOwner && !who.isRaiser) throw new Refusal(403, "error.forbidden");
    const to = nextStage(p.stage, input.step);
    if (to === null) throw Refusal.invalidField("step", "duban.stepNotAllowed");
    if (!mayTake(input.step, who)) throw Refusal.invalidField("step", input.step === "close" || input.step === "reopen" ? "duban.onlyRaiserCloses" : "duban.onlyOwnerOrEditor");

    let owner = p.owner;
    if (input.ownerUserId) {
      const [member] = await tx
        .select({ name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.parkId, actor.parkId), eq(memberships.userId, input.ownerUserId), isNull(users.deactivatedAt)));
      if (!member) throw Refusal.invalidField("ownerUserId", "reporting.officerNotMember");
      owner = member.name;
    } else if (input.ownerUnit) {
      owner = input.ownerUnit;
    }
    const ownerChanged = owner !== p.owner || input.ownerUserId !== p.ownerUserId;
    const dueChanged = input.dueDate !== p.dueDate;
    const escalated = input.escalation !== p.escalation;
    const fieldsChange = ownerChanged || dueChanged || escalated;
    // Owner, due date and level are the park editors' to change (the owner only moves the steps).
    if (fieldsChange && !actor.isEditor) throw Refusal.invalidField("step", "duban.onlyOwnerOrEditor");

    const changes: Record<string, [unknown, unknown]> = {};
    if (owner !== p.owner) changes.owner = [p.owner, owner];
    if (input.ownerUserId !== p.ownerUserId) changes.ownerUserId = [p.ownerUserId, input.ownerUserId];
    if (dueChanged) changes.dueDate = [p.dueDate, input.dueDate];
    if (escalated) changes.escalation = [p.escalation, input.escalation];
    const closing = to === "closed";
    if (closing) changes.status = ["open", "closed"];
    else if (to !== p.stage) changes.stage = [p.stage, to];
    if (Object.keys(changes).length === 0 && !input.note) return [];

    await tx
      .update(problems)
      .set({
        owner, ownerUserId: input.ownerUserId, dueDate: input.dueDate, escalation: input.escalation,
        ...(closing ? { status: "closed" as const, closedAt: new Date() } : { stage: to }),
      })
      .where(eq(problems.id, p.id));
    if (input.note) await tx.insert(problemUpdates).values({ parkId: actor.parkId, problemId: p.id, note: input.note, authorId: actor.actorId });
    await recordAudit(tx, {
      parkId: actor.parkId, actorId: actor.actorId, entity: "problem", entityId: p.id, projectId: p.projectId,
      action: closing ? "close" : "update", changes: input.note ? { ...changes, note: [null, input.note] } : changes,
    });

    const admins = await tx.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.parkId, actor.parkId), eq(memberships.role, "admin")));
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.actorId));
    const next = whoActsNext(
      { ownerChanged, newOwnerUserId: input.ownerUserId, dueChanged, escalatedTo: escalated ? input.escalation : null, stageTo: to === p.stage ? null : to },
      { ownerUserId: p.ownerUserId, raiserId: p.createdBy, admins: admins.map((a) => a.id) },
    );
    const event = randomUUID();
    const params = {
      project: row.project, projectEn: row.projectEn ?? "", problem: p.description.slice(0, 200), due: input.dueDate ?? "—", from: p.dueDate ?? "—",
      actor: me?.name ?? "", level: input.escalation,
    };
    return next.flatMap(({ kind, to: recipients }) =>
      recipients
        .filter((id) => id !== actor.actorId)
        .map((recipientId) => ({ recipientId, parkId: actor.parkId, kind, params, link: `/projects/${p.projectId}#problems`, dedupeKey: `${kind}:${p.id}:${event}` })),
    );
  });
}

/** The due-date changes of a project's problems, oldest first, from the audit history. */
export async function listDueDateHistory(db: Executor, { parkId, problemIds }: { parkId: string; problemIds: string[] }) {
  if (problemIds.length === 0) return [];
  return db
    .select({ problemId: auditEvents.entityId, at: auditEvents.at, change: sql<[string | null, string | null]>`${auditEvents.changes}->'dueDate'`, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.parkId, parkId), eq(auditEvents.entity, "problem"), inArray(auditEvents.entityId, problemIds), sql`${auditEvents.changes} ? 'dueDate'`))
    .orderBy(asc(auditEvents.id));
}
