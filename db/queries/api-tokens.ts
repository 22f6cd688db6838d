import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { API_TOKEN_PREFIX, API_TOKEN_RE, MAX_ACTIVE_TOKENS } from "@/lib/domain/api-token-schemas";
import { apiTokenParks, apiTokens, parks, users, type MembershipRole } from "../schema";
import { effectiveParkRoles } from "./effective-roles";
import type { Db, Executor } from "../types";
import { runWrite, type WriteOutcome } from "./outcomes";
import { Refusal } from "@/lib/refusal";

/** A token's SHA-256: the only form in which it is stored. */
export function hashApiToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** The recognisable prefix and 32 random bytes (256 bits) as base64url. */
function newToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** What the list shows of a token: its prefix and the first eight random characters. */
export const visiblePrefix = (token: string) => token.slice(0, API_TOKEN_PREFIX.length + 8);

export interface NewApiToken {
  label: string;
  /** Parks the owner is a member of (the caller checks); the token reaches these and no others. */
  parkIds: string[];
  canWrite: boolean;
  expiresAt: Date | null;
}

/** Creates a token and returns it: the only time it exists outside its owner's hands. */
export function createApiToken(db: Db, { userId }: { userId: string }, input: NewApiToken): Promise<WriteOutcome<{ id: string; token: string }>> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      const [active] = await tx
        .select({ n: count() })
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`))));
      if ((active?.n ?? 0) >= MAX_ACTIVE_TOKENS) throw Refusal.invalidField("label", "apiToken.tooMany");
      // The parks must be the owner's now (a membership or a region read); one removed later disables the token there at request time.
      const own = await tx
        .select({ parkId: sql<string>`e.park_id` })
        .from(sql`${effectiveParkRoles(sql`${userId}::uuid`)} e`)
        .where(inArray(sql`e.park_id`, input.parkIds));
      if (input.parkIds.length === 0 || own.length !== new Set(input.parkIds).size) throw Refusal.invalidField("parkIds", "apiToken.parksNotYours");
      const token = newToken();
      const [row] = await tx
        .insert(apiTokens)
        .values({ userId, label: input.label, tokenHash: hashApiToken(token), tokenPrefix: visiblePrefix(token), canWrite: input.canWrite, expiresAt: input.expiresAt })
        .returning({ id: apiTokens.id });
      await tx.insert(apiTokenParks).values(own.map(({ parkId }) => ({ tokenId: row!.id, parkId })));
      return { ok: true, value: { id: row!.id, token }, warnings: [] };
    }),
  );
}

/** The user's tokens that are not revoked, newest first, with the parks each reaches. */
export async function listApiTokensByUser(db: Executor, { userId }: { userId: string }) {
  const tokens = await db
    .select({
      id: apiTokens.id,
      label: apiTokens.label,
      tokenPrefix: apiTokens.tokenPrefix,
      canWrite: apiTokens.canWrite,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      expired: sql<boolean>`(${apiTokens.expiresAt} is not null and ${apiTokens.expiresAt} <= now())`,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  if (tokens.length === 0) return [];
  const parkRows = await db
    .select({ tokenId: apiTokenParks.tokenId, parkId: parks.id, name: parks.name, nameEn: parks.nameEn })
    .from(apiTokenParks)
    .innerJoin(parks, eq(parks.id, apiTokenParks.parkId))
    .where(inArray(apiTokenParks.tokenId, tokens.map((t) => t.id)))
    .orderBy(asc(parks.name));
  return tokens.map((t) => ({ ...t, parks: parkRows.filter((p) => p.tokenId === t.id) }));
}


/** Revokes one of the user's own tokens; anyone else's, or one already revoked, is not found. */
export function revokeApiToken(db: Db, { userId }: { userId: string }, { tokenId }: { tokenId: string }): Promise<WriteOutcome> {
  return runWrite(async () => {
    const [row] = await db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw Refusal.notFound();
    return { ok: true, value: { id: row.id }, warnings: [] };
  });
}

/** A park a token reaches: listed on the token AND its owner still reads it (effectiveParkRoles). */
export interface TokenPark {
  parkId: string;
  role: MembershipRole;
  /** Archived: readable (the role is capped at viewer) but left out of the park list. */
  archived: boolean;
}

export interface AuthenticatedToken {
  tokenId: string;
  userId: string;
  canWrite: boolean;
  lastUsedAt: Date | null;
  parks: TokenPark[];
}

/**
 * The live token for a bearer string, or null: unknown, revoked and expired tokens look the same.
 * One query: the token by the unique index on its hash, with the parks it lists where its owner is
 * still a member (and the role there). The found hash is then compared in constant time.
 */
export async function authenticateApiToken(db: Executor, token: string): Promise<AuthenticatedToken | null> {
  if (!API_TOKEN_RE.test(token)) return null;
  const hash = hashApiToken(token);
  const rows = await db
    .select({
      tokenId: apiTokens.id,
      userId: apiTokens.userId,
      tokenHash: apiTokens.tokenHash,
      canWrite: apiTokens.canWrite,
      lastUsedAt: apiTokens.lastUsedAt,
      // A deactivated owner's tokens stop with their sessions.
      live: sql<boolean>`(${apiTokens.revokedAt} is null and (${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now()) and ${users.deactivatedAt} is null)`,
      parkId: apiTokenParks.parkId,
      // The owner's effective role there now (null: no longer theirs), and whether the park is archived.
      role: sql<MembershipRole | null>`(select e.role from ${effectiveParkRoles(apiTokens.userId)} e where e.park_id = ${apiTokenParks.parkId})`,
      archived: sql<boolean>`(${parks.archivedAt} is not null)`,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(apiTokenParks, eq(apiTokenParks.tokenId, apiTokens.id))
    .leftJoin(parks, eq(parks.id, apiTokenParks.parkId))
    .where(eq(apiTokens.tokenHash, hash));
  const first = rows[0];
  if (!first) return null;
  const stored = Buffer.from(first.tokenHash);
  if (stored.length !== hash.length || !timingSafeEqual(stored, hash) || !first.live) return null;
  const reachable = rows.flatMap((r) => (r.parkId && r.role ? [{ parkId: r.parkId, role: r.role, archived: Boolean(r.archived) }] : []));
  return { tokenId: first.tokenId, userId: first.userId, canWrite: first.canWrite, lastUsedAt: first.lastUsedAt, parks: reachable };
}

/** Marks a token used, at most once a minute, so a busy token does not write a row version per request. */
export async function touchApiToken(db: Executor, { tokenId, lastUsedAt }: { tokenId: string; lastUsedAt: Date | null }, now = new Date()) {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < 60_000) return;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}
