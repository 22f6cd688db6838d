// The demonstration park: about 40 projects generated relative to "today" (a China day), so its
// dashboard never goes stale. Pure: it returns rows, ids included; db/seed/demo-park-insert.ts writes
// them in a few bulk statements. Every figure is illustrative and the park is flagged `is_demo`.
import type { capacities, milestoneBaselines, milestones, phases, productionLines, projects } from "../schema";
import type { problems, problemUpdates, progressCapacities, progressEntries } from "../schema/progress";
import type { targets } from "../schema/parks";
import { COMPANY_STEMS, COMPANY_SUFFIX, DEMO_CLUSTERS, LEADERS, PROBLEM_TEXTS, RESPONSIBLE_UNITS } from "./demo-park-catalog";
import { addDays, calendarMonth, createRng, dateInMonth, monthIndexOf, periodOfIndex, type Rng } from "./demo-prng";
import type { Stage } from "./types";

/** The stream's seed: fixed, so a given day always yields the same park. */
const SEED = 20_260_417;

/** Investment by calendar month: the Spring Festival dip in January–February, the year-end push. */
export const SEASON = [0.55, 0.35, 0.85, 1, 1.05, 1.1, 1, 1, 1.1, 1, 1.25, 1.5] as const;

/** Stages by position within a cluster: every cluster gets a mix, the park gets every stage. */
const STAGE_PATTERN: Stage[] = ["signed", "construction", "construction", "production", "production", "full_capacity", "construction", "production"];

/** Project numbers (0–39) with a story: a late milestone, pace behind the plan, a moved baseline. */
const LATE = new Set([3, 11, 17, 26, 33]);
const BEHIND_RED = new Set([6, 22, 29]);
const BEHIND_YELLOW = new Set([9, 31]);
const REBASELINED = new Set([2, 12, 20, 27, 36, 11]);

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"] & { id: string };
export interface DemoAuditEvent {
  entity: string;
  entityId: string;
  projectId: string;
  action: string;
  entityVersion: number;
  changes: Record<string, [unknown, unknown]>;
  at: Date;
}

export interface DemoParkRows {
  projects: Row<typeof projects>[];
  phases: Row<typeof phases>[];
  lines: Row<typeof productionLines>[];
  capacities: Row<typeof capacities>[];
  milestones: Row<typeof milestones>[];
  baselines: Row<typeof milestoneBaselines>[];
  entries: Row<typeof progressEntries>[];
  reports: (typeof progressCapacities.$inferInsert)[];
  problems: Row<typeof problems>[];
  problemUpdates: Row<typeof problemUpdates>[];
  targets: Row<typeof targets>[];
  audit: DemoAuditEvent[];
  /** Project ids the seeded share links point at (null: the park page). */
  shareTargets: { label: string; projectId: string | null }[];
}

const wan = (n: number) => `${Math.round(n)}0000`; // 万元 → yuan, exact
/** Midnight of a China day: never later than now for any day up to today. */
const instant = (date: string) => new Date(`${date}T00:00:00+08:00`);
const STAGE_OF_MILESTONE: Partial<Record<string, Stage>> = { construction_start: "construction", production: "production", full_capacity: "full_capacity" };

interface Plan {
  start: number; // construction start month (planned, or actual once reached)
  end: number; // planned 投产 month (current baseline)
  production: number | null; // actual 投产 month
  full: number | null; // actual 达产 month
}

