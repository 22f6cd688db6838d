import "server-only";
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { backoffMs, MAX_ATTEMPTS, STUCK_AFTER_MS } from "@/lib/domain/notifications";
import type { RobotKind } from "@/lib/domain/values";
import { notificationDeliveries, parkRobots, parks, users, type NotificationDelivery } from "../schema";
import type { Executor } from "../types";
import { Refusal } from "@/lib/refusal";

export interface ClaimedDelivery extends NotificationDelivery {
  email: string | null;
  locale: string | null;
  parkSlug: string | null;
}

/**
 * Claims up to `limit` due deliveries for one worker: pending → sending in one statement, skipping rows
 * another worker has locked. Claim-then-send: a claimed row is never claimed again, so a notice goes out at
 * most once per recipient and channel even when a worker dies between the claim and the send.
 */
export async function claimDueDeliveries(db: Executor, { limit, workerId }: { limit: number; workerId: string }): Promise<ClaimedDelivery[]> {
  const due = db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.status, "pending"), sql`${notificationDeliveries.nextAttemptAt} <= now()`))
    .orderBy(notificationDeliveries.nextAttemptAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(notificationDeliveries)
    .set({ status: "sending", attempts: sql`${notificationDeliveries.attempts} + 1`, claimedAt: sql`now()`, claimedBy: workerId })
    .where(and(inArray(notificationDeliveries.id, due), eq(notificationDeliveries.status, "pending")))
    .returning();
  if (claimed.length === 0) return [];
  const recipients = claimed.flatMap((d) => (d.recipientId ? [d.recipientId] : []));
  const parkIds = claimed.flatMap((d) => (d.parkId ? [d.parkId] : []));
  const [people, parkRows] = await Promise.all([
    recipients.length ? db.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, recipients)) : [],
    parkIds.length ? db.select({ id: parks.id, slug: parks.slug }).from(parks).where(inArray(parks.id, parkIds)) : [],
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const slug = new Map(parkRows.map((p) => [p.id, p.slug]));
  return claimed.map((d) => ({
    ...d,
    email: d.recipientId ? person.get(d.recipientId)?.email ?? null : null,
    locale: d.recipientId ? person.get(d.recipientId)?.locale ?? null : null,
    parkSlug: d.parkId ? slug.get(d.parkId) ?? null : null,
  }));
}

export async function markDelivered(db: Executor, { ids }: { ids: string[] }): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notificationDeliveries)
    .set({ status: "sent", sentAt: sql`now()`, lastError: null })
    .where(and(inArray(notificationDeliveries.id, ids), eq(notificationDeliveries.status, "sending")));
}

/** A failed send goes back to pending after a backoff, or is dead after MAX_ATTEMPTS (the outbox shows why). */
export async function markFailed(db: Executor, { id, attempts, error, baseBackoffMs }: { id: string; attempts: number; error: string; baseBackoffMs?: number }): Promise<"retry" | "dead"> {
  const dead = attempts >= MAX_ATTEMPTS;
  await db
    .update(notificationDeliveries)
    .set({
      status: dead ? "dead" : "pending",
      lastError: error.slice(0, 1000),
      nextAttemptAt: sql`now() + ${`${backoffMs(attempts, baseBackoffMs)} milliseconds`}::interval`,
    })
    .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, "sending")));
  return dead ? "dead" : "retry";
}

/** The outbox page: a park's deliveries, newest first, with the recipient's address. */
export function listOutbox(db: Executor, { parkId, limit = 200 }: { parkId: string; limit?: number }) {
  return db
    .select({
      id: notificationDeliveries.id, channel: notificationDeliveries.channel, status: notificationDeliveries.status, kind: notificationDeliveries.kind,
      attempts: notificationDeliveries.attempts, lastError: notificationDeliveries.lastError, createdAt: notificationDeliveries.createdAt,
      sentAt: notificationDeliveries.sentAt, nextAttemptAt: notificationDeliveries.nextAttemptAt, email: users.email,
      stuck: sql<boolean>`${notificationDeliveries.status} = 'sending' and ${notificationDeliveries.claimedAt} < now() - ${`${STUCK_AFTER_MS} milliseconds`}::interval`,
    })
    .from(notificationDeliveries)
    .leftJoin(users, eq(users.id, notificationDeliveries.recipientId))
    .where(eq(notificationDeliveries.parkId, parkId))
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(limit);
}

/**
 * An admin's retry: a dead delivery, or one stuck in "sending" (its worker died mid-send, so it may or
 * may not have gone — the admin decides), goes back to pending now, with its attempts reset.
 */
export async function retryDelivery(db: Executor, { parkId, id }: { parkId: string; id: string }): Promise<void> {
  const rows = await db
    .update(notificationDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()` })
    .where(
      and(
        eq(notificationDeliveries.id, id),
        eq(notificationDeliveries.parkId, parkId),
        or(
          eq(notificationDeliveries.status, "dead"),
          and(eq(notificationDeliveries.status, "sending"), lt(notificationDeliveries.claimedAt, sql`now() - ${`${STUCK_AFTER_MS} milliseconds`}::interval`)),
        ),
      ),
    )
    .returning({ id: notificationDeliveries.id });
  if (rows.length === 0) throw Refusal.invalidField("deliveryId", "outbox.notRetryable");
}

/** What the settings page shows of a park's robots: never the secret, only whether there is one. */
export async function listRobotSettings(db: Executor, { parkId }: { parkId: string }) {
  const rows = await db.select().from(parkRobots).where(eq(parkRobots.parkId, parkId));
  return rows.map((r) => ({ kind: r.kind, webhookUrl: r.webhookUrl, hasSecret: Boolean(r.secret), enabled: r.enabled }));
}

/** The sender's read: URL and secret of one robot. */
export async function getRobot(db: Executor, { parkId, kind }: { parkId: string; kind: RobotKind }) {
  const [row] = await db.select().from(parkRobots).where(and(eq(parkRobots.parkId, parkId), eq(parkRobots.kind, kind)));
  return row ?? null;
}

/** Saves a robot; an empty secret keeps the stored one (the form never shows it back), `clearSecret` removes it. */
export async function saveRobot(
  db: Executor,
  { parkId }: { parkId: string },
  { kind, webhookUrl, secret, clearSecret, enabled }: { kind: RobotKind; webhookUrl: string | null; secret: string | null; clearSecret: boolean; enabled: boolean },
): Promise<void> {
  if (!webhookUrl) {
    await db.delete(parkRobots).where(and(eq(parkRobots.parkId, parkId), eq(parkRobots.kind, kind)));
    return;
  }
  const secretSet = clearSecret ? { secret: null } : secret ? { secret } : {};
  await db
    .insert(parkRobots)
    .values({ parkId, kind, webhookUrl, enabled, secret: clearSecret ? null : secret })
    .onConflictDoUpdate({ target: [parkRobots.parkId, parkRobots.kind], set: { webhookUrl, enabled, ...secretSet, updatedAt: new Date() } });
}
