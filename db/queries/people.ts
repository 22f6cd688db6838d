import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { auditEvents, invitations, memberships, parks, sessions, users, type MembershipRole } from "../schema";
import type { Db, Executor } from "../types";
import { recordAudits, type AuditInput } from "./audit";
import { Refusal } from "@/lib/refusal";
import { runWrite, type WriteOutcome } from "./outcomes";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/** 256 random bits, URL-safe; only its SHA-256 is ever stored. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** Who acts, and in which park: the park scope of every people write. */
export interface ParkActor {
  parkId: string;
  actorId: string;
}

/** The park's members with their accounts, admins first. */
export async function listMembers(db: Executor, { parkId }: { parkId: string }) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, deactivatedAt: users.deactivatedAt, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.parkId, parkId))
    .orderBy(sql`case ${memberships.role} when 'admin' then 0 when 'editor' then 1 else 2 end`, asc(users.name));
}

/** Invitations not yet accepted, revoked or expired, newest first. */
export async function listPendingInvitations(db: Executor, { parkId }: { parkId: string }) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, invitedByName: users.name, createdAt: invitations.createdAt })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.parkId, parkId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(desc(invitations.createdAt));
}

/** The park's history of membership, invitation and account changes, newest first. */
export async function listPeopleAudit(db: Executor, { parkId, limit = 50 }: { parkId: string; limit?: number }) {
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, actorName: users.name, entity: auditEvents.entity, action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.parkId, parkId), inArray(auditEvents.entity, ["membership", "invitation", "user"])))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/**
 * Invites an address into the actor's park. A pending invitation of the same address is revoked (a
 * new link replaces it); a current member cannot be invited again. Returns the token, once.
 */
export function createInvitation(db: Db, actor: ParkActor, input: { email: string; role: MembershipRole }): Promise<WriteOutcome<{ id: string; token: string }>> {
  const email = input.email.trim().toLowerCase();
  return runWrite(() =>
    db.transaction(async (tx) => {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.parkId, actor.parkId), eq(users.email, email)));
      if (member) throw Refusal.invalidField("email", "people.alreadyMember");
      const replaced = await tx
        .update(invitations)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(invitations.parkId, actor.parkId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .returning({ id: invitations.id });
      const { token, hash } = newToken();
      const [row] = await tx
        .insert(invitations)
        .values({ parkId: actor.parkId, email, role: input.role, tokenHash: hash, invitedBy: actor.actorId, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })
        .returning({ id: invitations.id });
      await recordAudits(tx, [
        ...replaced.map((r): AuditInput => ({ ...auditBase(actor, "invitation", r.id), action: "revoke", changes: { status: ["pending", "replaced"] } })),
        { ...auditBase(actor, "invitation", row!.id), action: "create", changes: { email: [null, email], role: [null, input.role] } },
      ]);
      return { ok: true, value: { id: row!.id, token }, warnings: [] };
    }),
  );
}

export function revokeInvitation(db: Db, actor: ParkActor, { invitationId }: { invitationId: string }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(invitations)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(invitations.id, invitationId), eq(invitations.parkId, actor.parkId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .returning({ id: invitations.id, email: invitations.email });
      if (!row) return { ok: false, reason: "not_found" };
      await recordAudits(tx, [{ ...auditBase(actor, "invitation", row.id), action: "revoke", changes: { email: [row.email, row.email], status: ["pending", "revoked"] } }]);
      return { ok: true, value: { id: row.id }, warnings: [] };
    }),
  );
}

export interface OpenInvitation {
  id: string;
  parkId: string;
  parkSlug: string;
  parkName: string;
  parkNameEn: string | null;
  email: string;
  role: MembershipRole;
  /** The account the address already has (active or not), or null. */
  existingUserId: string | null;
  existingDeactivated: boolean;
}

/** A token's invitation while it can still be accepted; null for unknown, used, revoked and expired alike. */
export async function findOpenInvitation(db: Executor, { token }: { token: string }): Promise<OpenInvitation | null> {
  const [row] = await db
    .select({
      id: invitations.id, parkId: invitations.parkId, parkSlug: parks.slug, parkName: parks.name, parkNameEn: parks.nameEn, email: invitations.email, role: invitations.role,
      existingUserId: users.id, existingDeactivatedAt: users.deactivatedAt,
    })
    .from(invitations)
    .innerJoin(parks, eq(parks.id, invitations.parkId))
    .leftJoin(users, eq(users.email, invitations.email))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)));
  if (!row) return null;
  const { existingDeactivatedAt, ...rest } = row;
  return { ...rest, existingDeactivated: existingDeactivatedAt !== null };
}

