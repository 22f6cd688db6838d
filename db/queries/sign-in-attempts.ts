import "server-only";
import { and, count, eq, gt, lt } from "drizzle-orm";
import { signInAttempts } from "../schema";
import type { Executor } from "../types";

/** Failed sign-ins allowed per window, per account and per client address. */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60 * 1000, perAccount: 5, perIp: 30 } as const;

/**
 * Whether another attempt may be made. Counted in PostgreSQL, so the limit holds however many app
 * instances share the database.
 */
export async function isSignInAllowed(db: Executor, { email, ip, now = new Date() }: { email: string; ip: string; now?: Date }) {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const [[byAccount], [byIp]] = await Promise.all([
    db.select({ n: count() }).from(signInAttempts).where(and(eq(signInAttempts.email, email), gt(signInAttempts.attemptedAt, since))),
    db.select({ n: count() }).from(signInAttempts).where(and(eq(signInAttempts.ip, ip), gt(signInAttempts.attemptedAt, since))),
  ]);
  return (byAccount?.n ?? 0) < SIGN_IN_LIMITS.perAccount && (byIp?.n ?? 0) < SIGN_IN_LIMITS.perIp;
}

export async function recordFailedSignIn(db: Executor, { email, ip }: { email: string; ip: string }) {
  await db.insert(signInAttempts).values({ email: email.slice(0, 320), ip: ip.slice(0, 64) });
  // Keep the table small: attempts older than a day can go.
  await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, new Date(Date.now() - 24 * 60 * 60 * 1000)));
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearFailedSignIns(db: Executor, { email }: { email: string }) {
  await db.delete(signInAttempts).where(eq(signInAttempts.email, email));
}
