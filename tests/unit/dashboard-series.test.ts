import { describe, expect, it } from "vitest";
import { cumulativeThisYear, figuresMonth, monthlyPoints, monthWindow, rampSeries, recentMonths, type RampChange } from "@/lib/domain/series";
import { capacityRampFromReports, type CapacityReportRow } from "../support/capacity-ramp-model";

describe("monthWindow", () => {
  it("ends with today's month and crosses year boundaries", () => {
    expect(monthWindow("2026-02-17", 4)).toEqual(["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]);
    expect(monthWindow("2026-11-22", 24)).toHaveLength(24);
    expect(monthWindow("2026-11-22", 24)[0]).toBe("2024-12-01");
  });
});

describe("figuresMonth", () => {
  const monthly = [
    { period: "2026-09-01", value: "5" },
    { period: "2026-10-01", value: "7" },
    { period: "2026-11-01", value: "0" },
  ];
  it("takes the latest month with a non-zero figure up to today", () => {
    expect(figuresMonth(monthly, "2026-11-22")).toEqual({ year: 2026, month: 10 });
    expect(figuresMonth(monthly, "2026-09-30")).toEqual({ year: 2026, month: 9 });
  });
  it("falls back to today's month without data", () => {
    expect(figuresMonth([], "2026-11-22")).toEqual({ year: 2026, month: 11 });
  });
});

describe("monthlyPoints", () => {
  it("has no year-on-year growth for a month nobody reported", () => {
    const monthly = [
      { period: "2025-10-01", value: "100" },
      { period: "2025-11-01", value: "100" },
      { period: "2026-10-01", value: "150" },
    ];
    const points = monthlyPoints(monthly, ["2026-10-01", "2026-11-01"]);
    expect(points[0]).toEqual({ period: "2026-10-01", value: "150", yoy: 0.5 });
    expect(points[1]).toEqual({ period: "2026-11-01", value: "0", yoy: null });
  });
});

describe("cumulativeThisYear", () => {
  it("sums exactly from January and stops at today's month; the plan follows time elapsed", () => {
    const monthly = [
      { period: "2025-12-01", value: "999" },
      { period: "2026-01-01", value: "0.10" },
      { period: "2026-02-01", value: "0.20" },
    ];
    const months = cumulativeThisYear(monthly, "2026-03-15", "365");
    expect(months.map((m) => m.actual)).toEqual(["0.1", "0.3", "0.3", null, null, null, null, null, null, null, null, null]);
    expect(months[0]!.plan).toBeCloseTo(31, 10);
    expect(months[11]!.plan).toBeCloseTo(365, 10);
  });
  it("has no plan line without an annual plan", () => {
    expect(cumulativeThisYear([], "2026-03-15", null).every((m) => m.plan === null)).toBe(true);
  });
});

describe("rampSeries", () => {
  const change = (month: string, value: string, unit: RampChange["unit"] = "t"): RampChange => ({ cluster: "新材料", unit, period: "year", month, change: value });
  const periods = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"];

  it("sums the monthly changes into levels, exactly, and adds only like units", () => {
    const series = rampSeries([change("2026-01-01", "100.1000"), change("2026-03-01", "-0.1000"), change("2026-02-01", "7", "m2")], periods, new Map([["新材料", "New materials"]]));
    expect(series.map((s) => [s.unit, s.clusterEn, s.values])).toEqual([
      ["t", "New materials", ["100.1", "100.1", "100", "100"]],
      ["m2", "New materials", ["0", "7", "7", "7"]],
    ]);
  });

  it("adds two rows of the same month, and leaves a cluster without an English name unnamed", () => {
    const series = rampSeries([change("2026-02-01", "5"), change("2026-02-01", "6")], periods, new Map());
    expect(series[0]!.values).toEqual(["0", "11", "11", "11"]);
    expect(series[0]!.clusterEn).toBeNull();
  });
});

describe("capacityRampFromReports (the reference the summary is checked against)", () => {
  const row = (capacityId: string, month: string, online: string, unit: CapacityReportRow["unit"] = "t"): CapacityReportRow => ({
    capacityId, cluster: "新材料", unit, period: "year", month, online,
  });

  it("carries each capacity's last level forward and adds only like units", () => {
    const reports = [row("a", "2026-01-01", "100"), row("b", "2026-02-01", "50"), row("a", "2026-03-01", "150"), row("c", "2026-02-01", "7", "m2")];
    const series = capacityRampFromReports(reports, ["2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]);
    expect([...series]).toEqual([
      ["新材料|t|year", ["0", "100", "150", "200", "200"]],
      ["新材料|m2|year", ["0", "0", "7", "7", "7"]],
    ]);
  });

  it("keeps the later of two reports in the same month", () => {
    const series = capacityRampFromReports([row("a", "2026-01-01", "100"), row("a", "2026-01-01", "80")], ["2026-01-01"]);
    expect(series.get("新材料|t|year")).toEqual(["80"]);
  });
});

describe("recentMonths", () => {
  it("keeps twelve calendar months up to the latest entry, a month without one as null", () => {
    const got = recentMonths([
      { period: "2021-08-01", yuan: "5" },
      { period: "2026-09-01", yuan: "7" },
      { period: "2026-11-01", yuan: "9" },
    ]);
    expect(got).toHaveLength(12);
    expect(got[0]).toEqual({ period: "2025-12-01", yuan: null });
    expect(got.at(-3)).toEqual({ period: "2026-09-01", yuan: "7" });
    expect(got.at(-2)).toEqual({ period: "2026-10-01", yuan: null });
    expect(got.at(-1)).toEqual({ period: "2026-11-01", yuan: "9" });
    // 2021-08 is outside the window: never drawn next to 2026-11.
    expect(got.some((m) => m.period.startsWith("2021"))).toBe(false);
    expect(recentMonths([])).toEqual([]);
  });
});
