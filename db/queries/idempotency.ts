import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { apiIdempotencyKeys } from "../schema";
import type { Executor } from "../types";

/** How long a key's answer is kept for retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyClaim =
  | { state: "new" }
  | { state: "replay"; status: number; headers: Record<string, string>; body: string }
  | { state: "mismatch" }
  | { state: "running" };

/**
 * Claims a token's Idempotency-Key for a request (its fingerprint), or finds what the key already
 * answered. The insert is the claim: of two requests with one key at once, exactly one inserts.
 */
export async function claimIdempotencyKey(
  db: Executor,
  { tokenId, key, fingerprint, now = new Date() }: { tokenId: string; key: string; fingerprint: string; now?: Date },
): Promise<IdempotencyClaim> {
  await db.delete(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)));
  const inserted = await db.insert(apiIdempotencyKeys).values({ tokenId, key, fingerprint, createdAt: now }).onConflictDoNothing().returning({ key: apiIdempotencyKeys.key });
  if (inserted.length) return { state: "new" };
  const [row] = await db.select().from(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key)));
  if (!row) return claimIdempotencyKey(db, { tokenId, key, fingerprint, now });
  if (row.fingerprint !== fingerprint) return { state: "mismatch" };
  if (row.status === null) return { state: "running" };
  return { state: "replay", status: row.status, headers: row.headers ?? {}, body: row.body ?? "" };
}

/** The answer a claimed key gave, kept for its retries. */
export async function finishIdempotencyKey(db: Executor, { tokenId, key, status, headers, body }: { tokenId: string; key: string; status: number; headers: Record<string, string>; body: string }) {
  await db.update(apiIdempotencyKeys).set({ status, headers, body }).where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key), sql`${apiIdempotencyKeys.status} is null`));
}

/** A claimed key whose request failed on the server's side: released, so a retry runs again. */
export async function releaseIdempotencyKey(db: Executor, { tokenId, key }: { tokenId: string; key: string }) {
  await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key), sql`${apiIdempotencyKeys.status} is null`));
}
