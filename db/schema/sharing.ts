import { sql } from "drizzle-orm";
import { check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { shareScope } from "./enums";
import { parks } from "./parks";
import { projects } from "./projects";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** A read-only status page by link. Only the SHA-256 of the token is stored. */
export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    scope: shareScope("scope").notNull(),
    tokenHash: bytea("token_hash").notNull().unique(),
    label: text("label").notNull(),
    /** Which sections and fields the page shows; everything sensitive is off unless chosen. */
    redaction: jsonb("redaction").notNull().default({}),
    snapshotAt: timestamp("snapshot_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    viewCount: integer("view_count").notNull().default(0),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check("share_links_scope_chk", sql`(${t.scope} = 'project') = (${t.projectId} is not null)`),
    check("share_links_views_chk", sql`${t.viewCount} >= 0`),
    index("share_links_park_id_idx").on(t.parkId),
  ],
);

export type ShareLink = typeof shareLinks.$inferSelect;

/**
 * Unknown share tokens per client address and fixed 10-minute window: after too many misses the
 * address gets 429 for unknown tokens (valid ones still work), which makes guessing tokens slower still.
 */
export const shareTokenMisses = pgTable(
  "share_token_misses",
  {
    ip: text("ip").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.ip, t.windowStart] }),
    check("share_token_misses_count_chk", sql`${t.count} > 0`),
    // Old windows are deleted by window_start on each miss.
    index("share_token_misses_window_start_idx").on(t.windowStart),
  ],
);
