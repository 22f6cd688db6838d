import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listClusters, listProjects, type ProjectListQuery } from "@/db/queries/project-list";
import { capacities, milestones, parks, projects, type NewProject } from "@/db/schema";
import { isoToday } from "@/lib/domain/milestones";
import type { Db } from "@/db/types";
import { PROJECT_HEALTHS, PROJECT_STAGES } from "@/lib/domain/values";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

const CLUSTERS = ["新材料", "装备制造", "电子信息"] as const;

/** A factory: unique code per park, round-robin stage / health / cluster, overridable. */
function projectFactory(parkId: string) {
  let n = 0;
  return (over: Partial<NewProject> = {}): NewProject => {
    n += 1;
    return {
      parkId,
      code: `P-${String(n).padStart(3, "0")}`,
      name: `项目${n}`,
      nameEn: `Project ${n}`,
      company: `企业${n}`,
      companyEn: `Company ${n}`,
      cluster: CLUSTERS[n % CLUSTERS.length]!,
      stage: PROJECT_STAGES[n % PROJECT_STAGES.length]!,
      health: PROJECT_HEALTHS[n % PROJECT_HEALTHS.length]!,
      plannedInvestment: String(1000 + ((n * 7919) % 5000)) + ".00",
      ...over,
    };
  };
}

async function insertPark(db: Db, slug: string) {
  const [park] = await db.insert(parks).values({ slug, name: `园区 ${slug}`, nameEn: `Park ${slug}`, province: "湖南", city: "长沙" }).returning();
  return park!;
}

type Row = typeof projects.$inferSelect;
const byDecimal = (a: string, b: string) => Number(a) - Number(b); // test values are small enough for a float

