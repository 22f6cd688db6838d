import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { membershipRole, regionRole } from "./enums";
import { parks } from "./parks";
import { regions } from "./regions";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; sign-in lower-cases before lookup. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("zh"),
    /** Platform administrators create regions and parks and manage every account; park roles are memberships. */
    platformAdmin: boolean("platform_admin").notNull().default(false),
    /** A deactivated account keeps its history but can no longer sign in or use a session or token. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_email_lower_chk", sql`${t.email} = lower(${t.email}) and position('@' in ${t.email}) > 1`),
    check("users_locale_chk", sql`${t.locale} in ('en', 'zh')`),
  ],
);

/**
 * One row per signed-in browser. The JWT cookie carries only the row id, and every request checks
 * the row still exists, so sign-out (or a password change, which deletes all rows) ends it at once.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull(),
    createdAt: createdAt(),
  },
  // The primary key serves "parks of this user"; the index serves "members of this park".
  (t) => [primaryKey({ columns: [t.userId, t.parkId] }), index("memberships_park_id_idx").on(t.parkId)],
);

/**
 * A region role: the user reads every park of the region (a province's role covers its cities'
 * parks) without a membership per park. The viewer query (db/queries/accounts.ts) folds these into
 * the user's effective park roles, so every park check reads them unchanged.
 */
export const regionMemberships = pgTable(
  "region_memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    role: regionRole("role").notNull().default("viewer"),
    createdAt: createdAt(),
  },
  // The primary key serves "regions of this user" (every request); the index "readers of this region".
  (t) => [primaryKey({ columns: [t.userId, t.regionId] }), index("region_memberships_region_id_idx").on(t.regionId)],
);

/** Failed sign-ins, kept in the database so limits hold across app instances (issue 6). */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
    failures: integer("failures").notNull().default(1),
  },
  (t) => [
    index("sign_in_attempts_email_attempted_at_idx").on(t.email, t.attemptedAt),
    index("sign_in_attempts_ip_attempted_at_idx").on(t.ip, t.attemptedAt),
  ],
);

/**
 * Where each account last signed in successfully: an address here is not held back by the account's
 * global ceiling of failures, so strangers guessing from elsewhere cannot lock the owner out
 * (db/queries/sign-in-attempts.ts, SECURITY.md).
 */
export const signInKnownAddresses = pgTable(
  "sign_in_known_addresses",
  {
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    lastSignedInAt: timestamp("last_signed_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The primary key serves the one lookup, "has this account signed in from this address".
  (t) => [primaryKey({ columns: [t.email, t.ip] })],
);

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type RegionMembership = typeof regionMemberships.$inferSelect;
