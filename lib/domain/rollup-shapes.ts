import type { CapacityPeriod, CapacityUnit, ProjectStage } from "./values";

/**
 * The shapes the rollup queries (db/queries/rollups.ts, projects.ts) return and the dashboard
 * components draw. Declared here, below both, so a component never imports from db/.
 */
export interface ParkRollup {
  stages: Record<ProjectStage, number>;
  totals: { projects: number; planned: string; contracted: string; inPlace: string; completed: string };
  monthly: { period: string; investment: string; output: string }[];
  annualPlan: string | null;
  capacityByCluster: { cluster: string; clusterEn: string | null; unit: CapacityUnit; period: CapacityPeriod; designed: string; online: string }[];
  openProblemCount: number;
}

/** One park's line in a region's comparison table. */
export interface ParkComparisonRow {
  parkId: string;
  projects: number;
  inProduction: number;
  planned: string;
  completed: string;
  ytd: string;
  lastYtd: string;
  annualPlan: string | null;
}

/** A project's capacity summed per (unit, period): never across units. */
export interface CapacityTotal {
  unit: CapacityUnit;
  period: CapacityPeriod;
  designed: string;
  online: string;
}
