import { en } from "@/lib/i18n/messages/en";
import { zh } from "@/lib/i18n/messages/zh";
import type { MessageKey } from "@/lib/i18n/translate";
import type { MilestoneType } from "@/lib/domain/values";
import { ROW_NUMBER_HEADERS } from "@/lib/ledger/codes";

/**
 * The columns of each ledger, and how a file's headers are matched to them: Chinese and English
 * headers, our own template's and the ones park offices actually use (项目编号, 企业, 到位资金 …),
 * compared after folding width, case, spaces and a unit in brackets (（万元）, (yuan)).
 */

export const LEDGER_KINDS = ["projects", "progress"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The columns of the projects table itself. */
export const PROJECT_COLUMN_FIELDS = [
  "code", "name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge", "health",
  "plannedInvestment", "contractedInvestment", "inPlaceInvestment", "completedInvestment",
] as const;
export type ProjectColumnField = (typeof PROJECT_COLUMN_FIELDS)[number];

/** Date columns, each a milestone of the project (actual, or planned when marked as a plan). */
export const MILESTONE_DATE_FIELDS = {
  signedDate: "signed", landSupplyDate: "land_supply", approvalDate: "approval", constructionStartDate: "construction_start",
  toppingOutDate: "topping_out", productionDate: "production", fullCapacityDate: "full_capacity", aboveDesignatedSizeDate: "above_designated_size",
} as const satisfies Record<string, MilestoneType>;
export type MilestoneDateField = keyof typeof MILESTONE_DATE_FIELDS;
export const MILESTONE_DATE_FIELD_LIST = Object.keys(MILESTONE_DATE_FIELDS) as MilestoneDateField[];

/** Everything the projects ledger reads: the table's columns, the stage, the milestone dates, the problem, the park. */
export const PROJECT_LEDGER_FIELDS = [...PROJECT_COLUMN_FIELDS, "stage", ...MILESTONE_DATE_FIELD_LIST, "problem", "park"] as const;
export type ProjectLedgerField = (typeof PROJECT_LEDGER_FIELDS)[number];

export const PROGRESS_LEDGER_FIELDS = ["code", "period", "narrative", "narrativeEn", "investmentCompleted", "outputValue", "sourceUrl", "sourceRef"] as const;
export type ProgressLedgerField = (typeof PROGRESS_LEDGER_FIELDS)[number];

export type LedgerField = ProjectLedgerField | ProgressLedgerField;

/** A row without a code gets one (codes.ts), so the code column is not required. */
export const REQUIRED_PROJECT_FIELDS: readonly ProjectLedgerField[] = ["name", "company", "cluster", "plannedInvestment"];

/** Each ledger's fields in column order, and the ones a file must have. */
export const LEDGER_SPECS: Record<LedgerKind, { fields: readonly LedgerField[]; required: readonly LedgerField[] }> = {
  projects: { fields: PROJECT_LEDGER_FIELDS, required: REQUIRED_PROJECT_FIELDS },
  progress: { fields: PROGRESS_LEDGER_FIELDS, required: ["code", "period", "narrative"] },
};
/** Field → the header text it was read from, as it appears in the file. */
export type LedgerMapping = Partial<Record<LedgerField, string>>;

export const fieldLabelKey = (field: LedgerField): MessageKey => `ledger.col.${field}`;

/** Headers seen in park ledgers, besides our own labels in both languages (added below). */
const SYNONYMS: Record<LedgerField, string[]> = {
  code: ["项目编号", "编号", "项目代码", "代码", "台账编号", "项目id", "code", "projectcode", "projectid", "ledgerno", "ledgernumber"],
  name: ["项目名称", "项目", "名称", "项目名", "name", "project", "projectname"],
  nameEn: ["项目英文名称", "英文名称", "项目名称(英文)", "nameen", "englishname", "projectname(english)", "name(english)"],
  company: ["企业", "公司", "企业名称", "公司名称", "建设单位", "业主单位", "项目单位", "投资主体", "投资方", "签约企业", "company", "companyname", "investor"],
  companyEn: ["企业英文名称", "公司英文名称", "企业(英文)", "companyen", "company(english)"],
  cluster: ["产业", "产业链", "所属产业", "产业类别", "产业类型", "产业集群", "行业", "所属行业", "产业方向", "cluster", "industry", "industrycluster", "industrychain", "sector"],
  clusterEn: ["产业英文名称", "产业(英文)", "clusteren", "cluster(english)", "industry(english)"],
  responsibleUnit: ["责任单位", "牵头单位", "责任部门", "responsibleunit", "responsibledepartment"],
  leaderInCharge: ["包联领导", "联系领导", "责任领导", "包抓领导", "分管领导", "leaderincharge", "leader"],
  health: ["项目状态", "状态", "健康度", "运行状态", "health", "status"],
  plannedInvestment: ["计划总投资", "总投资", "计划投资", "投资总额", "项目总投资", "plannedinvestment", "planned", "plannedtotal", "totalinvestment"],
  contractedInvestment: ["合同投资", "签约投资", "合同金额", "协议投资", "签约金额", "合同投资额", "contractedinvestment", "contracted", "contractamount"],
  inPlaceInvestment: ["到位资金", "实际到位资金", "资金到位", "累计到位资金", "到位投资", "inplace", "fundsinplace", "inplaceinvestment", "investmentinplace"],
  completedInvestment: ["累计完成投资", "完成投资", "已完成投资", "累计投资", "完成投资额", "completedinvestment", "completed", "completedtodate", "investmentcompleted"],
  stage: ["建设阶段", "项目阶段", "所处阶段", "阶段", "进展阶段", "建设进度阶段", "项目进展阶段", "stage", "constructionstage", "projectstage"],
  signedDate: ["签约时间", "签约日期", "签约", "签约年月", "签订时间", "协议签订时间", "signed", "signing", "signingdate", "signeddate", "datesigned"],
  landSupplyDate: ["供地时间", "土地", "土地时间", "拿地时间", "摘牌时间", "土地摘牌时间", "土地供应时间", "用地时间", "land", "landsupply", "landsupplied", "landdate", "landsupplydate"],
  approvalDate: ["立项时间", "立项", "立项日期", "备案时间", "立项备案时间", "approval", "approvaldate", "filing", "approved"],
  constructionStartDate: ["开工时间", "开工日期", "开工", "开工年月", "constructionstart", "construction", "startdate", "constructionstartdate", "started"],
  toppingOutDate: ["封顶时间", "封顶", "封顶日期", "主体封顶时间", "toppingout", "toppedout", "toppingoutdate"],
  productionDate: ["投产时间", "投产日期", "投产", "投产年月", "production", "productiondate", "productionstart", "commissioning"],
  fullCapacityDate: ["达产时间", "达产", "达产日期", "fullcapacity", "fullcapacitydate"],
  aboveDesignatedSizeDate: ["上规时间", "上规", "纳统时间", "上规入统时间", "abovedesignatedsize", "abovedesignatedsizedate", "abovescale"],
  problem: ["存在问题", "问题", "存在的问题", "存在困难", "困难问题", "存在问题及建议", "需协调解决的问题", "困难和问题", "problem", "problems", "issues", "issue"],
  park: ["所属园区", "园区", "园区名称", "所在园区", "开发区", "所属开发区", "park", "parkname", "zone"],
  period: ["月份", "月度", "填报月份", "报告期", "年月", "统计月份", "month", "period", "reportingmonth"],
  narrative: ["进展情况", "进展", "本月进展", "当月进展", "形象进度", "工作进展", "进度情况", "progress", "narrative", "update"],
  narrativeEn: ["英文进展", "进展情况(英文)", "narrativeen", "progress(english)"],
  investmentCompleted: ["当月完成投资", "本月完成投资", "月度完成投资", "完成投资", "当月投资", "investmentcompleted", "investmentinthemonth", "monthlyinvestment"],
  outputValue: ["当月产值", "本月产值", "月度产值", "产值", "outputvalue", "output", "outputinthemonth"],
  sourceUrl: ["来源链接", "链接", "来源网址", "网址", "sourceurl", "sourcelink", "link", "url"],
  sourceRef: ["来源文件", "来源", "文件", "文号", "sourceref", "sourcedocument", "source", "document"],
};

/** The project form's labels also name these fields (a ledger typed from the form's wording). */
const FORM_LABELS: Partial<Record<LedgerField, MessageKey>> = {
  code: "project.code", name: "project.name", nameEn: "project.nameEn", company: "project.company", companyEn: "project.companyEn",
  cluster: "project.cluster", clusterEn: "project.clusterEn", responsibleUnit: "project.responsibleUnit", leaderInCharge: "project.leaderInCharge",
  plannedInvestment: "project.planned", contractedInvestment: "project.contracted", inPlaceInvestment: "project.inPlace", completedInvestment: "project.completed",
};

/** Width, case, spaces, underscores, dashes, asterisks (required marks) and colons folded away. */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s_\-*:·]/g, "");
}

