// Value lists shared by the database enums (db/schema/enums.ts), zod schemas and the UI.
// Plain data, so client components can import them without pulling in the ORM.
export const MEMBERSHIP_ROLES = ["admin", "editor", "viewer"] as const;
/** A province holds cities; a park sits in a city. */
export const REGION_LEVELS = ["province", "city"] as const;
/** A region role reads every park of the region (a province's covers its cities'); only reading, for now. */
export const REGION_ROLES = ["viewer"] as const;
export const PROJECT_STAGES = ["signed", "construction", "production", "full_capacity"] as const;
export const PROJECT_HEALTHS = ["on_track", "at_risk", "off_track"] as const;
/** Which baseline a park counts milestone slip against: the one in force, or the first ever set. */
export const SLIP_BASELINES = ["current", "original"] as const;
export const CAPACITY_UNITS = ["m2", "t", "unit", "piece", "GWh"] as const;
export const CAPACITY_PERIODS = ["year", "month", "day"] as const;
export const MILESTONE_TYPES = [
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
] as const;
export const TARGET_METRICS = ["output_value", "investment", "tax", "revenue"] as const;

// The one declaration of each type: db/schema/enums.ts and lib/format/units.ts re-export these.
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export type ProjectHealth = (typeof PROJECT_HEALTHS)[number];
export type SlipBaseline = (typeof SLIP_BASELINES)[number];
export type MilestoneType = (typeof MILESTONE_TYPES)[number];
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** What a notification is about (issue 18). Users mute kinds one by one. */
export const NOTIFICATION_KINDS = [
  "report_reminder", "milestone_overdue", "problem_overdue", "weekly_digest", "month_close",
  // 督办: a problem's change tells who must act next.
  "problem_assigned", "problem_resolved", "problem_escalated", "problem_due_changed",
] as const;
/** 督办 on a problem not closed: 交办 (open) → 办理 (in progress) → 反馈 (resolved); 办结 is status closed. */
export const PROBLEM_STAGES = ["open", "in_progress", "resolved"] as const;
/** Who the problem is raised to: the park, the district or city, the province. */
export const ESCALATION_LEVELS = ["park", "district_city", "province"] as const;
export type ProblemStage = (typeof PROBLEM_STAGES)[number];
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
/** Where a notification goes besides the in-app inbox: a person's email, a park's group robots. */
export const DELIVERY_CHANNELS = ["email", "dingtalk", "wecom"] as const;
/** pending → sending (claimed) → sent; a failure goes back to pending with a later time, or to dead. */
export const DELIVERY_STATUSES = ["pending", "sending", "sent", "dead"] as const;
export const ROBOT_KINDS = ["dingtalk", "wecom"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type RobotKind = (typeof ROBOT_KINDS)[number];
