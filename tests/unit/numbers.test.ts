import { describe, it, expect } from "vitest";
import { formatMoney, formatNumber, formatPercent, formatPlanningMoney, formatQuantity, isUnsetPlanning } from "@/lib/format/numbers";
import type { CapacityPeriod, CapacityUnit } from "@/lib/format/units";

describe("formatMoney zh", () => {
  it.each([
    ["5000000000", "50亿元"],
    ["480000000", "4.8亿元"],
    ["4358000000", "43.58亿元"],
    ["4358600000", "43.59亿元"],
    ["100000000", "1亿元"],
    ["49000000", "4900万元"],
    ["12345", "1.23万元"],
    ["10000", "1万元"],
    ["99999999.99", "1亿元"],
    ["9999", "9,999元"],
    ["1234.5", "1,234.50元"],
    ["0", "0元"],
    ["120000000.5", "1.2亿元"],
    ["-5000000000", "-50亿元"],
    ["-0.001", "0元"],
    ["1000000000000000", "10000000亿元"],
  ])("%s → %s", (yuan, expected) => {
    expect(formatMoney(yuan, "zh")).toBe(expected);
  });
});

describe("formatMoney en", () => {
  it.each([
    ["5000000000", "¥5.0 bn"],
    ["4358000000", "¥4.4 bn"],
    ["1000000000", "¥1.0 bn"],
    ["480000000", "¥480 M"],
    ["49000000", "¥49 M"],
    ["600000000", "¥600 M"],
    ["1500000", "¥1.5 M"],
    ["999960000", "¥1.0 bn"],
    ["12345", "¥12,345"],
    ["999999", "¥999,999"],
    ["1234.5", "¥1,234.50"],
    ["0", "¥0"],
    ["120000000.5", "¥120 M"],
    ["-49000000", "-¥49 M"],
  ])("%s → %s", (yuan, expected) => {
    expect(formatMoney(yuan, "en")).toBe(expected);
  });
});

describe("formatMoney invalid input", () => {
  it.each(["", "abc", "1e9", "5亿", "1,000", "NaN", "1.2.3"])("returns %j unchanged", (bad) => {
    expect(formatMoney(bad, "zh")).toBe(bad);
    expect(formatMoney(bad, "en")).toBe(bad);
  });
});

describe("formatPlanningMoney", () => {
  it.each([
    ["0", "未填写"],
    ["0.00", "未填写"],
    ["000.0", "未填写"],
    ["-0.00", "未填写"],
    ["0.01", "0.01元"],
    ["5000000000", "50亿元"],
  ])("zh %s → %s", (yuan, expected) => {
    expect(formatPlanningMoney(yuan, "zh", "未填写")).toBe(expected);
  });

  it("reads a zero as unset in English, and anything else as money", () => {
    expect(formatPlanningMoney("0.00", "en", "not entered")).toBe("not entered");
    expect(formatPlanningMoney("480000000", "en", "not entered")).toBe("¥480 M");
  });

  it("returns invalid input unchanged, as formatMoney does", () => {
    expect(formatPlanningMoney("abc", "zh", "未填写")).toBe("abc");
  });

  it("calls only a zero unset: not a cent, not text that is no amount", () => {
    expect(isUnsetPlanning("0.00")).toBe(true);
    expect(isUnsetPlanning("0.01")).toBe(false);
    expect(isUnsetPlanning("abc")).toBe(false);
  });
});

describe("formatQuantity", () => {
  it.each<[string, CapacityUnit, CapacityPeriod, string, string]>([
    ["480000000", "m2", "year", "4.8亿平方米/年", "480 M m²/yr"],
    ["40000", "t", "year", "4万吨/年", "40,000 t/yr"],
    ["500000", "unit", "year", "50万台(套)/年", "500,000 units/yr"],
    ["40000", "piece", "day", "4万件/日", "40,000 pcs/day"],
    ["200", "unit", "month", "200台(套)/月", "200 units/mo"],
    ["1500000000", "m2", "year", "15亿平方米/年", "1.5 bn m²/yr"],
    ["1000000", "t", "month", "100万吨/月", "1 M t/mo"],
    ["20", "GWh", "year", "20GWh/年", "20 GWh/yr"],
    ["0", "t", "day", "0吨/日", "0 t/day"],
    ["12.5", "GWh", "year", "12.5GWh/年", "12.5 GWh/yr"],
    ["-40000", "t", "year", "-4万吨/年", "-40,000 t/yr"],
  ])("%s %s %s → %s | %s", (value, unit, period, zh, en) => {
    expect(formatQuantity(value, unit, period, "zh")).toBe(zh);
    expect(formatQuantity(value, unit, period, "en")).toBe(en);
  });

  it("returns invalid input unchanged", () => {
    expect(formatQuantity("n/a", "t", "year", "zh")).toBe("n/a");
  });
});

describe("formatNumber", () => {
  it.each([
    ["0", "0"],
    ["1234", "1,234"],
    ["1234567", "1,234,567"],
    ["120000000.5", "120,000,000.5"],
    ["-9876543.21", "-9,876,543.21"],
    ["007", "7"],
    ["12345678901234567890", "12,345,678,901,234,567,890"],
    ["not a number", "not a number"],
  ])("%s → %s", (value, expected) => {
    expect(formatNumber(value, "en")).toBe(expected);
    expect(formatNumber(value, "zh")).toBe(expected);
  });
});

describe("formatPercent", () => {
  it.each<[number, number | undefined, string]>([
    [0.154, undefined, "15.4%"],
    [0, undefined, "0.0%"],
    [1, undefined, "100.0%"],
    [0.5, 0, "50%"],
    [0.1236, 2, "12.36%"],
    [12.5, 1, "1,250.0%"],
    [-0.25, 1, "-25.0%"],
    [-0.0001, 1, "0.0%"],
    [Number.NaN, 1, "—"],
    [Number.POSITIVE_INFINITY, 1, "—"],
  ])("%s (digits %s) → %s", (ratio, digits, expected) => {
    expect(formatPercent(ratio, "en", digits)).toBe(expected);
    expect(formatPercent(ratio, "zh", digits)).toBe(expected);
  });
});
