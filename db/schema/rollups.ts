import { sql } from "drizzle-orm";
import { bigint, check, date, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { updatedAt, yuan } from "./columns";
import { capacityPeriod, capacityUnit, projectStage, slipBaseline } from "./enums";
import { parks } from "./parks";

/**
 * Per park and month, the sums of the progress entries nobody superseded. Maintained in the same
 * transaction as every progress write (db/queries/progress-writes.ts), so park rollups read a few
 * rows per month instead of every entry, and are never stale.
 */
export const parkMonthlyStats = pgTable(
  "park_monthly_stats",
  {
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    period: date("period").notNull(),
    investmentCompleted: yuan("investment_completed").notNull().default("0"),
    outputValue: yuan("output_value").notNull().default("0"),
    entryCount: integer("entry_count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.parkId, t.period] }),
    check("park_monthly_stats_period_chk", sql`extract(day from ${t.period}) = 1`),
    check("park_monthly_stats_count_chk", sql`${t.entryCount} >= 0`),
  ],
);

/**
 * A park's three-colour rule for computed project health: yellow when the project is between
 * `yellowBehindPp` and `redBehindPp` percentage points behind its time-elapsed pace (序时进度), red
 * beyond that, or when construction has not started `redMonthsNotStarted` months after it was due.
 */
export const parkHealthRules = pgTable(
  "park_health_rules",
  {
    parkId: uuid("park_id")
      .primaryKey()
      .references(() => parks.id, { onDelete: "cascade" }),
    yellowBehindPp: numeric("yellow_behind_pp", { precision: 5, scale: 1 }).notNull().default("10"),
    redBehindPp: numeric("red_behind_pp", { precision: 5, scale: 1 }).notNull().default("30"),
    redMonthsNotStarted: integer("red_months_not_started").notNull().default(3),
    /** Milestone slip, late lists and their counts measure against this baseline (see README, one health model). */
    slipBaseline: slipBaseline("slip_baseline").notNull().default("current"),
    version: integer("version").notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("park_health_rules_order_chk", sql`0 <= ${t.yellowBehindPp} and ${t.yellowBehindPp} < ${t.redBehindPp} and ${t.redBehindPp} <= 100`),
    check("park_health_rules_months_chk", sql`${t.redMonthsNotStarted} between 1 and 36`),
  ],
);

export type ParkHealthRule = typeof parkHealthRules.$inferSelect;

/**
 * Per park, stage, cluster and English cluster name: how many projects and their investment sums.
 * Maintained by triggers on `projects` (db/migrations, "park_project_stats"), so every write path —
 * forms, imports, the API, plain SQL — keeps it in step within its own transaction. The English
 * name is part of the key ('' when there is none) so rollups name clusters without reading projects.
 */
export const parkProjectStats = pgTable(
  "park_project_stats",
  {
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    stage: projectStage("stage").notNull(),
    cluster: text("cluster").notNull(),
    clusterEn: text("cluster_en").notNull().default(""),
    projects: integer("projects").notNull().default(0),
    planned: numeric("planned", { precision: 20, scale: 2 }).notNull().default("0"),
    contracted: numeric("contracted", { precision: 20, scale: 2 }).notNull().default("0"),
    inPlace: numeric("in_place", { precision: 20, scale: 2 }).notNull().default("0"),
    completed: numeric("completed", { precision: 20, scale: 2 }).notNull().default("0"),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.stage, t.cluster, t.clusterEn] })],
);

/** Per park, cluster, unit and period: designed and online capacity. Maintained by triggers too. */
export const parkCapacityStats = pgTable(
  "park_capacity_stats",
  {
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    cluster: text("cluster").notNull(),
    unit: capacityUnit("unit").notNull(),
    period: capacityPeriod("period").notNull(),
    rows: integer("rows").notNull().default(0),
    designed: numeric("designed", { precision: 24, scale: 4 }).notNull().default("0"),
    online: numeric("online", { precision: 24, scale: 4 }).notNull().default("0"),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.cluster, t.unit, t.period] })],
);

/**
 * The capacity ramp: per park, cluster, unit and period, how much the capacity online changed in a
 * month (the level at the end of month M is the sum of the deltas up to M). Each capacity keeps its
 * last reported level until its next report. Maintained by triggers on progress_capacities,
 * progress_entries (corrections), capacities and projects, from `capacity_ramp_points`, so it is
 * never stale and the dashboard reads a few rows per month instead of every report.
 */
export const parkCapacityRamp = pgTable(
  "park_capacity_ramp",
  {
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    cluster: text("cluster").notNull(),
    unit: capacityUnit("unit").notNull(),
    period: capacityPeriod("period").notNull(),
    month: date("month").notNull(),
    onlineDelta: numeric("online_delta", { precision: 24, scale: 4 }).notNull().default("0"),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.cluster, t.unit, t.period, t.month] })],
);

/**
 * What each capacity contributes to park_capacity_ramp: the months its reported level changed, with
 * the level and the change. Kept so a refresh can take out exactly what it put in.
 */
export const capacityRampPoints = pgTable(
  "capacity_ramp_points",
  {
    // No foreign key to capacities: a deleted capacity's points must outlive it until the refresh takes them out.
    capacityId: uuid("capacity_id").notNull(),
    month: date("month").notNull(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    cluster: text("cluster").notNull(),
    unit: capacityUnit("unit").notNull(),
    period: capacityPeriod("period").notNull(),
    level: numeric("level", { precision: 24, scale: 4 }).notNull(),
    delta: numeric("delta", { precision: 24, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.capacityId, t.month] })],
);

/**
 * A counter per park, moved at commit by every transaction that changes what the park's dashboard
 * shows. Pages cache computed figures keyed on it and read it on every request, so a cache entry is
 * never older than the last committed write, whichever app instance made it.
 */
export const parkDataVersions = pgTable("park_data_versions", {
  parkId: uuid("park_id")
    .primaryKey()
    .references(() => parks.id, { onDelete: "cascade" }),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
