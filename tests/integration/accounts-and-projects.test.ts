import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, deleteSession, getSessionViewer, getUserByEmail } from "@/db/queries/accounts";
import { listProjectsByParks, summarizeParks } from "@/db/queries/projects";
import { memberships, parks, sessions } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import { membershipsOf } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

describe.each(TEST_TARGETS)("accounts and project queries on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoData(database.db);
  });
  afterAll(async () => database.drop());

  it("finds users by email whatever its case", async () => {
    expect((await getUserByEmail(database.db, { email: "  Editor@Ningxiang.DEMO " }))?.email).toBe("editor@ningxiang.demo");
    expect(await getUserByEmail(database.db, { email: "nobody@ningxiang.demo" })).toBeNull();
  });

  it("ends a session for good when it is deleted or expired", async () => {
    const user = (await getUserByEmail(database.db, { email: "viewer@ningxiang.demo" }))!;
    const sid = await createSession(database.db, { userId: user.id });
    expect((await getSessionViewer(database.db, { sessionId: sid }))?.id).toBe(user.id);
    await deleteSession(database.db, { sessionId: sid });
    expect(await getSessionViewer(database.db, { sessionId: sid })).toBeNull();

    const expired = await createSession(database.db, { userId: user.id });
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, expired));
    expect(await getSessionViewer(database.db, { sessionId: expired })).toBeNull();
  });

  it("reads memberships from the database, so a removed membership is gone at once", async () => {
    const officer = (await getUserByEmail(database.db, { email: "officer@ningbo.demo" }))!;
    const sid = await createSession(database.db, { userId: officer.id });
    const before = (await getSessionViewer(database.db, { sessionId: sid }))!;
    expect(before).toMatchObject({ id: officer.id, email: officer.email, name: officer.name, locale: officer.locale });
    // Every field of every park, by name, exactly as a plain join of the two tables gives them.
    const expected = await membershipsOf(database.db, officer.id);
    expect(expected.length).toBe(2);
    expect(before.memberships).toEqual(expected);
    expect(before.memberships.map((m) => m.slug).sort()).toEqual(["qianwan-new-area", "yinzhou"]);
    const yinzhou = before.memberships.find((m) => m.slug === "yinzhou")!;
    await database.db.delete(memberships).where(eq(memberships.parkId, yinzhou.parkId));
    const after = (await getSessionViewer(database.db, { sessionId: sid }))!;
    expect(after.memberships.map((m) => m.slug)).toEqual(["qianwan-new-area"]);
  });

  it("gives a user with no park an empty list, not an error", async () => {
    const officer = (await getUserByEmail(database.db, { email: "officer@ningbo.demo" }))!;
    await database.db.delete(memberships).where(eq(memberships.userId, officer.id));
    const sid = await createSession(database.db, { userId: officer.id });
    expect((await getSessionViewer(database.db, { sessionId: sid }))?.memberships).toEqual([]);
  });

  it("lists only the projects of the parks asked for", async () => {
    const [ningxiang] = await database.db.select().from(parks).where(eq(parks.slug, "ningxiang-htz"));
    const list = await listProjectsByParks(database.db, { parkIds: [ningxiang!.id] });
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((p) => p.parkId === ningxiang!.id)).toBe(true);
    expect(await listProjectsByParks(database.db, { parkIds: [] })).toEqual([]);
  });

  it("lists only each park's largest projects when asked, and counts them all", async () => {
    const all = await database.db.select().from(parks);
    const ids = all.map((p) => p.id);
    const top = await listProjectsByParks(database.db, { parkIds: ids, perPark: 2 });
    const full = await listProjectsByParks(database.db, { parkIds: ids });
    const summaries = await summarizeParks(database.db, { parkIds: ids });
    for (const park of all) {
      const mine = full.filter((p) => p.parkId === park.id);
      const expected = [...mine]
        .sort((a, b) => Number(b.plannedInvestment) - Number(a.plannedInvestment) || (a.code < b.code ? -1 : 1))
        .slice(0, 2)
        .map((p) => p.id)
        .sort();
      expect(top.filter((p) => p.parkId === park.id).map((p) => p.id).sort()).toEqual(expected);
      expect(summaries.get(park.id)?.projects ?? 0).toBe(mine.length);
    }
  });

  it("sums designed capacity per unit and period only", async () => {
    const all = await listProjectsByParks(database.db, { parkIds: (await database.db.select().from(parks)).map((p) => p.id) });
    const qinbang = all.find((p) => p.companyEn?.includes("Qinbang"))!;
    expect(qinbang.capacity).toEqual([{ unit: "m2", period: "year", designed: "480000000.0000", online: expect.any(String) }]);
    for (const project of all) {
      const keys = project.capacity.map((c) => `${c.unit}/${c.period}`);
      expect(new Set(keys).size).toBe(keys.length); // one total per unit and period, never merged
    }
  });
});
