// `npm run bench:import`: how long a 5,000-row ledger takes to check and to import (target < 10 s each).
//   npm run bench:import                                                  (PGlite only)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:import   (PGlite, then PostgreSQL)
// On each database: migrations and the demo data, then a 5,000-row .xlsx ledger of new projects is
// checked (preview) and imported (commit), edited in 500 rows and imported again, imported a third
// time unchanged, and once more with every row changed; then a progress ledger with a month for
// each of those 5,000 projects; then a region's ledger — 5,000 rows over two parks of one city by their
// 所属园区 column, 序号 instead of codes (codes are generated), milestone dates in every style, the
// stage and a problem on every third row — imported, then imported again unchanged. All through
// runLedgerImport, the code behind POST /api/import, without HTTP.
// On PostgreSQL it creates and drops the database parkline_bench_import. Prints one table per database.
import { performance } from "node:perf_hooks";
import { eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { runLedgerImport } from "../app/_lib/ledger/import-ledger";
import { createTranslator } from "@/lib/i18n/translate";
import { applyMigrations } from "../db/migrate";
import { openDatabase, type OpenDatabase } from "../db/open";
import { getUserByEmail } from "../db/queries/accounts";
import { parks } from "../db/schema";
import { seedDemoData } from "../db/seed/seed";

const ROWS = 5_000;
const DB_NAME = "parkline_bench_import";
const CLUSTERS = ["新材料", "智能装备制造", "新能源", "生物医药", "电子信息"];
const UNITS = ["园区招商一局", "园区招商二局", "经发局", "项目服务中心"];

async function ledger(rows: number, edited = 0, tag = "（变更）"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("项目台账");
  sheet.addRow(["宁乡高新区2025年重点项目台账（基准测试）"]);
  sheet.addRow(["项目编号", "项目名称", "企业名称", "所属产业", "计划总投资（万元）", "合同投资（万元）", "到位资金（万元）", "累计完成投资（万元）", "责任单位", "包联领导", "项目状态"]);
  for (let i = 0; i < rows; i++) {
    const planned = 10_000 + ((i * 7919) % 900_000);
    sheet.addRow([
      `BENCH-${String(i).padStart(5, "0")}`, `基准项目${i}号${i < edited ? tag : ""}`, `基准企业${i % 1_000}有限公司`, CLUSTERS[i % CLUSTERS.length],
      planned, Math.floor(planned * 0.8), Math.floor(planned * 0.3), i % 3 === 0 ? 0 : Math.floor(planned * 0.1), UNITS[i % UNITS.length], `领导${i % 40}`,
      ["正常", "有风险", "滞后"][i % 3],
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** One month of progress for each of the 5,000 projects above. */
async function progressLedger(rows: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("月度进度");
  sheet.addRow(["项目编号", "月份", "进展情况", "当月完成投资（万元）", "当月产值（万元）"]);
  for (let i = 0; i < rows; i++) sheet.addRow([`BENCH-${String(i).padStart(5, "0")}`, "2025-03", `第${i}号项目三月进展：土建施工。`, 100 + (i % 50), i % 4 === 0 ? 0 : 20]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const DATE_STYLES = [(y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, (y: number, m: number, d: number) => `${y}/${m}/${d}`,
  (y: number, m: number, d: number) => `${y}.${m}.${d}`, (y: number, m: number, d: number) => `${y}年${m}月${d}日`, (y: number, m: number) => `${y}年${m}月`];
const STAGES = ["签约", "在建", "投产", "达产"];

/** A region's ledger: rows alternating between two parks, no codes, dates, stage and problems. */
async function regionLedger(rows: number, parkNames: [string, string]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("区域台账");
  sheet.addRow(["序号", "所属园区", "项目名称", "建设单位", "产业", "计划总投资（万元）", "签约时间", "开工时间", "投产时间", "达产时间", "建设阶段", "存在问题", "责任单位", "包联领导"]);
  for (let i = 0; i < rows; i++) {
    const style = DATE_STYLES[i % DATE_STYLES.length]!;
    const stage = i % 4;
    const year = 2015 + (i % 9);
    sheet.addRow([
      i + 1, parkNames[i % 2], `区域项目${i}号`, `区域企业${i % 1_000}有限公司`, CLUSTERS[i % CLUSTERS.length], 10_000 + ((i * 7919) % 900_000),
      style(year, 1 + (i % 12), 1 + (i % 28)), stage >= 1 ? style(year + 1, 1 + (i % 12), 1 + (i % 28)) : `计划 ${year + 12}年${1 + (i % 12)}月`,
      stage >= 2 ? style(year + 2, 1 + (i % 12), 1 + (i % 28)) : "", stage >= 3 ? style(year + 3, 1 + (i % 12), 1) : "", STAGES[stage],
      i % 3 === 0 ? `第${i}号项目：用地指标待落实` : "", UNITS[i % UNITS.length], `领导${i % 40}`,
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function run(label: string, opened: OpenDatabase) {
  const { db } = opened;
  await applyMigrations(db);
  await seedDemoData(db);
  const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, "ningxiang-htz"));
  const actor = { parkId: park!.id, actorId: (await getUserByEmail(db, { email: "editor@ningxiang.demo" }))!.id };
  const t = createTranslator("en");
  const files = { fresh: await ledger(ROWS), edited: await ledger(ROWS, 500), all: await ledger(ROWS, ROWS, "（再变更）") };
  const results: [string, string, number, string][] = [];
  const region = await db.select({ parkId: parks.id, name: parks.name, nameEn: parks.nameEn, slug: parks.slug }).from(parks).where(inArray(parks.slug, ["qianwan-new-area", "yinzhou"]));
  const officer = { parkId: region[0]!.parkId, actorId: (await getUserByEmail(db, { email: "officer@ningbo.demo" }))!.id };
  const time = async (step: string, bytes: Uint8Array, mode: "preview" | "commit", token: string | null, kind: "projects" | "progress" = "projects", scope?: typeof region) => {
    const started = performance.now();
    const answer = await runLedgerImport(db, { kind, actor: scope ? officer : actor, parks: scope, bytes, fileName: "ledger.xlsx", chosen: null, mode, token, t, onProgress: () => {} });
    const ms = performance.now() - started;
    if (answer.status !== 200) throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    const c = answer.body.counts;
    const what = answer.body.imported ? `${answer.body.imported.created} created, ${answer.body.imported.updated} updated` : `${c!.new} new, ${c!.updated} changed, ${c!.unchanged} unchanged`;
    results.push([step, mode, ms, what]);
    return answer.body.token ?? null;
  };
  let token: string | null = null;
  // BENCH_IMPORT_ONLY=region: only the region's ledger (a quicker measure of that path).
  if (process.env.BENCH_IMPORT_ONLY !== "region") {
    token = await time("5,000 new projects", files.fresh, "preview", null);
    await time("5,000 new projects", files.fresh, "commit", token);
    token = await time("500 of them changed", files.edited, "preview", null);
    await time("500 of them changed", files.edited, "commit", token);
    token = await time("the same file again", files.edited, "preview", null);
    await time("the same file again", files.edited, "commit", token);
    token = await time("all 5,000 changed", files.all, "preview", null);
    await time("all 5,000 changed", files.all, "commit", token);
    const progress = await progressLedger(ROWS);
    token = await time("progress: a month for each", progress, "preview", null, "progress");
    await time("progress: a month for each", progress, "commit", token, "progress");
  }
  const multi = await regionLedger(ROWS, [region[0]!.name, region[1]!.nameEn ?? region[1]!.name]);
  token = await time("region: 2 parks, dates, stage, problems", multi, "preview", null, "projects", region);
  await time("region: 2 parks, dates, stage, problems", multi, "commit", token, "projects", region);
  token = await time("region: the same file again", multi, "preview", null, "projects", region);
  await time("region: the same file again", multi, "commit", token, "projects", region);
  console.log(`\n${label}: ${ROWS.toLocaleString("en")}-row .xlsx ledger (${(files.fresh.length / 1024).toFixed(0)} KB)`);
  console.log("| step | phase | seconds | result |\n|---|---|---:|---|");
  for (const [step, mode, ms, what] of results) console.log(`| ${step} | ${mode} | ${(ms / 1000).toFixed(2)} | ${what} |`);
}

async function main() {
  const pglite = await openDatabase({ kind: "pglite-memory" });
  try {
    await run("PGlite", pglite);
  } finally {
    await pglite.close();
  }
  const adminUrl = process.env.DATABASE_URL?.trim();
  if (!adminUrl) {
    console.log("\n(Set DATABASE_URL to a PostgreSQL server to measure it too.)");
    return;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.unsafe(`create database "${DB_NAME}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  const pg = await openDatabase({ kind: "postgres", url: url.toString() });
  try {
    await run("PostgreSQL", pg);
  } finally {
    await pg.close();
    await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
