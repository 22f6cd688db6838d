import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getParkDashboard, loadCapacityRamp } from "@/app/_lib/dashboard/data";
import { getParksOverview } from "@/app/_lib/dashboard/overview";
import { clearVersionCache } from "@/app/_lib/dashboard/version-cache";
import { getParkDataVersion } from "@/db/queries/park-dashboard";
import { logProgress, type ProgressEntryInput } from "@/db/queries/progress-writes";
import { getRollup } from "@/db/queries/rollups";
import { capacities, parks, projects, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

const TODAY = "2026-06-15";
const PERIODS = ["2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"];

describe.each(TEST_TARGETS)("park dashboard data: capacity ramp, data version and cache on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let actorId: string;
  let parkId: string;
  let otherParkId: string;
  let projectId: string;
  let capacityId: string;

  const entry = (over: Partial<ProgressEntryInput>): ProgressEntryInput => ({
    projectId, period: "2026-04-01", narrative: "进展", narrativeEn: null, investmentCompleted: null, outputValue: null, sourceUrl: null, sourceRef: null,
    reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null, ...over,
  });
  const log = async (over: Partial<ProgressEntryInput>) => {
    const outcome = await logProgress(db, { parkId, actorId }, entry(over), TODAY);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    return outcome.value.id;
  };
  const levels = async () => (await loadCapacityRamp(db, { parkId, periods: PERIODS })).map((s) => [s.key, s.values]);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    const [user] = await db.insert(users).values({ email: "ramp@test.demo", name: "Ramp", passwordHash: "x" }).returning();
    actorId = user!.id;
    const [park, other] = await db
      .insert(parks)
      .values([
        { slug: "ramp-park", name: "园区", province: "测试省", city: "测试市" },
        { slug: "other-park", name: "别的园区", province: "测试省", city: "测试市" },
      ])
      .returning();
    parkId = park!.id;
    otherParkId = other!.id;
  });
  beforeEach(async () => {
    clearVersionCache();
    const [project] = await db
      .insert(projects)
      .values({ parkId, code: `R${Date.now()}${Math.random()}`, name: "项目", company: "企业", cluster: "新材料", clusterEn: "New materials", stage: "production" })
      .returning();
    projectId = project!.id;
    const [capacity] = await db.insert(capacities).values({ parkId, projectId, product: "玻璃", unit: "t", period: "year", designed: "1000" }).returning();
    capacityId = capacity!.id;
    await db.execute(sql`delete from progress_capacities where park_id = ${parkId}`);
  });
  afterAll(async () => database.drop());

  it("takes a month's corrected report, carries it forward, and drops it when corrected into another month", async () => {
    // A month takes one entry per project: April's second report is a correction of its first.
    const first = await log({ period: "2026-04-01", online: { [capacityId]: "100" } });
    const second = await log({ period: "2026-04-01", supersedesId: first, online: { [capacityId]: "80" } });
    expect(await levels()).toEqual([["新材料|t|year", ["0", "80", "80", "80"]]]);

    await log({ period: "2026-06-01", supersedesId: second, online: { [capacityId]: "300" } });
    // The April report of 80 is corrected into June: April keeps no report (the first was corrected away), June the correction.
    expect(await levels()).toEqual([["新材料|t|year", ["0", "0", "0", "300"]]]);
  });

  it("moves the ramp with a project's cluster and a capacity's unit, and names the cluster in English", async () => {
    await log({ period: "2026-03-01", online: { [capacityId]: "50.5" } });
    await db.update(projects).set({ cluster: "新能源", clusterEn: "New energy" }).where(eq(projects.id, projectId));
    await db.update(capacities).set({ unit: "m2" }).where(eq(capacities.id, capacityId));
    const ramp = await loadCapacityRamp(db, { parkId, periods: PERIODS });
    expect(ramp.map((s) => [s.key, s.clusterEn, s.values])).toEqual([["新能源|m2|year", "New energy", ["50.5", "50.5", "50.5", "50.5"]]]);
    const rollup = await getRollup(db, { parkIds: [parkId], today: TODAY });
    expect(rollup!.capacityByCluster.find((c) => c.cluster === "新能源")?.clusterEn).toBe("New energy");

    await db.delete(capacities).where(eq(capacities.id, capacityId));
    expect(await levels()).toEqual([]);
  });

  it("moves the park's data version once per committed write, never on a rollback or for another park", async () => {
    const before = await getParkDataVersion(db, { parkId });
    const otherBefore = await getParkDataVersion(db, { parkId: otherParkId });
    await log({ period: "2026-05-01", investmentCompleted: "10.00", online: { [capacityId]: "5" } });
    expect(await getParkDataVersion(db, { parkId })).toBe(before + 1);

    await db
      .transaction(async (tx) => {
        await tx.update(projects).set({ health: "at_risk" }).where(eq(projects.id, projectId));
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await getParkDataVersion(db, { parkId })).toBe(before + 1);
    expect(await getParkDataVersion(db, { parkId: otherParkId })).toBe(otherBefore);
  });

  it("serves cached figures until a write moves the version, then fresh ones", async () => {
    const first = await getParkDashboard(db, { parkId, today: TODAY });
    expect(await getParkDashboard(db, { parkId, today: TODAY })).toBe(first);

    // A write that bypasses every application path (plain SQL) still moves the version at commit.
    await db.execute(sql`update projects set planned_investment = planned_investment + 1000 where id = ${projectId}`);
    const fresh = await getParkDashboard(db, { parkId, today: TODAY });
    expect(fresh).not.toBe(first);
    expect(Number(fresh.rollup.totals.planned) - Number(first.rollup.totals.planned)).toBe(1000);
  });

  it("caches the many-park overview on every park's version: a write to any one of them shows", async () => {
    const first = await getParksOverview(db, { parkIds: [parkId, otherParkId], today: TODAY });
    expect(first.rows.map((r) => r.parkId)).toEqual([parkId, otherParkId]);
    expect(await getParksOverview(db, { parkIds: [otherParkId, parkId], today: TODAY })).toBe(first);

    await db.insert(projects).values({ parkId: otherParkId, code: `O${Date.now()}`, name: "别的项目", company: "企业", cluster: "新材料", plannedInvestment: "500.00" });
    const fresh = await getParksOverview(db, { parkIds: [parkId, otherParkId], today: TODAY });
    expect(fresh.rows.find((r) => r.parkId === otherParkId)!.projects).toBe(first.rows.find((r) => r.parkId === otherParkId)!.projects + 1);
    expect(fresh.rollup.totals.projects).toBe(first.rollup.totals.projects + 1);
  });
});
