import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cellAmount, cellHealth, cellMonth, cellText } from "@/app/_lib/ledger/cells";
import { decodeCsvBytes, parseCsv } from "@/app/_lib/ledger/csv-text";
import { detectMapping, fieldOfHeader, findHeaderIndex, splitHeaderUnit, normalizeHeader } from "@/app/_lib/ledger/columns";
import { openZip } from "@/app/_lib/ledger/zip-guard";
import { exactNumber } from "@/lib/format/spreadsheet";
import { encryptedZip, garbage, lyingZipBomb, manyEntriesZip, overlappingZip, xlsxOf, zipBomb } from "../support/ledger-files";

const LIMITS = { maxEntries: 1000, maxTotalBytes: 64 * 1024 * 1024 };

describe("decodeCsvBytes", () => {
  const text = "项目编号,项目名称\r\nA-1,宁乡€\r\n";
  it.each([
    ["UTF-8 with a BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), "utf-8"],
    ["UTF-8 without a BOM", new TextEncoder().encode(text), "utf-8"],
    ["GB18030 (Excel on Chinese Windows)", new Uint8Array(iconv.encode(text, "gb18030")), "gb18030"],
    ["UTF-16LE with a BOM (Excel's Unicode text)", new Uint8Array(iconv.encode(text, "utf-16le", { addBOM: true })), "utf-16"],
  ])("reads %s", (_label, bytes, encoding) => {
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text, encoding });
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", () => {
    expect(decodeCsvBytes(new Uint8Array([0x41, 0xff, 0xfe, 0xfd, 0x80, 0x42]))).toEqual({ ok: false, reason: "encoding" });
  });

  it("refuses random binary and text with NUL bytes", () => {
    expect(decodeCsvBytes(garbage()).ok).toBe(false);
    expect(decodeCsvBytes(new TextEncoder().encode("a,b\u0000c"))).toEqual({ ok: false, reason: "binary" });
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with delimiters, escaped quotes and line breaks", () => {
    const parsed = parseCsv('code,name\r\nA,"宁乡, ""一期""\n二期"\nB,x\r\n', 100);
    expect(parsed).toEqual({ ok: true, records: [["code", "name"], ["A", '宁乡, "一期"\n二期'], ["B", "x"]] });
  });

  it("detects tab and semicolon delimiters from the first line", () => {
    expect(parseCsv("a\tb\n1,5\t2\n", 10)).toEqual({ ok: true, records: [["a", "b"], ["1,5", "2"]] });
    expect(parseCsv("a;b\n1;2", 10)).toEqual({ ok: true, records: [["a", "b"], ["1", "2"]] });
  });

  it("refuses a quote that never closes, naming the record it opens on", () => {
    expect(parseCsv('a,b\n1,2\n3,"oops\n4,5\n', 10)).toEqual({ ok: false, reason: "unclosedQuote", row: 3 });
  });

  it("stops as soon as there are more records than allowed", () => {
    expect(parseCsv("a\n".repeat(1000), 10)).toEqual({ ok: false, reason: "tooManyRows" });
  });
});

