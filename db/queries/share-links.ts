import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { parseRedaction, SHARE_TOKEN_RE, type Redaction } from "@/lib/domain/share-schemas";
import { projects, shareLinks, shareTokenMisses, users } from "../schema";
import { preparedFor } from "../prepared";
import type { Db, Executor } from "../types";
import { diffFields, recordAudit } from "./audit";
import { shareDataVersionSql } from "./public-status";
import { runWrite, type WriteOutcome } from "./outcomes";
import { Refusal } from "@/lib/refusal";
import type { Actor } from "./project-writes";

export interface NewShareLink {
  label: string;
  scope: "project" | "park";
  projectId: string | null;
  redaction: Redaction;
  expiresAt: Date | null;
  snapshotAt: Date | null;
}

const AUDITED = ["label", "scope", "projectId", "redaction", "expiresAt", "snapshotAt"] as const;

function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/**
 * Creates a link and returns its token: the only time it exists outside the reader's URL. Only its
 * SHA-256 is stored; a project link must name a project of the actor's park.
 */
export function createShareLink(db: Db, actor: Actor, link: NewShareLink): Promise<WriteOutcome<{ id: string; token: string }>> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      if (link.scope === "project") {
        const [project] = link.projectId
          ? await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.id, link.projectId), eq(projects.parkId, actor.parkId)))
          : [];
        if (!project) throw Refusal.invalidField("target", "validation.invalid");
      }
      const token = randomBytes(32).toString("base64url");
      const values = { ...link, projectId: link.scope === "project" ? link.projectId : null };
      const [row] = await tx
        .insert(shareLinks)
        .values({ ...values, parkId: actor.parkId, tokenHash: hashToken(token), createdBy: actor.actorId })
        .returning({ id: shareLinks.id });
      await recordAudit(tx, {
        parkId: actor.parkId, actorId: actor.actorId, entity: "share_link", entityId: row!.id, projectId: values.projectId,
        action: "create", changes: diffFields(null, values, AUDITED),
      });
      return { ok: true, value: { id: row!.id, token }, warnings: [] };
    }),
  );
}

/** Active links of one park (not revoked, not expired), newest first, with who made them. */
export async function listShareLinks(db: Executor, { parkId }: { parkId: string }) {
  return db
    .select({
      id: shareLinks.id,
      label: shareLinks.label,
      scope: shareLinks.scope,
      projectId: shareLinks.projectId,
      projectName: projects.name,
      projectNameEn: projects.nameEn,
      creatorName: users.name,
      createdAt: shareLinks.createdAt,
      expiresAt: shareLinks.expiresAt,
      snapshotAt: shareLinks.snapshotAt,
      viewCount: shareLinks.viewCount,
      lastViewedAt: shareLinks.lastViewedAt,
    })
    .from(shareLinks)
    .leftJoin(projects, and(eq(projects.id, shareLinks.projectId), eq(projects.parkId, parkId)))
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .where(and(eq(shareLinks.parkId, parkId), isNull(shareLinks.revokedAt), or(isNull(shareLinks.expiresAt), gt(shareLinks.expiresAt, sql`now()`))))
    .orderBy(desc(shareLinks.createdAt));
}


/** Revokes a link of the actor's park; another park's link, or one already revoked, is not found. */
export function revokeShareLink(db: Db, actor: Actor, { linkId }: { linkId: string }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(shareLinks)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(shareLinks.id, linkId), eq(shareLinks.parkId, actor.parkId), isNull(shareLinks.revokedAt)))
        .returning({ id: shareLinks.id, projectId: shareLinks.projectId, revokedAt: shareLinks.revokedAt });
      if (!row) throw Refusal.notFound();
      await recordAudit(tx, {
        parkId: actor.parkId, actorId: actor.actorId, entity: "share_link", entityId: row.id, projectId: row.projectId,
        action: "close", changes: { revokedAt: [null, row.revokedAt] },
      });
      return { ok: true, value: { id: row.id }, warnings: [] };
    }),
  );
}

/** What a share page may know about its own link: never the hash, never who made it. */
export interface ResolvedShareLink {
  id: string;
  parkId: string;
  projectId: string | null;
  scope: "project" | "park";
  redaction: Redaction;
  snapshotAt: Date | null;
  /** Changes whenever what the page shows changes (see shareDataVersionSql): the render cache's key. */
  dataVersion: string;
}

/**
 * The token lookup for `count` hashes, built once per database and count and run as a prepared
 * statement (db/prepared.ts): PostgreSQL took 1.2 ms to plan it (the version's subqueries) and
 * 0.15 ms to run it.
 */
function lookupQuery(db: Executor, count: number) {
  return preparedFor(db, `share_token_lookup_${count}`, (d) => buildLookup(d, count));
}

