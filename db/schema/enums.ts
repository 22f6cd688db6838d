import { pgEnum } from "drizzle-orm/pg-core";
import {
  CAPACITY_PERIODS,
  CAPACITY_UNITS,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  ESCALATION_LEVELS,
  MEMBERSHIP_ROLES,
  MILESTONE_TYPES,
  NOTIFICATION_KINDS,
  PROBLEM_STAGES,
  PROJECT_HEALTHS,
  PROJECT_STAGES,
  REGION_LEVELS,
  REGION_ROLES,
  SLIP_BASELINES,
  ROBOT_KINDS,
  TARGET_METRICS,
} from "../../lib/domain/values";

// The value lists live in lib/domain/values.ts, shared with zod schemas and client components.
export const membershipRole = pgEnum("membership_role", MEMBERSHIP_ROLES);
export const regionLevel = pgEnum("region_level", REGION_LEVELS);
export const regionRole = pgEnum("region_role", REGION_ROLES);

/** 签约 → 开工 → 投产 → 达产. Ordered: later stages compare greater. */
export const projectStage = pgEnum("project_stage", PROJECT_STAGES);

export const projectHealth = pgEnum("project_health", PROJECT_HEALTHS);
export const slipBaseline = pgEnum("slip_baseline", SLIP_BASELINES);

export const capacityUnit = pgEnum("capacity_unit", CAPACITY_UNITS);
export const capacityPeriod = pgEnum("capacity_period", CAPACITY_PERIODS);

/** The Chinese milestone vocabulary (签约, 土地供应, 立项/备案, 开工, 封顶, 设备安装, 投产, 达产, 上规) plus custom ones. */
export const milestoneType = pgEnum("milestone_type", MILESTONE_TYPES);

export const targetMetric = pgEnum("target_metric", TARGET_METRICS);

export const problemStatus = pgEnum("problem_status", ["open", "closed"]);

export const shareScope = pgEnum("share_scope", ["project", "park"]);

export type { MembershipRole, MilestoneType, ProjectHealth, ProjectStage, TargetMetric } from "../../lib/domain/values";

export const notificationKind = pgEnum("notification_kind", NOTIFICATION_KINDS);
export const deliveryChannel = pgEnum("delivery_channel", DELIVERY_CHANNELS);
export const deliveryStatus = pgEnum("delivery_status", DELIVERY_STATUSES);
export const robotKind = pgEnum("robot_kind", ROBOT_KINDS);
export const problemStage = pgEnum("problem_stage", PROBLEM_STAGES);
export const escalationLevel = pgEnum("escalation_level", ESCALATION_LEVELS);
