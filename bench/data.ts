// `npm run bench:data [-- --entries N] [-- --force]`: a synthetic dataset at production scale in the
// configured database (DATABASE_URL, else the embedded PGlite directory): 50 parks in 6 provinces,
// 20,000 projects, their capacities and milestones, N progress entries (default 1,000,000) over 36
// months with corrections and the capacity online they report, problems, targets, and demo-style
// accounts (password "parkline-demo"):
//   admin+<n>@bench.demo  admin of park n        leader@bench.demo  viewer of every park
// Every table is filled by set-based SQL over generate_series; the draws are hashes of row numbers,
// so two runs with the same N produce the same data.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { resolveDatabaseTarget } from "../db/config";
import { applyMigrations } from "../db/migrate";
import { openDatabase } from "../db/open";
import { rebuildMonthlyStats } from "../db/queries/rollup-maintenance";
import { memberships, parkHealthRules, parks, users } from "../db/schema";
import { DEMO_PASSWORD } from "../db/seed/accounts";
import type { Db } from "../db/types";

const PROJECTS = 20_000;
const MONTHS = 36;
/** One entry in 50 is a correction of an earlier one. */
const CORRECTION_EVERY = 50;

const CITIES = [
  { province: "湖南省", provinceEn: "Hunan", city: "长沙市", cityEn: "Changsha" },
  { province: "湖南省", provinceEn: "Hunan", city: "株洲市", cityEn: "Zhuzhou" },
  { province: "浙江省", provinceEn: "Zhejiang", city: "宁波市", cityEn: "Ningbo" },
  { province: "浙江省", provinceEn: "Zhejiang", city: "杭州市", cityEn: "Hangzhou" },
  { province: "江苏省", provinceEn: "Jiangsu", city: "苏州市", cityEn: "Suzhou" },
  { province: "江苏省", provinceEn: "Jiangsu", city: "无锡市", cityEn: "Wuxi" },
  { province: "广东省", provinceEn: "Guangdong", city: "佛山市", cityEn: "Foshan" },
  { province: "广东省", provinceEn: "Guangdong", city: "惠州市", cityEn: "Huizhou" },
  { province: "四川省", provinceEn: "Sichuan", city: "成都市", cityEn: "Chengdu" },
  { province: "四川省", provinceEn: "Sichuan", city: "绵阳市", cityEn: "Mianyang" },
  { province: "安徽省", provinceEn: "Anhui", city: "合肥市", cityEn: "Hefei" },
  { province: "安徽省", provinceEn: "Anhui", city: "芜湖市", cityEn: "Wuhu" },
] as const;
const PARK_KINDS = [
  { zh: "高新技术产业开发区", en: "High-tech Zone", slug: "htz" },
  { zh: "经济技术开发区", en: "Economic and Technological Development Zone", slug: "etdz" },
  { zh: "工业园区", en: "Industrial Park", slug: "ip" },
  { zh: "新材料产业园", en: "New Materials Park", slug: "nmp" },
  { zh: "临空经济区", en: "Airport Economic Zone", slug: "aez" },
] as const;

