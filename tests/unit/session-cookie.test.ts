import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { assembleCookie, sessionIdFromToken } from "@/app/_lib/auth/session-cookie";
import { isSessionCookie, SESSION_COOKIE_NAMES } from "@/app/_lib/auth/session-cookie-names";

// The cookie next-auth writes at sign-in (app/_lib/auth/config.ts: jwt strategy, the token carries `sid`),
// made with next-auth's own encode, so these tests read exactly what a browser sends back.
const SECRET = "a-test-secret-of-at-least-32-characters!!";
const [SECURE, PLAIN] = SESSION_COOKIE_NAMES;
const SID = "7b0e3a7e-0d7c-4f5e-9a51-1f2d3c4b5a69";

const cookieFor = (claims: Record<string, unknown>, salt: string = PLAIN, maxAge = 3600, secret = SECRET) =>
  encode({ token: { sub: "user-1", ...claims }, secret, salt, maxAge });

describe("the session id in next-auth's session cookie", () => {
  it("is read from a cookie next-auth wrote, under either cookie name", async () => {
    expect(await sessionIdFromToken(await cookieFor({ sid: SID }), PLAIN, SECRET)).toBe(SID);
    expect(await sessionIdFromToken(await cookieFor({ sid: SID }, SECURE), SECURE, SECRET)).toBe(SID);
  });

  it("is not read from a cookie made with another secret, for another cookie name, or altered", async () => {
    const token = await cookieFor({ sid: SID });
    expect(await sessionIdFromToken(await cookieFor({ sid: SID }, PLAIN, 3600, "another-secret-of-at-least-32-characters"), PLAIN, SECRET)).toBeNull();
    expect(await sessionIdFromToken(token, SECURE, SECRET)).toBeNull();
    const altered = `${token.slice(0, -6)}${token.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await sessionIdFromToken(altered, PLAIN, SECRET)).toBeNull();
    expect(await sessionIdFromToken("not-a-jwe", PLAIN, SECRET)).toBeNull();
  });

  it("is null when the cookie carries no session id", async () => {
    expect(await sessionIdFromToken(await cookieFor({}), PLAIN, SECRET)).toBeNull();
    expect(await sessionIdFromToken(await cookieFor({ sid: 42 }), PLAIN, SECRET)).toBeNull();
  });

  it("stops at the cookie's expiry, also once it was read and remembered", async () => {
    const token = await cookieFor({ sid: SID }, PLAIN, 60);
    const now = Date.now();
    expect(await sessionIdFromToken(token, PLAIN, SECRET, now)).toBe(SID);
    expect(await sessionIdFromToken(token, PLAIN, SECRET, now + 30_000)).toBe(SID);
    expect(await sessionIdFromToken(token, PLAIN, SECRET, now + 61_000)).toBeNull();
  });

  it("is not taken from the memory of a cookie read under the other name", async () => {
    const token = await cookieFor({ sid: SID });
    expect(await sessionIdFromToken(token, PLAIN, SECRET)).toBe(SID);
    expect(await sessionIdFromToken(token, SECURE, SECRET)).toBeNull();
  });
});

describe("a session cookie split into chunks", () => {
  it("is joined in the order of its chunk numbers, and a whole cookie wins over chunks", () => {
    const parts = [
      { name: `${PLAIN}.1`, value: "bbb" },
      { name: "other", value: "zzz" },
      { name: `${PLAIN}.10`, value: "ddd" },
      { name: `${PLAIN}.0`, value: "aaa" },
      { name: `${PLAIN}.2`, value: "ccc" },
      { name: `${PLAIN}.x`, value: "ignored" },
    ];
    expect(assembleCookie(PLAIN, parts)).toBe("aaabbbcccddd");
    expect(assembleCookie(PLAIN, [...parts, { name: PLAIN, value: "whole" }])).toBe("whole");
    expect(assembleCookie(SECURE, parts)).toBeNull();
  });
});

describe("which cookies are the session cookie (proxy.ts sends requests without one to sign-in)", () => {
  it("is either name, whole or as a numbered chunk, and nothing else", () => {
    for (const name of [PLAIN, SECURE, `${PLAIN}.0`, `${SECURE}.12`]) expect(isSessionCookie(name)).toBe(true);
    for (const name of ["authjs.csrf-token", `${PLAIN}.`, `${PLAIN}.x`, `${PLAIN}-x`, `x${PLAIN}`, "authjs.session"]) expect(isSessionCookie(name)).toBe(false);
  });
});
