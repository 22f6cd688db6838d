/**
 * Hostile values for every input of every write path: tests/integration/hostile-inputs.test.ts feeds them
 * to the server actions' form fields, tests/integration/api-hostile-inputs.test.ts to the API's JSON fields.
 */

export const FILE_MARKER = "FILE-CONTENT-7c1d93";
export const MB = 1024 * 1024;

/** "literal": markup and SQL that free-text fields must store as typed (and renderers must escape). */
export interface Hostile {
  label: string;
  value: string | File;
  literal?: true;
}

export const literal = (label: string, value: string): Hostile => ({ label, value, literal: true });

/** `ctx.otherParkId`: an id that is valid but names another park. */
export function hostileValues(ctx: { otherParkId: string }): Hostile[] {
  return [
    literal("SQL: drop table", "'; drop table projects;--"),
    literal("SQL: tautology", "' OR '1'='1"),
    literal("SQL: stacked query", "1; select pg_sleep(10)--"),
    literal("SQL: dollar quoting", "$$; delete from users; $$"),
    literal("HTML: script", "<script>alert(1)</script>"),
    literal("HTML: attribute break", '"><img src=x onerror=alert(1)>'),
    literal("template injection", "{{7*7}}${7*7}<%= 7*7 %>"),
    literal("CSV formula", '=HYPERLINK("http://evil.example","x")'),
    { label: "backslash quote", value: "\\'; --" },
    { label: "javascript: URL", value: "javascript:alert(1)" },
    { label: "path traversal", value: "../../../../etc/passwd" },
    { label: "1 MB string", value: "A".repeat(MB) },
    { label: "1 MB of CJK", value: "项".repeat(MB) },
    { label: "RTL override", value: "\u202Eevil.exe\u202C" },
    { label: "zero-width space alone", value: "\u200B" },
    { label: "zero-width joiners and BOM", value: "a\u200Bb\u200Dc\uFEFFd" },
    { label: "emoji", value: "🏭👷‍♀️🇨🇳" },
    { label: "unpaired high surrogate", value: "\uD800" },
    { label: "unpaired low surrogate", value: "x\uDFFFy" },
    { label: "NUL byte", value: "abc\u0000def" },
    { label: "terminal escape", value: "\u0007\u001b[31mred" },
    { label: "combining marks", value: `Z${"\u0336\u0337".repeat(500)}` },
    { label: "whitespace only", value: " \t\r\n " },
    { label: "NaN", value: "NaN" },
    { label: "Infinity", value: "Infinity" },
    { label: "-Infinity", value: "-Infinity" },
    { label: "-0", value: "-0" },
    { label: "1e308", value: "1e308" },
    { label: "-1", value: "-1" },
    { label: "1e20", value: "1e20" },
    { label: "20 nines", value: "99999999999999999999" },
    { label: "hex", value: "0x10" },
    { label: "400 decimals", value: `1.${"0".repeat(400)}1` },
    { label: "2026-02-30", value: "2026-02-30" },
    { label: "0000-00-00", value: "0000-00-00" },
    { label: "9999-99-99", value: "9999-99-99" },
    { label: "2026-02-29", value: "2026-02-29" },
    { label: "date with time", value: "2026-01-01T00:00:00Z" },
    { label: "slashed date", value: "2026/01/01" },
    { label: "JSON operator object", value: '{"$gt":""}' },
    { label: "JSON array", value: "[1,2,3]" },
    { label: "true", value: "true" },
    { label: "null", value: "null" },
    { label: "undefined", value: "undefined" },
    { label: "JSON nested 10,000 deep", value: `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}` },
    { label: "arrays nested 10,000 deep", value: `${"[".repeat(10_000)}${"]".repeat(10_000)}` },
    { label: "malformed JSON", value: '{"a": [1, 2' },
    { label: "protocol-relative URL", value: "//evil.example/" },
    { label: "absolute URL", value: "https://evil.example/" },
    { label: "backslash URL", value: "/\\evil.example" },
    { label: "__proto__", value: "__proto__" },
    { label: "another park's id", value: ctx.otherParkId },
    { label: "nil UUID", value: "00000000-0000-0000-0000-000000000000" },
    { label: "a file instead of text", value: new File([FILE_MARKER], "x.txt", { type: "text/plain" }) },
  ];
}