const UNIT_WORDS: Record<string, string> = {
  "元": "", "人民币元": "", "yuan": "", "rmb": "", "cny": "",
  "千元": "千", "万元": "万", "万": "万", "十万元": "十万", "百万元": "百万", "千万元": "千万", "亿元": "亿", "亿": "亿",
  "10kyuan": "万", "10,000yuan": "万", "tenthousandyuan": "万", "100myuan": "亿", "100millionyuan": "亿",
  "millionyuan": "million", "myuan": "million", "million": "million", "mn": "million", "billionyuan": "billion", "billion": "billion", "bn": "billion",
};
const UNIT_IN_BRACKETS = /\((?:单位)?([^()]*)\)|\/([^/()]+)$/g;

/**
 * A header's name without a unit in brackets, and that unit as a suffix parseAmount understands
 * ("万", "亿", "million"; "" for plain yuan; null when the header names no unit).
 */
export function splitHeaderUnit(normalized: string): { base: string; unit: string | null } {
  let unit: string | null = null;
  const base = normalized.replace(UNIT_IN_BRACKETS, (whole, inBrackets: string | undefined, afterSlash: string | undefined) => {
    const word = (inBrackets ?? afterSlash ?? "").replace(/^[:：]/, "");
    if (!(word in UNIT_WORDS)) return whole;
    unit = UNIT_WORDS[word]!;
    return "";
  });
  return { base, unit };
}

