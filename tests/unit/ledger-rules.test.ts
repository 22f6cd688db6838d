import { describe, expect, it } from "vitest";
import { codePrefix, nextCodes } from "@/lib/ledger/codes";
import { formatLedgerDate, parseLedgerDate } from "@/lib/ledger/dates";
import { checkStage, parseStage } from "@/lib/ledger/stages";

describe("ledger dates", () => {
  it.each([
    ["2018-09-01", "2018-09-01", "day"],
    ["2018/9/1", "2018-09-01", "day"],
    ["2018.9.1", "2018-09-01", "day"],
    ["2018年9月1日", "2018-09-01", "day"],
    ["2018年9月24号", "2018-09-24", "day"],
    ["2018年9月", "2018-09-01", "month"],
    ["2018-09", "2018-09-01", "month"],
    ["2018.9", "2018-09-01", "month"],
    ["201809", "2018-09-01", "month"],
    ["20180924", "2018-09-24", "day"],
    ["２０１８年９月", "2018-09-01", "month"],
    [" 2018 / 9 / 24 ", "2018-09-24", "day"],
    ["43367", "2018-09-24", "day"],
  ])("%s → %s (%s)", (text, date, precision) => {
    expect(parseLedgerDate(text)).toEqual({ ok: true, date, precision, plan: false });
  });

  it("reads Excel serials and workbook dates as days", () => {
    expect(parseLedgerDate(43367)).toEqual({ ok: true, date: "2018-09-24", precision: "day", plan: false });
    expect(parseLedgerDate(new Date(Date.UTC(2018, 8, 24)))).toEqual({ ok: true, date: "2018-09-24", precision: "day", plan: false });
  });

  it.each(["计划2026年6月", "计划 2026-06", "预计2026/6", "2026-06（计划）", "planned 2026-06", "Plan: 2026-06"])("%s is a plan", (text) => {
    expect(parseLedgerDate(text)).toEqual({ ok: true, date: "2026-06-01", precision: "month", plan: true });
  });

  it.each(["2018-02-30", "2019年2月29日", "2018-13-01", "2018年13月", "2018/0/5", "1800-01-01"])("%s is impossible", (text) => {
    expect(parseLedgerDate(text)).toEqual({ ok: false, reason: "impossible" });
  });

  it.each(["soon", "下半年", "Q3 2018", "2018年底", "12"])("%s is not a date", (text) => {
    expect(parseLedgerDate(text)).toEqual({ ok: false, reason: "format" });
  });

  it("an empty cell is no date", () => {
    expect(parseLedgerDate(null)).toBeNull();
    expect(parseLedgerDate("  ")).toBeNull();
  });

  it("writes what it reads back: month precision and plans survive", () => {
    for (const [date, precision, plan] of [["2018-09-01", "month", false], ["2026-06-15", "day", true], ["2026-06-01", "month", true]] as const) {
      for (const word of ["计划", "planned"]) {
        expect(parseLedgerDate(formatLedgerDate(date, precision, plan, word))).toEqual({ ok: true, date, precision, plan });
      }
    }
  });
});

describe("ledger stages", () => {
  it.each([
    ["签约", "signed"], ["前期", "signed"], ["在建", "construction"], ["开工", "construction"], ["竣工", "construction"],
    ["投产", "production"], ["已投产", "production"], ["达产", "full_capacity"], ["Under construction", "construction"], ["In production", "production"],
  ])("%s → %s", (text, stage) => {
    expect(parseStage(text)).toBe(stage);
  });

  it("unknown words are not a stage; catalog labels are", () => {
    expect(parseStage("搁置")).toBeNull();
    expect(parseStage("Whatever label", { production: ["Whatever label"] })).toBe("production");
  });

  it("production with no production date, dates ahead of the stage, and dates out of order are warned", () => {
    expect(checkStage("production", { construction_start: "2020-01-01" }, "construction")).toEqual([{ kind: "noProof", stage: "production", milestone: "production" }]);
    expect(checkStage("construction", { construction_start: "2020-01-01", production: "2021-05-01" }, "production")).toEqual([
      { kind: "behindDates", stage: "construction", proven: "production" },
    ]);
    expect(checkStage("production", { construction_start: "2021-01-01", production: "2020-05-01" }, "production")).toEqual([
      { kind: "order", earlier: "construction_start", later: "production" },
    ]);
    expect(checkStage("production", { construction_start: "2020-01-01", production: "2021-05-01" }, "production")).toEqual([]);
    expect(checkStage(null, {}, "signed")).toEqual([]);
  });
});

describe("generated codes", () => {
  it("follow the highest number of the park's prefix", () => {
    const prefix = codePrefix("ningxiang-htz");
    expect(prefix).toBe("NINGXIANG-HTZ-");
    expect(nextCodes(prefix, ["NINGXIANG-HTZ-0007", "NINGXIANG-HTZ-12", "OTHER-0099", "NINGXIANG-HTZ-X1"], 2)).toEqual(["NINGXIANG-HTZ-0013", "NINGXIANG-HTZ-0014"]);
    expect(nextCodes(prefix, [], 1)).toEqual(["NINGXIANG-HTZ-0001"]);
  });
});
