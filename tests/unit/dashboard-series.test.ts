import { describe, expect, it } from "vitest";
import { capacityRamp, cumulativeThisYear, figuresMonth, monthlyPoints, monthWindow, type CapacityReportRow } from "@/app/_lib/dashboard/series";

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

describe("capacityRamp", () => {
  const row = (capacityId: string, month: string, online: string, unit: CapacityReportRow["unit"] = "t"): CapacityReportRow => ({
    capacityId, cluster: "新材料", clusterEn: null, unit, period: "year", month, online,
  });

  it("carries each capacity's last level forward and adds only like units", () => {
    const reports = [row("a", "2026-01-01", "100"), row("b", "2026-02-01", "50"), row("a", "2026-03-01", "150"), row("c", "2026-02-01", "7", "m2")];
    const series = capacityRamp(reports, ["2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]);
    expect(series.map((s) => [s.unit, s.values])).toEqual([
      ["t", ["0", "100", "150", "200", "200"]],
      ["m2", ["0", "0", "7", "7", "7"]],
    ]);
  });

  it("keeps the later of two reports in the same month", () => {
    const series = capacityRamp([row("a", "2026-01-01", "100"), row("a", "2026-01-01", "80")], ["2026-01-01"]);
    expect(series[0]!.values).toEqual(["80"]);
  });
});
