// `npm run bench:report`: times the monthly report (月报) of a 400-project park — read, modelled and
// rendered as PDF and as Word, the whole table of all 400 projects (scope=all, the largest report) and
// the default key projects — on an in-memory PGlite (or a fresh database beside DATABASE_URL's).
// The budget (issue 20) is 5 s for one report. REPORT_OUT=<dir> also writes the files there.
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { applyMigrations } from "../db/migrate";
import { openDatabase, type OpenDatabase } from "../db/open";
import { rebuildMonthlyStats } from "../db/queries/rollup-maintenance";
import type { Db } from "../db/types";
import { loadParkReport } from "../app/_lib/report/data";
import { renderDocx } from "../app/_lib/report/docx";
import { renderPdf } from "../app/_lib/report/pdf";
import { isoToday } from "../lib/domain/milestones";
import { createTranslator } from "../lib/i18n/translate";
import { lastClosedMonth, reportMonth, type ReportFormat, type ReportScope } from "../lib/report/figures";
import { buildReportDocument } from "../lib/report/model";

const PROJECTS = 400;
const MONTHS = 36;
const BUDGET_MS = 5_000;
const BENCH_DB = "parkline_bench_report";
const PARK_ID = "5e1f0000-0000-4000-8000-000000000400";

async function openBenchDatabase(): Promise<{ opened: OpenDatabase; label: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { opened: await openDatabase({ kind: "pglite-memory" }), label: "PGlite (in memory)", drop: async () => {} };
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${BENCH_DB}" with (force)`);
  await admin.unsafe(`create database "${BENCH_DB}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  return {
    opened: await openDatabase({ kind: "postgres", url: url.toString() }),
    label: `PostgreSQL (${url.host}/${BENCH_DB})`,
    drop: async () => {
      await admin.unsafe(`drop database if exists "${BENCH_DB}" with (force)`);
      await admin.end();
    },
  };
}

/** One park of 400 projects over five clusters: milestones, capacities, 36 months of entries, problems, this year's plan. */
async function fill(db: Db, today: string) {
  const year = Number(today.slice(0, 4));
  const r = (salt: string) => `(('x' || substr(md5(${salt}), 1, 8))::bit(32)::int::bigint + 2147483648) / 4294967296.0`;
  await db.execute(sql`insert into parks (id, slug, name, name_en, province, province_en, city, city_en)
    values (${PARK_ID}, 'bench-report-park', '长沙经开区（测试）', 'Changsha ETDZ (bench)', '湖南省', 'Hunan', '长沙市', 'Changsha')`);
  await db.execute(
    sql.raw(`insert into projects (park_id, code, name, name_en, company, company_en, cluster, cluster_en, stage, planned_investment, completed_investment)
    select '${PARK_ID}', 'BR-' || lpad(g::text, 4, '0'),
      (array['中联','三一','蓝思','威胜','远大','楚天','华曙','博云'])[1 + g % 8] || '年产' || (array['玻璃','电池','钢结构','芯片封装','医疗器械'])[1 + g % 5] || '项目（' || g || '）',
      (array['Zoomlion','Sany','Lens','Wasion','Broad','Truking','Farsoon','Boyun'])[1 + g % 8] || ' project ' || g,
      (array['中联','三一','蓝思','威胜','远大','楚天','华曙','博云'])[1 + g % 8] || '科技有限公司',
      (array['Zoomlion','Sany','Lens','Wasion','Broad','Truking','Farsoon','Boyun'])[1 + g % 8] || ' Technology Co., Ltd.',
      (array['新材料','装备制造','电子信息','新能源','生物医药'])[1 + g % 5],
      (array['New materials','Equipment','Electronics','New energy','Biomedicine'])[1 + g % 5],
      (array['signed','construction','construction','production','full_capacity'])[1 + g % 5]::project_stage,
      round((1e7 + ${r("'inv' || g")} * 3e9)::numeric, 2), 0
    from generate_series(1, ${PROJECTS}) g`),
  );
  await db.execute(
    sql.raw(`insert into milestones (park_id, project_id, type, planned_date, actual_date)
    select p.park_id, p.id, m.type::milestone_type, date '${today}' + ((m.k * 120 - 300) + (${r("'ms' || p.code || m.k")} * 200)::int),
      case when m.k = 1 then date '${today}' - 400 end
    from projects p cross join (values (1, 'signed'), (2, 'construction_start'), (3, 'production')) m(k, type)
    where p.park_id = '${PARK_ID}'`),
  );
  await db.execute(
    sql.raw(`insert into capacities (park_id, project_id, product, unit, period, designed, online)
    select p.park_id, p.id, '产品', (array['t','m2','unit','GWh'])[1 + (hashtext(p.code) & 3)]::capacity_unit, 'year',
      round((1000 + ${r("'cap' || p.code")} * 1e6)::numeric, 0), round((${r("'on' || p.code")} * 1000)::numeric, 0)
    from projects p where p.park_id = '${PARK_ID}'`),
  );
  await db.execute(
    sql.raw(`insert into progress_entries (park_id, project_id, period, narrative, narrative_en, investment_completed)
    select p.park_id, p.id, (date_trunc('month', date '${today}') - make_interval(months => k))::date,
      '主体结构施工中，完成投资按计划推进；设备采购合同已签订，正在办理竣工验收前置手续。',
      'Main structure under way; equipment contracts signed; pre-acceptance procedures in progress.',
      round((${r("'e' || p.code || k")} * 2e7)::numeric, 2)
    from projects p cross join generate_series(0, ${MONTHS - 1}) k where p.park_id = '${PARK_ID}'`),
  );
  await db.execute(
    sql.raw(`insert into problems (park_id, project_id, description, owner, due_date)
    select p.park_id, p.id, '用地指标未落实，需协调自然资源部门加快办理。', '园区经发局', date '${today}' + 30
    from projects p where p.park_id = '${PARK_ID}' and hashtext(p.code) % 4 = 0`),
  );
  await db.execute(
    sql.raw(`insert into targets (park_id, metric, value, year, base_year, base_value)
    values ('${PARK_ID}', 'investment', 40000000000, ${year}, ${year - 1}, 36000000000)`),
  );
  await rebuildMonthlyStats(db);
}

async function one(db: Db, format: ReportFormat, scope: ReportScope, month: { month: string; asOf: string }, today: string) {
  const started = performance.now();
  const figures = await loadParkReport(
    db,
    { parkId: PARK_ID, name: "长沙经开区（测试）", nameEn: "Changsha ETDZ (bench)", isDemo: false },
    { ...month, today, scope, preparedBy: "基准测试" },
  );
  const read = performance.now() - started;
  const doc = buildReportDocument(figures, { locale: "zh", t: createTranslator("zh") });
  const bytes = format === "pdf" ? await renderPdf(doc) : await renderDocx(doc);
  const ms = performance.now() - started;
  if (process.env.REPORT_OUT) {
    mkdirSync(process.env.REPORT_OUT, { recursive: true });
    writeFileSync(`${process.env.REPORT_OUT}/bench-${scope.kind}.${format}`, bytes);
  }
  return { ms, read, size: bytes.length, rows: figures.projects.length };
}

async function main() {
  const today = isoToday();
  const month = reportMonth(lastClosedMonth(today), today)!;
  const { opened, label, drop } = await openBenchDatabase();
  try {
    await applyMigrations(opened.db);
    const filling = performance.now();
    await fill(opened.db, today);
    console.log(`${label}: a park of ${PROJECTS} projects, ${PROJECTS * MONTHS} entries, filled in ${((performance.now() - filling) / 1000).toFixed(1)} s; report of ${month.month}`);
    let worst = 0;
    for (const [format, scope] of [["pdf", { kind: "all" }], ["pdf", { kind: "all" }], ["docx", { kind: "all" }], ["docx", { kind: "all" }], ["pdf", { kind: "key" }], ["docx", { kind: "key" }]] as const) {
      const r = await one(opened.db, format, scope, month, today);
      worst = Math.max(worst, r.ms);
      console.log(`  ${format.padEnd(4)} ${scope.kind.padEnd(3)} ${String(r.rows).padStart(3)} table rows: ${r.ms.toFixed(0).padStart(5)} ms (reading ${r.read.toFixed(0)} ms), ${(r.size / 1024).toFixed(0)} KB`);
    }
    console.log(`slowest report: ${(worst / 1000).toFixed(2)} s — budget ${BUDGET_MS / 1000} s: ${worst <= BUDGET_MS ? "within" : "OVER"}`);
    if (worst > BUDGET_MS) process.exitCode = 1;
  } finally {
    await opened.close();
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
