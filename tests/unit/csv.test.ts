import { describe, expect, it } from "vitest";
import { csvCell, neutralise, restoreNeutralised, toCsv } from "@/lib/format/csv";

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "\"'\tcmd\""],
    ["  =1+1", "'  =1+1"],
    ["\"=1+1\"", "\"'\"\"=1+1\"\"\""],
    ["＝1+1", "'＝1+1"],
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

/**
 * How a spreadsheet splits a CSV line when its list separator is `separator`: a quote is a quote only
 * where it opens a field (Excel's rule), and a line break inside an unquoted field ends the record.
 */
function fieldsAsRead(csv: string, separator: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= csv.length) {
    let field = "";
    if (csv[i] === '"') {
      for (i++; i < csv.length; i++) {
        if (csv[i] === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (csv[i] === '"') break;
        else field += csv[i];
      }
      i++;
    }
    while (i < csv.length && csv[i] !== separator && csv[i] !== "\r" && csv[i] !== "\n") field += csv[i++];
    fields.push(field);
    i++;
  }
  return fields;
}

/** Cells that hide a formula behind a field break some reader splits on. */
const HIDDEN_FORMULAS = [
  "x;=1+1", "x; =1+1", "x;\"=1+1", "x;\t=1+1", "a,=1+1", "a, -1", "x\t@SUM(A1)", "x\r=1+1", "x\n+1", "x\r\n=1",
  "x;\u3000＝1", "x,\"=1;=2\"", "=1;=2,=3\t=4\n=5",
];

describe("a formula hidden inside a cell", () => {
  it.each([",", ";", "\t"])("never starts a field when a spreadsheet splits the file on %j", (separator) => {
    const csv = toCsv(["h"], HIDDEN_FORMULAS.map((cell) => ["lead", cell, "tail"])).slice(1);
    const formulas = fieldsAsRead(csv, separator).filter((field) => /^[\s\u3000"]*[=+\-@＝＋－＠]/.test(field));
    expect(formulas).toEqual([]);
  });

  it("is undone exactly by restoreNeutralised, which the ledger import applies to what it reads", () => {
    for (const cell of [...HIDDEN_FORMULAS, "=1", " =1", "\tcmd", "plain", "a;b", "'quoted"]) {
      expect(restoreNeutralised(csvCell(cell).replace(/^"|"$/g, "").replace(/""/g, '"'))).toBe(cell);
      expect(restoreNeutralised(neutralise(cell))).toBe(cell);
    }
  });

  it("keeps the cell readable: only an apostrophe is added, and only before a formula", () => {
    expect(csvCell("x;=1+1")).toBe("\"x;'=1+1\"");
    expect(csvCell("x; =1+1")).toBe("\"x; '=1+1\"");
    expect(csvCell("a;b")).toBe("\"a;b\"");
    expect(csvCell("增长, -5%")).toBe("\"增长, -5%\"");
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
