import { describe, expect, it } from "vitest";
import { changeSentence, HISTORY_FIELDS, historySentences } from "@/lib/format/history";
import { LOCALES } from "@/lib/i18n/locale";
import { createTranslator } from "@/lib/i18n/translate";

/** One realistic change of every field the project's history records, as audit_events stores it. */
const EXAMPLES: Record<(typeof HISTORY_FIELDS)[number], { entity: string; before: unknown; after: unknown }> = {
  code: { entity: "project", before: "NX-1", after: "NX-2" },
  name: { entity: "project", before: "年产10万吨正极材料项目", after: "年产12万吨正极材料项目" },
  nameEn: { entity: "project", before: null, after: "Cathode materials" },
  company: { entity: "project", before: "示例新材料有限公司", after: "示例新能源有限公司" },
  companyEn: { entity: "project", before: null, after: "Example Co." },
  cluster: { entity: "project", before: "新材料", after: "新能源" },
  clusterEn: { entity: "project", before: "New materials", after: null },
  responsibleUnit: { entity: "project", before: null, after: "园区招商一局" },
  leaderInCharge: { entity: "project", before: "张副区长", after: "李副区长" },
  health: { entity: "project", before: "on_track", after: "off_track" },
  stage: { entity: "project", before: "signed", after: "construction" },
  plannedInvestment: { entity: "project", before: "5000000000.00", after: "6000000000.00" },
  contractedInvestment: { entity: "project", before: "0.00", after: "3000000000.00" },
  inPlaceInvestment: { entity: "project", before: "500000000.00", after: "800000000.00" },
  completedInvestment: { entity: "project", before: "0.00", after: "35000000.00" },
  seq: { entity: "phase", before: null, after: 2 },
  phaseId: { entity: "capacity", before: null, after: "0b9f1f7e-6c4c-4a8e-9d36-2f6f1d9f0a11" },
  lineId: { entity: "capacity", before: "0b9f1f7e-6c4c-4a8e-9d36-2f6f1d9f0a11", after: null },
  product: { entity: "capacity", before: null, after: "正极材料" },
  productEn: { entity: "capacity", before: null, after: "Cathode material" },
  unit: { entity: "capacity", before: "t", after: "unit" },
  period: { entity: "progress_entry", before: null, after: "2026-03-01" },
  designed: { entity: "capacity", before: "100000.0000", after: "120000.0000" },
  online: { entity: "capacity", before: "0.0000", after: "50000.0000" },
  type: { entity: "milestone", before: null, after: "construction_start" },
  customLabel: { entity: "milestone", before: null, after: "环评批复" },
  plannedDate: { entity: "milestone", before: "2026-03-10", after: "2026-09-10" },
  forecastDate: { entity: "milestone", before: "2026-05-01", after: null },
  actualDate: { entity: "milestone", before: null, after: "2026-04-28" },
  reason: { entity: "milestone", before: null, after: "设备交付推迟" },
  narrative: { entity: "progress_entry", before: null, after: "主体结构封顶。" },
  investmentCompleted: { entity: "progress_entry", before: null, after: "35000000.00" },
  outputValue: { entity: "progress_entry", before: null, after: "120000000.00" },
  sourceUrl: { entity: "progress_entry", before: null, after: "https://example.com/report" },
  sourceRef: { entity: "progress_entry", before: null, after: "3月项目月报" },
  supersedesId: { entity: "progress_entry", before: null, after: "0b9f1f7e-6c4c-4a8e-9d36-2f6f1d9f0a11" },
  description: { entity: "problem", before: null, after: "环评批复待出具" },
  owner: { entity: "problem", before: null, after: "园区经发局" },
  dueDate: { entity: "problem", before: null, after: "2026-12-31" },
  note: { entity: "problem", before: null, after: "已协调" },
  status: { entity: "problem", before: "open", after: "closed" },
  label: { entity: "share_link", before: null, after: "投资方" },
  scope: { entity: "share_link", before: null, after: "project" },
  projectId: { entity: "share_link", before: null, after: "0b9f1f7e-6c4c-4a8e-9d36-2f6f1d9f0a11" },
  redaction: { entity: "share_link", before: null, after: { investment: true, contractAmounts: false, milestones: true, progress: false, capacity: false, problems: false, contacts: false } },
  expiresAt: { entity: "share_link", before: null, after: "2026-12-31T15:59:59.999Z" },
  snapshotAt: { entity: "share_link", before: null, after: "2026-06-30T16:00:00.000Z" },
  revokedAt: { entity: "share_link", before: null, after: "2026-11-22T03:20:30.259Z" },
};