/** Per ledger: normalised header → field. Built once per kind, our own labels first. */
const MATCHERS: Record<LedgerKind, Map<string, LedgerField>> = (() => {
  const build = (fields: readonly LedgerField[]) => {
    const map = new Map<string, LedgerField>();
    for (const field of fields) {
      const labels = [en[fieldLabelKey(field)], zh[fieldLabelKey(field)]];
      const form = FORM_LABELS[field];
      if (form) labels.push(en[form], zh[form]);
      for (const text of [...labels, ...SYNONYMS[field]]) {
        const normalized = normalizeHeader(text);
        for (const key of [normalized, splitHeaderUnit(normalized).base]) if (!map.has(key)) map.set(key, field);
      }
    }
    return map;
  };
  return { projects: build(PROJECT_LEDGER_FIELDS), progress: build(PROGRESS_LEDGER_FIELDS) };
})();

const PLAN_HEADER = /^(?:计划|预计|拟|planned|expected|target)/;

/** The field a header names in this ledger, or null. A date header may say it holds plans (计划开工时间). */
export function fieldOfHeader(header: string, kind: LedgerKind = "projects"): LedgerField | null {
  const normalized = normalizeHeader(header);
  const found = MATCHERS[kind].get(normalized) ?? MATCHERS[kind].get(splitHeaderUnit(normalized).base);
  if (found) return found;
  const unmarked = MATCHERS[kind].get(normalized.replace(PLAN_HEADER, ""));
  return unmarked && unmarked in MILESTONE_DATE_FIELDS ? unmarked : null;
}

/** A date column whose header says it holds plans (计划开工时间, Planned production). */
export function isPlanHeader(header: string): boolean {
  return PLAN_HEADER.test(normalizeHeader(header));
}

const ROW_NUMBERS = new Set(ROW_NUMBER_HEADERS.map(normalizeHeader));

/** 序号, No.: a column that numbers the rows. Never taken as the code. */
export function isRowNumberHeader(header: string): boolean {
  return ROW_NUMBERS.has(normalizeHeader(header));
}

/** Among the first rows, the first that names at least two fields is the header (title rows above it are skipped). */
export function findHeaderIndex(rows: readonly (readonly string[])[], kind: LedgerKind = "projects"): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    if (rows[i]!.filter((h) => fieldOfHeader(h, kind) !== null).length >= 2) return i;
  }
  return 0;
}

/**
 * The mapping for a file's headers: a remembered mapping where its headers are in the file, the
 * recognised headers for the rest. A header is used for one field only.
 */
export function detectMapping(
  headers: readonly string[],
  remembered: LedgerMapping | null,
  kind: LedgerKind = "projects",
): { mapping: LedgerMapping; remembered: boolean } {
  const mapping: LedgerMapping = {};
  const used = new Set<string>();
  let usedRemembered = false;
  for (const field of LEDGER_SPECS[kind].fields) {
    const header = remembered?.[field];
    if (header && headers.includes(header) && !used.has(header) && !isRowNumberHeader(header)) {
      mapping[field] = header;
      used.add(header);
      usedRemembered = true;
    }
  }
  for (const header of headers) {
    const field = fieldOfHeader(header, kind);
    if (field && !mapping[field] && !used.has(header) && !isRowNumberHeader(header)) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return { mapping, remembered: usedRemembered };
}
