import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCapacityRamp } from "@/app/_lib/dashboard/data";
import { logProgress } from "@/db/queries/progress-writes";
import { compareParks, getRollup } from "@/db/queries/rollups";
import { capacities, parks, projects, users } from "@/db/schema";
import { CAPACITY_PERIODS, CAPACITY_UNITS, PROJECT_STAGES } from "@/lib/domain/values";
import { capacityRampFromReports, type CapacityReportRow } from "../support/capacity-ramp-model";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

/**
 * Random parks, projects, capacities and progress entries (with corrections, through the real write
 * path that maintains the summary table); every rollup figure is checked against a computation made
 * here, in plain TypeScript, from what was generated.
 */
const TODAY = "2026-12-31";
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`);
const CLUSTERS = ["新材料", "智能装备", "储能材料"];
const fen = fc.bigInt({ min: 0n, max: 10n ** 13n });
const yuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, "0")}`;
/** A quantity with up to four decimals as an integer count of 1/10,000ths. */
const scaled4 = (s: string) => {
  const [i = "0", f = ""] = s.split(".");
  return BigInt(i) * 10_000n + BigInt((f + "0000").slice(0, 4));
};
const exactFen = (s: string) => {
  const [i = "0", f = ""] = s.split(".");
  return BigInt(i) * 100n + BigInt((f + "00").slice(0, 2));
};

const projectArb = fc.record({
  park: fc.integer({ min: 0, max: 2 }),
  stage: fc.constantFrom(...PROJECT_STAGES),
  cluster: fc.constantFrom(...CLUSTERS),
  planned: fen,
  contracted: fen,
  /** Moved to another stage and cluster after creation, to exercise the summary triggers' update path. */
  moveTo: fc.option(fc.record({ stage: fc.constantFrom(...PROJECT_STAGES), cluster: fc.constantFrom(...CLUSTERS) }), { nil: null }),
  /** Moved to another cluster after its entries, so the capacity ramp's project trigger moves its reports. */
  clusterLater: fc.option(fc.constantFrom(...CLUSTERS), { nil: null }),
  capacities: fc.array(
    fc.record({
      unit: fc.constantFrom(...CAPACITY_UNITS), period: fc.constantFrom(...CAPACITY_PERIODS), designed: fc.integer({ min: 0, max: 10 ** 9 }), online: fc.integer({ min: 0, max: 10 ** 9 }),
      /** Changed after the entries: the ramp's capacity trigger moves the reports to the new unit. */
      unitLater: fc.option(fc.constantFrom(...CAPACITY_UNITS), { nil: null }),
    }),
    { maxLength: 3 },
  ),
});
/** Capacity online reported in an entry: which of the project's capacities (modulo their count), and the level. */
const reportArb = fc.record({ capacity: fc.nat(), online: fc.integer({ min: 0, max: 10 ** 9 }), fraction: fc.constantFrom("", ".5", ".0625") });
const entryArb = fc.record({
  // Half the entries fall in two months, so one capacity is often reported twice in a month.
  project: fc.nat(), month: fc.oneof(fc.integer({ min: 0, max: MONTHS.length - 1 }), fc.constantFrom(14, 15)), investment: fc.option(fen, { nil: null }), output: fc.option(fen, { nil: null }),
  correctsLast: fc.boolean(), reports: fc.array(reportArb, { maxLength: 2 }),
});