export type AcceptOutcome = { ok: true; parkSlug: string; email: string } | { ok: false; reason: "invalid_token" | "wrong_account" | "account_exists" | "deactivated" };

/**
 * Accepts an invitation, once: the row is claimed with a conditional update inside the transaction, so
 * a replayed or concurrent accept finds nothing to claim. `as` is the signed-in account accepting
 * (its email must be the invited one), or a new account to create with the given name and password hash.
 */
export async function acceptInvitation(
  db: Db,
  { token, as }: { token: string; as: { userId: string } | { name: string; passwordHash: string; locale: "en" | "zh" } },
): Promise<AcceptOutcome> {
  return db.transaction(async (tx): Promise<AcceptOutcome> => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)))
      .returning({ id: invitations.id, parkId: invitations.parkId, email: invitations.email, role: invitations.role, invitedBy: invitations.invitedBy });
    if (!claimed) return { ok: false, reason: "invalid_token" };
    const [existing] = await tx.select({ id: users.id, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, claimed.email));
    let userId: string;
    if ("userId" in as) {
      if (!existing || existing.id !== as.userId) throw new RollBack("wrong_account");
      userId = as.userId;
    } else {
      if (existing) throw new RollBack("account_exists");
      const [created] = await tx.insert(users).values({ email: claimed.email, name: as.name, passwordHash: as.passwordHash, locale: as.locale }).returning({ id: users.id });
      userId = created!.id;
    }
    if (existing?.deactivatedAt) throw new RollBack("deactivated");
    await tx.update(invitations).set({ acceptedBy: userId }).where(eq(invitations.id, claimed.id));
    // Already a member (invited twice, accepted both): the role stays as it is; nobody raises it by invitation.
    const added = await tx.insert(memberships).values({ userId, parkId: claimed.parkId, role: claimed.role }).onConflictDoNothing().returning({ role: memberships.role });
    const actor = { parkId: claimed.parkId, actorId: userId };
    await recordAudits(tx, [
      { ...auditBase(actor, "invitation", claimed.id), action: "accept", changes: { status: ["pending", "accepted"] } },
      ...(added.length ? [{ ...auditBase(actor, "membership", userId), action: "create", changes: { email: [null, claimed.email], role: [null, claimed.role] } } satisfies AuditInput] : []),
    ]);
    const [park] = await tx.select({ slug: parks.slug }).from(parks).where(eq(parks.id, claimed.parkId));
    return { ok: true, parkSlug: park!.slug, email: claimed.email };
  }).catch((error: unknown) => {
    if (error instanceof RollBack) return { ok: false, reason: error.reason };
    throw error;
  });
}

class RollBack extends Error {
  constructor(readonly reason: "wrong_account" | "account_exists" | "deactivated") {
    super(reason);
  }
}

/**
 * Locks the park's admin rows (FOR UPDATE) and returns their user ids: two admins demoting or removing
 * each other at once queue here, and the second sees the first's change, so a park keeps an admin.
 */
async function lockAdmins(tx: Executor, parkId: string): Promise<string[]> {
  const rows = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.parkId, parkId), eq(memberships.role, "admin"))).for("update");
  return rows.map((r) => r.userId);
}

/** Changes a member's role. Nobody changes their own; the park's last admin stays an admin. */
export function changeMemberRole(db: Db, actor: ParkActor, { userId, role }: { userId: string; role: MembershipRole }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      if (userId === actor.actorId) throw Refusal.invalidField("role", "people.notYourself");
      const admins = await lockAdmins(tx, actor.parkId);
      const [member] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.parkId, actor.parkId), eq(memberships.userId, userId))).for("update");
      if (!member) return { ok: false, reason: "not_found" };
      if (member.role === role) return { ok: true, value: { id: userId }, warnings: [] };
      if (member.role === "admin" && admins.length <= 1) throw Refusal.invalidField("role", "people.lastAdmin");
      await tx.update(memberships).set({ role }).where(and(eq(memberships.parkId, actor.parkId), eq(memberships.userId, userId)));
      await recordAudits(tx, [{ ...auditBase(actor, "membership", userId), action: "update", changes: { role: [member.role, role] } }]);
      return { ok: true, value: { id: userId }, warnings: [] };
    }),
  );
}

/**
 * Removes a member from the park. Their sessions and API tokens lose the park on their next request:
 * both read the membership row on every request. The park's last admin cannot be removed.
 */
