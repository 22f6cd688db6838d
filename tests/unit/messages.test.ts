import { describe, expect, it } from "vitest";
import { en } from "@/app/_lib/i18n/messages/en";
import { zh } from "@/app/_lib/i18n/messages/zh";
import { createTranslator } from "@/app/_lib/i18n/translate";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it("have the same keys in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])("%s has the same placeholders and a non-empty text in both", (key) => {
    expect(placeholders(zh[key])).toEqual(placeholders(en[key]));
    expect(en[key].trim()).not.toBe("");
    expect(zh[key].trim()).not.toBe("");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = createTranslator("zh");
    expect(t("projects.count", { count: 7 })).toBe("7 个项目");
    expect(t("projects.count")).toBe("{count} 个项目");
    expect(createTranslator("en")("nav.signedInAs", { email: "a@b.c" })).toBe("Signed in as a@b.c");
  });
});
