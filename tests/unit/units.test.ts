import { describe, it, expect } from "vitest";
import {
  CAPACITY_PERIODS,
  CAPACITY_UNITS,
  addDecimal,
  isCapacityPeriod,
  isCapacityUnit,
  periodLabel,
  sumLikeUnits,
  unitLabel,
  type CapacityItem,
  type CapacityPeriod,
  type CapacityUnit,
} from "@/lib/format/units";
import { DEFAULT_LOCALE, LOCALES, isLocale } from "@/lib/i18n/locale";

describe("locale", () => {
  it("lists en and zh with zh as default", () => {
    expect(LOCALES).toEqual(["en", "zh"]);
    expect(DEFAULT_LOCALE).toBe("zh");
  });

  it.each([
    ["en", true],
    ["zh", true],
    ["fr", false],
    ["ZH", false],
    [undefined, false],
    [1, false],
  ])("isLocale(%j) → %s", (x, expected) => {
    expect(isLocale(x)).toBe(expected);
  });
});

describe("unit and period labels", () => {
  it.each<[CapacityUnit, string, string]>([
    ["m2", "m²", "平方米"],
    ["t", "t", "吨"],
    ["unit", "units", "台(套)"],
    ["piece", "pcs", "件"],
    ["GWh", "GWh", "GWh"],
  ])("%s → %s / %s", (unit, en, zh) => {
    expect(unitLabel(unit, "en")).toBe(en);
    expect(unitLabel(unit, "zh")).toBe(zh);
  });

  it.each<[CapacityPeriod, string, string]>([
    ["year", "/yr", "/年"],
    ["month", "/mo", "/月"],
    ["day", "/day", "/日"],
  ])("%s → %s / %s", (period, en, zh) => {
    expect(periodLabel(period, "en")).toBe(en);
    expect(periodLabel(period, "zh")).toBe(zh);
  });

  it("guards recognise exactly the listed codes", () => {
    for (const u of CAPACITY_UNITS) expect(isCapacityUnit(u)).toBe(true);
    for (const p of CAPACITY_PERIODS) expect(isCapacityPeriod(p)).toBe(true);
    expect(isCapacityUnit("kg")).toBe(false);
    expect(isCapacityUnit("gwh")).toBe(false);
    expect(isCapacityPeriod("week")).toBe(false);
  });
});

describe("addDecimal", () => {
  it.each([
    ["0.1", "0.2", "0.3"],
    ["1", "2", "3"],
    ["0.05", "0.95", "1"],
    ["-1.5", "1.5", "0"],
    ["-2", "0.25", "-1.75"],
    ["9007199254740993", "1", "9007199254740994"],
    ["40000.0000", "0", "40000"],
    ["0.0001", "0.00001", "0.00011"],
  ])("%s + %s = %s", (a, b, sum) => {
    expect(addDecimal(a, b)).toBe(sum);
  });

  it.each(["", "abc", "1e3", "1.2.3", "NaN"])("throws on %j", (bad) => {
    expect(() => addDecimal(bad, "1")).toThrow(RangeError);
  });
});

describe("sumLikeUnits", () => {
  const item = (value: string, unit: CapacityUnit, period: CapacityPeriod): CapacityItem => ({ value, unit, period });

  it("returns nothing for no items", () => {
    expect(sumLikeUnits([])).toEqual([]);
  });

  it("never adds m² and t together", () => {
    const totals = sumLikeUnits([item("100", "m2", "year"), item("50", "t", "year"), item("20", "m2", "year")]);
    expect(totals).toEqual([
      { unit: "m2", period: "year", total: "120" },
      { unit: "t", period: "year", total: "50" },
    ]);
  });

  it("does not add the same unit over different periods", () => {
    const totals = sumLikeUnits([item("200", "unit", "month"), item("500000", "unit", "year"), item("100", "unit", "month")]);
    expect(totals).toEqual([
      { unit: "unit", period: "month", total: "300" },
      { unit: "unit", period: "year", total: "500000" },
    ]);
  });

  it("adds decimals exactly", () => {
    expect(sumLikeUnits([item("0.1", "GWh", "year"), item("0.2", "GWh", "year")])).toEqual([
      { unit: "GWh", period: "year", total: "0.3" },
    ]);
  });

  it("keeps precision beyond 2^53", () => {
    const totals = sumLikeUnits([item("480000000000000000.1", "m2", "year"), item("0.2", "m2", "year")]);
    expect(totals[0]?.total).toBe("480000000000000000.3");
  });

  it("keeps order of first appearance", () => {
    const totals = sumLikeUnits([
      item("1", "piece", "day"),
      item("1", "GWh", "year"),
      item("1", "t", "month"),
      item("1", "GWh", "year"),
      item("1", "piece", "day"),
    ]);
    expect(totals.map((t) => `${t.unit}/${t.period}=${t.total}`)).toEqual(["piece/day=2", "GWh/year=2", "t/month=1"]);
  });

  it("refuses a non-decimal value rather than dropping it", () => {
    expect(() => sumLikeUnits([item("1", "t", "year"), item("lots", "t", "year")])).toThrow(RangeError);
  });
});