export function removeMember(db: Db, actor: ParkActor, { userId }: { userId: string }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      const admins = await lockAdmins(tx, actor.parkId);
      const [member] = await tx
        .select({ role: memberships.role, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.parkId, actor.parkId), eq(memberships.userId, userId)))
        .for("update", { of: memberships });
      if (!member) return { ok: false, reason: "not_found" };
      if (member.role === "admin" && admins.length <= 1) throw Refusal.invalidField("userId", "people.lastAdmin");
      await tx.delete(memberships).where(and(eq(memberships.parkId, actor.parkId), eq(memberships.userId, userId)));
      await recordAudits(tx, [{ ...auditBase(actor, "membership", userId), action: "delete", changes: { email: [member.email, null], role: [member.role, null] } }]);
      return { ok: true, value: { id: userId }, warnings: [] };
    }),
  );
}

/**
 * Whether every park the user belongs to is one where the actor is an admin: a park admin may reset
 * the password only of people wholly inside their own parks, and never a platform administrator's.
 */
export async function isWithinActorsParks(db: Executor, { actorId, userId }: { actorId: string; userId: string }): Promise<boolean> {
  const [user] = await db.select({ platformAdmin: users.platformAdmin }).from(users).where(eq(users.id, userId));
  if (!user || user.platformAdmin) return false;
  const actorMembership = alias(memberships, "actor_membership");
  const outside = await db
    .select({ parkId: memberships.parkId })
    .from(memberships)
    .leftJoin(
      actorMembership,
      and(eq(actorMembership.parkId, memberships.parkId), eq(actorMembership.userId, actorId), eq(actorMembership.role, "admin")),
    )
    .where(and(eq(memberships.userId, userId), isNull(actorMembership.userId)))
    .limit(1);
  return outside.length === 0;
}

/**
 * Audit events for an account change: once under no park (park_id null) — the account's own history,
 * complete whether or not it belongs to a park, read on /admin/users/[id] — and a copy for each park
 * the account belongs to, read on that park's People page.
 */
export async function auditAccountChange(tx: Executor, { actorId, userId, action, changes }: { actorId: string | null; userId: string; action: AuditInput["action"]; changes: AuditInput["changes"] }) {
  const parkRows = await tx.select({ parkId: memberships.parkId }).from(memberships).where(eq(memberships.userId, userId));
  const parkIds: (string | null)[] = [null, ...parkRows.map((p) => p.parkId)];
  await recordAudits(tx, parkIds.map((parkId) => ({ parkId, actorId, entity: "user", entityId: userId, projectId: null, action, changes })));
}

/** Users for the platform admin's list, searched by email or name. */
export async function listUsers(db: Executor, { search, limit = 100 }: { search: string; limit?: number }) {
  const q = search.trim();
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: users.id, email: users.email, name: users.name, platformAdmin: users.platformAdmin, deactivatedAt: users.deactivatedAt, createdAt: users.createdAt,
      parkCount: sql<number>`(select count(*) from ${memberships} where ${memberships.userId} = ${users.id})`.mapWith(Number),
    })
    .from(users)
    .where(q ? sql`(${users.email} ilike ${pattern} or ${users.name} ilike ${pattern})` : undefined)
    .orderBy(asc(users.email))
    .limit(limit);
}

/** Deactivates or reactivates an account; deactivating ends its sessions too. Nobody deactivates themselves. */
export function setDeactivated(db: Db, { actorId, userId, deactivated }: { actorId: string; userId: string; deactivated: boolean }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      if (userId === actorId) throw Refusal.invalidField("userId", "people.notYourself");
      const [row] = await tx.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId)).for("update");
      if (!row) return { ok: false, reason: "not_found" };
      if ((row.deactivatedAt !== null) === deactivated) return { ok: true, value: { id: userId }, warnings: [] };
      await tx.update(users).set({ deactivatedAt: deactivated ? sql`now()` : null }).where(eq(users.id, userId));
      if (deactivated) await tx.delete(sessions).where(eq(sessions.userId, userId));
      await auditAccountChange(tx, { actorId, userId, action: "update", changes: { active: [deactivated, !deactivated] } });
      return { ok: true, value: { id: userId }, warnings: [] };
    }),
  );
}

/** The user's own name and language. */
export async function updateProfile(db: Db, { userId, name, locale }: { userId: string; name: string; locale: "en" | "zh" }) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId)).for("update");
    if (!before) return;
    await tx.update(users).set({ name, locale }).where(eq(users.id, userId));
    const changes: AuditInput["changes"] = {};
    if (before.name !== name) changes.name = [before.name, name];
    if (before.locale !== locale) changes.locale = [before.locale, locale];
    if (Object.keys(changes).length) await auditAccountChange(tx, { actorId: userId, userId, action: "update", changes });
  });
}

function auditBase(actor: ParkActor, entity: string, entityId: string) {
  return { parkId: actor.parkId, actorId: actor.actorId, entity, entityId, projectId: null };
}

