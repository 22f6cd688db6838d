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
