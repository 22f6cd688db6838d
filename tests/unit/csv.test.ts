import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/format/csv";

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "\"'\rcmd\""],
  ])("neutralises the formula-like cell %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves ordinary text and numbers alone", () => {
    expect(csvCell("宁乡高新区")).toBe("宁乡高新区");
    expect(csvCell("5000000000.00")).toBe("5000000000.00");
    expect(csvCell(42)).toBe("42");
    expect(csvCell("a = b")).toBe("a = b");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("a,b")).toBe("\"a,b\"");
    expect(csvCell("say \"hi\"")).toBe("\"say \"\"hi\"\"\"");
    expect(csvCell("two\nlines")).toBe("\"two\nlines\"");
  });

  it("writes null and undefined as empty cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("neutralises negative numbers too: a spreadsheet shows them as text rather than evaluating them", () => {
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("'-5");
  });
});

describe("toCsv", () => {
  it("starts with a BOM, ends lines with CRLF and keeps the column order", () => {
    const csv = toCsv(["项目", "amount"], [["A,1", "=1"], ["B", null]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("项目,amount\r\n\"A,1\",'=1\r\nB,\r\n");
  });

  it("neutralises formula-like headers too", () => {
    expect(toCsv(["=cmd"], []).slice(1)).toBe("'=cmd\r\n");
  });
});