describe("openZip", () => {
  it("opens a real workbook", async () => {
    const opened = openZip(await xlsxOf([["code"], ["A"]]), LIMITS);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect([...opened.entries.keys()]).toContain("xl/worksheets/sheet1.xml");
  });

  it("refuses a zip bomb, stopping at the cap", () => {
    expect(openZip(zipBomb(), LIMITS)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("refuses a bomb that declares a small size: the cap is on what inflates", () => {
    expect(openZip(lyingZipBomb(), LIMITS)).toEqual({ ok: false, reason: "tooLarge" });
    // Under the cap, inflating to more than declared is a lie too.
    expect(openZip(lyingZipBomb(2), LIMITS)).toEqual({ ok: false, reason: "damaged" });
  });

  it("refuses entries that overlap (one kernel read many times)", () => {
    expect(openZip(overlappingZip(), LIMITS)).toEqual({ ok: false, reason: "damaged" });
  });

  it("refuses encrypted entries, too many entries, and garbage", () => {
    expect(openZip(encryptedZip(), LIMITS)).toEqual({ ok: false, reason: "encrypted" });
    expect(openZip(manyEntriesZip(1001), LIMITS)).toEqual({ ok: false, reason: "tooManyEntries" });
    expect(openZip(garbage(), LIMITS)).toEqual({ ok: false, reason: "notZip" });
  });
});

describe("column headers", () => {
  it.each([
    ["项目编号", "code"], ["编号", "code"], ["Code", "code"], ["项目名称", "name"], ["Project name", "name"],
    ["企业", "company"], ["公司名称", "company"], ["产业链", "cluster"], ["Industry", "cluster"], ["计划总投资（亿元）", "plannedInvestment"],
    ["Planned investment (yuan)", "plannedInvestment"], ["签约投资", "contractedInvestment"], ["合同投资(万元)", "contractedInvestment"],
    ["到位资金", "inPlaceInvestment"], ["In place", "inPlaceInvestment"], ["累计完成投资/万元", "completedInvestment"], ["责任单位", "responsibleUnit"],
    ["包联领导", "leaderInCharge"], ["Company (English)", "companyEn"], ["项目状态", "health"], ["  项 目 编 号 * ", "code"], ["ＣＯＤＥ", "code"],
    ["备注", null], ["序号", null],
  ])("%j names %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it("reads the unit a header names", () => {
    expect(splitHeaderUnit(normalizeHeader("计划总投资（万元）"))).toEqual({ base: "计划总投资", unit: "万" });
    expect(splitHeaderUnit(normalizeHeader("计划总投资(单位：亿元)"))).toEqual({ base: "计划总投资", unit: "亿" });
    expect(splitHeaderUnit(normalizeHeader("Planned (yuan)"))).toEqual({ base: "planned", unit: "" });
    expect(splitHeaderUnit(normalizeHeader("Company (English)"))).toEqual({ base: "company(english)", unit: null });
  });

  it("skips a title row above the header", () => {
    expect(findHeaderIndex([["宁乡高新区重点项目台账"], [], ["编号", "项目名称", "企业"], ["1", "x", "y"]])).toBe(2);
  });

  it("prefers the remembered mapping where its headers are in the file, and recognises the rest", () => {
    const headers = ["编号", "项目", "单位", "备注"];
    expect(detectMapping(headers, { company: "单位", code: "gone" })).toEqual({ mapping: { code: "编号", name: "项目", company: "单位" }, remembered: true });
    expect(detectMapping(headers, null)).toEqual({ mapping: { code: "编号", name: "项目" }, remembered: false });
  });
});

describe("cells", () => {
  it("reads amounts in the header's unit unless the cell names its own", () => {
    expect(cellAmount("500000", "万")).toEqual({ ok: true, yuan: "5000000000" });
    expect(cellAmount(12.5, "亿")).toEqual({ ok: true, yuan: "1250000000" });
    expect(cellAmount("3亿", "万")).toEqual({ ok: true, yuan: "300000000" });
    expect(cellAmount(5000000000.12, null)).toEqual({ ok: true, yuan: "5000000000.12" });
    expect(cellAmount(1234.5600000000001, "")).toEqual({ ok: true, yuan: "1234.56" });
    expect(cellAmount("abc", null)).toEqual({ ok: false, reason: "not_a_number" });
    expect(cellAmount(1e21, null).ok).toBe(false);
  });

  it("reads text, taking off the apostrophe our exports put before formula-like text", () => {
    expect(cellText("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(cellText("'plain")).toBe("'plain");
    expect(cellText(new Date(Date.UTC(2025, 2, 1)))).toBe("2025-03-01");
    expect(cellText(2024001)).toBe("2024001");
    expect(cellText(null)).toBe("");
  });

  it("reads health in either language or as a colour", () => {
    expect(["正常", "On track", "绿", "at risk", "滞后", "RED", "紫"].map((h) => cellHealth(h))).toEqual([
      "on_track", "on_track", "on_track", "at_risk", "off_track", "off_track", null,
    ]);
  });
});

describe("exactNumber", () => {
  it.each([
    ["5000000000", 5000000000], ["5000000000.00", 5000000000], ["0.1", 0.1], ["-12.5", -12.5], ["0", 0],
    ["123456789012345.6", null], ["0012", null], ["1e9", null], ["12,000", null], ["abc", null], ["999999999999999", 999999999999999],
  ])("%s → %s", (text, value) => {
    expect(exactNumber(text)).toBe(value);
  });
});

describe("cellMonth", () => {
  it.each([
    [new Date(Date.UTC(2025, 2, 15)), "2025-03-01"],
    [45717, "2025-03-01"], // an Excel serial in a cell not formatted as a date
    [45747.75, "2025-03-01"], // 2025-03-31 18:00
    [202503, "2025-03-01"],
    ["2025-03", "2025-03-01"], ["2025-3", "2025-03-01"], ["2025/03/31", "2025-03-01"], ["2025.3", "2025-03-01"],
    ["2025年3月", "2025-03-01"], ["2025年03月15日", "2025-03-01"], ["２０２５年３月", "2025-03-01"], ["202512", "2025-12-01"],
  ])("%j is %s", (cell, month) => {
    expect(cellMonth(cell)).toBe(month);
  });

  it.each([["2025-13"], ["2025-02-30"], ["March 2025"], ["25-03"], [""], [null], [1e9], [true], ["1900-01"], [2025]])("%j is not a month", (cell) => {
    expect(cellMonth(cell)).toBeNull();
  });
});
