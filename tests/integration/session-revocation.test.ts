import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { raiseProblemAction } from "@/app/_lib/actions/progress";
import { getViewer } from "@/app/_lib/auth/viewer";
import { liveToken } from "@/app/_lib/auth/live-token";
import { changePassword, createSession, deleteSession, getUserByEmail } from "@/db/queries/accounts";
import { sessions } from "@/db/schema";
import { memberships, parks, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { formDataOf, snapshotTables, useDatabase } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

/**
 * Unlike the other action tests, getViewer is the real one here: only the session cookie's decryption
 * (readSessionId) is replaced, by a session id this file controls. So each call below is read as a
 * fresh request would be.
 */
const cookie = vi.hoisted(() => ({ sid: null as string | null }));

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/session-cookie", () => ({ readSessionId: async () => cookie.sid }));
vi.mock("@/app/_lib/auth/config", () => ({ signIn: async () => {}, signOut: async () => {}, handlers: {} }));
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const EDITOR = "editor@ningxiang.demo";

describe.each(TEST_TARGETS)("a session is re-read on every request on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let parkId: string;
  let projectId: string;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    parkId = (await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, "ningxiang-htz")))[0]!.id;
    projectId = (await db.select({ id: projects.id }).from(projects).where(eq(projects.parkId, parkId)).limit(1))[0]!.id;
    userId = (await getUserByEmail(db, { email: EDITOR }))!.id;
  });
  afterAll(async () => database.drop());

  const raise = (description: string) =>
    raiseProblemAction(null, formDataOf({ parkId, projectId, description, owner: "园区经发局" }));

  async function refusedWithoutWrites(description: string) {
    const before = await snapshotTables(db);
    const result = await raise(description);
    expect(await snapshotTables(db)).toEqual(before);
    return result;
  }

  it("a removed membership refuses the very next request, and a deleted session signs the cookie out", async () => {
    cookie.sid = await createSession(db, { userId });
    expect((await getViewer())?.memberships.map((m) => [m.slug, m.role])).toEqual([["ningxiang-htz", "editor"]]);
    expect(await raise("会话仍有效")).toMatchObject({ ok: true });

    // An admin removes the editor from the park: the same cookie, the next request.
    await db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.parkId, parkId)));
    expect((await getViewer())?.memberships).toEqual([]);
    expect(await refusedWithoutWrites("成员资格已撤销")).toMatchObject({ ok: false, message: "You do not have access to this.", fieldErrors: {} });

    // The membership comes back, then the session row is deleted (sign-out, password change): the cookie is worthless.
    await db.insert(memberships).values({ userId, parkId, role: "editor" });
    expect(await raise("恢复成员资格")).toMatchObject({ ok: true });
    await deleteSession(db, { sessionId: cookie.sid });
    expect(await getViewer()).toBeNull();
    expect(await refusedWithoutWrites("会话已结束")).toMatchObject({ ok: false, message: "Please sign in.", fieldErrors: {} });
  });

  it("next-auth's session endpoint answers a token only while its session row is live", async () => {
    // What GET /api/auth/session hands the jwt callback: the decrypted cookie (config.ts).
    const tokenOf = (sid: unknown) => ({ name: "Editor", email: EDITOR, sub: userId, sid }) as Parameters<typeof liveToken>[1];
    const sid = await createSession(db, { userId });
    expect(await liveToken(db, tokenOf(sid))).toMatchObject({ sid, email: EDITOR });

    // Signed out: the row is gone, so no name, no email, no refreshed cookie (null clears it).
    await deleteSession(db, { sessionId: sid });
    expect(await liveToken(db, tokenOf(sid))).toBeNull();

    // A password change ends every session of the user.
    const other = await createSession(db, { userId });
    const user = (await getUserByEmail(db, { email: EDITOR }))!;
    await changePassword(db, { userId, passwordHash: user.passwordHash });
    expect(await liveToken(db, tokenOf(other))).toBeNull();

    // Expired, missing or not a session id at all.
    const expired = await createSession(db, { userId });
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, expired));
    expect(await liveToken(db, tokenOf(expired))).toBeNull();
    for (const bad of [undefined, "", "not-a-uuid", 42]) expect(await liveToken(db, tokenOf(bad))).toBeNull();
  });
});
