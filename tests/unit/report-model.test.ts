import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translate";
import { lastClosedMonth, reportHeadline, reportMonth, type ReportFigures } from "@/lib/report/figures";
import { buildReportDocument } from "@/lib/report/model";
import { summaryParagraph } from "@/lib/report/summary";

const monthly = [
  { period: "2025-01-01", investment: "100000000", output: "0" },
  { period: "2025-02-01", investment: "100000000", output: "0" },
  { period: "2026-01-01", investment: "150000000", output: "0" },
  { period: "2026-02-01", investment: "90000000", output: "0" },
];

function figures(overrides: Partial<ReportFigures["rollup"]> = {}, month = "2026-02"): ReportFigures {
  const rollup = {
    stages: { signed: 1, construction: 2, production: 3, full_capacity: 4 },
    totals: { projects: 10, planned: "5000000000", contracted: "0", inPlace: "0", completed: "0" },
    monthly,
    annualPlan: "2400000000",
    capacityByCluster: [
      { cluster: "新能源", clusterEn: "New energy", unit: "GWh" as const, period: "year" as const, designed: "20", online: "5" },
      { cluster: "新能源", clusterEn: "New energy", unit: "t" as const, period: "year" as const, designed: "1000", online: "0" },
    ],
    openProblemCount: 2,
    ...overrides,
  };
  const asOf = reportMonth(month, "2026-12-08")!.asOf;
  return {
    kind: "park", name: "示例高新区", nameEn: "Demo Zone", parks: [{ id: "p", name: "示例高新区", nameEn: "Demo Zone" }], month, asOf,
    generatedOn: "2026-12-08", preparedBy: "张三", isDemo: false, scope: { kind: "key" }, rollup,
    headline: reportHeadline(rollup, month, asOf), projects: [], problems: { items: [], total: 0 }, late: { items: [], total: 3 },
  };
}

describe("monthly report model", () => {
  it("writes the summary from the figures: YTD, growth, plan, time elapsed and the lag", () => {
    // 2.4亿 of 24亿 by 28 February (59/365 = 16.2% of the year): 10% of plan, 6.2 points behind.
    expect(summaryParagraph(figures(), { locale: "zh", t: createTranslator("zh") })).toBe(
      "2026年1–2月，示例高新区完成投资2.4亿元，同比增长20.0%，完成年度计划10.0%（年度计划24亿元），序时进度16.2%，落后序时进度6.2个百分点。" +
        "其中2月完成投资9000万元，同比-10.0%，环比-40.0%。共有项目10个，其中在建2个、投产3个、达产4个；未解决问题2个，滞后节点3个。",
    );
    expect(summaryParagraph(figures(), { locale: "en", t: createTranslator("en") })).toBe(
      "In January–February 2026, Demo Zone completed ¥240 M of investment, up 20.0% year on year; that is 10.0% of the annual plan of ¥2.4 bn, " +
        "against 16.2% of the year elapsed (time elapsed): 6.2 percentage points behind time elapsed. In February alone it completed ¥90 M; " +
        "year on year -10.0%, month on month -40.0%. 10 projects in all (2 under construction, 3 in production, 4 at full capacity); 2 open problems; 3 late milestones.",
    );
  });

  it("says so in words when there is no plan or nothing to compare with, never 0% or ∞", () => {
    const noPlan = figures({ annualPlan: null, monthly: monthly.filter((m) => m.period >= "2026") });
    const zh = summaryParagraph(noPlan, { locale: "zh", t: createTranslator("zh") });
    expect(zh).toContain("（上年同期无数据，不计同比）");
    expect(zh).toContain("2026年未设年度投资计划，不计完成率；序时进度16.2%。");
    expect(zh).toContain("同比—");
    const en = summaryParagraph(noPlan, { locale: "en", t: createTranslator("en") });
    expect(en).toContain("(no year-on-year comparison: nothing was reported for the same months of last year)");
    expect(en).toContain("No investment plan is set for 2026, so there is no completion rate");
    expect(en).not.toMatch(/Infinity|NaN|∞/);
  });

  it("lays out every section, capacity per unit (never added) and the page label around its numbers", () => {
    const doc = buildReportDocument(figures(), { locale: "zh", t: createTranslator("zh") });
    expect(doc.title).toBe("示例高新区2026年2月月报");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => (b.kind === "heading" ? b.text : ""))).toEqual([
      "一、总体情况", "二、项目推进阶段", "三、重点项目推进情况表", "四、需协调解决的问题", "五、滞后节点", "六、产能投产情况（按产业、单位）", "七、指标口径说明",
    ]);
    const capacity = doc.blocks.filter((b) => b.kind === "table").at(-1)!;
    expect(capacity.kind === "table" && capacity.table.rows.map((r) => r.slice(0, 3))).toEqual([
      ["新能源", "20GWh/年", "5GWh/年"],
      ["新能源", "1,000吨/年", "0吨/年"],
    ]);
    expect(doc.pageLabel).toEqual({ before: "第 ", between: " 页 / 共 ", after: " 页" });
    expect(doc.blocks.filter((b) => b.landscape).map((b) => b.kind)).toEqual(["heading", "paragraph", "paragraph"]);
  });

  it("takes months up to the current one, as of their last day or today", () => {
    expect(reportMonth("2026-02", "2026-12-08")).toEqual({ month: "2026-02", asOf: "2026-02-28" });
    expect(reportMonth("2024-02", "2026-12-08")).toEqual({ month: "2024-02", asOf: "2024-02-29" });
    expect(reportMonth("2026-12", "2026-12-08")).toEqual({ month: "2026-12", asOf: "2026-12-08" });
    for (const bad of ["2027-01", "2026-13", "2026-00", "1999-12", "2026-2", "", "2026-02-01"]) expect(reportMonth(bad, "2026-12-08")).toBeNull();
    expect(lastClosedMonth("2026-01-15")).toBe("2025-12");
    expect(lastClosedMonth("2026-12-08")).toBe("2026-11");
  });
});
