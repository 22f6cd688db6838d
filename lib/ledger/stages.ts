import { PROJECT_STAGES, type MilestoneType, type ProjectStage } from "../domain/values";

/**
 * The construction stage (建设阶段) as ledgers write it, and how it is checked against the
 * milestone dates of the same row. 竣工 (construction finished) proves no production, so it reads
 * as construction.
 */

const STAGE_WORDS: Record<ProjectStage, string[]> = {
  signed: ["signed", "签约", "已签约", "签约阶段", "前期", "前期阶段", "前期工作", "前期手续", "拟开工", "待开工", "筹建", "preparation", "pre-construction", "preconstruction"],
  construction: ["construction", "under construction", "在建", "开工", "已开工", "新开工", "续建", "建设中", "施工", "在建阶段", "竣工", "已竣工", "封顶", "设备安装"],
  production: ["production", "in production", "投产", "已投产", "试生产", "竣工投产", "部分投产", "运营"],
  full_capacity: ["full capacity", "full_capacity", "达产", "已达产", "全面达产", "达产达效"],
};

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[\s_\-]/g, "");

const WORDS: Map<string, ProjectStage> = (() => {
  const map = new Map<string, ProjectStage>();
  for (const stage of PROJECT_STAGES) for (const word of STAGE_WORDS[stage]) map.set(fold(word), stage);
  return map;
})();

/** The stage a cell names, given the catalog labels too (`labels`: stage → its label in each language). */
export function parseStage(text: string, labels: Partial<Record<ProjectStage, string[]>> = {}): ProjectStage | null {
  const folded = fold(text);
  const hit = WORDS.get(folded);
  if (hit) return hit;
  for (const stage of PROJECT_STAGES) if ((labels[stage] ?? []).some((l) => fold(l) === folded)) return stage;
  return null;
}

export const STAGE_RANK: Record<ProjectStage, number> = { signed: 0, construction: 1, production: 2, full_capacity: 3 };

/** The milestone that proves each stage past "signed". */
const PROOF: Partial<Record<ProjectStage, MilestoneType>> = { construction: "construction_start", production: "production", full_capacity: "full_capacity" };

/** The order a project reaches these milestones in: an earlier one dated after a later one is suspicious. */
const SEQUENCE: readonly MilestoneType[] = ["signed", "construction_start", "topping_out", "production", "full_capacity"];

export type StageWarning =
  | { kind: "noProof"; stage: ProjectStage; milestone: MilestoneType }
  | { kind: "behindDates"; stage: ProjectStage; proven: ProjectStage }
  | { kind: "order"; earlier: MilestoneType; later: MilestoneType };

/**
 * Where a stated stage and the reached dates (actual dates on or before today) disagree: a stage
 * with no date proving it (投产 with no production date), dates proving a later stage than stated,
 * and dates out of order (production before construction start).
 */
export function checkStage(stated: ProjectStage | null, reached: Partial<Record<MilestoneType, string>>, proven: ProjectStage): StageWarning[] {
  const warnings: StageWarning[] = [];
  if (stated) {
    const proof = PROOF[stated];
    if (proof && !reached[proof] && !(stated === "construction" && (reached.topping_out || reached.production))) {
      warnings.push({ kind: "noProof", stage: stated, milestone: proof });
    }
    if (STAGE_RANK[proven] > STAGE_RANK[stated]) warnings.push({ kind: "behindDates", stage: stated, proven });
  }
  for (let i = 0; i < SEQUENCE.length; i++) {
    for (let j = i + 1; j < SEQUENCE.length; j++) {
      const a = reached[SEQUENCE[i]!];
      const b = reached[SEQUENCE[j]!];
      if (a && b && b < a) warnings.push({ kind: "order", earlier: SEQUENCE[i]!, later: SEQUENCE[j]! });
    }
  }
  return warnings;
}
