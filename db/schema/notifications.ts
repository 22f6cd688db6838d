import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { NotificationParams } from "../../lib/domain/notifications";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { deliveryChannel, deliveryStatus, notificationKind, robotKind } from "./enums";
import { parks } from "./parks";

/** A park's monthly reporting cycle: each month's report is due on `deadline_day`. No row: the defaults. */
export const parkReportingSettings = pgTable(
  "park_reporting_settings",
  {
    parkId: uuid("park_id")
      .primaryKey()
      .references(() => parks.id, { onDelete: "cascade" }),
    deadlineDay: smallint("deadline_day").notNull().default(25),
    /** Officers with projects not yet reported are reminded this many days before the deadline. */
    remindDaysBefore: smallint("remind_days_before").notNull().default(3),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("park_reporting_settings_deadline_day_chk", sql`${t.deadlineDay} between 1 and 28`),
    check("park_reporting_settings_remind_chk", sql`${t.remindDaysBefore} between 0 and 27`),
  ],
);

/** A park's group robot (DingTalk or WeCom): where park-wide notices are posted. The secret is never read back to a page. */
export const parkRobots = pgTable(
  "park_robots",
  {
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    kind: robotKind("kind").notNull(),
    webhookUrl: text("webhook_url").notNull(),
    /** DingTalk's signing secret (加签); WeCom robots have none, the key is in the URL. */
    secret: text("secret"),
    enabled: boolean("enabled").notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.kind] }), check("park_robots_url_chk", sql`${t.webhookUrl} ~ '^https?://'`)],
);

/** One notice to one person: the in-app inbox. Rendered in the reader's language from `kind` and `params`. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    parkId: uuid("park_id").references(() => parks.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    params: jsonb("params").$type<NotificationParams>().notNull(),
    /** A path inside the app, e.g. /parks/x/reporting. */
    link: text("link").notNull(),
    /** What makes two notices the same (e.g. report_reminder:park:2026-12): planning twice adds nothing. */
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    unique("notifications_recipient_id_dedupe_key_uq").on(t.recipientId, t.dedupeKey),
    // The inbox (newest first) and the bell's unread count.
    index("notifications_recipient_id_created_at_idx").on(t.recipientId, t.createdAt),
    index("notifications_park_id_idx").on(t.parkId),
    // The bell's count (layout and the page cache's gate): only unread rows.
    index("notifications_unread_recipient_id_idx").on(t.recipientId).where(sql`${t.readAt} is null`),
  ],
);

/**
 * The outbox: one row per notice per channel and recipient (a person's email, a park's robot). The
 * idempotency key is unique, and a row is claimed (pending → sending) before it is sent: each notice
 * goes out at most once per recipient and channel, however many workers run.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    channel: deliveryChannel("channel").notNull(),
    status: deliveryStatus("status").notNull().default("pending"),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "cascade" }),
    parkId: uuid("park_id").references(() => parks.id, { onDelete: "cascade" }),
    recipientId: uuid("recipient_id").references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    params: jsonb("params").$type<NotificationParams>().notNull(),
    link: text("link").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // The worker's claim: due pending rows, oldest first.
    index("notification_deliveries_status_next_attempt_at_idx").on(t.status, t.nextAttemptAt),
    // The outbox page: a park's rows, newest first.
    index("notification_deliveries_park_id_created_at_idx").on(t.parkId, t.createdAt),
    index("notification_deliveries_recipient_id_idx").on(t.recipientId),
    index("notification_deliveries_notification_id_idx").on(t.notificationId),
  ],
);

/** A person's choices: in-app notices always; email unless turned off; kinds they muted everywhere. */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  emailEnabled: boolean("email_enabled").notNull().default(true),
  mutedKinds: notificationKind("muted_kinds").array().notNull().default(sql`'{}'`),
  updatedAt: updatedAt(),
});

export type Notification = typeof notifications.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
