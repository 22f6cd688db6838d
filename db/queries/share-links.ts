import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { parseRedaction, SHARE_TOKEN_RE, type Redaction } from "@/app/_lib/domain/share-schemas";
import { projects, shareLinks, shareTokenMisses, users } from "../schema";
import type { Db, Executor } from "../types";
import { diffFields, recordAudit } from "./audit";
import { NotFound, runWrite, WriteRefused, type WriteOutcome } from "./outcomes";
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
        if (!project) throw new WriteRefused("target", "validation.invalid");
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

export type ShareLinkListItem = Awaited<ReturnType<typeof listShareLinks>>[number];

/** Revokes a link of the actor's park; another park's link, or one already revoked, is not found. */
export function revokeShareLink(db: Db, actor: Actor, { linkId }: { linkId: string }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(shareLinks)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(shareLinks.id, linkId), eq(shareLinks.parkId, actor.parkId), isNull(shareLinks.revokedAt)))
        .returning({ id: shareLinks.id, projectId: shareLinks.projectId, revokedAt: shareLinks.revokedAt });
      if (!row) throw new NotFound();
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
}

/**
 * The live link a token opens, or null: unknown, revoked and expired tokens look the same. The lookup
 * goes by the token's hash through the unique index, so its cost does not depend on how much of a
 * guess matches; the found hash is then compared in constant time.
 */
export async function resolveShareToken(db: Executor, token: string): Promise<ResolvedShareLink | null> {
  if (!SHARE_TOKEN_RE.test(token)) return null;
  const hash = hashToken(token);
  const [row] = await db
    .select({
      id: shareLinks.id,
      parkId: shareLinks.parkId,
      projectId: shareLinks.projectId,
      scope: shareLinks.scope,
      tokenHash: shareLinks.tokenHash,
      redaction: shareLinks.redaction,
      snapshotAt: shareLinks.snapshotAt,
      live: sql<boolean>`(${shareLinks.revokedAt} is null and (${shareLinks.expiresAt} is null or ${shareLinks.expiresAt} > now()))`,
    })
    .from(shareLinks)
    .where(eq(shareLinks.tokenHash, hash));
  if (!row) return null;
  const stored = Buffer.from(row.tokenHash);
  const matches = stored.length === hash.length && timingSafeEqual(stored, hash);
  if (!matches || !row.live) return null;
  if (row.scope === "project" && !row.projectId) return null;
  return { id: row.id, parkId: row.parkId, projectId: row.projectId, scope: row.scope, redaction: parseRedaction(row.redaction), snapshotAt: row.snapshotAt };
}

/** One more view, counted in the database so concurrent views never lose an increment. */
export async function recordView(db: Executor, { linkId }: { linkId: string }) {
  await db
    .update(shareLinks)
    .set({ viewCount: sql`${shareLinks.viewCount} + 1`, lastViewedAt: sql`now()` })
    .where(eq(shareLinks.id, linkId));
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
    .orderBy(asc(projects.code));
}