/** The park's rows for `today` (YYYY-MM-DD, China day), with `parkId` on each. */
export function buildDemoPark(parkId: string, today: string): DemoParkRows {
  const rng = createRng(SEED);
  const T = monthIndexOf(today);
  const windowStart = T - 35;
  const out: DemoParkRows = {
    projects: [], phases: [], lines: [], capacities: [], milestones: [], baselines: [], entries: [], reports: [],
    problems: [], problemUpdates: [], targets: [], audit: [], shareTargets: [],
  };
  const pastDate = (index: number, day: number) => {
    const d = dateInMonth(index, day);
    return d > today ? today : d;
  };

  for (let i = 0; i < 40; i++) {
    const clusterIndex = i % DEMO_CLUSTERS.length;
    const cluster = DEMO_CLUSTERS[clusterIndex]!;
    const stage = STAGE_PATTERN[(Math.floor(i / DEMO_CLUSTERS.length) + clusterIndex) % STAGE_PATTERN.length]!;
    const id = rng.uuid();
    const planned = Math.round(rng.between(...cluster.investment) / 10_000_000) * 1000; // in 万, whole ¥10 M
    const plan = planFor(rng, stage, T, i);
    const signedMonth = stage === "signed" ? T - rng.int(1, 8) - (i === 0 ? 6 : 0) : plan.start - rng.int(2, 4);

    // Milestones: what was planned, what was reached, and the one a late project is stuck on.
    const ms: { type: Row<typeof milestones>["type"]; planned: number; reached: boolean; forecast?: number }[] = [
      { type: "signed", planned: signedMonth, reached: true },
      { type: "land_supply", planned: signedMonth + 1, reached: signedMonth + 1 < T },
      { type: "approval", planned: signedMonth + 2, reached: signedMonth + 2 < T },
      { type: "construction_start", planned: plan.start, reached: stage !== "signed" },
      { type: "topping_out", planned: plan.start + 7, reached: plan.start + 7 < T || plan.production !== null },
      { type: "equipment_installed", planned: plan.end - 3, reached: plan.end - 3 < T || plan.production !== null },
      { type: "production", planned: plan.production ?? plan.end, reached: plan.production !== null },
      { type: "full_capacity", planned: plan.full ?? (plan.production ?? plan.end) + rng.int(8, 12), reached: plan.full !== null },
    ];
    if (stage === "full_capacity") ms.push({ type: "above_designated_size", planned: plan.production! + 4, reached: true });
    if (LATE.has(i)) {
      // The first milestone not reached slipped past its date: it stays open, with a new forecast.
      const open = ms.find((m) => !m.reached);
      if (open) {
        open.planned = T - rng.int(1, 4);
        open.forecast = T + rng.int(2, 5);
        for (const m of ms) if (!m.reached && m !== open && m.planned <= T) m.planned = T + rng.int(2, 6);
      }
    }
    for (const m of ms) if (!m.reached && m.planned <= T && !LATE.has(i) && !(stage === "signed" && m.type === "construction_start")) m.planned = T + rng.int(1, 4);
    const project = {
      ...cluster.project(0),
      code: `DP-${cluster.code}-${String(Math.floor(i / DEMO_CLUSTERS.length) + 1).padStart(2, "0")}`,
    };

    // Capacity: lines of phase I (and a phase II being built for some), each line ramping up in turn.
    const phaseSpecs = [{ seq: 1, lines: stage === "signed" ? 0 : rng.int(2, 4), stage }];
    if ((stage === "production" || stage === "full_capacity") && rng.next() < 0.4) phaseSpecs.push({ seq: 2, lines: rng.int(1, 2), stage: "construction" });
    let designedTotal = 0;
    const lineCapacities: { id: string; designed: number; online: number; levels: Map<number, number> }[] = [];
    const perLine = () => Math.round(rng.between(...cluster.perLine) / cluster.step) * cluster.step;
    for (const spec of phaseSpecs) {
      const phaseId = rng.uuid();
      out.phases.push({ id: phaseId, parkId, projectId: id, seq: spec.seq, name: spec.seq === 1 ? "一期" : "二期", nameEn: spec.seq === 1 ? "Phase I" : "Phase II", stage: spec.stage });
      for (let l = 0; l < spec.lines; l++) {
        const lineId = rng.uuid();
        out.lines.push({ id: lineId, parkId, projectId: id, phaseId, seq: l + 1, name: `${l + 1}号线`, nameEn: `Line ${l + 1}` });
        const designed = perLine();
        designedTotal += designed;
        const levels = new Map<number, number>();
        if (spec.seq === 1 && plan.production !== null) {
          const online = plan.production + l * rng.int(2, 3);
          [0.4, 0.75, 1].forEach((share, k) => {
            if (online + k <= T) levels.set(online + k, Math.round((designed * share) / cluster.step) * cluster.step || designed);
          });
          if (plan.full !== null) levels.set(Math.max(...levels.keys(), plan.full), designed);
        }
        const capId = rng.uuid();
        const online = levels.size ? levels.get(Math.max(...levels.keys()))! : 0;
        out.capacities.push({ id: capId, parkId, projectId: id, phaseId, lineId, product: cluster.product, productEn: cluster.productEn, unit: cluster.unit, period: cluster.period, designed: String(designed), online: String(online) });
        lineCapacities.push({ id: capId, designed, online, levels });
      }
    }
    if (designedTotal === 0) {
      designedTotal = perLine() * rng.int(2, 3);
      out.capacities.push({ id: rng.uuid(), parkId, projectId: id, phaseId: null, lineId: null, product: cluster.product, productEn: cluster.productEn, unit: cluster.unit, period: cluster.period, designed: String(designedTotal), online: "0" });
    }
    Object.assign(project, cluster.project(designedTotal));

    // Investment: a share of the plan by today that follows time elapsed (序时进度), or lags it on purpose.
    const elapsed = stage === "signed" ? 0 : Math.min(1, Math.max(0, (T + 0.5 - plan.start) / (plan.end - plan.start)));
    let share = plan.production !== null ? rng.between(0.93, 1) : Math.min(0.97, elapsed * rng.between(0.98, 1.08));
    if (BEHIND_RED.has(i)) share = Math.max(0.04, elapsed - rng.between(0.36, 0.45));
    if (BEHIND_YELLOW.has(i)) share = Math.max(0.04, elapsed - rng.between(0.15, 0.22));
    const spendEnd = Math.min(T, plan.production !== null ? plan.production + 3 : T);
    const monthly = spread(rng, Math.round(planned * share), plan.start, spendEnd, T);
    const completed = monthly.reduce((s, m) => s + m.amount, 0);
    const annualOutput = (planned * cluster.outputRatio) / 12; // 万 per month at full capacity

    // Monthly entries from the first month in the window the project existed, through this month.
    const entryIdByMonth = new Map<number, string>();
    for (let m = Math.max(windowStart, signedMonth); m <= T; m++) {
      const entryId = rng.uuid();
      entryIdByMonth.set(m, entryId);
      const invest = monthly.find((x) => x.month === m)?.amount ?? 0;
      const onlineShare = lineCapacities.length
        ? lineCapacities.reduce((s, c) => s + levelAt(c.levels, m), 0) / lineCapacities.reduce((s, c) => s + c.designed, 0)
        : 0;
      const output = onlineShare > 0 ? Math.round(annualOutput * onlineShare * (calendarMonth(m) === 2 ? 0.7 : calendarMonth(m) === 12 ? 1.15 : rng.between(0.92, 1.05))) : 0;
      const text = narrative(m, plan, invest, output);
      out.entries.push({
        id: entryId, parkId, projectId: id, period: periodOfIndex(m), narrative: text.zh, narrativeEn: text.en,
        investmentCompleted: invest > 0 ? wan(invest) : null, outputValue: output > 0 ? wan(output) : null,
        createdAt: instant(pastDate(m + 1, 3)),
      });
      for (const c of lineCapacities) if (c.levels.has(m)) out.reports.push({ entryId, capacityId: c.id, parkId, online: String(c.levels.get(m)) });
    }

    const stem = COMPANY_STEMS[i]!;
    const reportedHealth = BEHIND_RED.has(i) ? "at_risk" : i === 14 ? "at_risk" : "on_track";
    out.projects.push({
      id, parkId, code: project.code, name: project.name, nameEn: project.nameEn,
      company: `${stem[0]}${COMPANY_SUFFIX[cluster.code]![0]}`, companyEn: `${stem[1]} ${COMPANY_SUFFIX[cluster.code]![1]}`,
      cluster: cluster.name, clusterEn: cluster.nameEn, stage, health: reportedHealth,
      responsibleUnit: rng.pick(RESPONSIBLE_UNITS), leaderInCharge: rng.pick(LEADERS),
      plannedInvestment: wan(planned), contractedInvestment: wan(stage === "signed" ? planned * 0.8 : planned),
      inPlaceInvestment: wan(Math.min(planned, completed * 1.06)), completedInvestment: wan(completed),
      createdAt: instant(pastDate(signedMonth, 10)),
    });

    // Milestone rows, a moved baseline for some, and the project's history.
    let version = 1;
    out.audit.push({ entity: "project", entityId: id, projectId: id, action: "create", entityVersion: version, changes: { name: [null, project.name], stage: [null, "signed"] }, at: instant(pastDate(signedMonth, 10)) });
    let previousStage: Stage = "signed";
    for (const m of ms) {
      const mid = rng.uuid();
      const day = rng.int(5, 25);
      const plannedDate = dateInMonth(m.planned, day);
      const actualDate = m.reached ? pastDate(m.planned, day + rng.int(-4, 12)) : null;
      out.milestones.push({ id: mid, parkId, projectId: id, type: m.type, plannedDate, forecastDate: m.forecast !== undefined ? dateInMonth(m.forecast, day) : null, actualDate });
      const reachedStage = STAGE_OF_MILESTONE[m.type];
      if (reachedStage && actualDate) {
        out.audit.push({ entity: "project", entityId: id, projectId: id, action: "update", entityVersion: ++version, changes: { stage: [previousStage, reachedStage] }, at: instant(actualDate) });
        previousStage = reachedStage;
      }
      if (REBASELINED.has(i) && m.type === "production") {
        const shift = rng.int(3, 6);
        const original = dateInMonth(m.planned - shift, day);
        const replacedAt = instant(pastDate(m.planned - shift - 1, 15));
        out.milestones.at(-1)!.originalPlannedDate = original;
        out.baselines.push({ id: rng.uuid(), parkId, milestoneId: mid, plannedDate: original, replacedAt, reason: "设备交付推迟，经园区同意调整计划 / Equipment delivered late; the park agreed a new plan" });
        out.audit.push({ entity: "milestone", entityId: mid, projectId: id, action: "update", entityVersion: 2, changes: { plannedDate: [original, plannedDate] }, at: replacedAt });
      }
    }
    out.projects.at(-1)!.version = version;

    // Problems: open ones (some overdue) and closed ones, raised in a month's entry.
    if (i % 3 === 1 && stage !== "signed") {
      const [description, owner] = PROBLEM_TEXTS[(i * 7) % PROBLEM_TEXTS.length]!;
      const raised = Math.min(T, Math.max(signedMonth, T - rng.int(0, 8)));
      const kind = i % 9 === 1 ? "closed" : i % 9 === 4 ? "overdue" : "open";
      const createdAt = instant(pastDate(raised, 12));
      const problemId = rng.uuid();
      const closedAt = kind === "closed" ? new Date(Math.min(instant(today).getTime(), createdAt.getTime() + rng.int(20, 60) * 86_400_000)) : null;
      out.problems.push({
        id: problemId, parkId, projectId: id, raisedInEntryId: entryIdByMonth.get(raised) ?? null, description, owner,
        dueDate: kind === "overdue" ? addDays(today, -rng.int(10, 60)) : kind === "open" ? addDays(today, rng.int(7, 75)) : addDays(pastDate(raised, 12), 45),
        status: kind === "closed" ? "closed" : "open", closedAt, createdAt,
      });
      if (kind !== "open") out.problemUpdates.push({ id: rng.uuid(), parkId, problemId, note: kind === "closed" ? "已协调解决 / Resolved with the owner" : "已催办，等待答复 / Chased; awaiting a reply", createdAt: closedAt ?? instant(addDays(today, -3)) });
    }
  }

  out.targets = parkTargets(parkId, out.entries, today);
  const shared = out.projects.find((p) => p.stage === "production")!;
  out.shareTargets = [
    { label: "示例园区 · 月度汇报 / Demo park · monthly report", projectId: null },
    { label: `${shared.name} · 进度 / progress`, projectId: shared.id },
  ];
  return out;
}

