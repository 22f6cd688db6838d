import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, quantity, yuan } from "./columns";
import { escalationLevel, problemStage, problemStatus, projectStage } from "./enums";
import { parks } from "./parks";
import { capacities, projects } from "./projects";

/**
 * The monthly progress log. Append-only: a correction is a new row whose `supersedes_id` names the
 * row it replaces; both stay visible, and rollups read only rows nobody supersedes.
 */
export const progressEntries = pgTable(
  "progress_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** First day of the month reported on. */
    period: date("period").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    narrative: text("narrative").notNull(),
    narrativeEn: text("narrative_en"),
    investmentCompleted: yuan("investment_completed"),
    outputValue: yuan("output_value"),
    stageReached: projectStage("stage_reached"),
    sourceUrl: text("source_url"),
    sourceRef: text("source_ref"),
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => progressEntries.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("progress_entries_period_chk", sql`extract(day from ${t.period}) = 1`),
    check(
      "progress_entries_amounts_chk",
      sql`coalesce(${t.investmentCompleted}, 0) >= 0 and coalesce(${t.outputValue}, 0) >= 0`,
    ),
    check("progress_entries_source_url_chk", sql`${t.sourceUrl} is null or ${t.sourceUrl} ~ '^https?://'`),
    // Project page: its log newest first. Park rollups: a park's entries by month.
    index("progress_entries_project_id_period_idx").on(t.projectId, t.period),
    index("progress_entries_park_id_period_idx").on(t.parkId, t.period),
    // An entry is corrected at most once: the next correction corrects the correction.
    uniqueIndex("progress_entries_supersedes_id_uq").on(t.supersedesId),
  ],
);

/** Capacity online as reported in an entry: the capacity ramp over time is read from these rows. */
export const progressCapacities = pgTable(
  "progress_capacities",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => progressEntries.id, { onDelete: "cascade" }),
    capacityId: uuid("capacity_id")
      .notNull()
      .references(() => capacities.id, { onDelete: "cascade" }),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    online: quantity("online").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.capacityId] }),
    check("progress_capacities_online_chk", sql`${t.online} >= 0`),
    index("progress_capacities_capacity_id_idx").on(t.capacityId),
    // The dashboard's capacity ramp reads a park's reports.
    index("progress_capacities_park_id_idx").on(t.parkId),
  ],
);

/** 存在问题: a problem that needs someone (often a leader) to act. */
export const problems = pgTable(
  "problems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    raisedInEntryId: uuid("raised_in_entry_id").references(() => progressEntries.id, { onDelete: "set null" }),
    description: text("description").notNull(),
    /** Who must act, as shown: a member's name or an outside unit (e.g. 区生态环境分局). */
    owner: text("owner").notNull(),
    /** The owner when they are a park member (督办): they are notified and may move the problem on. */
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date"),
    status: problemStatus("status").notNull().default("open"),
    /** Where a problem that is not closed stands; closing (only by who raised it) sets status closed. */
    stage: problemStage("stage").notNull().default("open"),
    escalation: escalationLevel("escalation").notNull().default("park"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("problems_closed_chk", sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    index("problems_project_id_idx").on(t.projectId),
    index("problems_park_id_status_idx").on(t.parkId, t.status),
    index("problems_owner_user_id_idx").on(t.ownerUserId),
  ],
);

/** Follow-ups on a problem: the history stays when it is closed. */
export const problemUpdates = pgTable(
  "problem_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    note: text("note").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("problem_updates_problem_id_idx").on(t.problemId)],
);

export type ProgressEntry = typeof progressEntries.$inferSelect;
export type Problem = typeof problems.$inferSelect;
