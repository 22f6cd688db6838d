import "server-only";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { auditEvents, users } from "../schema";
import type { Executor } from "../types";

export type Changes = Record<string, [unknown, unknown]>;

/** The fields whose values differ between two versions of a row, as { field: [old, new] }. */
export function diffFields(before: object | null, after: object, fields: readonly string[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const old = before ? ((before as Record<string, unknown>)[field] ?? null) : null;
    const next = (after as Record<string, unknown>)[field] ?? null;
    if (!sameValue(old, next)) changes[field] = [old, next];
  }
  return changes;
}

/** Numeric strings compare by value ("5000000000" equals "5000000000.00"). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string" && /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b)) {
    const norm = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
    return norm(a) === norm(b);
  }
  return a === b;
}

export interface AuditInput {
  /** Null for a change of no park's: a region or a region role. */
  parkId: string | null;
  actorId: string | null;
  entity: string;
  entityId: string;
  projectId: string | null;
  action: "create" | "update" | "delete" | "supersede" | "derive" | "rebaseline" | "close" | "revoke" | "accept" | "issue";
  changes: Changes;
  entityVersion?: number | null;
}

export async function recordAudit(db: Executor, event: AuditInput) {
  await recordAudits(db, [event]);
}

/** Several events in one statement (a ledger import creates thousands of projects at once). */
export async function recordAudits(db: Executor, events: AuditInput[]) {
  const kept = events.filter((e) => !(e.action === "update" && Object.keys(e.changes).length === 0));
  if (kept.length) await db.insert(auditEvents).values(kept.map((e) => ({ ...e, entityVersion: e.entityVersion ?? null })));
}

/** What others changed on a row since the version a user read: shown with a conflict. */
export async function listChangesSince(db: Executor, { parkId, entityId, sinceVersion }: { parkId: string | null; entityId: string; sinceVersion: number }) {
  return db
    .select({ at: auditEvents.at, actorName: users.name, action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(parkId === null ? isNull(auditEvents.parkId) : eq(auditEvents.parkId, parkId), eq(auditEvents.entityId, entityId), gt(auditEvents.entityVersion, sinceVersion)))
    .orderBy(asc(auditEvents.id));
}

export type ChangeSince = Awaited<ReturnType<typeof listChangesSince>>[number];

export async function listAuditByProject(db: Executor, { parkId, projectId, limit = 100 }: { parkId: string; projectId: string; limit?: number }) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: users.name,
      entity: auditEvents.entity,
      action: auditEvents.action,
      changes: auditEvents.changes,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.parkId, parkId), eq(auditEvents.projectId, projectId)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/** An account's own history (its changes recorded under no park: db/queries/people.ts auditAccountChange), newest first. */
export async function listAccountHistory(db: Executor, { userId, limit = 50 }: { userId: string; limit?: number }) {
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, actorName: users.name, entity: auditEvents.entity, action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(isNull(auditEvents.parkId), eq(auditEvents.entity, "user"), eq(auditEvents.entityId, userId)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