const RAW = [
  /\b[a-z]+[A-Z]\w*\b/, // a camelCase key
  /\b(on_track|off_track|at_risk|full_capacity|construction_start|progress_entry|share_link)\b/, // a value key
  /\d{4}-\d{2}-\d{2}T/, // an ISO timestamp
  /[{}[\]"]/, // JSON, or a placeholder left unfilled
  /history\.|audit\./, // a message key
  /[0-9a-f]{8}-[0-9a-f]{4}-/, // an id
];

describe.each(LOCALES)("history sentences in %s", (locale) => {
  const t = createTranslator(locale);

  it.each(HISTORY_FIELDS)("reads %s as a sentence with no raw key, JSON, id or ISO timestamp", (field) => {
    const { entity, before, after } = EXAMPLES[field];
    const sentence = changeSentence(entity, field, before, after, locale, t);
    for (const pattern of RAW) expect(sentence, `${sentence} matches ${pattern}`).not.toMatch(pattern);
    expect(sentence).toMatch(locale === "zh" ? /。$|）。$/ : /\.$/);
  });

  it("titles an event by its entity and action", () => {
    const text = historySentences({ entity: "milestone", action: "rebaseline", changes: { plannedDate: ["2026-03-10", "2026-09-10"], reason: [null, "设备交付推迟"] } }, locale, t);
    expect(text.title).toBe(locale === "zh" ? "节点调整基线" : "Milestone re-baselined");
    expect(text.sentences).toEqual(
      locale === "zh"
        ? ["计划日期由 2026-03-10 改为 2026-09-10。", "原因设为 设备交付推迟。"]
        : ["Planned date changed from 2026-03-10 to 2026-09-10.", "Reason set to 设备交付推迟."],
    );
  });
});

describe("values read as on the rest of the page", () => {
  const en = createTranslator("en");
  const zh = createTranslator("zh");
  it("formats money with lib/format, in each language", () => {
    expect(changeSentence("project", "plannedInvestment", "5000000000.00", "6000000000.00", "en", en)).toBe("Planned total investment changed from ¥5.0 bn to ¥6.0 bn.");
    expect(changeSentence("project", "plannedInvestment", "5000000000.00", "6000000000.00", "zh", zh)).toBe("计划总投资由 50亿元 改为 60亿元。");
  });
  it("names stages, health, milestone types, units and statuses", () => {
    expect(changeSentence("project", "stage", "signed", "construction", "zh", zh)).toMatch(/^所处阶段由 \S+ 改为 \S+。$/);
    expect(changeSentence("project", "health", "on_track", "off_track", "en", en)).toBe(`Reported health changed from ${en("health.on_track")} to ${en("health.off_track")}.`);
    expect(changeSentence("milestone", "type", null, "construction_start", "zh", zh)).toBe("节点设为 开工。");
    expect(changeSentence("capacity", "period", "year", "month", "en", en)).toContain("Per changed from");
    expect(changeSentence("problem", "status", "open", "closed", "en", en)).toBe("Status changed from open to closed.");
  });
  it("reads a progress entry's month, and instants in China time", () => {
    expect(changeSentence("progress_entry", "period", null, "2026-03-01", "en", en)).toBe("Month set to 2026-03.");
    expect(changeSentence("share_link", "snapshotAt", null, "2026-06-30T16:00:00.000Z", "en", en)).toBe("Frozen as of set to 2026-07-01.");
    expect(changeSentence("share_link", "revokedAt", null, "2026-11-22T03:20:30.259Z", "zh", zh)).toBe("撤销时间设为 2026-11-22 11:20。");
  });
  it("says an entry corrects another without naming its id", () => {
    expect(changeSentence("progress_entry", "supersedesId", null, "0b9f1f7e-6c4c-4a8e-9d36-2f6f1d9f0a11", "en", en)).toBe("Corrects an earlier entry for the same month.");
  });
});
