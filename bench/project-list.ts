// Times the project list (db/queries/project-list.ts) on 20,000 projects across 50 parks.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=react-server bench/project-list.ts
// With DATABASE_URL (or TEST_DATABASE_URL) it creates the database parkline_bench_list next to the
// one named there and drops it at the end; without either it runs on an in-memory PGlite.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { PROJECT_HEALTHS, PROJECT_STAGES } from "@/lib/domain/values";
import { applyMigrations } from "../db/migrate";
import { openDatabase, type OpenDatabase } from "../db/open";
import { listProjects, type ProjectListQuery } from "../db/queries/project-list";
import { capacities, parks, projects } from "../db/schema";

const PARKS = 50;
const PROJECTS = 20_000;
const RUNS = 20;
const WARMUP = 3;
const BENCH_DB = "parkline_bench_list";
const SLOW_MS = 20;

/** Deterministic, so two runs time the same data. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20260101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const CLUSTERS = [
  ["新材料", "New materials"],
  ["装备制造", "Equipment"],
  ["电子信息", "Electronics"],
  ["新能源", "New energy"],
  ["生物医药", "Biomedicine"],
  ["汽车零部件", "Auto parts"],
  ["食品加工", "Food processing"],
  ["数字经济", "Digital economy"],
] as const;
const BRANDS = ["钦邦", "华润", "中联", "三一", "比亚迪", "宁德", "蓝思", "威胜", "金杯", "远大", "楚天", "长缆", "华曙", "博云", "梦洁", "湘电"];
const BRANDS_EN = ["Qinbang", "Huarun", "Zoomlion", "Sany", "BYD", "Ningde", "Lens", "Wasion", "Jinbei", "Broad", "Truking", "Changlan", "Farsoon", "Boyun", "Mendale", "XEMC"];
const PRODUCTS = [
  ["玻璃", "glass"],
  ["电池", "battery"],
  ["钢结构", "steel structure"],
  ["芯片封装", "chip packaging"],
  ["医疗器械", "medical devices"],
  ["线缆", "cable"],
] as const;
const UNITS = [
  ["m2", "year"],
  ["t", "year"],
  ["unit", "year"],
  ["piece", "month"],
  ["GWh", "year"],
] as const;

async function openBenchDatabase(): Promise<{ opened: OpenDatabase; label: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const opened = await openDatabase({ kind: "pglite-memory" });
    return { opened, label: "PGlite (in memory)", drop: async () => {} };
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${BENCH_DB}" with (force)`); // left over by an interrupted run
  await admin.unsafe(`create database "${BENCH_DB}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  const opened = await openDatabase({ kind: "postgres", url: url.toString() });
  const [{ server_version: version } = { server_version: "?" }] = await admin<{ server_version: string }[]>`show server_version`;
  return {
    opened,
    label: `PostgreSQL ${version} (${url.host}/${BENCH_DB})`,
    drop: async () => {
      // BENCH_KEEP=1 leaves the database in place, to EXPLAIN a slow query by hand.
      if (process.env.BENCH_KEEP !== "1") await admin.unsafe(`drop database if exists "${BENCH_DB}" with (force)`);
      await admin.end();
    },
  };
}

async function seed(db: OpenDatabase["db"]) {
  const parkRows = await db
    .insert(parks)
    .values(Array.from({ length: PARKS }, (_, i) => ({ slug: `bench-${i + 1}`, name: `园区${i + 1}`, nameEn: `Park ${i + 1}`, province: "湖南", city: "长沙" })))
    .returning({ id: parks.id });
  const parkIds = parkRows.map((p) => p.id);
  const perPark = PROJECTS / PARKS;
  const since = Date.UTC(2023, 0, 1);
  for (let start = 0; start < PROJECTS; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, PROJECTS - start) }, (_, k) => {
      const i = start + k;
      const b = Math.floor(random() * BRANDS.length);
      const [product, productEn] = pick(PRODUCTS);
      const [cluster, clusterEn] = pick(CLUSTERS);
      return {
        parkId: parkIds[Math.floor(i / perPark)]!,
        code: `XM-${String((i % perPark) + 1).padStart(4, "0")}`,
        name: `${BRANDS[b]}${product}项目${i}`,
        nameEn: `${BRANDS_EN[b]} ${productEn} project ${i}`,
        company: `湖南${BRANDS[b]}${pick(["科技", "新材料", "智能装备", "实业"])}有限公司`,
        companyEn: `Hunan ${BRANDS_EN[b]} Co., Ltd.`,
        cluster,
        clusterEn,
        stage: pick(PROJECT_STAGES),
        health: pick(PROJECT_HEALTHS),
        // ¥1 M … ¥50 bn, with fen, spanning enough digits that a text sort would be visibly wrong.
        plannedInvestment: (Math.floor(10 ** (6 + random() * 4.7)) + Math.floor(random() * 100) / 100).toFixed(2),
        updatedAt: new Date(since + Math.floor(random() * 3 * 365 * 86_400_000)),
      };
    });
    const inserted = await db.insert(projects).values(batch).returning({ id: projects.id, parkId: projects.parkId });
    const caps = inserted.flatMap((p) =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const [unit, period] = pick(UNITS);
        return { parkId: p.parkId, projectId: p.id, product: "产品", unit, period, designed: String(Math.floor(random() * 1e8)) };
      }),
    );
    await db.insert(capacities).values(caps);
  }
  await db.execute(sql`analyze`);
  return parkIds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}

async function main() {
  const { opened, label, drop } = await openBenchDatabase();
  try {
    const { db } = opened;
    await applyMigrations(db);
    const loadStart = performance.now();
    const parkIds = await seed(db);
    console.log(`${label}: ${PROJECTS} projects in ${PARKS} parks loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

    // A viewer usually belongs to one park or a handful; 50 parks is a province-wide worst case.
    const one = [parkIds[0]!];
    const five = parkIds.slice(0, 5);
    const base = { sort: "code", dir: "asc", page: 1, pageSize: 25 } as const;
    const cases: [string, ProjectListQuery][] = [
      ["1 park, first page (code)", { ...base, parkIds: one }],
      ["1 park, search 钦邦", { ...base, parkIds: one, q: "钦邦" }],
      ["1 park, stage + planned desc", { ...base, parkIds: one, stage: "construction", sort: "planned", dir: "desc" }],
      ["5 parks, first page (updated desc)", { ...base, parkIds: five, sort: "updated", dir: "desc" }],
      ["5 parks, search qinbang", { ...base, parkIds: five, q: "qinbang" }],
      ["5 parks, stage + planned desc", { ...base, parkIds: five, stage: "construction", sort: "planned", dir: "desc" }],
      ["5 parks, page 40 (code)", { ...base, parkIds: five, page: 40 }],
      ["50 parks, first page (updated desc)", { ...base, parkIds, sort: "updated", dir: "desc" }],
      ["50 parks, search qinbang", { ...base, parkIds, q: "qinbang" }],
      ["50 parks, search xm-0042", { ...base, parkIds, q: "xm-0042" }],
      ["50 parks, stage + planned desc", { ...base, parkIds, stage: "construction", sort: "planned", dir: "desc" }],
      ["50 parks, cluster + health + name", { ...base, parkIds, cluster: "新能源", health: "at_risk", sort: "name" }],
      ["50 parks, page 40 (code)", { ...base, parkIds, page: 40 }],
      ["50 parks, page 801 (past the end)", { ...base, parkIds, page: 801 }],
    ];

    const results: { query: string; rows: number; total: number; "median ms": string; "min ms": string; "max ms": string }[] = [];
    for (const [name, query] of cases) {
      let last = { rows: [] as unknown[], total: 0 };
      for (let i = 0; i < WARMUP; i++) last = await listProjects(db, query);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await listProjects(db, query);
        times.push(performance.now() - t0);
      }
      results.push({
        query: name,
        rows: last.rows.length,
        total: last.total,
        "median ms": median(times).toFixed(2),
        "min ms": Math.min(...times).toFixed(2),
        "max ms": Math.max(...times).toFixed(2),
      });
    }
    console.table(results);
    const slow = results.filter((r) => Number(r["median ms"]) > SLOW_MS);
    console.log(slow.length ? `Slower than ${SLOW_MS} ms median: ${slow.map((r) => r.query).join("; ")}` : `Every query under ${SLOW_MS} ms median.`);
  } finally {
    await opened.close();
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
