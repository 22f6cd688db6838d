import "server-only";
import type { LedgerMilestone, LedgerProblem, MilestoneWrite, ProblemWrite } from "@/db/queries/ledger-details";
import { stageFromMilestones } from "@/lib/domain/milestones";
import { PROJECT_STAGES, type MilestoneType, type ProjectStage } from "@/lib/domain/values";
import { en } from "@/lib/i18n/messages/en";
import { zh } from "@/lib/i18n/messages/zh";
import type { Translate } from "@/lib/i18n/translate";
import { parseLedgerDate, type DatePrecision } from "@/lib/ledger/dates";
import { checkStage, parseStage, type StageWarning } from "@/lib/ledger/stages";
import { cellText, type LedgerCell } from "./cells";
import { MILESTONE_DATE_FIELDS, type MilestoneDateField } from "./columns";

/**
 * The columns of a projects ledger beyond the project's own: milestone dates, the stage (建设阶段)
 * and the problem (存在问题) — read from a row, then merged with what the project already has.
 */

export interface DateValue {
  date: string;
  precision: DatePrecision;
  plan: boolean;
}

export interface RowExtras {
  stage: ProjectStage | null;
  dates: Partial<Record<MilestoneType, DateValue>>;
  problem: string | null;
}

export type ExtraProblem = { field: "stage" | "problem" | MilestoneDateField; message: string };

const STAGE_LABELS: Partial<Record<ProjectStage, string[]>> = Object.fromEntries(PROJECT_STAGES.map((s) => [s, [en[`stage.${s}`], zh[`stage.${s}`]]]));
const PROBLEM_MAX = 2000;

/** Reads the extra cells of one row: their values, row problems and notes. */
export function readRowExtras(
  cell: (field: "stage" | "problem" | MilestoneDateField) => { value: LedgerCell; header: string; planHeader: boolean } | undefined,
  today: string,
  t: Translate,
): { extras: RowExtras; problems: ExtraProblem[]; notes: ExtraProblem[] } {
  const extras: RowExtras = { stage: null, dates: {}, problem: null };
  const problems: ExtraProblem[] = [];
  const notes: ExtraProblem[] = [];
  const stageCell = cell("stage");
  if (stageCell && cellText(stageCell.value) !== "") {
    extras.stage = parseStage(cellText(stageCell.value), STAGE_LABELS);
    if (!extras.stage) problems.push({ field: "stage", message: t("ledger.row.stage", { values: PROJECT_STAGES.map((s) => t(`stage.${s}`)).join(" / ") }) });
  }
  for (const [field, type] of Object.entries(MILESTONE_DATE_FIELDS) as [MilestoneDateField, MilestoneType][]) {
    const c = cell(field);
    if (!c) continue;
    const parsed = parseLedgerDate(c.value instanceof Date || typeof c.value !== "string" ? c.value : cellText(c.value));
    if (parsed === null) continue;
    if (!parsed.ok) {
      problems.push({ field, message: t(parsed.reason === "impossible" ? "ledger.row.impossibleDate" : "ledger.row.date", { text: cellText(c.value) }) });
      continue;
    }
    let plan = parsed.plan || c.planHeader;
    if (!plan && parsed.date > today) {
      plan = true;
      notes.push({ field, message: t("ledger.row.futureAsPlan", { date: parsed.date }) });
    }
    extras.dates[type] = { date: parsed.date, precision: parsed.precision, plan };
  }
  const problemCell = cell("problem");
  if (problemCell) {
    const text = cellText(problemCell.value);
    if (text.length > PROBLEM_MAX) problems.push({ field: "problem", message: t("validation.tooLong", { max: PROBLEM_MAX }) });
    else if (text !== "") extras.problem = text;
  }
  return { extras, problems, notes };
}

export interface CurrentExtras {
  stage: ProjectStage;
  milestones: LedgerMilestone[];
  openProblem: LedgerProblem | null;
}

export interface ExtrasWrite {
  stage: { from: ProjectStage; to: ProjectStage } | null;
  milestones: Omit<MilestoneWrite, "projectId">[];
  problem: Omit<ProblemWrite, "projectId"> | null;
  warnings: StageWarning[];
}

/** What the row's extras change on the project (a new project: `current` with stage signed and nothing else). */
export function mergeExtras(extras: RowExtras, current: CurrentExtras, owner: string, today: string): ExtrasWrite {
  const byType = new Map(current.milestones.map((m) => [m.type, m]));
  const milestones: ExtrasWrite["milestones"] = [];
  const after = new Map<MilestoneType, { type: MilestoneType; plannedDate: string | null; forecastDate: null; actualDate: string | null }>();
  for (const m of current.milestones) after.set(m.type, { type: m.type, plannedDate: m.plannedDate, forecastDate: null, actualDate: m.actualDate });
  for (const [type, value] of Object.entries(extras.dates) as [MilestoneType, DateValue][]) {
    const existing = byType.get(type) ?? null;
    const plannedDate = value.plan ? value.date : (existing?.plannedDate ?? null);
    const actualDate = value.plan ? (existing?.actualDate ?? null) : value.date;
    if (existing && existing.plannedDate === plannedDate && existing.actualDate === actualDate && existing.datePrecision === value.precision) continue;
    milestones.push({ type, existing, plannedDate, actualDate, datePrecision: value.precision });
    after.set(type, { type, plannedDate, forecastDate: null, actualDate });
  }
  const merged = [...after.values()];
  const proven = stageFromMilestones(merged, today);
  const rank = (s: ProjectStage) => PROJECT_STAGES.indexOf(s);
  let target = extras.stage ?? current.stage;
  if (rank(proven) > rank(target)) target = proven;
  const reached: Partial<Record<MilestoneType, string>> = {};
  for (const m of merged) if (m.actualDate && m.actualDate <= today) reached[m.type] = m.actualDate;
  const warnings = checkStage(extras.stage, reached, proven);
  let problem: ExtrasWrite["problem"] = null;
  if (extras.problem !== null && extras.problem !== current.openProblem?.description) {
    problem = { existing: current.openProblem, description: extras.problem, owner: current.openProblem?.owner ?? owner };
  }
  return { stage: target === current.stage ? null : { from: current.stage, to: target }, milestones, problem, warnings };
}

/** A stage warning in the user's language. */
export function stageWarningText(w: StageWarning, t: Translate): string {
  if (w.kind === "noProof") return t("ledger.row.stageNoDate", { stage: t(`stage.${w.stage}`), milestone: t(`milestone.type.${w.milestone}`) });
  if (w.kind === "behindDates") return t("ledger.row.stageBehind", { stage: t(`stage.${w.stage}`), proven: t(`stage.${w.proven}`) });
  return t("ledger.row.dateOrder", { later: t(`milestone.type.${w.later}`), earlier: t(`milestone.type.${w.earlier}`) });
}