/** When construction starts and production is due, in month indices, by the stage the project is at. */
function planFor(rng: Rng, stage: Stage, T: number, i: number): Plan {
  if (stage === "signed") {
    // One signed project is months past its planned start: the rule flags it whatever its pace.
    const start = i === 0 ? T - 5 : T + rng.int(1, 5);
    return { start, end: start + rng.int(14, 22), production: null, full: null };
  }
  if (stage === "construction" && (BEHIND_RED.has(i) || BEHIND_YELLOW.has(i))) {
    // Far enough into construction that the lag shows against time elapsed.
    return { start: T - rng.int(12, 16), end: T + rng.int(3, 6), production: null, full: null };
  }
  if (stage === "construction") {
    const start = T - rng.int(4, 20);
    return { start, end: Math.max(start + rng.int(16, 26), T + rng.int(2, 10)), production: null, full: null };
  }
  // Some began before the three-year window: their early investment counts in the total, not in the log.
  const start = stage === "production" ? T - rng.int(20, 34) : T - rng.int(36, 46);
  const production = stage === "production" ? T - rng.int(2, 10) : start + rng.int(14, 18);
  return { start, end: production - rng.int(0, 2), production, full: stage === "full_capacity" ? Math.min(T - 1, production + rng.int(5, 9)) : null };
}

