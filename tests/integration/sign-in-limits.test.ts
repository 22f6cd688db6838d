import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER_KEY } from "@/app/_lib/client-address";
import { checkCredentials } from "@/app/_lib/auth/credentials";
import { settleSignInAttempt, signInRefusal, SIGN_IN_LIMITS, startSignInAttempt } from "@/db/queries/sign-in-attempts";
import { DEMO_PASSWORD } from "@/db/seed/accounts";
import { seedDemoData } from "@/db/seed/seed";
import { sessions, signInAttempts, signInKnownAddresses } from "@/db/schema";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

/** A failed attempt, as the authorize path makes one. */
async function fail(db: TestDatabase["db"], email: string, ip: string, now?: Date) {
  const refusal = await startSignInAttempt(db, { email, ip, now });
  if (refusal === null) await settleSignInAttempt(db, { email, ip, now, succeeded: false });
  return refusal;
}

describe.each(TEST_TARGETS)("sign-in limits kept in the database on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database.drop());
  afterEach(async () => {
    await database.db.delete(signInAttempts);
    await database.db.delete(signInKnownAddresses);
  });

  it("a stranger's failures lock only the stranger's address out of the account, not the owner's", async () => {
    const email = "someone@ningxiang.demo";
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress; i++) expect(await fail(database.db, email, "203.0.113.66")).toBeNull();
    expect(await signInRefusal(database.db, { email, ip: "203.0.113.66" })).toBe("account-and-address");
    // Refused attempts are not counted: the stranger cannot keep pushing the account's total up from there.
    expect(await fail(database.db, email, "203.0.113.66")).toBe("account-and-address");
    expect(await database.db.$count(signInAttempts)).toBe(SIGN_IN_LIMITS.perAccountAndAddress);
    // The owner, from their own address, and another account from the stranger's, are not affected.
    expect(await signInRefusal(database.db, { email, ip: "198.51.100.5" })).toBeNull();
    expect(await signInRefusal(database.db, { email: "other@ningxiang.demo", ip: "203.0.113.66" })).toBeNull();
    // The window passes.
    const later = new Date(Date.now() + SIGN_IN_LIMITS.windowMs + 1000);
    expect(await signInRefusal(database.db, { email, ip: "203.0.113.66", now: later })).toBeNull();
  });

  it("limits one address trying many accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await fail(database.db, `guess${i}@example.com`, ip);
    expect(await signInRefusal(database.db, { email: "fresh@example.com", ip })).toBe("address");
    expect(await signInRefusal(database.db, { email: "fresh@example.com", ip: "192.0.2.78" })).toBeNull();
  });

  it("holds back new addresses past the account's global ceiling, but never an address the owner signed in from", async () => {
    const email = "owner@ningxiang.demo";
    const owner = "198.51.100.5";
    const now = new Date();
    await settleSignInAttempt(database.db, { email, ip: owner, now: new Date(now.getTime() - 24 * 3600_000), succeeded: true });
    const rows = Array.from({ length: SIGN_IN_LIMITS.perAccount }, (_, i) => ({ email, ip: `10.${i >> 8}.${i & 255}.1`, attemptedAt: now }));
    await database.db.insert(signInAttempts).values(rows);
    expect(await signInRefusal(database.db, { email, ip: "203.0.113.200" })).toBe("account");
    expect(await signInRefusal(database.db, { email, ip: owner })).toBeNull();
    // The ceiling counts an hour, not the 15-minute window.
    expect(await signInRefusal(database.db, { email, ip: "203.0.113.200", now: new Date(now.getTime() + SIGN_IN_LIMITS.windowMs + 1000) })).toBe("account");
    expect(await signInRefusal(database.db, { email, ip: "203.0.113.200", now: new Date(now.getTime() + SIGN_IN_LIMITS.accountWindowMs + 1000) })).toBeNull();
  });

  it("counts a burst of parallel guesses: no more than the limit get their password checked", async () => {
    const email = "burst@ningxiang.demo";
    const refusals = await Promise.all(Array.from({ length: 20 }, () => startSignInAttempt(database.db, { email, ip: "203.0.113.7" })));
    expect(refusals.filter((r) => r === null).length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccountAndAddress);
  });
});

describe.each(TEST_TARGETS)("the Credentials authorize path (every way in) on %s", (kind) => {
  let database: TestDatabase;
  const OWNER = "editor@ningxiang.demo";
  const global = globalThis as { [PEER_HEADER_KEY]?: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoData(database.db);
    // As instrumentation.ts's hook does on a server: the TCP peer under a header the client cannot name.
    global[PEER_HEADER_KEY] = "x-peer-under-test";
  });
  afterAll(async () => {
    delete global[PEER_HEADER_KEY];
    await database.drop();
  });

  /** next-auth calls authorize(credentials, request) with the request's headers. */
  const from = (peer: string, extra: Record<string, string> = {}) =>
    new Request("http://parkline.test/api/auth/callback/credentials", { method: "POST", headers: { "x-peer-under-test": peer, ...extra } });

  it("refuses past the limit even the right password, from that address, and still lets the owner in from theirs", async () => {
    const stranger = "203.0.113.66";
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress; i++) {
      // A new X-Forwarded-For each time changes nothing: with no trusted proxy the peer is the client.
      const answer = await checkCredentials(database.db, { email: OWNER, password: `guess-${i}` }, from(stranger, { "x-forwarded-for": `192.0.2.${i}` }));
      expect(answer).toEqual({ ok: false, refusal: "invalid" });
    }
    expect(await checkCredentials(database.db, { email: OWNER, password: DEMO_PASSWORD }, from(stranger))).toEqual({ ok: false, refusal: "account-and-address" });
    const owner = await checkCredentials(database.db, { email: ` ${OWNER.toUpperCase()} `, password: DEMO_PASSWORD }, from("198.51.100.5"));
    expect(owner.ok).toBe(true);
    const sid = owner.ok ? owner.user.sid : "";
    expect(await database.db.$count(sessions, eq(sessions.id, sid))).toBe(1);
  });

  it("refuses malformed credentials without counting them against anyone", async () => {
    const before = await database.db.$count(signInAttempts);
    expect(await checkCredentials(database.db, { email: ["x"], password: 1 }, from("192.0.2.50"))).toEqual({ ok: false, refusal: "invalid" });
    expect(await database.db.$count(signInAttempts)).toBe(before);
  });
});
