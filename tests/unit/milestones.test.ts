import { describe, expect, it } from "vitest";
import { healthFromSlip, milestoneHealth, projectHealthFromMilestones, slipDays, stageFromMilestones } from "@/lib/domain/milestones";
import type { MilestoneType } from "@/lib/domain/values";

const TODAY = "2026-11-21";
const m = (plannedDate: string | null, forecastDate: string | null = null, actualDate: string | null = null) => ({ plannedDate, forecastDate, actualDate });

describe("slipDays", () => {
  it.each([
    ["no baseline", m(null, "2026-12-01"), null],
    ["reached early", m("2026-03-10", null, "2026-03-01"), -9],
    ["reached late", m("2026-03-01", null, "2026-04-15"), 45],
    ["future, no forecast", m("2027-01-01"), 0],
    ["future, forecast later", m("2027-01-01", "2027-01-20"), 19],
    ["passed without being reached: slips up to today", m("2026-11-01"), 20],
    ["forecast in the past counts as today", m("2026-10-01", "2026-10-15"), 51],
    ["forecast earlier than planned", m("2027-02-01", "2027-01-25"), -7],
    ["across a leap day", m("2028-02-28", null, "2028-03-01"), 2],
  ])("%s", (_label, milestone, expected) => {
    expect(slipDays(milestone, TODAY)).toBe(expected);
  });
});

describe("the health rule (≤ 7 days on track, ≤ 30 at risk, more off track)", () => {
  it.each([
    [null, "on_track"],
    [-30, "on_track"],
    [7, "on_track"],
    [8, "at_risk"],
    [30, "at_risk"],
    [31, "off_track"],
  ] as const)("slip %s → %s", (slip, health) => {
    expect(healthFromSlip(slip)).toBe(health);
  });

  it("judges a milestone by its slip", () => {
    expect(milestoneHealth(m("2026-11-10"), TODAY)).toBe("at_risk"); // 11 days late, not reached
    expect(milestoneHealth(m("2026-09-01", null, "2026-09-05"), TODAY)).toBe("on_track");
  });

  it("a project takes the worst of its milestones not yet reached", () => {
    expect(projectHealthFromMilestones([], TODAY)).toBe("on_track");
    expect(projectHealthFromMilestones([m("2026-01-01", null, "2026-06-01"), m("2027-01-01")], TODAY)).toBe("on_track");
    expect(projectHealthFromMilestones([m("2027-01-01"), m("2026-11-01"), m("2026-08-01")], TODAY)).toBe("off_track");
  });
});

describe("stageFromMilestones", () => {
  const reached = (type: MilestoneType, actualDate: string | null = "2026-01-01") => ({ type, plannedDate: "2026-01-01", forecastDate: null, actualDate });
  it.each([
    ["nothing reached", [reached("construction_start", null)], "signed"],
    ["signed only", [reached("signed")], "signed"],
    ["construction start", [reached("signed"), reached("construction_start")], "construction"],
    ["topping out proves construction", [reached("topping_out")], "construction"],
    ["production", [reached("construction_start"), reached("production")], "production"],
    ["full capacity wins over order of listing", [reached("full_capacity"), reached("signed")], "full_capacity"],
    ["custom and land prove no stage", [reached("custom"), reached("land_supply")], "signed"],
    ["an actual date in the future is not reached", [reached("production", "2027-01-01")], "signed"],
  ] as const)("%s", (_label, list, stage) => {
    expect(stageFromMilestones(list, TODAY)).toBe(stage);
  });
});