/** `total` 万 over the months from `from` to `to`, weighted by season and a build-up/wind-down hump. */
function spread(rng: Rng, total: number, from: number, to: number, today: number) {
  if (total <= 0 || to < from) return [];
  const months = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const weights = months.map((m, k) => {
    const hump = 0.5 + Math.sin(((k + 0.5) / months.length) * Math.PI);
    return SEASON[calendarMonth(m) - 1]! * hump * rng.between(0.85, 1.15) * (m === today ? 0.5 : 1);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.map((w) => Math.floor((total * w) / sum));
  amounts[amounts.length - 1]! += total - amounts.reduce((a, b) => a + b, 0);
  return months.map((month, k) => ({ month, amount: amounts[k]! }));
}

function levelAt(levels: Map<number, number>, month: number): number {
  let level = 0;
  for (const [m, v] of levels) if (m <= month) level = Math.max(level, v);
  return level;
}

function narrative(m: number, plan: Plan, invest: number, output: number): { zh: string; en: string } {
  const money = (n: number) => (n >= 10_000 ? `${(n / 10_000).toFixed(2)}亿元` : `${n}万元`);
  const moneyEn = (n: number) => (n >= 10_000 ? `¥${(n / 10_000).toFixed(2)} bn` : `¥${(n / 100).toFixed(1)} M`);
  if (m < plan.start) return { zh: "前期手续办理中，土地及规划方案推进。", en: "Pre-construction approvals under way; land and site plan in progress." };
  if (plan.production === null || m < plan.production) {
    return invest > 0
      ? { zh: `主体工程施工中，本月完成投资${money(invest)}。`, en: `Main works under construction; ${moneyEn(invest)} invested this month.` }
      : { zh: "主体工程施工中。", en: "Main works under construction." };
  }
  return output > 0
    ? { zh: `生产线运行，本月实现产值${money(output)}${invest > 0 ? `，完成投资${money(invest)}` : ""}。`, en: `Lines running; output ${moneyEn(output)} this month${invest > 0 ? `, ${moneyEn(invest)} invested` : ""}.` }
    : { zh: "设备调试中。", en: "Equipment being commissioned." };
}

/** Annual investment plans and output targets for this year and next, from last year's actual sums. */
function parkTargets(parkId: string, entries: DemoParkRows["entries"], today: string): Row<typeof targets>[] {
  const year = Number(today.slice(0, 4));
  const sumFor = (y: number, key: "investmentCompleted" | "outputValue") =>
    entries.filter((e) => e.period.startsWith(`${y}-`)).reduce((s, e) => s + Number(e[key] ?? 0) / 10_000, 0);
  const round = (wanAmount: number) => `${Math.max(1, Math.round(wanAmount / 1000))}0000000`; // whole ¥10 M
  const rows: Row<typeof targets>[] = [];
  const rng = createRng(SEED + year);
  for (const [metric, key, growth] of [["investment", "investmentCompleted", 1.08], ["output_value", "outputValue", 1.15]] as const) {
    const last = sumFor(year - 1, key);
    const thisYear = last * growth;
    rows.push({ id: rng.uuid(), parkId, metric, year, baseYear: year - 1, baseValue: round(last), value: round(thisYear), statedGrowthPct: String(Math.round((growth - 1) * 100)) });
    rows.push({ id: rng.uuid(), parkId, metric, year: year + 1, baseYear: year - 1, baseValue: round(last), value: round(thisYear * growth), statedGrowthPct: String(Math.round((growth - 1) * 100)) });
  }
  return rows;
}
