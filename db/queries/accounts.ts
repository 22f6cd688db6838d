import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { preparedFor } from "../prepared";
import { jsonRows, parsedRows } from "./json-rows";
import { memberships, parks, sessions, users, type MembershipRole } from "../schema";
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
  const query = preparedFor(db, "session_viewer", (d) => {
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
      })
      .from(memberships)
      .innerJoin(parks, eq(parks.id, memberships.parkId))
      .where(eq(memberships.userId, users.id));
    return d
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        memberships: jsonRows(parkRows, sql`r."name", r."parkId"`),
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder("sessionId")), gt(sessions.expiresAt, sql`now()`)))
      .prepare("session_viewer");
  });
  const [row] = await query.execute({ sessionId });
  if (!row) return null;
  return { ...row, memberships: parsedRows<ParkMembership[]>(row.memberships) };
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
