import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { zh } from "@/lib/i18n/messages/zh";
import { createTranslator } from "@/lib/i18n/translate";

// `{name}` and the name of a plural, `{name, plural, one {…} other {…}}`.
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it("have the same keys in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])("%s has the same placeholders and a non-empty text in both", (key) => {
    expect(placeholders(zh[key])).toEqual(placeholders(en[key]));
    expect(en[key].trim()).not.toBe("");
    expect(zh[key].trim()).not.toBe("");
  });

  it("writes English plurals in the one form the translator reads", () => {
    // A plural it cannot read would show its braces to the reader.
    for (const text of Object.values(en)) {
      for (const m of text.matchAll(/\{\w+, plural,/g)) {
        expect(text.slice(m.index)).toMatch(/^\{\w+, plural, one \{[^{}]*#[^{}]*\} other \{[^{}]*#[^{}]*\}\}/);
      }
    }
    for (const text of Object.values(zh)) expect(text).not.toContain(", plural,");
  });

  it("picks the English singular for 1 and the plural otherwise, and Chinese has one form", () => {
    const t = createTranslator("en");
    expect(t("projects.count", { count: 1 })).toBe("1 project");
    expect(t("projects.count", { count: 0 })).toBe("0 projects");
    expect(t("projects.count", { count: 12 })).toBe("12 projects");
    expect(t("dashboard.daysLate", { days: 1 })).toBe("1 day late");
    expect(t("dashboard.daysLate", { days: 523 })).toBe("523 days late");
    expect(t("dashboard.lateAll", { count: 1 })).toBe("The 1 late milestone");
    expect(t("ledger.summary", { rows: 1, new: 1, updated: 0, unchanged: 0 })).toBe("1 row: 1 new, 0 changed, 0 unchanged.");
    expect(t("dashboard.timelineHint", { count: 1, total: 1 })).toMatch(/^1 of 1 project: /);
    // Missing, the whole plural stays visible; other placeholders are still filled.
    expect(t("dashboard.timelineHint", { count: 2 })).toMatch(/^2 of \{total, plural, one \{# project\} other \{# projects\}\}: /);
    // A value is never read as a placeholder itself.
    expect(createTranslator("en")("nav.signedInAs", { email: "{count}" })).toBe("Signed in as {count}");
    expect(createTranslator("zh")("projects.count", { count: 1 })).toBe("1 个项目");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = createTranslator("zh");
    expect(t("projects.count", { count: 7 })).toBe("7 个项目");
    expect(t("projects.count")).toBe("{count} 个项目");
    expect(createTranslator("en")("nav.signedInAs", { email: "a@b.c" })).toBe("Signed in as a@b.c");
  });
});
