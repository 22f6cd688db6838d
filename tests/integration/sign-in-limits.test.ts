import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearFailedSignIns, isSignInAllowed, recordFailedSignIn, SIGN_IN_LIMITS } from "@/db/queries/sign-in-attempts";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

describe.each(TEST_TARGETS)("sign-in rate limits kept in the database on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database.drop());

  it("locks an account after its limit of failures, whatever the address", async () => {
    const email = "someone@ningxiang.demo";
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect(await isSignInAllowed(database.db, { email, ip: `10.0.0.${i}` })).toBe(true);
      await recordFailedSignIn(database.db, { email, ip: `10.0.0.${i}` });
    }
    expect(await isSignInAllowed(database.db, { email, ip: "10.9.9.9" })).toBe(false);
    // Another account from those addresses is not affected.
    expect(await isSignInAllowed(database.db, { email: "other@ningxiang.demo", ip: "10.0.0.1" })).toBe(true);
    // The window passes.
    const later = new Date(Date.now() + SIGN_IN_LIMITS.windowMs + 1000);
    expect(await isSignInAllowed(database.db, { email, ip: "10.9.9.9", now: later })).toBe(true);
    await clearFailedSignIns(database.db, { email });
    expect(await isSignInAllowed(database.db, { email, ip: "10.9.9.9" })).toBe(true);
  });

  it("limits one address trying many accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) await recordFailedSignIn(database.db, { email: `guess${i}@example.com`, ip });
    expect(await isSignInAllowed(database.db, { email: "fresh@example.com", ip })).toBe(false);
    expect(await isSignInAllowed(database.db, { email: "fresh@example.com", ip: "192.0.2.78" })).toBe(true);
  });
});