describe.each(TEST_TARGETS)("rollups against an independent computation on %s", (kind) => {
  let database: TestDatabase;
  let actorId: string;
  let run = 0;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [u] = await database.db.insert(users).values({ email: "prop@test.demo", name: "Property", passwordHash: "x" }).returning();
    actorId = u!.id;
  });
  afterAll(async () => database.drop());

  it("stage counts, investment totals, monthly sums, capacity per cluster and unit, YTD per park, capacity ramp", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(projectArb, { minLength: 1, maxLength: 12 }), fc.array(entryArb, { maxLength: 25 }), async (projectSpecs, entrySpecs) => {
        const db = database.db;
        run++;
        const parkIds: string[] = [];
        for (let i = 0; i < 3; i++) {
          const [p] = await db.insert(parks).values({ slug: `prop-${run}-${i}`, name: `园区${run}-${i}`, province: "测试省", city: "测试市" }).returning();
          parkIds.push(p!.id);
        }
        const created = [];
        for (const [i, spec] of projectSpecs.entries()) {
          const [row] = await db
            .insert(projects)
            .values({ parkId: parkIds[spec.park]!, code: `P${i}`, name: `项目${i}`, company: "企业", cluster: spec.cluster, stage: spec.stage, plannedInvestment: yuan(spec.planned), contractedInvestment: yuan(spec.contracted) })
            .returning();
          const capacityIds: string[] = [];
          for (const c of spec.capacities) {
            const [cap] = await db.insert(capacities).values({ parkId: row!.parkId, projectId: row!.id, product: "产品", unit: c.unit, period: c.period, designed: String(c.designed), online: String(c.online) }).returning();
            capacityIds.push(cap!.id);
          }
          // Each capacity's online now: its opening value, then the last level any entry reported (corrections do not undo it).
          created.push({ ...spec, capacities: spec.capacities.map((c) => ({ ...c, nowOnline: String(c.online) })), id: row!.id, parkId: row!.parkId, completed: 0n, capacityIds });
        }
        for (const p of created) {
          if (!p.moveTo) continue;
          await db.update(projects).set({ stage: p.moveTo.stage, cluster: p.moveTo.cluster }).where(eq(projects.id, p.id));
          p.stage = p.moveTo.stage;
          p.cluster = p.moveTo.cluster;
        }

        // The model: which entries stand (not superseded), kept here independently of the database.
        const standing: { id: string; parkId: string; projectIdx: number; month: string; investment: bigint; output: bigint; online: Record<string, string> }[] = [];
        for (const e of entrySpecs) {
          const idx = e.project % created.length;
          const project = created[idx]!;
          // A month takes one entry per project: another entry for a month already logged corrects it.
          const sameMonth = standing.find((s) => s.projectIdx === idx && s.month === MONTHS[e.month]);
          const previous = sameMonth ?? (e.correctsLast ? standing.filter((s) => s.projectIdx === idx).at(-1) : undefined);
          const online: Record<string, string> = {};
          for (const r of project.capacityIds.length ? e.reports : []) online[project.capacityIds[r.capacity % project.capacityIds.length]!] = `${r.online}${r.fraction}`;
          const outcome = await logProgress(
            db,
            { parkId: project.parkId, actorId },
            {
              projectId: project.id, period: MONTHS[e.month]!, narrative: "进展", narrativeEn: null,
              investmentCompleted: e.investment === null ? null : yuan(e.investment), outputValue: e.output === null ? null : yuan(e.output),
              sourceUrl: null, sourceRef: null, supersedesId: previous?.id, reached: {}, online, problemDescription: null, problemOwner: null, problemDueDate: null,
            },
            TODAY,
          );
          if (!outcome.ok) throw new Error(JSON.stringify(outcome));
          for (const [capacityId, value] of Object.entries(online)) project.capacities[project.capacityIds.indexOf(capacityId)]!.nowOnline = value;
          if (previous) standing.splice(standing.indexOf(previous), 1);
          standing.push({ id: outcome.value.id, parkId: project.parkId, projectIdx: idx, month: MONTHS[e.month]!, investment: e.investment ?? 0n, output: e.output ?? 0n, online });
        }
        for (const p of created) {
          if (p.clusterLater) {
            await db.update(projects).set({ cluster: p.clusterLater }).where(eq(projects.id, p.id));
            p.cluster = p.clusterLater;
          }
          for (const [i, c] of p.capacities.entries()) {
            if (!c.unitLater) continue;
            await db.update(capacities).set({ unit: c.unitLater }).where(eq(capacities.id, p.capacityIds[i]!));
            c.unit = c.unitLater;
          }
        }

        for (const scope of [[parkIds[0]!], parkIds]) {
          const inScope = created.filter((p) => scope.includes(p.parkId));
          const rollup = (await getRollup(db, { parkIds: scope, today: TODAY, months: 36 }))!;
          for (const stage of PROJECT_STAGES) expect(rollup.stages[stage]).toBe(inScope.filter((p) => p.stage === stage).length);
          expect(rollup.totals.projects).toBe(inScope.length);
          expect(exactFen(rollup.totals.planned)).toBe(inScope.reduce((s, p) => s + p.planned, 0n));
          expect(exactFen(rollup.totals.contracted)).toBe(inScope.reduce((s, p) => s + p.contracted, 0n));
          const entriesInScope = standing.filter((s) => scope.includes(s.parkId));
          expect(exactFen(rollup.totals.completed)).toBe(entriesInScope.reduce((s, e) => s + e.investment, 0n));

          const expectedMonthly = new Map<string, { investment: bigint; output: bigint }>();
          for (const e of entriesInScope) {
            const m = expectedMonthly.get(e.month) ?? { investment: 0n, output: 0n };
            expectedMonthly.set(e.month, { investment: m.investment + e.investment, output: m.output + e.output });
          }
          // Months whose entries were all corrected away may remain as zero rows: compare non-zero months.
          const actual = new Map(rollup.monthly.filter((m) => exactFen(m.investment) !== 0n || exactFen(m.output) !== 0n).map((m) => [m.period, { investment: exactFen(m.investment), output: exactFen(m.output) }]));
          const expected = new Map([...expectedMonthly].filter(([, v]) => v.investment !== 0n || v.output !== 0n));
          expect(actual).toEqual(expected);

          const expectedCapacity = new Map<string, { designed: bigint; online: bigint }>();
          for (const p of inScope) {
            for (const c of p.capacities) {
              const key = `${p.cluster}|${c.unit}|${c.period}`;
              const v = expectedCapacity.get(key) ?? { designed: 0n, online: 0n };
              expectedCapacity.set(key, { designed: v.designed + scaled4(String(c.designed)), online: v.online + scaled4(c.nowOnline) });
            }
          }
          const actualCapacity = new Map(rollup.capacityByCluster.map((c) => [`${c.cluster}|${c.unit}|${c.period}`, { designed: scaled4(c.designed), online: scaled4(c.online) }]));
          expect(actualCapacity).toEqual(expectedCapacity);
        }

        const compared = await compareParks(db, { parkIds, today: TODAY });
        for (const row of compared) {
          const ytd = standing.filter((s) => s.parkId === row.parkId && s.month >= "2026-01-01").reduce((s, e) => s + e.investment, 0n);
          const lastYtd = standing.filter((s) => s.parkId === row.parkId && s.month >= "2025-01-01" && s.month <= "2025-12-01").reduce((s, e) => s + e.investment, 0n);
          expect(exactFen(row.ytd)).toBe(ytd);
          expect(exactFen(row.lastYtd)).toBe(lastYtd);
        }

        // The capacity ramp (park_capacity_ramp, kept by triggers) against the levels replayed from the
        // reports of the entries that stand, in the order they were logged. Groups that never leave
        // zero are left out on both sides (the dashboard does not draw them).
        for (const parkId of parkIds) {
          const reports: CapacityReportRow[] = [];
          const inMonthOrder = standing.filter((e) => e.parkId === parkId).map((e, order) => ({ e, order })).sort((a, b) => a.e.month.localeCompare(b.e.month) || a.order - b.order);
          for (const { e } of inMonthOrder) {
            const project = created[e.projectIdx]!;
            for (const [capacityId, value] of Object.entries(e.online)) {
              const spec = project.capacities[project.capacityIds.indexOf(capacityId)]!;
              reports.push({ capacityId, cluster: project.cluster, unit: spec.unit, period: spec.period, month: e.month, online: value });
            }
          }
          const nonZero = (entries: [string, string[]][]) => new Map(entries.filter(([, values]) => values.some((v) => Number(v) !== 0)));
          const expected = nonZero([...capacityRampFromReports(reports, MONTHS)]);
          const ramp = await loadCapacityRamp(db, { parkId, periods: MONTHS });
          expect(nonZero(ramp.map((s) => [s.key, s.values]))).toEqual(expected);
        }
      }),
      { numRuns: kind === "pglite" ? 12 : 20, seed: 20261121 },
    );
  }, 240_000);
});

