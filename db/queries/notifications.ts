import "server-only";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { NotificationParams } from "@/lib/domain/notifications";
import type { NotificationKind } from "@/lib/domain/values";
import { notificationDeliveries, notificationPreferences, notifications, parkRobots, users } from "../schema";
import type { Db, Executor } from "../types";

export async function countUnread(db: Executor, { userId }: { userId: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export function listNotifications(db: Executor, { userId, limit = 100 }: { userId: string; limit?: number }) {
  return db
    .select({ id: notifications.id, kind: notifications.kind, params: notifications.params, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.recipientId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** Marks one of the user's own notices read; another user's id changes nothing. Returns whether it was theirs. */
export async function markRead(db: Executor, { userId, id }: { userId: string; id: string }): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: Executor, { userId }: { userId: string }): Promise<void> {
  await db.update(notifications).set({ readAt: sql`now()` }).where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt)));
}

export interface Preferences {
  emailEnabled: boolean;
  mutedKinds: NotificationKind[];
}

export async function getPreferences(db: Executor, { userId }: { userId: string }): Promise<Preferences> {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return row ? { emailEnabled: row.emailEnabled, mutedKinds: row.mutedKinds } : { emailEnabled: true, mutedKinds: [] };
}

export async function savePreferences(db: Executor, { userId }: { userId: string }, prefs: Preferences): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, ...prefs })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...prefs, updatedAt: new Date() } });
}

/** The unsubscribe link: mutes one kind (adds it once). */
export async function muteKind(db: Executor, { userId, kind }: { userId: string; kind: NotificationKind }): Promise<void> {
  // A signed link of an account deleted since: nothing to mute.
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await db
    .insert(notificationPreferences)
    .values({ userId, mutedKinds: [kind] })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { mutedKinds: sql`array(select distinct unnest(${notificationPreferences.mutedKinds} || array[${kind}]::notification_kind[]))`, updatedAt: new Date() },
    });
}

export interface PlannedNotice {
  recipientId: string;
  parkId: string | null;
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  /** Same key, same recipient: the second is dropped (a planner may run twice, on two instances). */
  dedupeKey: string;
}

export interface ParkPost {
  parkId: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  dedupeKey: string;
}

const CHUNK = 1000;

/**
 * Adds notices to the inbox and, for new ones whose recipient takes email, an email delivery to the
 * outbox, in one transaction. Muted kinds and deactivated people get nothing. Returns how many were new.
 */
export async function enqueueNotices(db: Db, notices: readonly PlannedNotice[], { email }: { email: boolean }): Promise<number> {
  if (notices.length === 0) return 0;
  const recipientIds = [...new Set(notices.map((n) => n.recipientId))];
  let added = 0;
  for (let i = 0; i < recipientIds.length; i += CHUNK) {
    const ids = recipientIds.slice(i, i + CHUNK);
    const idSet = new Set(ids);
    const batch = notices.filter((n) => idSet.has(n.recipientId));
    added += await db.transaction(async (tx) => {
      const people = await tx
        .select({ id: users.id, active: sql<boolean>`${users.deactivatedAt} is null`, emailEnabled: notificationPreferences.emailEnabled, muted: notificationPreferences.mutedKinds })
        .from(users)
        .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
        .where(inArray(users.id, ids));
      const byId = new Map(people.map((p) => [p.id, p]));
      const wanted = batch.filter((n) => {
        const person = byId.get(n.recipientId);
        return person?.active && !(person.muted ?? []).includes(n.kind);
      });
      if (wanted.length === 0) return 0;
      const inserted = await tx
        .insert(notifications)
        .values(wanted.map((n) => ({ recipientId: n.recipientId, parkId: n.parkId, kind: n.kind, params: n.params, link: n.link, dedupeKey: n.dedupeKey })))
        .onConflictDoNothing({ target: [notifications.recipientId, notifications.dedupeKey] })
        .returning();
      const mailed = email ? inserted.filter((n) => byId.get(n.recipientId)?.emailEnabled !== false) : [];
      if (mailed.length) {
        await tx
          .insert(notificationDeliveries)
          .values(mailed.map((n) => ({
            idempotencyKey: `email:${n.recipientId}:${n.dedupeKey}`, channel: "email" as const, notificationId: n.id, parkId: n.parkId,
            recipientId: n.recipientId, kind: n.kind, params: n.params, link: n.link,
          })))
          .onConflictDoNothing({ target: notificationDeliveries.idempotencyKey });
      }
      return inserted.length;
    });
  }
  return added;
}

/** A park-wide notice to each of the park's enabled group robots (one delivery per robot and key). */
export async function enqueueParkPosts(db: Executor, posts: readonly ParkPost[]): Promise<number> {
  if (posts.length === 0) return 0;
  const robots = await db
    .select({ parkId: parkRobots.parkId, kind: parkRobots.kind })
    .from(parkRobots)
    .where(and(inArray(parkRobots.parkId, [...new Set(posts.map((p) => p.parkId))]), eq(parkRobots.enabled, true)));
  const rows = posts.flatMap((post) =>
    robots
      .filter((r) => r.parkId === post.parkId)
      .map((r) => ({ idempotencyKey: `${r.kind}:${post.parkId}:${post.dedupeKey}`, channel: r.kind, parkId: post.parkId, kind: post.kind, params: post.params, link: post.link })),
  );
  if (rows.length === 0) return 0;
  const inserted = await db.insert(notificationDeliveries).values(rows).onConflictDoNothing({ target: notificationDeliveries.idempotencyKey }).returning({ id: notificationDeliveries.id });
  return inserted.length;
}
