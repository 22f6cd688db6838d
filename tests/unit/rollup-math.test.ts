import { describe, expect, it } from "vitest";
import { computeProjectHealth, DEFAULT_HEALTH_RULE } from "@/lib/domain/pace-health";
import { growthFor, paceAgainstPlan, periodOf, sumYuan, targetProgress, timeElapsed } from "@/lib/domain/rollups";

describe("growthFor (MoM, YoY, YTD)", () => {
  // Ningbo's way of reporting: the first half grew 15.4% YoY; June alone 31.9%.
  const monthly = [
    ...[100, 100, 100, 100, 100, 100].map((v, i) => ({ period: periodOf(2022, i + 1), value: String(v * 1e6) })),
    ...[105, 106, 110, 114, 126.4, 131.9].map((v, i) => ({ period: periodOf(2023, i + 1), value: String(Math.round(v * 1e6)) })),
  ];

  it("computes this month, MoM, YoY and YTD growth exactly", () => {
    const june = growthFor(monthly, 2023, 6);
    expect(june.month).toBe("131900000");
    expect(june.yoy).toBeCloseTo(0.319, 10);
    expect(june.mom).toBeCloseTo(131.9 / 126.4 - 1, 10);
    expect(june.ytd).toBe("693300000");
    expect(june.ytdGrowth).toBeCloseTo(693.3 / 600 - 1, 10);
    const feb = growthFor(monthly, 2023, 2);
    expect(feb.ytdGrowth).toBeCloseTo(211 / 200 - 1, 10);
  });

  it("has no ratio when the base is zero or missing", () => {
    const g = growthFor(monthly, 2022, 1);
    expect(g.yoy).toBeNull();
    expect(g.mom).toBeNull();
    expect(g.ytdGrowth).toBeNull();
  });

  it("keeps fen exact", () => {
    expect(growthFor([{ period: "2026-01-01", value: "0.10" }, { period: "2026-02-01", value: "0.20" }], 2026, 2).ytd).toBe("0.3");
    expect(sumYuan(["0.1", "0.2", null, "1234567890123.45"])).toBe("1234567890123.75");
  });
});

describe("pace against the annual plan (序时进度)", () => {
  it("measures the share of the year passed, leap years included", () => {
    expect(timeElapsed("2026-01-01")).toBeCloseTo(1 / 365);
    expect(timeElapsed("2026-12-31")).toBe(1);
    expect(timeElapsed("2024-12-31")).toBe(1);
    expect(timeElapsed("2024-02-29")).toBeCloseTo(60 / 366);
  });

  it("is ahead or behind by percentage points", () => {
    const p = paceAgainstPlan("600000000", "1000000000", "2026-07-02"); // day 183 of 365
    expect(p.completionRate).toBeCloseTo(0.6);
    expect(p.aheadPp).toBeCloseTo((0.6 - 183 / 365) * 100);
    expect(paceAgainstPlan("1", null, "2026-07-02").aheadPp).toBeNull();
    expect(paceAgainstPlan("1", "0", "2026-07-02").completionRate).toBeNull();
  });
});

describe("targetProgress (CAGR)", () => {
  // Ningxiang: over ¥100 bn by 2025 at 11% a year from 2020.
  const target = { value: "100000000000", year: 2025, baseYear: 2020, baseValue: "59345132806" };

  it("achieved vs required growth and the projection", () => {
    const onTrack = targetProgress(target, { year: 2022, value: String(Math.round(59345132806 * 1.11 ** 2)) });
    expect(onTrack.achievedCagr).toBeCloseTo(0.11, 6);
    expect(onTrack.requiredCagr).toBeCloseTo(0.11, 6);
    expect(Number(onTrack.projection)).toBeCloseTo(100e9, -3);

    const slow = targetProgress(target, { year: 2022, value: "65000000000" });
    expect(slow.achievedCagr!).toBeLessThan(0.11);
    expect(slow.requiredCagr!).toBeGreaterThan(0.11);
    expect(slow.onCourse).toBe(false);
  });

  it("says nothing without data", () => {
    expect(targetProgress(target, null)).toEqual({ requiredCagr: null, achievedCagr: null, projection: null, onCourse: null });
    expect(targetProgress({ ...target, baseValue: null }, { year: 2022, value: "70000000000" }).achievedCagr).toBeNull();
  });
});

describe("computeProjectHealth under the park's rule", () => {
  const base = { plannedInvestment: "1000", completedInvestment: "500", startPlanned: "2026-01-01", startActual: "2026-01-01", endPlanned: "2027-01-01" };

  it("red when construction has not started three months after plan", () => {
    expect(computeProjectHealth({ ...base, startActual: null, startPlanned: "2026-08-01" }, DEFAULT_HEALTH_RULE, "2026-11-21")).toEqual({
      health: "off_track",
      reason: "not_started",
      behindPp: null,
    });
    expect(computeProjectHealth({ ...base, startActual: null, startPlanned: "2026-09-01" }, DEFAULT_HEALTH_RULE, "2026-11-21").reason).not.toBe("not_started");
  });

  it("yellow 10–30 points behind pace, red beyond", () => {
    // 2026-07-02 is about 49.6% of the way from 2026-01-01 to 2027-01-01.
    expect(computeProjectHealth({ ...base, completedInvestment: "450" }, DEFAULT_HEALTH_RULE, "2026-07-02").health).toBe("on_track");
    expect(computeProjectHealth({ ...base, completedInvestment: "350" }, DEFAULT_HEALTH_RULE, "2026-07-02")).toMatchObject({ health: "at_risk", reason: "behind_yellow" });
    expect(computeProjectHealth({ ...base, completedInvestment: "100" }, DEFAULT_HEALTH_RULE, "2026-07-02")).toMatchObject({ health: "off_track", reason: "behind_red" });
    const strict = { yellowBehindPp: 5, redBehindPp: 8, redMonthsNotStarted: 1, slipBaseline: "current" as const };
    expect(computeProjectHealth({ ...base, completedInvestment: "420" }, strict, "2026-07-02").health).toBe("at_risk");
  });

  it("no basis without planned money or dates", () => {
    expect(computeProjectHealth({ ...base, plannedInvestment: "0" }, DEFAULT_HEALTH_RULE, "2026-07-02").reason).toBe("no_basis");
    expect(computeProjectHealth({ ...base, endPlanned: null }, DEFAULT_HEALTH_RULE, "2026-07-02").reason).toBe("no_basis");
  });
});