// Cluster, then its two products with the unit, period and designed-capacity range of one line.
const CATALOG = [
  ["新能源", "New energy", "锂离子电池", "Lithium-ion batteries", "GWh", "year", 2, 40, "光伏组件", "PV modules", "GWh", "year", 1, 20],
  ["新材料", "New materials", "电子玻璃", "Electronic glass", "m2", "year", 1e6, 5e7, "碳纤维", "Carbon fibre", "t", "year", 1e3, 5e4],
  ["装备制造", "Equipment", "工程机械", "Construction machinery", "unit", "year", 500, 2e4, "高空作业平台", "Aerial work platforms", "unit", "month", 50, 2e3],
  ["电子信息", "Electronics", "芯片封装", "Chip packaging", "piece", "month", 1e6, 1e8, "显示面板", "Display panels", "m2", "year", 1e5, 1e7],
  ["生物医药", "Biomedicine", "医疗器械", "Medical devices", "unit", "year", 1e3, 1e5, "原料药", "Active ingredients", "t", "year", 100, 5e3],
  ["汽车零部件", "Auto parts", "汽车座椅", "Car seats", "piece", "month", 1e4, 2e5, "铝合金轮毂", "Alloy wheels", "piece", "year", 1e5, 5e6],
  ["食品加工", "Food processing", "乳制品", "Dairy products", "t", "day", 100, 2e3, "饮料", "Beverages", "t", "year", 1e4, 5e5],
  ["新型建材", "Building materials", "装配式钢结构", "Prefabricated steel structures", "t", "year", 1e4, 3e5, "陶瓷砖", "Ceramic tiles", "m2", "year", 1e6, 3e7],
] as const;
const BRANDS = [
  ["钦邦", "Qinbang"], ["星邦", "Sinoboom"], ["中联", "Zoomlion"], ["三一", "Sany"], ["比亚迪", "BYD"], ["宁德", "Ningde"],
  ["蓝思", "Lens"], ["威胜", "Wasion"], ["远大", "Broad"], ["楚天", "Truking"], ["华曙", "Farsoon"], ["湘电", "XEMC"],
  ["万鑫", "Wanxin"], ["金杯", "Jinbei"], ["博云", "Boyun"], ["长缆", "Changlan"],
] as const;

interface Options {
  entries: number;
  force: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { entries: 1_000_000, force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--force") options.force = true;
    else if (arg === "--entries" || arg.startsWith("--entries=")) {
      const raw = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      const n = Number(String(raw).replace(/[_,]/g, ""));
      if (!Number.isInteger(n) || n < 1000) throw new Error("--entries takes a whole number of at least 1000, e.g. --entries 10000");
      options.entries = n;
    } else throw new Error(`Unknown argument ${arg}; use --entries N and --force`);
  }
  return options;
}

