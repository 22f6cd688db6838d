import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { effectiveParkRoles } from "./effective-roles";
import { preparedFor } from "../prepared";
import { jsonRows, parsedRows } from "./json-rows";
import { auditAccountChange } from "./people";
import { apiTokens, memberships, notifications, parkDataVersions, parks, sessions, users, type MembershipRole } from "../schema";
import type { Db, Executor } from "../types";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function getUserByEmail(db: Executor, { email }: { email: string }) {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user ?? null;
}

export async function createSession(db: Executor, { userId }: { userId: string }) {
  const [row] = await db
    .insert(sessions)
    .values({ userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
    .returning({ id: sessions.id });
  return row!.id;
}

export async function deleteSession(db: Executor, { sessionId }: { sessionId: string }) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Whether the session row exists and has not expired (next-auth's session endpoint asks, live-token.ts). */
export async function isSessionLive(db: Executor, { sessionId }: { sessionId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`)));
  return row !== undefined;
}

export interface ParkMembership {
  parkId: string;
  role: MembershipRole;
  slug: string;
  name: string;
  nameEn: string | null;
  province: string;
  provinceEn: string | null;
  city: string;
  cityEn: string | null;
  /** Archived: read-only (the role is at most viewer) and left out of every list (listedMemberships). */
  archived: boolean;
  /** The demonstration park: its figures are illustrative, and its pages say so. */
  isDemo: boolean;
}

export interface SessionViewer {
  id: string;
  email: string;
  name: string;
  locale: string;
  platformAdmin: boolean;
  /**
   * The user's parks by name, as they are now: their memberships and the parks of the regions they read
   * (effectiveParkRoles). A removed membership or region role is gone on the next request.
   */
  memberships: ParkMembership[];
}

/**
 * The live session's user and their park memberships, or null when the session was ended, expired or
 * never existed. Every signed-in request runs it, so it is one prepared statement (db/prepared.ts) and
 * one round trip: the memberships come along as JSON rather than from a second query that waited for
 * the first (a round trip each on a managed database across the network).
 */
export async function getSessionViewer(db: Executor, { sessionId }: { sessionId: string }): Promise<SessionViewer | null> {
  const query = preparedFor(db, "session_viewer", (d) =>
    d
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, platformAdmin: users.platformAdmin, memberships: membershipsJson(d) })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder("sessionId")), gt(sessions.expiresAt, sql`now()`), isNull(users.deactivatedAt)))
      .prepare("session_viewer"),
  );
  const [row] = await query.execute({ sessionId });
  if (!row) return null;
  return { ...row, memberships: parsedRows<ParkMembership[]>(row.memberships) };
}

/** The session user's effective park roles (ParkMembership) as a JSON array, by park name. */
function membershipsJson(d: Executor) {
  const parkRows = d
    .select({
      parkId: sql`${parks.id}`.as("parkId"),
      role: sql`e.role`.as("role"),
      slug: sql`${parks.slug}`.as("slug"),
      name: sql`${parks.name}`.as("name"),
      nameEn: sql`${parks.nameEn}`.as("nameEn"),
      province: sql`${parks.province}`.as("province"),
      provinceEn: sql`${parks.provinceEn}`.as("provinceEn"),
      city: sql`${parks.city}`.as("city"),
      cityEn: sql`${parks.cityEn}`.as("cityEn"),
      archived: sql`(${parks.archivedAt} is not null)`.as("archived"),
      isDemo: sql`${parks.isDemo}`.as("isDemo"),
    })
    .from(sql`${effectiveParkRoles(users.id)} e`)
    .innerJoin(parks, sql`${parks.id} = e.park_id`);
  return jsonRows(parkRows, sql`r."name", r."parkId"`);
}

/** A user's effective park roles outside a session (the test harness builds its viewers with it). */
export async function listEffectiveMemberships(db: Executor, { userId }: { userId: string }): Promise<ParkMembership[]> {
  const [row] = await db.select({ memberships: membershipsJson(db) }).from(users).where(eq(users.id, userId));
  return row ? parsedRows<ParkMembership[]>(row.memberships) : [];
}

export interface ParkPageGate {
  /** md5 of everything getSessionViewer returns for the session: it changes exactly when the viewer does. */
  viewerFingerprint: string;
  /** The viewer's role in the park the slug names; null when it is not one of their parks. */
  role: MembershipRole | null;
  /** That park's data version (0 before its first write); 0 when it is not one of their parks. */
  dataVersion: number;
}

const pagePark = alias(parks, "page_park");

/**
 * What the page cache (app/_lib/page-cache) must know to serve a park's page to a session, in one
 * prepared statement and one round trip: who is asking, as a fingerprint of the same fields
 * getSessionViewer returns (so a kept page is the one this viewer would be rendered now), their role
 * in the park `slug` names, and that park's data version. Null when the session was ended, expired or
 * never existed. Only a fingerprint leaves the database, not the viewer's list of parks.
 */
export async function getParkPageGate(db: Executor, { sessionId, slug }: { sessionId: string; slug: string }): Promise<ParkPageGate | null> {
  // The viewer's effective role in the page's park: the same rows getSessionViewer lists.
  // The header's bell shows the unread count: a page kept with another count is not this viewer's page now.
  const unreadCount = sql`(select count(*) from ${notifications} n where n.recipient_id = ${users.id} and n.read_at is null)`;
  const pageRole = sql`(select e.role from ${effectiveParkRoles(users.id)} e where e.park_id = ${pagePark.id})`;
  const query = preparedFor(db, "park_page_gate", (d) =>
    d
      .select({
        viewerFingerprint: sql<string>`md5(concat_ws(E'\n', ${users.id}, ${users.email}, ${users.name}, ${users.locale}, ${users.platformAdmin}, ${membershipsJson(d)}::text, ${unreadCount}))`,
        role: sql<MembershipRole | null>`${pageRole}`,
        dataVersion: sql<number>`case when ${pageRole} is null then 0 else coalesce(${parkDataVersions.version}, 0) end`.mapWith(Number),
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(pagePark, eq(pagePark.slug, sql.placeholder("slug")))
      .leftJoin(parkDataVersions, eq(parkDataVersions.parkId, pagePark.id))
      .where(and(eq(sessions.id, sql.placeholder("sessionId")), gt(sessions.expiresAt, sql`now()`), isNull(users.deactivatedAt)))
      .prepare("park_page_gate"),
  );
  const [row] = await query.execute({ sessionId, slug });
  return row ?? null;
}

/** A new password ends every session of the user, on every device, in the same transaction. */
export async function changePassword(db: Db, { userId, passwordHash }: { userId: string; passwordHash: string }) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await auditAccountChange(tx, { actorId: userId, userId, action: "update", changes: { password: ["…", "changed by its owner"] } });
  });
}

export async function getPasswordHash(db: Executor, { userId }: { userId: string }) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

/**
 * Ends every session of the user, on every device, and with `revokeApiTokens` revokes all their API
 * tokens too, in one transaction. A password change keeps API tokens (SECURITY.md says why); this is
 * the way to end them all at once. Returns how many of each ended.
 */
export async function signOutEverywhere(db: Db, { userId, revokeApiTokens }: { userId: string; revokeApiTokens: boolean }) {
  return db.transaction(async (tx) => {
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
    const revoked = revokeApiTokens
      ? await tx
          .update(apiTokens)
          .set({ revokedAt: sql`now()` })
          .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
          .returning({ id: apiTokens.id })
      : [];
    return { sessions: ended.length, apiTokens: revoked.length };
  });
}

/** One account as a platform administrator sees it on /admin/users/[id], with the parks it belongs to. */
export async function getAccountForAdmin(db: Executor, { userId }: { userId: string }) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, platformAdmin: users.platformAdmin, deactivatedAt: users.deactivatedAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const parkRows = await db
    .select({ parkId: parks.id, name: parks.name, nameEn: parks.nameEn, role: memberships.role })
    .from(memberships)
    .innerJoin(parks, eq(parks.id, memberships.parkId))
    .where(eq(memberships.userId, userId))
    .orderBy(parks.name);
  return { ...user, parks: parkRows };
}
