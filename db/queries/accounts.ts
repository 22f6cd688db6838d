import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { preparedFor } from "../prepared";
import { jsonRows, parsedRows } from "./json-rows";
import { memberships, parkDataVersions, parks, sessions, users, type MembershipRole } from "../schema";
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
  /** The demonstration park: its figures are illustrative, and its pages say so. */
  isDemo: boolean;
}

export interface SessionViewer {
  id: string;
  email: string;
  name: string;
  locale: string;
  /** The user's parks by name, as they are now: a removed membership is gone on the next request. */
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
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, memberships: membershipsJson(d) })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder("sessionId")), gt(sessions.expiresAt, sql`now()`)))
      .prepare("session_viewer"),
  );
  const [row] = await query.execute({ sessionId });
  if (!row) return null;
  return { ...row, memberships: parsedRows<ParkMembership[]>(row.memberships) };
}

/** The session user's memberships (ParkMembership) as a JSON array, by park name. */
function membershipsJson(d: Executor) {
  const parkRows = d
    .select({
      parkId: sql`${parks.id}`.as("parkId"),
      role: sql`${memberships.role}`.as("role"),
      slug: sql`${parks.slug}`.as("slug"),
      name: sql`${parks.name}`.as("name"),
      nameEn: sql`${parks.nameEn}`.as("nameEn"),
      province: sql`${parks.province}`.as("province"),
      provinceEn: sql`${parks.provinceEn}`.as("provinceEn"),
      city: sql`${parks.city}`.as("city"),
      cityEn: sql`${parks.cityEn}`.as("cityEn"),
      isDemo: sql`${parks.isDemo}`.as("isDemo"),
    })
    .from(memberships)
    .innerJoin(parks, eq(parks.id, memberships.parkId))
    .where(eq(memberships.userId, users.id));
  return jsonRows(parkRows, sql`r."name", r."parkId"`);
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
const pageMembership = alias(memberships, "page_membership");

/**
 * What the page cache (app/_lib/page-cache) must know to serve a park's page to a session, in one
 * prepared statement and one round trip: who is asking, as a fingerprint of the same fields
 * getSessionViewer returns (so a kept page is the one this viewer would be rendered now), their role
 * in the park `slug` names, and that park's data version. Null when the session was ended, expired or
 * never existed. Only a fingerprint leaves the database, not the viewer's list of parks.
 */
export async function getParkPageGate(db: Executor, { sessionId, slug }: { sessionId: string; slug: string }): Promise<ParkPageGate | null> {
  const query = preparedFor(db, "park_page_gate", (d) =>
    d
      .select({
        viewerFingerprint: sql<string>`md5(concat_ws(E'\n', ${users.id}, ${users.email}, ${users.name}, ${users.locale}, ${membershipsJson(d)}::text))`,
        role: pageMembership.role,
        dataVersion: sql<number>`coalesce(${parkDataVersions.version}, 0)`.mapWith(Number),
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(pagePark, eq(pagePark.slug, sql.placeholder("slug")))
      .leftJoin(pageMembership, and(eq(pageMembership.parkId, pagePark.id), eq(pageMembership.userId, users.id)))
      .leftJoin(parkDataVersions, eq(parkDataVersions.parkId, pageMembership.parkId))
      .where(and(eq(sessions.id, sql.placeholder("sessionId")), gt(sessions.expiresAt, sql`now()`)))
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
  });
}

export async function getPasswordHash(db: Executor, { userId }: { userId: string }) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}
