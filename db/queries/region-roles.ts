import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { auditEvents, regionMemberships, regions, users } from "../schema";
import type { Db, Executor } from "../types";
import { recordAudit } from "./audit";
import { Refusal } from "@/lib/refusal";
import { runWrite, type WriteOutcome } from "./outcomes";

/**
 * Region roles: a platform admin lets an existing user read every park of a region (the viewer query
 * folds them into the user's park roles: db/queries/effective-roles.ts). Audited under no park, with
 * the region as the entity.
 */

export async function listRegionReaders(db: Executor, { regionId }: { regionId: string }) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: regionMemberships.role, since: regionMemberships.createdAt })
    .from(regionMemberships)
    .innerJoin(users, eq(users.id, regionMemberships.userId))
    .where(eq(regionMemberships.regionId, regionId))
    .orderBy(asc(users.email));
}

/** Gives the user of `email` the viewer role on the region; an unknown email is a field error, as is a second grant. */
export function addRegionReader(db: Db, { actorId }: { actorId: string }, input: { regionId: string; email: string }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx): Promise<WriteOutcome> => {
      const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
      if (!region) throw Refusal.notFound();
      const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, input.email.trim().toLowerCase()));
      if (!user) throw Refusal.invalidField("email", "admin.regionRole.noSuchUser");
      const inserted = await tx.insert(regionMemberships).values({ userId: user.id, regionId: region.id, role: "viewer" }).onConflictDoNothing().returning();
      if (inserted.length === 0) throw Refusal.invalidField("email", "admin.regionRole.already");
      await recordAudit(tx, {
        parkId: null, actorId, entity: "region_membership", entityId: region.id, projectId: null, action: "create",
        changes: { user: [null, user.email], role: [null, "viewer"] },
      });
      return { ok: true, value: { id: user.id }, warnings: [] };
    }),
  );
}

export function removeRegionReader(db: Db, { actorId }: { actorId: string }, input: { regionId: string; userId: string }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx): Promise<WriteOutcome> => {
      const [removed] = await tx
        .delete(regionMemberships)
        .where(and(eq(regionMemberships.regionId, input.regionId), eq(regionMemberships.userId, input.userId)))
        .returning({ role: regionMemberships.role });
      if (!removed) throw Refusal.notFound();
      const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
      await recordAudit(tx, {
        parkId: null, actorId, entity: "region_membership", entityId: input.regionId, projectId: null, action: "delete",
        changes: { user: [user?.email ?? input.userId, null], role: [removed.role, null] },
      });
      return { ok: true, value: { id: input.userId }, warnings: [] };
    }),
  );
}

/** The audit history of a region: its own changes and its region roles, newest first. */
export async function listRegionHistory(db: Executor, { regionId }: { regionId: string }) {
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, actorName: users.name, entity: auditEvents.entity, action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(isNull(auditEvents.parkId), eq(auditEvents.entityId, regionId)))
    .orderBy(desc(auditEvents.id))
    .limit(50);
}
