import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { originOf } from "@/app/_lib/guard-pages";
import { localeFromHeaders } from "@/lib/i18n/locale";
import { shareLocale } from "@/app/share/[token]/gate";
import { getRendered, gzippedOf, MAX_ENTRIES, putRendered } from "@/app/share/[token]/render-cache";
import { acceptsGzip } from "@/app/share/[token]/serve";

describe("the status page render cache", () => {
  it("drops the least recently used entry, not the oldest written", () => {
    const t = 1_000;
    for (let i = 0; i < MAX_ENTRIES; i++) putRendered(`lru-${i}`, Buffer.from(`page ${i}`), t);
    expect(getRendered("lru-0", t)?.value.toString()).toBe("page 0"); // used: now the most recent
    putRendered("lru-new", Buffer.from("new"), t);
    expect(getRendered("lru-1", t)).toBeNull();
    expect(getRendered("lru-0", t)?.value.toString()).toBe("page 0");
    expect(getRendered("lru-new", t)?.value.toString()).toBe("new");
  });

  it("forgets an entry after a minute", () => {
    putRendered("ttl", Buffer.from("x"), 0);
    expect(getRendered("ttl", 60_000)).not.toBeNull();
    expect(getRendered("ttl", 60_001 + 60_000)).toBeNull();
  });

  it("gzips a page once and keeps the encoding", () => {
    const page = putRendered("gz", Buffer.from("<p>状态页</p>".repeat(50)), 0);
    const gz = gzippedOf(page);
    expect(gunzipSync(gz).equals(page.value)).toBe(true);
    expect(gzippedOf(page)).toBe(gz);
  });
});

describe("reading the status page request", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["gzip", true],
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["deflate", false],
    ["gzip;q=0", false],
    ["GZIP;Q=0.5", true],
    ["*", true],
    ["gzip;q=0, *", false],
    ["identity, *;q=0", false],
  ])("Accept-Encoding %j takes gzip: %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it("picks the language from ?lang, then Accept-Language, then Chinese", () => {
    expect(shareLocale("en", "zh-CN")).toBe("en");
    expect(shareLocale("fr", "en-GB,en;q=0.9")).toBe("en");
    expect(shareLocale(undefined, undefined)).toBe("zh");
  });

  it("reads the language cookie before Accept-Language", () => {
    expect(localeFromHeaders("a=1; parkline-locale=en; b=2", "zh-CN")).toBe("en");
    expect(localeFromHeaders("parkline-locale=xx", "en-US")).toBe("en");
    expect(localeFromHeaders(undefined, undefined)).toBe("zh");
  });

  it("builds the origin from the forwarded host and scheme behind a trusted proxy, and refuses a host that is not one", () => {
    expect(originOf({ headers: { "x-forwarded-proto": "https", "x-forwarded-host": "parks.example.cn" } }, 1)).toBe("https://parks.example.cn");
    expect(originOf({ headers: { host: "127.0.0.1:3950" } }, 1)).toBe("http://127.0.0.1:3950");
    expect(originOf({ headers: { "x-forwarded-host": "proxy, [::1]:8080" } }, 1)).toBe("http://[::1]:8080");
    expect(originOf({ headers: { host: 'evil"><script>' } }, 1)).toBe("http://localhost");
  });

  it("with no trusted proxy, builds the origin from the Host header and the socket, whatever X-Forwarded-* say", () => {
    const forged = { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", host: "parks.example.cn" };
    expect(originOf({ headers: forged }, 0)).toBe("http://parks.example.cn");
    expect(originOf({ headers: forged, socket: { encrypted: true } }, 0)).toBe("https://parks.example.cn");
  });
});
