import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capacities, parks, projects, provenance, sources, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed/accounts";
import { demoData } from "@/db/seed/demo-data";
import { SeedRefusedError, seedDemoData, seedIfEmpty } from "@/db/seed/seed";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

const expectedProjects = demoData.parks.reduce((n, p) => n + p.projects.length, 0);

describe.each(TEST_TARGETS)("demo seed on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database.drop());

  it("loads every park, project and account from the dataset", async () => {
    expect(await seedIfEmpty(database.db)).toBe(true);
    const [p] = await database.db.select({ n: count() }).from(parks);
    const [pr] = await database.db.select({ n: count() }).from(projects);
    const [u] = await database.db.select({ n: count() }).from(users);
    expect(p!.n).toBe(demoData.parks.length);
    expect(pr!.n).toBe(expectedProjects);
    expect(u!.n).toBe(DEMO_ACCOUNTS.length);
  });

  it("keeps the source of every capacity, with estimates marked", async () => {
    const caps = await database.db.select({ id: capacities.id }).from(capacities);
    const cited = await database.db
      .select({ entityId: provenance.entityId, estimated: provenance.estimated, source: sources.key })
      .from(provenance)
      .innerJoin(sources, eq(sources.id, provenance.sourceId))
      .where(eq(provenance.entity, "capacity"));
    expect(new Set(cited.map((c) => c.entityId))).toEqual(new Set(caps.map((c) => c.id)));
    // Qinbang's per-line split of 480 M m²/year is not in the article: it must be marked estimated.
    expect(cited.some((c) => c.estimated)).toBe(true);
  });

  it("stores Shanshan's ¥5 bn exactly and Qinbang's four lines as 480 M m²/year in total", async () => {
    const all = await database.db.select().from(projects);
    const shanshan = all.find((p) => p.companyEn?.includes("Shanshan"));
    expect(shanshan?.plannedInvestment).toBe("5000000000.00");
    const qinbang = all.find((p) => p.companyEn?.includes("Qinbang"))!;
    const lines = await database.db.select().from(capacities).where(eq(capacities.projectId, qinbang.id));
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.unit === "m2" && l.period === "year")).toBe(true);
    const total = lines.reduce((sum, l) => sum + BigInt(l.designed.replace(".", "")), 0n);
    expect(total).toBe(480_000_000_0000n); // four decimals of scale
  });

  it("refuses to touch a database that already holds data, and changes nothing", async () => {
    expect(await seedIfEmpty(database.db)).toBe(false);
    await database.db.update(projects).set({ name: "用户改过的名字" }).where(eq(projects.code, demoData.parks[0]!.projects[0]!.code));
    await expect(seedDemoData(database.db)).rejects.toBeInstanceOf(SeedRefusedError);
    const [renamed] = await database.db.select().from(projects).where(eq(projects.name, "用户改过的名字"));
    expect(renamed).toBeDefined();
  });

  it("wipes and reloads with force", async () => {
    await seedDemoData(database.db, { force: true });
    const [pr] = await database.db.select({ n: count() }).from(projects);
    expect(pr!.n).toBe(expectedProjects);
    const renamed = await database.db.select().from(projects).where(eq(projects.name, "用户改过的名字"));
    expect(renamed).toHaveLength(0);
  });
});