function buildLookup(db: Executor, count: number) {
  const live = sql<boolean>`(${shareLinks.revokedAt} is null and (${shareLinks.expiresAt} is null or ${shareLinks.expiresAt} > now()))`;
  return db
    .select({
      id: shareLinks.id,
      parkId: shareLinks.parkId,
      projectId: shareLinks.projectId,
      scope: shareLinks.scope,
      tokenHash: shareLinks.tokenHash,
      redaction: shareLinks.redaction,
      snapshotAt: shareLinks.snapshotAt,
      live,
      // Only a live link's version is worth reading.
      dataVersion: sql<string | null>`case when ${live} then ${shareDataVersionSql()} end`,
    })
    .from(shareLinks)
    .where(inArray(shareLinks.tokenHash, Array.from({ length: count }, (_, i) => sql.placeholder(`h${i}`))))
    .prepare(`share_token_lookup_${count}`);
}

/**
 * The live link of each token, or null: unknown, revoked and expired tokens look the same. One query
 * for all of them, which also reads each link's data version, so a page costs one round trip. Lookups
 * go by the tokens' hashes through the unique index, so their cost does not depend on how much of a
 * guess matches; each found hash is then compared in constant time.
 */
export async function resolveShareTokens(db: Executor, tokens: readonly string[]): Promise<(ResolvedShareLink | null)[]> {
  const hashes = tokens.map((token) => (SHARE_TOKEN_RE.test(token) ? hashToken(token) : null));
  const wanted = hashes.filter((h): h is Buffer => h !== null);
  if (wanted.length === 0) return tokens.map(() => null);
  const rows = await lookupQuery(db, wanted.length).execute(Object.fromEntries(wanted.map((hash, i) => [`h${i}`, hash])));
  return hashes.map((hash) => {
    if (!hash) return null;
    const row = rows.find((r) => Buffer.from(r.tokenHash).equals(hash));
    if (!row) return null;
    const stored = Buffer.from(row.tokenHash);
    const matches = stored.length === hash.length && timingSafeEqual(stored, hash);
    if (!matches || !row.live || row.dataVersion === null) return null;
    if (row.scope === "project" && !row.projectId) return null;
    return {
      id: row.id, parkId: row.parkId, projectId: row.projectId, scope: row.scope, redaction: parseRedaction(row.redaction),
      snapshotAt: row.snapshotAt, dataVersion: row.dataVersion,
    };
  });
}

export async function resolveShareToken(db: Executor, token: string): Promise<ResolvedShareLink | null> {
  return (await resolveShareTokens(db, [token]))[0]!;
}

/** Views a server counted since it last wrote them (see app/share/[token]/views.ts). */
export interface PendingViews {
  linkId: string;
  views: number;
  lastViewedAt: Date;
}

/**
 * Adds views to their links in one statement. Each row's increment is applied by the database, so
 * batches written at the same time by several servers never lose one another's views.
 */
export async function addShareViews(db: Executor, batch: readonly PendingViews[]): Promise<void> {
  if (batch.length === 0) return;
  // Raw parameters go to the driver unmapped: postgres.js takes timestamps as strings, not Dates.
  const values = sql.join(batch.map((v) => sql`(${v.linkId}::uuid, ${v.views}::int, ${v.lastViewedAt.toISOString()}::timestamptz)`), sql`, `);
  await db.execute(sql`update ${shareLinks} set
      ${sql.identifier(shareLinks.viewCount.name)} = ${shareLinks.viewCount} + v.views,
      ${sql.identifier(shareLinks.lastViewedAt.name)} = greatest(${shareLinks.lastViewedAt}, v.at)
    from (values ${values}) as v(id, views, at)
    where ${shareLinks.id} = v.id`);
}

export const MISS_WINDOW_MS = 10 * 60_000;
export const MISSES_ALLOWED = 20;

/**
 * Counts a miss (unknown, revoked or expired token) for a client address in the current fixed window
 * and returns the count so far; windows that have ended are deleted on the way.
 */
export async function recordTokenMiss(db: Executor, { ip, now = new Date() }: { ip: string; now?: Date }) {
  const windowStart = new Date(Math.floor(now.getTime() / MISS_WINDOW_MS) * MISS_WINDOW_MS);
  await db.delete(shareTokenMisses).where(lt(shareTokenMisses.windowStart, windowStart));
  // One statement: concurrent misses from one address each add exactly one.
  const [row] = await db
    .insert(shareTokenMisses)
    .values({ ip: ip.slice(0, 100), windowStart, count: 1 })
    .onConflictDoUpdate({ target: [shareTokenMisses.ip, shareTokenMisses.windowStart], set: { count: sql`${shareTokenMisses.count} + 1` } })
    .returning({ count: shareTokenMisses.count });
  return { count: row!.count, retryAfterSeconds: Math.ceil((windowStart.getTime() + MISS_WINDOW_MS - now.getTime()) / 1000) };
}

/** The projects of a park a link can be made for, for the create form. */
export async function listShareableProjects(db: Executor, { parkId }: { parkId: string }) {
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name, nameEn: projects.nameEn })
    .from(projects)
    .where(eq(projects.parkId, parkId))
    .orderBy(asc(projects.codeSort));
}
