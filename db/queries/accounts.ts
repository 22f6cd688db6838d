import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { preparedFor } from "../prepared";
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

/** The live session and its user, or null when the session was ended, expired or never existed. */
/** Every signed-in request runs this and listMembershipsByUser: both are prepared (db/prepared.ts). */
export async function getSessionUser(db: Executor, { sessionId }: { sessionId: string }) {
  const query = preparedFor(db, "session_user", (d) =>
    d
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder("sessionId")), gt(sessions.expiresAt, sql`now()`)))
      .prepare("session_user"),
  );
  const [row] = await query.execute({ sessionId });
  return row ?? null;
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

export async function listMembershipsByUser(db: Executor, { userId }: { userId: string }): Promise<ParkMembership[]> {
  const query = preparedFor(db, "memberships_by_user", (d) =>
    d
      .select({
        parkId: parks.id,
        role: memberships.role,
        slug: parks.slug,
        name: parks.name,
        nameEn: parks.nameEn,
        province: parks.province,
        provinceEn: parks.provinceEn,
        city: parks.city,
        cityEn: parks.cityEn,
      })
      .from(memberships)
      .innerJoin(parks, eq(parks.id, memberships.parkId))
      .where(eq(memberships.userId, sql.placeholder("userId")))
      .orderBy(asc(parks.name))
      .prepare("memberships_by_user"),
  );
  return query.execute({ userId });
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
