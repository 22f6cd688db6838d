import { and, count, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getParkDashboard } from "@/app/_lib/dashboard/data";
import { getProjectDetail } from "@/db/queries/project-detail";
import { compareParks, getRollup } from "@/db/queries/rollups";
import { auditEvents, capacities, memberships, milestoneBaselines, parks, problems, progressEntries, projects, provenance, shareLinks, sources, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed/accounts";
import { demoData } from "@/db/seed/demo-data";
import { buildDemoPark } from "@/db/seed/demo-park";
import { SeedRefusedError, seedDemoData, seedIfEmpty } from "@/db/seed/seed";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

// A fixed "today" late in a year, and the demo park's size: it is generated relative to that day.
const TODAY = "2026-11-20";
const DEMO_PROJECTS = 40;
const expectedProjects = demoData.parks.reduce((n, p) => n + p.projects.length, 0) + DEMO_PROJECTS;

describe.each(TEST_TARGETS)("demo seed on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database.drop());

  it("loads every park, project and account from the dataset", async () => {
    const started = performance.now();
    expect(await seedIfEmpty(database.db, { today: TODAY })).toBe(true);
    console.log(`seed on ${kind}: ${Math.round(performance.now() - started)} ms`);
    const [p] = await database.db.select({ n: count() }).from(parks);
    const [pr] = await database.db.select({ n: count() }).from(projects);
    const [u] = await database.db.select({ n: count() }).from(users);
    expect(p!.n).toBe(demoData.parks.length + 1);
    expect(pr!.n).toBe(expectedProjects);
    expect(u!.n).toBe(DEMO_ACCOUNTS.length);
  });

  it("gives every park a member, so each one can be opened", async () => {
    const all = await database.db.select({ id: parks.id, slug: parks.slug }).from(parks);
    for (const park of all) {
      const [m] = await database.db.select({ n: count() }).from(memberships).where(eq(memberships.parkId, park.id));
      expect(m!.n, park.slug).toBeGreaterThan(0);
    }
  });

  it("generates the same demo park for the same day, and moves it with the day", () => {
    const parkId = "00000000-0000-4000-8000-000000000001";
    expect(buildDemoPark(parkId, TODAY)).toEqual(buildDemoPark(parkId, TODAY));
    const periods = (day: string) => [...new Set(buildDemoPark(parkId, day).entries.map((e) => e.period))].sort();
    expect(periods(TODAY)).toHaveLength(36);
    expect(periods(TODAY).at(-1)).toBe("2026-11-01");
    expect(periods("2027-03-10").at(-1)).toBe("2027-03-01");
  });

  it("flags only the generated park as a demonstration", async () => {
    const flagged = await database.db.select({ slug: parks.slug }).from(parks).where(eq(parks.isDemo, true));
    expect(flagged.map((p) => p.slug)).toEqual(["demo-park"]);
  });

  it("fills every card of the demo park's dashboard, through the dashboard's own queries", async () => {
    const [park] = await database.db.select().from(parks).where(eq(parks.isDemo, true));
    const d = await getParkDashboard(database.db, { parkId: park!.id, today: TODAY });
    const stages = d.rollup.stages;
    expect(Object.values(stages).every((n) => n > 0)).toBe(true); // every stage
    expect(new Set((await database.db.select({ c: projects.cluster }).from(projects).where(eq(projects.parkId, park!.id))).map((r) => r.c)).size).toBeGreaterThanOrEqual(4);
    expect(Number(d.rollup.totals.completed)).toBeGreaterThan(0);
    expect(d.rollup.annualPlan).not.toBeNull(); // annual plan for this year
    expect(d.monthly.points.every((p) => Number(p.value) > 0)).toBe(true); // 24 months, none empty
    expect(d.monthly.points.filter((p) => p.yoy !== null).length).toBeGreaterThan(0);
    expect(d.monthly.at).toEqual({ year: 2026, month: 11 });
    expect(d.cumulative.find((m) => m.month === 11)?.actual).not.toBe("0");
    expect(d.late.total).toBeGreaterThan(0);
    expect(d.problems.total).toBeGreaterThan(0);
    // Late milestones and lagging pace both flag: more projects than the card shows, the worst first.
    expect(d.offPace.total).toBeGreaterThan(d.offPace.items.length);
    expect(d.offPace.items[0]!.computed.health).toBe("off_track");
    expect(d.offPace.items.some((i) => i.computed.pace.health !== "on_track")).toBe(true);
    expect(d.offPace.ruleIsDefault).toBe(false);
    expect(d.timeline.projects.length).toBeGreaterThan(0);
    expect(d.ramp.length).toBeGreaterThan(0);
    expect(d.ramp.some((s) => s.values.at(-1) !== s.values[0])).toBe(true); // capacity ramping up
    expect(d.rollup.capacityByCluster.filter((c) => Number(c.online) > 0).length).toBeGreaterThanOrEqual(4);
    expect(d.targets.map((t) => t.year)).toEqual(expect.arrayContaining([2026, 2027]));
    expect(d.yearly.map((y) => y.year)).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    // Units stay apart: one series per (cluster, unit, period), never m² added to tonnes.
    expect(new Set(d.ramp.map((s) => s.key)).size).toBe(d.ramp.length);
  });

  it("gives the demo park's region view, its projects and share links data", async () => {
    const [park] = await database.db.select().from(parks).where(eq(parks.isDemo, true));
    const region = await getRollup(database.db, { parkIds: [park!.id], today: TODAY });
    expect(region!.totals.projects).toBe(DEMO_PROJECTS);
    const [compared] = await compareParks(database.db, { parkIds: [park!.id], today: TODAY });
    expect(Number(compared!.ytd)).toBeGreaterThan(0);
    expect(Number(compared!.lastYtd)).toBeGreaterThan(0);
    const [busy] = await database.db.select().from(projects).where(and(eq(projects.parkId, park!.id), eq(projects.stage, "production"))).limit(1);
    const detail = await getProjectDetail(database.db, { parkIds: [park!.id], projectId: busy!.id });
    expect(detail).not.toBeNull();
    const [log] = await database.db.select({ n: count() }).from(progressEntries).where(eq(progressEntries.projectId, busy!.id));
    expect(log!.n).toBeGreaterThan(1);
    const [history] = await database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.projectId, busy!.id));
    expect(history!.n).toBeGreaterThan(1);
    const [moved] = await database.db.select({ n: count() }).from(milestoneBaselines).where(eq(milestoneBaselines.parkId, park!.id));
    expect(moved!.n).toBeGreaterThan(0);
    const closed = await database.db.select().from(problems).where(and(eq(problems.parkId, park!.id), ne(problems.status, "open")));
    expect(closed.length).toBeGreaterThan(0);
    const [links] = await database.db.select({ n: count() }).from(shareLinks).where(and(eq(shareLinks.parkId, park!.id), isNull(shareLinks.revokedAt)));
    expect(links!.n).toBeGreaterThanOrEqual(2);
  });

  it("keeps the source of every capacity, with estimates marked", async () => {
    const caps = await database.db.select({ id: capacities.id }).from(capacities).innerJoin(parks, eq(parks.id, capacities.parkId)).where(eq(parks.isDemo, false));
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

  it("wipes and reloads with force, the demo park moved to the new today", async () => {
    await seedDemoData(database.db, { force: true, today: "2027-03-10" });
    const [pr] = await database.db.select({ n: count() }).from(projects);
    expect(pr!.n).toBe(expectedProjects);
    const renamed = await database.db.select().from(projects).where(eq(projects.name, "用户改过的名字"));
    expect(renamed).toHaveLength(0);
    const [park] = await database.db.select().from(parks).where(eq(parks.isDemo, true));
    const d = await getParkDashboard(database.db, { parkId: park!.id, today: "2027-03-10" });
    expect(d.monthly.at).toEqual({ year: 2027, month: 3 });
    expect(d.rollup.annualPlan).not.toBeNull();
    expect(d.targets.map((t) => t.year)).toEqual(expect.arrayContaining([2027, 2028]));
    expect(d.late.total).toBeGreaterThan(0);
  });
});
