import { describe, expect, it } from "vitest";
import { ConfigError, resolveDatabaseTarget } from "@/db/config";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { localeFromAcceptLanguage } from "@/app/_lib/request-locale";

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/projects?stage=production#x", "/projects?stage=production#x"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [undefined, "/"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("resolveDatabaseTarget", () => {
  it("uses the embedded database when DATABASE_URL is unset or blank", () => {
    expect(resolveDatabaseTarget({ NODE_ENV: "test" }).kind).toBe("pglite");
    expect(resolveDatabaseTarget({ NODE_ENV: "test", DATABASE_URL: "  " }).kind).toBe("pglite");
  });

  it("uses PostgreSQL for a well-formed URL", () => {
    expect(resolveDatabaseTarget({ NODE_ENV: "test", DATABASE_URL: "postgres://u:p@db:5432/parkline" })).toEqual({
      kind: "postgres",
      url: "postgres://u:p@db:5432/parkline",
    });
  });

  it.each(["not a url", "mysql://u@db/x", "postgres://db", "postgres:///nohost"])("refuses %s with a line naming DATABASE_URL", (url) => {
    expect(() => resolveDatabaseTarget({ NODE_ENV: "test", DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => resolveDatabaseTarget({ NODE_ENV: "test", DATABASE_URL: url })).toThrow(/DATABASE_URL/);
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,en;q=0.5,zh;q=0.7", "zh"],
    ["fr-FR", null],
    ["", null],
    [null, null],
    ["en;q=0,zh;q=0.1", "zh"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
