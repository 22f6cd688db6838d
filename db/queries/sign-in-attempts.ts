import "server-only";
import { and, count, eq, gt, lt } from "drizzle-orm";
import { signInAttempts, signInKnownAddresses } from "../schema";
import type { Executor } from "../types";

const MINUTE = 60_000;

/**
 * Failed sign-ins allowed (SECURITY.md, "Sign-in limits"). Counted per account AND address, so a
 * stranger's guesses lock only the stranger's own address out of that account; per address, across
 * accounts; and per account from everywhere, a much higher ceiling that holds back only addresses the
 * account has never signed in from, so the owner at their usual address still gets in.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * MINUTE,
  perAccountAndAddress: 5,
  perAddress: 30,
  accountWindowMs: 60 * MINUTE,
  perAccount: 100,
  knownAddressMs: 30 * 24 * 60 * MINUTE,
} as const;

export type SignInRefusal = "account-and-address" | "address" | "account";

interface Attempt {
  email: string;
  ip: string;
  now?: Date;
}

const clip = ({ email, ip }: Attempt) => ({ email: email.slice(0, 320), ip: ip.slice(0, 64) });

/**
 * Why another attempt would be refused now, or null when it may be made. Only failures are counted;
 * `pending` attempts already written for this one (startSignInAttempt's own row) do not count against it.
 */
export async function signInRefusal(db: Executor, attempt: Attempt, pending = 0): Promise<SignInRefusal | null> {
  const { email, ip } = clip(attempt);
  const now = (attempt.now ?? new Date()).getTime();
  const since = new Date(now - SIGN_IN_LIMITS.windowMs);
  const accountSince = new Date(now - SIGN_IN_LIMITS.accountWindowMs);
  const knownSince = new Date(now - SIGN_IN_LIMITS.knownAddressMs);
  const t = signInAttempts;
  const k = signInKnownAddresses;
  const [[pair], [byAddress], [byAccount], [known]] = await Promise.all([
    db.select({ n: count() }).from(t).where(and(eq(t.email, email), eq(t.ip, ip), gt(t.attemptedAt, since))),
    db.select({ n: count() }).from(t).where(and(eq(t.ip, ip), gt(t.attemptedAt, since))),
    db.select({ n: count() }).from(t).where(and(eq(t.email, email), gt(t.attemptedAt, accountSince))),
    db.select({ n: count() }).from(k).where(and(eq(k.email, email), eq(k.ip, ip), gt(k.lastSignedInAt, knownSince))),
  ]);
  const before = (row: { n: number } | undefined) => (row?.n ?? 0) - pending;
  if (before(pair) >= SIGN_IN_LIMITS.perAccountAndAddress) return "account-and-address";
  if (before(byAddress) >= SIGN_IN_LIMITS.perAddress) return "address";
  if (before(byAccount) >= SIGN_IN_LIMITS.perAccount && (known?.n ?? 0) === 0) return "account";
  return null;
}

/**
 * Starts an attempt, before the password is checked: it is written as a failure first and the limits
 * read after, so a burst of parallel guesses counts itself and is refused rather than all slipping under
 * the limit. A refused attempt is removed again (refusals do not count); an allowed one stays a failure
 * unless settleSignInAttempt records a success.
 */
export async function startSignInAttempt(db: Executor, attempt: Attempt): Promise<SignInRefusal | null> {
  const [row] = await db
    .insert(signInAttempts)
    .values({ ...clip(attempt), attemptedAt: attempt.now ?? new Date() })
    .returning({ id: signInAttempts.id });
  const refusal = await signInRefusal(db, attempt, 1);
  if (refusal !== null) await db.delete(signInAttempts).where(eq(signInAttempts.id, row!.id));
  return refusal;
}

/**
 * Ends an allowed attempt. A failure stays counted; a success removes the account's failures from this
 * address (this attempt's included, not those from other addresses), and marks the address as one the
 * account signs in from.
 */
export async function settleSignInAttempt(db: Executor, { succeeded, ...attempt }: Attempt & { succeeded: boolean }) {
  const { email, ip } = clip(attempt);
  const now = attempt.now ?? new Date();
  if (succeeded) {
    await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)));
    await db
      .insert(signInKnownAddresses)
      .values({ email, ip, lastSignedInAt: now })
      .onConflictDoUpdate({ target: [signInKnownAddresses.email, signInKnownAddresses.ip], set: { lastSignedInAt: now } });
    await db.delete(signInKnownAddresses).where(lt(signInKnownAddresses.lastSignedInAt, new Date(now.getTime() - SIGN_IN_LIMITS.knownAddressMs)));
  } else {
    // Keep the table small: failures older than a day can go.
    await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, new Date(now.getTime() - 24 * 60 * MINUTE)));
  }
}
