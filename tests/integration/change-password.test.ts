import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { changePasswordAction, signOutEverywhereAction } from "@/app/_lib/actions/account";
import { authenticateApiToken } from "@/db/queries/api-tokens";
import { issueToken } from "../support/api-fixture";
import { membershipsOf } from "../support/action-harness";
import { verifyPassword } from "@/app/_lib/auth/password";
import { createSession, getPasswordHash, getSessionViewer, getUserByEmail } from "@/db/queries/accounts";
import { DEMO_PASSWORD } from "@/db/seed/accounts";
import { seedDemoData } from "@/db/seed/seed";
import { callAs, useDatabase } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

describe.each(TEST_TARGETS)("changing a password on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoData(database.db);
    useDatabase(database.db);
  });
  afterAll(async () => database.drop());

  it("refuses a signed-out caller, a wrong current password and a short or mismatched new one", async () => {
    expect(await callAs(null, changePasswordAction, { currentPassword: DEMO_PASSWORD, newPassword: "a-much-longer-one", confirmPassword: "a-much-longer-one" })).toMatchObject({
      ok: false,
      message: "Please sign in.",
    });
    const email = "viewer@ningxiang.demo";
    expect(await callAs(email, changePasswordAction, { currentPassword: "nope", newPassword: "a-much-longer-one", confirmPassword: "a-much-longer-one" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: "The current password is not right." },
    });
    expect(await callAs(email, changePasswordAction, { currentPassword: DEMO_PASSWORD, newPassword: "short", confirmPassword: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: "Use at least 10 characters." },
    });
    expect(await callAs(email, changePasswordAction, { currentPassword: DEMO_PASSWORD, newPassword: "a-much-longer-one", confirmPassword: "different-one!" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: "The two new passwords differ." },
    });
    const user = (await getUserByEmail(database.db, { email }))!;
    expect(await verifyPassword(await getPasswordHash(database.db, { userId: user.id }), DEMO_PASSWORD)).toBe(true);
  });

  it("ends every session of the user, on every device, and signs them out", async () => {
    const email = "editor@ningxiang.demo";
    const user = (await getUserByEmail(database.db, { email }))!;
    const laptop = await createSession(database.db, { userId: user.id });
    const phone = await createSession(database.db, { userId: user.id });
    const result = await callAs(email, changePasswordAction, { currentPassword: DEMO_PASSWORD, newPassword: "新的密码-2026-long", confirmPassword: "新的密码-2026-long" });
    expect(result).toEqual({ redirected: "/signin" });
    expect(await getSessionViewer(database.db, { sessionId: laptop })).toBeNull();
    expect(await getSessionViewer(database.db, { sessionId: phone })).toBeNull();
    const hash = await getPasswordHash(database.db, { userId: user.id });
    expect(await verifyPassword(hash, "新的密码-2026-long")).toBe(true);
    expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(false);
  });

  it("keeps API tokens across a password change (by design, SECURITY.md)", async () => {
    const email = "admin@ningxiang.demo";
    const user = (await getUserByEmail(database.db, { email }))!;
    const token = await issueToken(database.db, email, { parkIds: (await membershipsOf(database.db, user.id)).map((m) => m.parkId) });
    await callAs(email, changePasswordAction, { currentPassword: DEMO_PASSWORD, newPassword: "another-long-one-2026", confirmPassword: "another-long-one-2026" });
    expect(await authenticateApiToken(database.db, token)).not.toBeNull();
  });

  it("signs out everywhere: all of the caller's sessions, their API tokens only when asked, and never anyone else's", async () => {
    const victim = "viewer@ningxiang.demo";
    const caller = "editor@ningxiang.demo";
    const ids = async (email: string) => {
      const user = (await getUserByEmail(database.db, { email }))!;
      return { user, parkIds: (await membershipsOf(database.db, user.id)).map((m) => m.parkId) };
    };
    const v = await ids(victim);
    const c = await ids(caller);
    const victimSession = await createSession(database.db, { userId: v.user.id });
    const victimToken = await issueToken(database.db, victim, { parkIds: v.parkIds });

    expect(await callAs(null, signOutEverywhereAction, { revokeApiTokens: "on" })).toMatchObject({ ok: false, message: "Please sign in." });

    // Another user, naming the victim every way a form could: only the caller's own sessions and tokens end.
    const callerSession = await createSession(database.db, { userId: c.user.id });
    const callerToken = await issueToken(database.db, caller, { parkIds: c.parkIds });
    const forged = { revokeApiTokens: "on", userId: v.user.id, email: victim, sessionId: victimSession };
    expect(await callAs(caller, signOutEverywhereAction, forged)).toEqual({ redirected: "/signin" });
    expect(await getSessionViewer(database.db, { sessionId: victimSession })).not.toBeNull();
    expect(await authenticateApiToken(database.db, victimToken)).not.toBeNull();
    expect(await getSessionViewer(database.db, { sessionId: callerSession })).toBeNull();
    expect(await authenticateApiToken(database.db, callerToken)).toBeNull();

    // Without the box ticked, the victim's own sign-out everywhere ends sessions and keeps tokens.
    expect(await callAs(victim, signOutEverywhereAction, {})).toEqual({ redirected: "/signin" });
    expect(await getSessionViewer(database.db, { sessionId: victimSession })).toBeNull();
    expect(await authenticateApiToken(database.db, victimToken)).not.toBeNull();
  });
});
