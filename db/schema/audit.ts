import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { parks } from "./parks";

/** Who changed what and when, old → new, for every write. Rows are never updated or deleted. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null for a change that belongs to no park: a region or a region role (platform administration). */
    parkId: uuid("park_id").references(() => parks.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The project a change belongs to, so the project page lists its history with one index scan. */
    projectId: uuid("project_id"),
    action: text("action").notNull(),
    /** The entity's version after this change: a conflict lists the events after the version the user read. */
    entityVersion: integer("entity_version"),
    /** { field: [old, new] } */
    changes: jsonb("changes").notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_project_id_at_idx").on(t.projectId, t.at),
    index("audit_events_park_id_at_idx").on(t.parkId, t.at),
    index("audit_events_entity_id_idx").on(t.entityId),
  ],
);

/** An article or document figures come from. */
export const sources = pgTable("sources", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  title: text("title").notNull(),
  publisher: text("publisher").notNull(),
  publishedOn: date("published_on").notNull(),
  publishedOnEstimated: boolean("published_on_estimated").notNull().default(false),
  note: text("note"),
  createdAt: createdAt(),
});

/** Where one figure of one row came from, and whether it is an estimate. */
export const provenance = pgTable(
  "provenance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    field: text("field").notNull(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    estimated: boolean("estimated").notNull().default(false),
    quote: text("quote").notNull(),
  },
  (t) => [index("provenance_entity_id_idx").on(t.entityId), index("provenance_park_id_idx").on(t.parkId)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
