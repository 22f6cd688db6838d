// The shape of the demo dataset. Plain data, no database types, so the dataset can be read and
// reviewed on its own; db/seed/seed.ts maps it onto the schema.

export type SourceKey = string;

/** An article the demo data comes from (../shared/seeds/). */
export interface DemoSource {
  key: SourceKey;
  /** File name under shared/seeds/, e.g. "003_02c26d9660775e8a.txt". */
  file: string;
  title: string;
  publisher: string;
  /** ISO date (YYYY-MM-DD). When the article does not state it, the best estimate. */
  publishedOn: string;
  publishedOnEstimated: boolean;
  /** Why the date is estimated, when it is. */
  note?: string;
}

/** Where one figure came from. `estimated` marks figures or dates the article does not state exactly. */
export interface Provenance {
  source: SourceKey;
  estimated?: boolean;
  /** Short quote or paraphrase of the sentence the figure comes from (English, as in the article). */
  quote: string;
}

export type Stage = "signed" | "construction" | "production" | "full_capacity";
export type Health = "on_track" | "at_risk" | "off_track";
export type CapacityUnit = "m2" | "t" | "unit" | "piece" | "GWh";
export type CapacityPeriod = "year" | "month" | "day";
export type MilestoneType =
  | "signed"
  | "land_supply"
  | "approval"
  | "construction_start"
  | "topping_out"
  | "equipment_installed"
  | "production"
  | "full_capacity"
  | "above_designated_size"
  | "custom";
export type TargetMetric = "output_value" | "investment" | "tax" | "revenue";

/** Money is always a decimal string of yuan, e.g. "5000000000". Never a JS number. */
export type Yuan = string;

export interface DemoCapacity {
  product: string; // Chinese product name, e.g. "太阳能光伏背板膜"
  productEn: string;
  unit: CapacityUnit;
  period: CapacityPeriod;
  designed: string; // decimal string
  online: string; // decimal string, "0" when nothing is online yet
  provenance: Provenance;
}

export interface DemoLine {
  name: string; // e.g. "1号线"
  nameEn: string; // e.g. "Line 1"
  capacities: DemoCapacity[];
}

export interface DemoPhase {
  name: string; // e.g. "二期"
  nameEn: string; // e.g. "Phase II"
  stage: Stage;
  lines: DemoLine[];
  capacities: DemoCapacity[]; // capacity held at the phase level (when not split by line)
}

export interface DemoMilestone {
  type: MilestoneType;
  customLabel?: string; // only for type "custom"
  planned?: string; // ISO date
  forecast?: string;
  actual?: string;
  provenance: Provenance;
}

export interface DemoProgressEntry {
  period: string; // first day of the month, ISO
  narrative: string; // Chinese
  narrativeEn: string;
  investmentCompleted?: Yuan;
  outputValue?: Yuan;
  provenance: Provenance;
}

export interface DemoProject {
  code: string; // stable key per park, e.g. "QB-2023-01"
  name: string; // Chinese
  nameEn: string;
  company: string; // Chinese
  companyEn: string;
  cluster: string; // industry cluster, Chinese, e.g. "新材料"
  clusterEn: string;
  stage: Stage;
  health: Health;
  responsibleUnit?: string;
  leaderInCharge?: string;
  plannedInvestment?: Yuan;
  contractedInvestment?: Yuan;
  inPlaceInvestment?: Yuan;
  completedInvestment?: Yuan;
  /** Provenance per investment field that is set. */
  investmentProvenance?: Partial<Record<"planned" | "contracted" | "inPlace" | "completed", Provenance>>;
  phases: DemoPhase[];
  /** Capacities of the project as a whole, when the article gives no phase. */
  capacities: DemoCapacity[];
  milestones: DemoMilestone[];
  progress: DemoProgressEntry[];
  provenance: Provenance; // where the project itself is reported
}

export interface DemoTarget {
  metric: TargetMetric;
  value: Yuan;
  year: number;
  baseYear: number;
  baseValue?: Yuan;
  /** Average annual growth the article states, as a decimal string percentage, e.g. "11". */
  statedGrowthPct?: string;
  provenance: Provenance;
}

export interface DemoPark {
  slug: string; // e.g. "ningxiang-htz"
  name: string; // Chinese
  nameEn: string;
  province: string; // Chinese, e.g. "湖南省"
  provinceEn: string;
  city: string;
  cityEn: string;
  targets: DemoTarget[];
  projects: DemoProject[];
}

export interface DemoDataset {
  sources: DemoSource[];
  parks: DemoPark[];
}
