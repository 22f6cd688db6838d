import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, quantity, updatedAt, yuan } from "./columns";
import { capacityPeriod, capacityUnit, milestoneType, projectHealth, projectStage } from "./enums";
import { parks } from "./parks";

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    /** Stable key per park (ledger number); imports match on it. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    company: text("company").notNull(),
    companyEn: text("company_en"),
    cluster: text("cluster").notNull(),
    clusterEn: text("cluster_en"),
    stage: projectStage("stage").notNull().default("signed"),
    /** Health as reported by the officer; the computed one sits beside it (issue 4). */
    health: projectHealth("health").notNull().default("on_track"),
    responsibleUnit: text("responsible_unit"),
    leaderInCharge: text("leader_in_charge"),
    plannedInvestment: yuan("planned_investment").notNull().default("0"),
    contractedInvestment: yuan("contracted_investment").notNull().default("0"),
    inPlaceInvestment: yuan("in_place_investment").notNull().default("0"),
    completedInvestment: yuan("completed_investment").notNull().default("0"),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("projects_park_id_code_uq").on(t.parkId, t.code),
    check(
      "projects_investment_nonneg_chk",
      sql`${t.plannedInvestment} >= 0 and ${t.contractedInvestment} >= 0 and ${t.inPlaceInvestment} >= 0 and ${t.completedInvestment} >= 0`,
    ),
    check("projects_name_chk", sql`length(btrim(${t.name})) > 0 and length(btrim(${t.company})) > 0`),
    // Project list: filter by park, then cluster / stage / health.
    index("projects_park_id_cluster_idx").on(t.parkId, t.cluster),
    index("projects_park_id_stage_idx").on(t.parkId, t.stage),
    // Project list sorts: the first page of a sorted list reads 25 index entries, not every match.
    index("projects_updated_at_id_idx").on(t.updatedAt, t.id),
    index("projects_planned_investment_id_idx").on(t.plannedInvestment, t.id),
    index("projects_code_id_idx").on(t.code, t.id),
  ],
);

export const phases = pgTable(
  "phases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    stage: projectStage("stage").notNull().default("signed"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("phases_project_id_seq_uq").on(t.projectId, t.seq), check("phases_seq_chk", sql`${t.seq} > 0`)],
);

export const productionLines = pgTable(
  "production_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    phaseId: uuid("phase_id")
      .notNull()
      .references(() => phases.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("production_lines_phase_id_seq_uq").on(t.phaseId, t.seq),
    index("production_lines_project_id_idx").on(t.projectId),
    check("production_lines_seq_chk", sql`${t.seq} > 0`),
  ],
);

/**
 * A capacity of one product in one unit and period, designed vs online. It belongs to a project,
 * optionally narrowed to a phase or a line. Sums are only ever taken over equal (unit, period).
 */
export const capacities = pgTable(
  "capacities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    phaseId: uuid("phase_id").references(() => phases.id, { onDelete: "cascade" }),
    lineId: uuid("line_id").references(() => productionLines.id, { onDelete: "cascade" }),
    product: text("product").notNull(),
    productEn: text("product_en"),
    unit: capacityUnit("unit").notNull(),
    period: capacityPeriod("period").notNull(),
    designed: quantity("designed").notNull(),
    online: quantity("online").notNull().default("0"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("capacities_values_chk", sql`${t.designed} >= 0 and ${t.online} >= 0`),
    // A line capacity must name its phase too, so phase sums can include it.
    check("capacities_line_has_phase_chk", sql`${t.lineId} is null or ${t.phaseId} is not null`),
    index("capacities_project_id_idx").on(t.projectId),
    index("capacities_park_id_unit_period_idx").on(t.parkId, t.unit, t.period),
  ],
);

export const milestones = pgTable(
  "milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    phaseId: uuid("phase_id").references(() => phases.id, { onDelete: "cascade" }),
    type: milestoneType("type").notNull(),
    customLabel: text("custom_label"),
    /** The baseline. A re-baseline writes the old one to milestone_baselines first. */
    plannedDate: date("planned_date"),
    forecastDate: date("forecast_date"),
    actualDate: date("actual_date"),
    /** "month" when the dates are known only to the month (a ledger's 2018年9月, stored as 2018-09-01). */
    datePrecision: text("date_precision").$type<"day" | "month">().notNull().default("day"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "milestones_custom_label_chk",
      sql`(${t.type} = 'custom') = (${t.customLabel} is not null and length(btrim(${t.customLabel})) > 0)`,
    ),
    check("milestones_date_precision_chk", sql`${t.datePrecision} in ('day', 'month')`),
    check("milestones_has_a_date_chk", sql`coalesce(${t.plannedDate}, ${t.forecastDate}, ${t.actualDate}) is not null`),
    index("milestones_project_id_idx").on(t.projectId),
    // Park-wide timeline and "late" lists scan by planned date.
    index("milestones_park_id_planned_date_idx").on(t.parkId, t.plannedDate),
    // The late list and its count read only milestones not reached yet: without this they stepped over
    // every reached one (580 of 600 rows for a bench park) to find the first 20 late.
    index("milestones_open_park_id_planned_date_idx").on(t.parkId, t.plannedDate).where(sql`${t.actualDate} is null`),
  ],
);

export const milestoneBaselines = pgTable(
  "milestone_baselines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "restrict" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    plannedDate: date("planned_date").notNull(),
    replacedBy: uuid("replaced_by").references(() => users.id, { onDelete: "set null" }),
    replacedAt: createdAt(),
    reason: text("reason"),
  },
  (t) => [index("milestone_baselines_milestone_id_idx").on(t.milestoneId)],
);

export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type Phase = typeof phases.$inferSelect;
export type ProductionLine = typeof productionLines.$inferSelect;
export type Capacity = typeof capacities.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
