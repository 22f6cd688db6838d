import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { parks } from "./parks";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * Personal API tokens for /api/v1. Only the SHA-256 of the token is stored; the token itself is
 * shown once. A token can never do more than its owner may: each request also checks the owner's
 * current membership and role in the park, so removing a membership disables the token there too.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    tokenHash: bytea("token_hash").notNull().unique(),
    /** The first characters of the token, kept so people can tell their tokens apart in the list. */
    tokenPrefix: text("token_prefix").notNull(),
    /** false: read only; true: read and write (still limited by the owner's role). */
    canWrite: boolean("can_write").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check("api_tokens_label_chk", sql`length(btrim(${t.label})) between 1 and 80`),
    index("api_tokens_user_id_idx").on(t.userId),
  ],
);

/** The parks a token may reach: a token names its parks explicitly, never "all of mine". */
export const apiTokenParks = pgTable(
  "api_token_parks",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.parkId] }), index("api_token_parks_park_id_idx").on(t.parkId)],
);

/**
 * Request counts per key (an API token, a client address…) and fixed window, kept in PostgreSQL so
 * a limit holds across several app instances. Old windows are deleted as new ones are counted.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    check("rate_limit_hits_count_chk", sql`${t.count} > 0`),
    index("rate_limit_hits_window_start_idx").on(t.windowStart),
  ],
);

/** The column mapping a park last used for a ledger import, offered again next time. */
export const importMappings = pgTable(
  "import_mappings",
  {
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    /** Which ledger: 'projects' or 'progress'. */
    kind: text("kind").notNull(),
    /** { [field]: header text as it appeared in the file } */
    mapping: jsonb("mapping").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.parkId, t.kind] }),
    check("import_mappings_kind_chk", sql`${t.kind} in ('projects', 'progress')`),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * An API POST's Idempotency-Key and the answer it got, per token: a retried POST with the same key
 * gets the first answer back instead of writing again. In PostgreSQL, so a retry that reaches another
 * app instance finds it. A row without a status is a request still running. Kept 24 hours.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    fingerprint: text("fingerprint").notNull(),
    status: integer("status"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    body: text("body"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenId, t.key] }),
    check("api_idempotency_keys_key_chk", sql`length(${t.key}) between 1 and 255`),
    // Expired keys are deleted by age.
    index("api_idempotency_keys_created_at_idx").on(t.createdAt),
  ],
);
