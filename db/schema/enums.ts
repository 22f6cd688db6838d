import { pgEnum } from "drizzle-orm/pg-core";

// Value lists live here once; zod schemas and UI reuse them via `.enumValues`.
export const membershipRole = pgEnum("membership_role", ["admin", "editor", "viewer"]);

/** 签约 → 开工 → 投产 → 达产. Ordered: later stages compare greater. */
export const projectStage = pgEnum("project_stage", ["signed", "construction", "production", "full_capacity"]);

export const projectHealth = pgEnum("project_health", ["on_track", "at_risk", "off_track"]);

export const capacityUnit = pgEnum("capacity_unit", ["m2", "t", "unit", "piece", "GWh"]);
export const capacityPeriod = pgEnum("capacity_period", ["year", "month", "day"]);

/** The Chinese milestone vocabulary (签约, 土地供应, 立项/备案, 开工, 封顶, 设备安装, 投产, 达产, 上规) plus custom ones. */
export const milestoneType = pgEnum("milestone_type", [
  "signed",
  "land_supply",
  "approval",
  "construction_start",
  "topping_out",
  "equipment_installed",
  "production",
  "full_capacity",
  "above_designated_size",
  "custom",
]);

export const targetMetric = pgEnum("target_metric", ["output_value", "investment", "tax", "revenue"]);

export const problemStatus = pgEnum("problem_status", ["open", "closed"]);

export const shareScope = pgEnum("share_scope", ["project", "park"]);

export type MembershipRole = (typeof membershipRole.enumValues)[number];
export type ProjectStage = (typeof projectStage.enumValues)[number];
export type ProjectHealth = (typeof projectHealth.enumValues)[number];
export type MilestoneType = (typeof milestoneType.enumValues)[number];
export type TargetMetric = (typeof targetMetric.enumValues)[number];
