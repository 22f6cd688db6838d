import { describe, expect, it } from "vitest";
import { checkbox, requiredText, searchText } from "@/lib/domain/fields";

describe("requiredText", () => {
  it.each(["\u200B", "\u200B\u200D\uFEFF", " \u2060 ", "\u00A0\u3000"])("refuses invisible-only text %j", (value) => {
    const parsed = requiredText().safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("validation.required");
  });

  it("keeps text that has something visible, zero-width characters and all", () => {
    expect(requiredText().parse(" a\u200Bb ")).toBe("a\u200Bb");
    expect(requiredText().parse("秦邦")).toBe("秦邦");
  });
});

describe("checkbox", () => {
  it.each([
    [undefined, false], ["", false], ["false", false], ["0", false],
    ["on", true], ["true", true], ["1", true],
  ])("%j → %s", (value, expected) => {
    expect(checkbox().parse(value)).toBe(expected);
  });

  it.each(["yes", "ON", "2", "on ", "<script>", "NaN"])("refuses %j instead of reading it as unticked", (value) => {
    const parsed = checkbox().safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("validation.invalid");
  });
});

describe("searchText", () => {
  it.each(["\u0000", "a\u0000b", "x\u001f", "\u007f"])("refuses the control character in %j (a NUL was a 500 from PostgreSQL)", (value) => {
    expect(searchText().safeParse(value).success).toBe(false);
  });

  it("keeps ordinary searches, trimmed", () => {
    expect(searchText().parse("  宁乡 NX-01 %_ ")).toBe("宁乡 NX-01 %_");
    expect(searchText().safeParse("x".repeat(101)).success).toBe(false);
  });
});