/** The uuid SQL writes as md5(key)::uuid, so JS and SQL agree on the ids of parks and users. */
function md5Uuid(key: string): string {
  return createHash("md5").update(key).digest("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
}

/** A deterministic draw in [0, 1) from an SQL text expression: the same key always gives the same value. */
const draw = (key: string) => `((hashtext(${key}) & 2147483647)::float8 / 2147483648.0)`;

/** A value between lo and hi on a log scale: many small, few large, like real projects. */
const logRange = (u: string, lo: number, hi: number) => `(${lo}::float8 * power(${hi / lo}::float8, ${u}))`;

const quote = (s: string | number) => (typeof s === "number" ? String(s) : `'${s.replace(/'/g, "''")}'`);

function catalogValues(): string {
  return CATALOG.map((c, i) => `(${i + 1}, ${c.map(quote).join(", ")})`).join(",\n      ");
}

async function step(label: string, work: () => Promise<unknown>) {
  const t0 = performance.now();
  await work();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
}

const run = (db: Db, text: string) => db.execute(sql.raw(text));

/** postgres.js returns the rows, PGlite an object holding them. */
async function query<T>(db: Db, text: string): Promise<T[]> {
  const result: unknown = await run(db, text);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function insertParksAndAccounts(db: Db) {
  const rows = Array.from({ length: 50 }, (_, i) => {
    const n = i + 1;
    const city = CITIES[i % CITIES.length]!;
    const kind = PARK_KINDS[Math.floor(i / CITIES.length)]!;
    const short = city.city.replace(/市$/, "");
    return {
      id: md5Uuid(`bench-park-${n}`),
      slug: `${city.cityEn.toLowerCase()}-${kind.slug}`,
      name: `${short}${kind.zh}`,
      nameEn: `${city.cityEn} ${kind.en}`,
      province: city.province,
      provinceEn: city.provinceEn,
      city: city.city,
      cityEn: city.cityEn,
    };
  });
  await db.insert(parks).values(rows);
  await db.insert(parkHealthRules).values(rows.map((p) => ({ parkId: p.id })));
  const passwordHash = await hash(DEMO_PASSWORD); // once: argon2 is deliberately slow
  const admins = rows.map((p, i) => ({
    id: md5Uuid(`bench-user-admin-${i + 1}`),
    email: `admin+${i + 1}@bench.demo`,
    name: `${p.name}管理员`,
    locale: "zh",
    passwordHash,
  }));
  const leader = { id: md5Uuid("bench-user-leader"), email: "leader@bench.demo", name: "分管领导", locale: "zh", passwordHash };
  await db.insert(users).values([...admins, leader]);
  await db.insert(memberships).values([
    ...rows.map((p, i) => ({ userId: admins[i]!.id, parkId: p.id, role: "admin" as const })),
    ...rows.map((p) => ({ userId: leader.id, parkId: p.id, role: "viewer" as const })),
  ]);
}

/** The per-project draws, shared by every statement that needs a project's cluster, stage or dates. */
function projectDraws(): string {
  return `
    select g as n,
      md5('bench-project-' || g)::uuid as id,
      md5('bench-park-' || (1 + (g - 1) % 50))::uuid as park_id,
      1 + (g - 1) % 50 as park_n,
      1 + floor(${draw("'pc' || g")} * ${CATALOG.length})::int as ci,
      1 + floor(${draw("'pp' || g")} * 2)::int as pj,
      1 + floor(${draw("'pb' || g")} * ${BRANDS.length})::int as bi,
      case when ${draw("'ps' || g")} < 0.35 then 0 when ${draw("'ps' || g")} < 0.70 then 1
           when ${draw("'ps' || g")} < 0.90 then 2 else 3 end as stage_rank,
      ${draw("'pi' || g")} as u_inv, ${draw("'pk' || g")} as u_contract, ${draw("'pd' || g")} as u_date,
      ${draw("'ph' || g")} as u_health, ${draw("'pu' || g")} as u_updated, ${draw("'pn' || g")} as u_caps
    from generate_series(1, ${PROJECTS}) g`;
}

const STAGE_NAMES = "(array['signed', 'construction', 'production', 'full_capacity'])";

async function insertProjects(db: Db) {
  const brandZh = `(array[${BRANDS.map((b) => quote(b[0])).join(", ")}])`;
  const brandEn = `(array[${BRANDS.map((b) => quote(b[1])).join(", ")}])`;
  await run(
    db,
    `insert into projects (id, park_id, code, name, name_en, company, company_en, cluster, cluster_en, stage, health,
       responsible_unit, leader_in_charge, planned_investment, contracted_investment, in_place_investment, completed_investment,
       created_at, updated_at)
    select d.id, d.park_id, 'BP-' || lpad(d.n::text, 5, '0'),
      ${brandZh}[d.bi] || '年产' || case d.pj when 1 then c.p1 else c.p2 end || '项目（' || d.n || '）',
      ${brandEn}[d.bi] || ' ' || lower(case d.pj when 1 then c.p1_en else c.p2_en end) || ' project ' || d.n,
      ${brandZh}[d.bi] || case d.pj when 1 then c.p1 else c.p2 end || '有限公司',
      ${brandEn}[d.bi] || ' ' || case d.pj when 1 then c.p1_en else c.p2_en end || ' Co., Ltd.',
      c.cluster, c.cluster_en,
      ${STAGE_NAMES}[d.stage_rank + 1]::project_stage,
      (case when d.u_health < 0.70 then 'on_track' when d.u_health < 0.90 then 'at_risk' else 'off_track' end)::project_health,
      '园区经济发展局', '副主任' || (1 + d.n % 7) || '号',
      round(${logRange("d.u_inv", 1e7, 3e9)}::numeric, 2),
      round((${logRange("d.u_inv", 1e7, 3e9)} * (0.6 + 0.4 * d.u_contract))::numeric, 2),
      round((${logRange("d.u_inv", 1e7, 3e9)} * (0.6 + 0.4 * d.u_contract) * (array[0.1, 0.5, 0.85, 1.0])[d.stage_rank + 1])::numeric, 2),
      0,
      now() - make_interval(days => (200 + d.u_date * 1200)::int),
      now() - make_interval(secs => d.u_updated * 3 * 365 * 86400)
    from (${projectDraws()}) d
    join (values
      ${catalogValues()}
    ) c(ci, cluster, cluster_en, p1, p1_en, u1, per1, lo1, hi1, p2, p2_en, u2, per2, lo2, hi2) on c.ci = d.ci`,
  );
}

async function insertCapacities(db: Db) {
  // 1–3 capacities a project: its product, the cluster's other product, and the first again per month.
  await run(
    db,
    `insert into capacities (id, park_id, project_id, product, product_en, unit, period, designed, online)
    select md5('bench-capacity-' || d.n || '-' || k)::uuid, d.park_id, d.id,
      case when (d.pj + k) % 2 = 0 then c.p1 else c.p2 end,
      case when (d.pj + k) % 2 = 0 then c.p1_en else c.p2_en end,
      (case when (d.pj + k) % 2 = 0 then c.u1 else c.u2 end)::capacity_unit,
      (case when k = 3 then 'month' when (d.pj + k) % 2 = 0 then c.per1 else c.per2 end)::capacity_period,
      x.designed,
      round(x.designed * case d.stage_rank when 2 then (0.2 + 0.6 * ${draw("'co' || d.n || k")})::numeric when 3 then 1 else 0 end, 4)
    from (${projectDraws()}) d
    join (values
      ${catalogValues()}
    ) c(ci, cluster, cluster_en, p1, p1_en, u1, per1, lo1, hi1, p2, p2_en, u2, per2, lo2, hi2) on c.ci = d.ci
    cross join generate_series(1, 3) k
    cross join lateral (
      select round((case when (d.pj + k) % 2 = 0 then c.lo1 * power(c.hi1::float8 / c.lo1, ${draw("'cd' || d.n || k")})
                         else c.lo2 * power(c.hi2::float8 / c.lo2, ${draw("'cd' || d.n || k")}) end
                    / case when k = 3 then 12 else 1 end)::numeric, case when c.u1 = 'GWh' or c.u2 = 'GWh' then 2 else 0 end) as designed
    ) x
    where k <= 1 + floor(d.u_caps * 3)`,
  );
}

async function insertMilestones(db: Db) {
  // Signing date by stage; each later milestone planned months after the one before; reached (with a
  // slip of −20…+120 days, never after yesterday) up to the project's stage. Unreached past dates are late.
  await run(
    db,
    `insert into milestones (id, park_id, project_id, type, planned_date, forecast_date, actual_date)
    select md5('bench-milestone-' || p.n || '-' || m.type)::uuid, p.park_id, p.id, m.type::milestone_type, m.planned, m.forecast, m.actual
    from (
      select s.*,
        least(greatest(s.cs_planned + s.slip1, s.signed), current_date - 1) as cs_actual,
        least(greatest(s.pr_planned + s.slip2, s.cs_planned), current_date - 1) as pr_actual,
        least(greatest(s.fc_planned + s.slip3, s.pr_planned), current_date - 1) as fc_actual
      from (
        select d.n, d.id, d.park_id, d.stage_rank, x.signed,
          x.signed + (90 + ${draw("'m1' || d.n")} * 180)::int as cs_planned,
          x.signed + (90 + ${draw("'m1' || d.n")} * 180 + 365 + ${draw("'m2' || d.n")} * 365)::int as pr_planned,
          x.signed + (90 + ${draw("'m1' || d.n")} * 180 + 365 + ${draw("'m2' || d.n")} * 365 + 180 + ${draw("'m3' || d.n")} * 365)::int as fc_planned,
          (-20 + ${draw("'s1' || d.n")} * 140)::int as slip1, (-20 + ${draw("'s2' || d.n")} * 140)::int as slip2,
          (-20 + ${draw("'s3' || d.n")} * 140)::int as slip3, ${draw("'f' || d.n")} as u_forecast
        from (${projectDraws()}) d
        cross join lateral (
          select current_date - (case d.stage_rank when 0 then d.u_date * 300 when 1 then 180 + d.u_date * 900
                                                   when 2 then 720 + d.u_date * 720 else 1080 + d.u_date * 720 end)::int as signed
        ) x
        offset 0 -- a fence: inlined, every derived date would recompute its draws in each of the 4 rows below (7 s vs 0.3 s)
      ) s
      offset 0
    ) p
    cross join lateral (values
      ('signed', p.signed, null::date, p.signed),
      ('construction_start', p.cs_planned,
        case when p.stage_rank < 1 and p.cs_planned < current_date and p.u_forecast < 0.5 then current_date + (p.u_forecast * 360)::int end,
        case when p.stage_rank >= 1 then least(p.cs_actual, current_date - 1) end),
      ('production', p.pr_planned,
        case when p.stage_rank < 2 and p.pr_planned < current_date and p.u_forecast < 0.5 then current_date + (p.u_forecast * 360)::int end,
        case when p.stage_rank >= 2 then greatest(p.pr_actual, p.cs_actual) end),
      ('full_capacity', p.fc_planned,
        case when p.stage_rank < 3 and p.fc_planned < current_date and p.u_forecast < 0.5 then current_date + (p.u_forecast * 360)::int end,
        case when p.stage_rank >= 3 then greatest(p.fc_actual, p.pr_actual, p.cs_actual) end)
    ) m(type, planned, forecast, actual)`,
  );
}

async function insertEntries(db: Db, base: number) {
  const perProject = base / PROJECTS;
  const narrativesZh = `(array['土建施工按计划推进', '主体结构封顶', '设备进场安装调试', '生产线试运行', '产能稳步爬坡', '要素保障协调中', '本月完成投资如期'])`;
  const narrativesEn = `(array['Civil works on schedule', 'Main structure topped out', 'Equipment being installed and commissioned', 'Line in trial operation', 'Output ramping up', 'Land and power being coordinated', 'Investment on plan this month'])`;
  // Investment per entry sums, over all of a project's entries, to about the stage's share of its plan;
  // output value only once in production. Amounts are exact numerics rounded to fen.
  await run(
    db,
    `insert into progress_entries (id, park_id, project_id, period, author_id, narrative, narrative_en,
       investment_completed, output_value, source_ref, created_at)
    select md5('bench-entry-' || i)::uuid, p.park_id, p.id, x.period,
      md5('bench-user-admin-' || (1 + (x.pn - 1) % 50))::uuid,
      ${narrativesZh}[x.k], ${narrativesEn}[x.k],
      case when p.stage = 'signed' and x.u_inv < 0.7 then null
           else round(p.planned_investment * (2 * x.u_inv)::numeric * (case p.stage when 'signed' then 0.05 when 'construction' then 0.5 when 'production' then 0.85 else 0.98 end) / ${perProject}, 2) end,
      case when p.stage in ('production', 'full_capacity')
           then round(p.planned_investment * (2 * x.u_out)::numeric * (case p.stage when 'production' then 0.6 else 1.4 end) * ${MONTHS / 12} / ${perProject}, 2) end,
      '月报' || to_char(x.period, 'YYYY-MM'),
      least(now(), x.period + interval '1 month' + make_interval(days => (x.u_out * 9)::int))
    from generate_series(1, ${base}) i
    cross join lateral (
      select 1 + (i - 1) % ${PROJECTS} as pn,
        (date_trunc('month', current_date) - make_interval(months => floor(${draw("'em' || i")} * ${MONTHS})::int))::date as period,
        ${draw("'ei' || i")} as u_inv, ${draw("'eo' || i")} as u_out, 1 + floor(${draw("'en' || i")} * 7)::int as k
    ) x
    join projects p on p.id = md5('bench-project-' || x.pn)::uuid`,
  );
}

async function insertCorrections(db: Db, corrections: number) {
  // Entry j·49 is corrected by correction j: same project and month, amounts revised by −20…+20 %.
  await run(
    db,
    `insert into progress_entries (id, park_id, project_id, period, author_id, narrative, narrative_en,
       investment_completed, output_value, source_ref, supersedes_id, created_at)
    select md5('bench-correction-' || j)::uuid, e.park_id, e.project_id, e.period, e.author_id,
      '更正：' || e.narrative, 'Correction: ' || e.narrative_en,
      round(e.investment_completed * (0.8 + 0.4 * ${draw("'ci' || j")})::numeric, 2),
      round(e.output_value * (0.8 + 0.4 * ${draw("'cv' || j")})::numeric, 2),
      e.source_ref, e.id, least(now(), e.created_at + interval '5 days')
    from generate_series(1, ${corrections}) j
    join progress_entries e on e.id = md5('bench-entry-' || (j * ${CORRECTION_EVERY - 1}))::uuid`,
  );
}

/**
 * Capacity online as reported in each entry of a project in production: the park dashboard's capacity
 * ramp reads these. Online climbs towards the designed capacity over the 36 months.
 */
async function insertCapacityReports(db: Db) {
  await run(
    db,
    `insert into progress_capacities (entry_id, capacity_id, park_id, online)
    select e.id, c.id, e.park_id,
      round(c.designed * (case p.stage when 'full_capacity' then 0.5 + 0.5 * x.recent else 0.1 + 0.6 * x.recent end)::numeric, 4)
    from progress_entries e
    join projects p on p.id = e.project_id and p.stage in ('production', 'full_capacity')
    join capacities c on c.project_id = e.project_id
    -- days over days as a fraction: integer division would give every report the same level
    cross join lateral (select 1 - (current_date - e.period) / ${MONTHS * 30.5}::float8 as recent) x
    where e.supersedes_id is null`,
  );
}

async function insertProblemsAndTargets(db: Db) {
  // About 6 % of projects have an open problem, 4 % a closed one.
  await run(
    db,
    `insert into problems (id, park_id, project_id, description, owner, due_date, status, closed_at, created_by, created_at)
    select md5('bench-problem-' || p.n)::uuid, p.park_id, p.id,
      (array['用地指标尚未落实', '电力增容审批滞后', '环评批复待出具', '融资到位不及时', '设备进口清关延迟', '用工缺口较大'])[1 + floor(${draw("'qd' || p.n")} * 6)::int],
      (array['园区经发局', '自然资源分局', '供电公司', '生态环境分局', '招商服务中心'])[1 + floor(${draw("'qo' || p.n")} * 5)::int],
      current_date + (-60 + ${draw("'qt' || p.n")} * 150)::int,
      (case when p.u < 0.06 then 'open' else 'closed' end)::problem_status,
      case when p.u >= 0.06 then now() - make_interval(days => (1 + ${draw("'qc' || p.n")} * 300)::int) end,
      md5('bench-user-admin-' || p.park_n)::uuid,
      now() - make_interval(days => (310 + ${draw("'qc' || p.n")} * 300)::int)
    from (select g as n, md5('bench-project-' || g)::uuid as id, md5('bench-park-' || (1 + (g - 1) % 50))::uuid as park_id,
                 1 + (g - 1) % 50 as park_n, ${draw("'q' || g")} as u
          from generate_series(1, ${PROJECTS}) g) p
    where p.u < 0.10`,
  );
  // Per park: the investment plans of this year and last (about a fifth of the planned total each),
  // and an output-value target two years out from last year's base.
  await run(
    db,
    `insert into targets (park_id, metric, value, year, base_year, base_value, stated_growth_pct)
    select t.park_id, t.metric::target_metric, t.value, t.year, t.base_year, t.base_value, t.growth
    from (select park_id, sum(planned_investment) as planned from projects group by park_id) s
    cross join lateral (values
      (s.park_id, 'investment', round(s.planned * 0.20, -4), extract(year from current_date)::int, extract(year from current_date)::int - 1, round(s.planned * 0.18, -4), 11.0),
      (s.park_id, 'investment', round(s.planned * 0.18, -4), extract(year from current_date)::int - 1, extract(year from current_date)::int - 2, round(s.planned * 0.16, -4), 12.5),
      (s.park_id, 'output_value', round(s.planned * 1.8, -6), extract(year from current_date)::int + 2, extract(year from current_date)::int - 1, round(s.planned * 1.2, -6), 14.5)
    ) t(park_id, metric, value, year, base_year, base_value, growth)`,
  );
}

/** Each project's completed investment is the sum of its entries nobody superseded (opening value 0). */
async function settleCompletedInvestment(db: Db) {
  await run(
    db,
    `update projects p set completed_investment = s.total
    from (select e.project_id, coalesce(sum(e.investment_completed), 0) as total
          from progress_entries e
          where not exists (select 1 from progress_entries c where c.supersedes_id = e.id)
          group by e.project_id) s
    where s.project_id = p.id`,
  );
}

const COUNTED = [
  "parks", "users", "memberships", "projects", "capacities", "milestones", "progress_entries", "progress_capacities", "problems", "targets",
  "park_monthly_stats", "park_project_stats", "park_capacity_stats", "park_capacity_ramp", "capacity_ramp_points", "park_data_versions",
];

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // One connection: the session settings below must hold for every statement.
  process.env.DATABASE_POOL_SIZE = "1";
  const target = resolveDatabaseTarget();
  const { db, close } = await openDatabase(target);
  const started = performance.now();
  try {
    await applyMigrations(db);
    const [existing] = await query<{ n: number }>(db, "select count(*)::int as n from parks");
    if ((existing?.n ?? 0) > 0) {
      if (!options.force) {
        console.error(`The database already holds ${existing!.n} parks; nothing was changed. Re-run with --force to wipe every Parkline table and load the bench data.`);
        process.exitCode = 1;
        return;
      }
      const all = await query<{ list: string }>(
        db,
        "select string_agg(quote_ident(tablename), ', ') as list from pg_tables where schemaname = 'public' and tablename <> 'parkline_migrations'",
      );
      await run(db, `truncate ${all[0]!.list} restart identity cascade`);
    }
    if (target.kind === "postgres") {
      await run(db, "set synchronous_commit = off");
      await run(db, "set work_mem = '128MB'");
      await run(db, "set maintenance_work_mem = '256MB'");
    }
    const corrections = Math.floor(options.entries / CORRECTION_EVERY);
    const base = options.entries - corrections;
    console.log(`Loading ${options.entries.toLocaleString("en")} progress entries (${corrections.toLocaleString("en")} corrections) into ${target.kind === "postgres" ? new URL(target.url).pathname.slice(1) : target.dataDir}`);
    await step("parks, health rules, accounts", () => insertParksAndAccounts(db));
    await step(`projects (${PROJECTS.toLocaleString("en")})`, () => insertProjects(db));
    await step("capacities", () => insertCapacities(db));
    await step("milestones", () => insertMilestones(db));
    await step(`progress entries (${base.toLocaleString("en")})`, () => insertEntries(db, base));
    await step(`corrections (${corrections.toLocaleString("en")})`, () => insertCorrections(db, corrections));
    await step("capacity online reported in entries", () => insertCapacityReports(db));
    await step("problems, targets", () => insertProblemsAndTargets(db));
    await step("projects.completed_investment from entries", () => settleCompletedInvestment(db));
    await step("rebuildMonthlyStats", () => rebuildMonthlyStats(db));
    const tables = await query<{ name: string }>(db, `select tablename as name from pg_tables where schemaname = 'public' and tablename in (${COUNTED.map((t) => `'${t}'`).join(", ")})`);
    await step("vacuum analyze", async () => {
      // Triggers rewrite a summary row once per project or capacity loaded: 30× bloat a live database
      // would not have. Compact them, then let the planner see the new tables.
      for (const t of ["park_project_stats", "park_capacity_stats", "park_capacity_ramp", "park_data_versions"]) if (tables.some((r) => r.name === t)) await run(db, `vacuum full ${t}`);
      await run(db, "vacuum analyze");
    });

    const counted = COUNTED.filter((t) => tables.some((r) => r.name === t)); // summaries exist from migration 0005 on
    const counts = await query<Record<string, number>>(db, `select ${counted.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(", ")}`);
    console.table(counts[0]);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Sign in as leader@bench.demo (every park) or admin+1@bench.demo … admin+50@bench.demo, password ${DEMO_PASSWORD}.`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  // Drizzle wraps the driver's error: the cause says what PostgreSQL objected to.
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  console.error(`${error instanceof Error ? error.message.split("\n")[0] : String(error)}${cause}`);
  process.exit(1);
});