describe.each(TEST_TARGETS)("project list query on %s", (kind) => {
  let database: TestDatabase;
  let parkA: string, parkB: string, parkC: string;
  let all: Row[];
  /** Computed health by project id: a few projects get a slipping milestone; the rest have none, so on track. */
  const computed = new Map<string, Row["health"]>();
  const healthOf = (r: Row) => computed.get(r.id) ?? "on_track";
  const inScope = (rows: Row[]) => rows.filter((r) => r.parkId === parkA || r.parkId === parkB);

  const list = (over: Partial<ProjectListQuery>) =>
    listProjects(database.db, { parkIds: [parkA, parkB], sort: "code", dir: "asc", page: 1, pageSize: 100, ...over });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    [parkA, parkB, parkC] = (await Promise.all(["park-a", "park-b", "park-c"].map((s) => insertPark(db, s)))).map((p) => p.id) as [string, string, string];

    const a = projectFactory(parkA);
    const b = projectFactory(parkB);
    const c = projectFactory(parkC);
    const rows: NewProject[] = [
      // Amounts that sort wrongly as text: "10.00" < "100.00" < "9.00".
      a({ name: "九元项目", plannedInvestment: "9.00" }),
      a({ name: "十元项目", plannedInvestment: "10.00" }),
      a({ name: "百元项目", plannedInvestment: "100.00" }),
      a({ name: "Alpha Glass Works", nameEn: null, company: "阿尔法", companyEn: "ACME Holdings" }),
      a({ name: "满产率100%项目", nameEn: null }),
      a({ name: "snake_case 项目", nameEn: null }),
      a({ code: "XQ-777" }),
      a({ name: "大额项目", plannedInvestment: "123456789012.34" }),
      ...Array.from({ length: 22 }, () => a()),
      ...Array.from({ length: 20 }, () => b()),
      // Park C is outside the viewer's scope; it carries names that every search below would match.
      c({ name: "Alpha Glass Works", company: "100%_ACME", code: "XQ-778" }),
      ...Array.from({ length: 9 }, () => c({ stage: "signed", health: "off_track" })),
    ];
    all = await db.insert(projects).values(rows).returning();
    // 投产 20 days overdue: at risk (8–30 days); 100 days: off track — whatever health was reported.
    const daysAgo = (n: number) => new Date(Date.parse(`${isoToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const late = inScope(all).slice(0, 6).map((r, i) => ({ r, days: i < 3 ? 20 : 100 }));
    await db.insert(milestones).values(late.map(({ r, days }) => ({ parkId: r.parkId, projectId: r.id, type: "production" as const, plannedDate: daysAgo(days) })));
    for (const { r, days } of late) computed.set(r.id, days === 20 ? "at_risk" : "off_track");

    const byName = (name: string) => all.find((p) => p.name === name)!;
    const glass = byName("Alpha Glass Works");
    await db.insert(capacities).values([
      { parkId: parkA, projectId: glass.id, product: "玻璃", unit: "m2", period: "year", designed: "100" },
      { parkId: parkA, projectId: glass.id, product: "玻璃", unit: "m2", period: "year", designed: "50.5" },
      { parkId: parkA, projectId: glass.id, product: "玻璃", unit: "m2", period: "month", designed: "3" },
      { parkId: parkA, projectId: glass.id, product: "硅砂", unit: "t", period: "year", designed: "7" },
      { parkId: parkA, projectId: byName("九元项目").id, product: "电池", unit: "GWh", period: "year", designed: "2.5" },
    ]);
  });
  afterAll(async () => database.drop());

  it("never returns a park outside parkIds, even when parkId names one (forged filter)", async () => {
    const forged = await list({ parkId: parkC });
    expect(forged).toEqual({ rows: [], total: 0 });
    expect(await list({ parkIds: [parkA], parkId: parkB })).toEqual({ rows: [], total: 0 });
    expect(await list({ parkIds: [], parkId: parkA })).toEqual({ rows: [], total: 0 });

    const everything = await list({ pageSize: 1000 });
    expect(everything.total).toBe(inScope(all).length);
    expect(everything.rows.every((r) => r.parkId === parkA || r.parkId === parkB)).toBe(true);

    const onlyB = await list({ parkId: parkB });
    expect(onlyB.total).toBe(20);
    expect(onlyB.rows.every((r) => r.parkId === parkB)).toBe(true);
  });

  it("searches name, English name, company and code case-insensitively", async () => {
    const names = async (q: string) => (await list({ q })).rows.map((r) => r.name).sort();
    expect(await names("alpha GLASS")).toEqual(["Alpha Glass Works"]);
    expect(await names("acme holdings")).toEqual(["Alpha Glass Works"]); // company (English)
    expect(await names("阿尔法")).toEqual(["Alpha Glass Works"]); // company (Chinese)
    expect((await list({ q: "xq-77" })).rows.map((r) => r.code)).toEqual(["XQ-777"]); // code, not park C's XQ-778
    expect((await list({ q: "project 12" })).rows.map((r) => r.nameEn).sort()).toEqual(["Project 12", "Project 12"]); // English name, both parks
  });

  it("treats % and _ in a search literally", async () => {
    expect((await list({ q: "%" })).rows.map((r) => r.name)).toEqual(["满产率100%项目"]);
    expect((await list({ q: "_" })).rows.map((r) => r.name)).toEqual(["snake_case 项目"]);
    expect((await list({ q: "100%" })).total).toBe(1);
    expect((await list({ q: "e_c" })).rows.map((r) => r.name)).toEqual(["snake_case 项目"]);
    expect((await list({ q: "\\" })).total).toBe(0);
  });

  it.each([
    ["cluster", (v: string) => ({ cluster: v }), CLUSTERS, (r: Row) => r.cluster],
    ["stage", (v: string) => ({ stage: v as Row["stage"] }), PROJECT_STAGES, (r: Row) => r.stage],
    // The health filter is on computed health (lib/domain/health.ts), not the reported one.
    ["health", (v: string) => ({ health: v as Row["health"] }), PROJECT_HEALTHS, healthOf],
  ] as const)("filters by %s", async (_name, filter, values, field) => {
    for (const value of values) {
      const expected = inScope(all).filter((r) => field(r) === value);
      const result = await list({ ...filter(value), pageSize: 1000 });
      expect(expected.length).toBeGreaterThan(0);
      expect(result.total).toBe(expected.length);
      expect(result.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    }
  });

  it("combines filters, park and search", async () => {
    const expected = all.filter((r) => r.parkId === parkA && r.stage === "construction" && r.cluster === CLUSTERS[1]);
    const result = await list({ parkId: parkA, stage: "construction", cluster: CLUSTERS[1] });
    expect(expected.length).toBeGreaterThan(0);
    expect(result.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it("lists the clusters of the viewer's parks only", async () => {
    const clusters = await listClusters(database.db, { parkIds: [parkB] });
    expect(new Set(clusters.map((c) => c.cluster))).toEqual(new Set(CLUSTERS));
    expect(await listClusters(database.db, { parkIds: [] })).toEqual([]);
  });

  it("lists a cluster's English name, null where it has none, and drops a cluster once its projects are gone", async () => {
    const db = database.db;
    const [named, unnamed] = await db
      .insert(projects)
      .values([
        { parkId: parkC, code: "CL-1", name: "集群甲", company: "甲", cluster: "生物医药", clusterEn: "Biomedicine" },
        { parkId: parkC, code: "CL-2", name: "集群乙", company: "乙", cluster: "食品加工" },
      ])
      .returning();
    const ofC = async () => (await listClusters(db, { parkIds: [parkC] })).filter((c) => c.cluster === "生物医药" || c.cluster === "食品加工");
    expect(await ofC()).toEqual([
      { cluster: "生物医药", clusterEn: "Biomedicine" },
      { cluster: "食品加工", clusterEn: null },
    ]);
    await db.delete(projects).where(inArray(projects.id, [named!.id, unnamed!.id]));
    expect(await ofC()).toEqual([]);
  });

  it("gives the same total as counting the projects, for every combination of filters", async () => {
    const scopes: Partial<ProjectListQuery>[] = [{}, { parkId: parkA }, { parkId: parkB }, { parkIds: [parkA] }];
    for (const scope of scopes)
      for (const stage of [undefined, ...PROJECT_STAGES])
        for (const cluster of [undefined, ...CLUSTERS, "没有的集群"])
          for (const health of [undefined, ...PROJECT_HEALTHS]) {
            const parkIds = scope.parkIds ?? [parkA, parkB];
            const expected = all.filter(
              (r) =>
                parkIds.includes(r.parkId) &&
                (!scope.parkId || r.parkId === scope.parkId) &&
                (!stage || r.stage === stage) &&
                (!cluster || r.cluster === cluster) &&
                (!health || healthOf(r) === health),
            ).length;
            expect((await list({ ...scope, stage, cluster, health, pageSize: 1 })).total, JSON.stringify({ scope, stage, cluster, health })).toBe(expected);
          }
  });

  it("sorts planned investment as a number, ascending and descending", async () => {
    const asc = await list({ parkId: parkA, sort: "planned", dir: "asc" });
    const small = asc.rows.map((r) => r.plannedInvestment).slice(0, 3);
    expect(small).toEqual(["9.00", "10.00", "100.00"]);
    expect(asc.rows.map((r) => r.plannedInvestment)).toEqual(asc.rows.map((r) => r.plannedInvestment).sort(byDecimal));

    const desc = await list({ sort: "planned", dir: "desc", pageSize: 1000 });
    expect(desc.rows[0]!.plannedInvestment).toBe("123456789012.34");
    expect(desc.rows.map((r) => r.plannedInvestment)).toEqual(
      inScope(all)
        .map((r) => r.plannedInvestment)
        .sort((x, y) => byDecimal(y, x)),
    );
    expect(desc.rows.slice(-3).map((r) => r.plannedInvestment)).toEqual(["100.00", "10.00", "9.00"]);
  });

  it.each([
    ["stage", "asc"],
    ["planned", "desc"],
    ["name", "asc"],
    ["updated", "desc"],
  ] as const)("pages through everything sorted by %s %s: no duplicates, nothing missing", async (sort, dir) => {
    const pageSize = 7;
    const expected = inScope(all).length;
    const pages = Math.ceil(expected / pageSize);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const result = await list({ sort, dir, page, pageSize });
      expect(result.total).toBe(expected);
      expect(result.rows.length).toBe(page < pages ? pageSize : expected - pageSize * (pages - 1));
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(
      inScope(all)
        .map((r) => r.id)
        .sort(),
    );
  });

  it("returns no rows and the right total for a page past the end", async () => {
    const total = inScope(all).length;
    expect(await list({ page: 99, pageSize: 25 })).toEqual({ rows: [], total });
    expect(await list({ parkId: parkB, page: 3, pageSize: 10 })).toEqual({ rows: [], total: 20 });
    expect(await list({ q: "no such project", page: 2 })).toEqual({ rows: [], total: 0 });
  });

  it("totals designed capacity per unit and period only, never across units", async () => {
    const result = await list({ parkId: parkA, pageSize: 1000 });
    const glass = result.rows.find((r) => r.name === "Alpha Glass Works")!;
    const nine = result.rows.find((r) => r.name === "九元项目")!;
    const totals = glass.capacity.map((c) => [c.unit, c.period, Number(c.designed)]);
    expect(totals).toEqual(
      expect.arrayContaining([
        ["m2", "year", 150.5],
        ["m2", "month", 3],
        ["t", "year", 7],
      ]),
    );
    expect(totals).toHaveLength(3);
    expect(nine.capacity.map((c) => [c.unit, c.period, Number(c.designed)])).toEqual([["GWh", "year", 2.5]]);
    expect(result.rows.filter((r) => r.capacity.length > 0)).toHaveLength(2);
  });

  it("sorts codes naturally: 1, 2 … 10, 11, not 1, 10, 11, 2", async () => {
    const [park] = [await insertPark(database.db, "natural-codes")];
    const codes = ["DP-10", "DP-2", "DP-1", "DP-11", "DP-9", "A7B10", "A7B9", "100", "20"];
    await database.db.insert(projects).values(codes.map((code, i) => ({ parkId: park.id, code, name: `项目${i}`, company: `企业${i}`, cluster: "新材料" })));
    const asc = await listProjects(database.db, { parkIds: [park.id], sort: "code", dir: "asc", page: 1, pageSize: 100 });
    expect(asc.rows.map((r) => r.code)).toEqual(["20", "100", "A7B9", "A7B10", "DP-1", "DP-2", "DP-9", "DP-10", "DP-11"]);
    const desc = await listProjects(database.db, { parkIds: [park.id], sort: "code", dir: "desc", page: 1, pageSize: 100 });
    expect(desc.rows.map((r) => r.code)).toEqual(asc.rows.map((r) => r.code).reverse());
  });
});
