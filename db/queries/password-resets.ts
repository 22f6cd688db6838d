import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { passwordResets, sessions, users } from "../schema";
import type { Db } from "../types";
import { auditAccountChange, hashToken, newToken } from "./people";

export const RESET_TTL_MS = 60 * 60_000;
/** The first administrator's link (npm run admin:create) may be opened the next day. */
export const FIRST_ADMIN_TTL_MS = 24 * 60 * 60_000;

/** Issues a one-time link to set the user's password; returns the token, once. */
export async function issuePasswordReset(db: Db, { userId, issuedBy, ttlMs = RESET_TTL_MS }: { userId: string; issuedBy: string | null; ttlMs?: number }): Promise<string> {
  const { token, hash } = newToken();
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({ userId, tokenHash: hash, issuedBy, expiresAt: new Date(Date.now() + ttlMs) });
    await auditAccountChange(tx, { actorId: issuedBy, userId, action: "issue", changes: { passwordResetLink: [null, "issued"] } });
  });
  return token;
}

/** The open reset a token names (not used, not expired, account active), or null for every other case alike. */
export async function findOpenReset(db: Db, { token }: { token: string }) {
  const [row] = await db
    .select({ id: passwordResets.id, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`), isNull(users.deactivatedAt)));
  return row ?? null;
}

/**
 * Sets the password a reset link is for, once: the link is claimed by a conditional update, and every
 * session of the account ends (as with any password change). Null when the token cannot be used.
 */
export async function usePasswordReset(db: Db, { token, passwordHash }: { token: string; passwordHash: string }): Promise<{ email: string } | null> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
      .returning({ userId: passwordResets.userId });
    if (!claimed) return null;
    const [user] = await tx.update(users).set({ passwordHash }).where(and(eq(users.id, claimed.userId), isNull(users.deactivatedAt))).returning({ email: users.email });
    if (!user) {
      tx.rollback();
      return null;
    }
    await tx.delete(sessions).where(eq(sessions.userId, claimed.userId));
    // Every other open link of the account dies with this one.
    await tx.update(passwordResets).set({ usedAt: sql`now()` }).where(and(eq(passwordResets.userId, claimed.userId), isNull(passwordResets.usedAt)));
    await auditAccountChange(tx, { actorId: claimed.userId, userId: claimed.userId, action: "update", changes: { password: ["…", "set by reset link"] } });
    return { email: user.email };
  }).catch((error: unknown) => {
    if (error instanceof Error && error.name === "TransactionRollbackError") return null;
    throw error;
  });
}
