// `npm run bench:consistency`: do the rollups stay right under concurrent writes?
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:consistency
// Creates the database parkline_bench_consistency on DATABASE_URL's server (dropped at the end unless
// BENCH_KEEP=1), loads the demo data, then 20 workers log 500 progress entries at once through the real
// write path (logProgress), a quarter of them corrections — including corrections in another month and
// races to correct the same entry — some also reporting capacity online or reaching a milestone —
// then 20 pairs of simultaneous corrections that swap months within one park.
// Afterwards every park_monthly_stats row is compared with a recomputation from the raw entries, every
// project's completed investment with its opening value plus the entries nobody superseded, the
// project and capacity summaries with sums over their rows, the capacity ramp with levels replayed
// from the raw reports, and each park's data version with the writes committed in it. Prints
// `mismatches: 0`, or the list and exits 1.
// `-- --check-only` runs only the summary checks on the database a BENCH_KEEP=1 run left behind.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { applyMigrations } from "../db/migrate";
import { openDatabase } from "../db/open";
import { logProgress, type ProgressEntryInput } from "../db/queries/progress-writes";
import { seedDemoData } from "../db/seed/seed";
import type { Db } from "../db/types";

const DB_NAME = "parkline_bench_consistency";
const WORKERS = 20;
const ENTRIES = 500;
const CORRECTION_SHARE = 0.25;

/** Seeded per task, so runs are alike (which entries exist when a correction is drawn depends on timing). */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yuan with fen as integer fen, computed here independently of the code under test. */
function fen(value: string | null): bigint {
  if (!value) return 0n;
  const negative = value.startsWith("-");
  const [int = "0", frac = ""] = value.replace(/^-/, "").split(".");
  const abs = BigInt(int) * 100n + BigInt((frac + "00").slice(0, 2));
  return negative ? -abs : abs;
}

const yuan = (f: bigint) => `${f < 0n ? "-" : ""}${(f < 0n ? -f : f) / 100n}.${String((f < 0n ? -f : f) % 100n).padStart(2, "0")}`;

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

function monthsAgo(n: number): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
}

interface EntryRef {
  id: string;
  projectId: string;
  parkId: string;
  period: string;
}

async function projectLedger(db: Db) {
  const rows = rowsOf<{ id: string; completed: string; entries: string }>(
    await db.execute(sql`
      select p.id, p.completed_investment::text as completed,
        coalesce((select sum(e.investment_completed) from progress_entries e
                  where e.project_id = p.id and not exists (select 1 from progress_entries s where s.supersedes_id = e.id)), 0)::text as entries
      from projects p`),
  );
  return new Map(rows.map((r) => [r.id, { completed: fen(r.completed), entries: fen(r.entries) }]));
}

/** park_monthly_stats against the same aggregation rebuildMonthlyStats runs, row by row. */
async function statsMismatches(db: Db): Promise<string[]> {
  // A month whose entries were all corrected into another month keeps a stats row of zeros: that
  // equals "no row" in the recomputation, so both sides default to zero.
  const rows = rowsOf<{ park_id: string; period: string; stored_inv: string; fresh_inv: string; stored_out: string; fresh_out: string; stored_n: number; fresh_n: number }>(
    await db.execute(sql`
      with fresh as (
        select e.park_id, e.period, coalesce(sum(e.investment_completed), 0) as inv, coalesce(sum(e.output_value), 0) as outv, count(*)::int as n
        from progress_entries e
        where not exists (select 1 from progress_entries s where s.supersedes_id = e.id)
        group by e.park_id, e.period
      )
      select coalesce(f.park_id, s.park_id) as park_id, coalesce(f.period, s.period)::text as period,
        coalesce(s.investment_completed, 0)::text as stored_inv, coalesce(f.inv, 0)::text as fresh_inv,
        coalesce(s.output_value, 0)::text as stored_out, coalesce(f.outv, 0)::text as fresh_out,
        coalesce(s.entry_count, 0) as stored_n, coalesce(f.n, 0) as fresh_n
      from fresh f full join park_monthly_stats s on s.park_id = f.park_id and s.period = f.period
      where coalesce(s.investment_completed, 0) <> coalesce(f.inv, 0)
         or coalesce(s.output_value, 0) <> coalesce(f.outv, 0)
         or coalesce(s.entry_count, 0) <> coalesce(f.n, 0)
      order by 1, 2`),
  );
  return rows.map(
    (r) =>
      `park_monthly_stats ${r.park_id} ${r.period}: stored investment ${r.stored_inv} / output ${r.stored_out} / ${r.stored_n} entries, ` +
      `recomputed ${r.fresh_inv} / ${r.fresh_out} / ${r.fresh_n}`,
  );
}

interface BurstInput {
  actors: Map<string, string>;
  projects: { id: string; parkId: string }[];
  seedEntries: EntryRef[];
  capacities: { id: string; projectId: string }[];
  /** Milestones not reached yet: reaching one can move the project's stage. */
  milestones: { id: string; projectId: string }[];
}

/**
 * The project and capacity summaries (park_project_stats, park_capacity_stats, kept by triggers since
 * migration 0005) against sums over the rows they summarise; skipped on a schema without them.
 */
async function summaryMismatches(db: Db): Promise<string[]> {
  const [{ present }] = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('park_project_stats') is not null and to_regclass('park_capacity_stats') is not null as present`),
  ) as [{ present: boolean }];
  if (!present) return [];
  const projectRows = rowsOf<{ park_id: string; stage: string; cluster: string; stored: string; fresh: string }>(
    await db.execute(sql`
      with fresh as (
        select park_id, stage, cluster, coalesce(cluster_en, '') as cluster_en, count(*)::int as n, sum(planned_investment) as planned,
          sum(contracted_investment) as contracted, sum(in_place_investment) as in_place, sum(completed_investment) as completed
        from projects group by park_id, stage, cluster, coalesce(cluster_en, '')
      )
      select coalesce(f.park_id, s.park_id) as park_id, coalesce(f.stage, s.stage)::text as stage, coalesce(f.cluster, s.cluster) as cluster,
        concat_ws(' / ', coalesce(s.projects, 0), coalesce(s.planned, 0), coalesce(s.contracted, 0), coalesce(s.in_place, 0), coalesce(s.completed, 0)) as stored,
        concat_ws(' / ', coalesce(f.n, 0), coalesce(f.planned, 0), coalesce(f.contracted, 0), coalesce(f.in_place, 0), coalesce(f.completed, 0)) as fresh
      from fresh f full join park_project_stats s on s.park_id = f.park_id and s.stage = f.stage and s.cluster = f.cluster and s.cluster_en = f.cluster_en
      where coalesce(s.projects, 0) <> coalesce(f.n, 0) or coalesce(s.planned, 0) <> coalesce(f.planned, 0)
         or coalesce(s.contracted, 0) <> coalesce(f.contracted, 0) or coalesce(s.in_place, 0) <> coalesce(f.in_place, 0)
         or coalesce(s.completed, 0) <> coalesce(f.completed, 0)`),
  );
  const capacityRows = rowsOf<{ park_id: string; cluster: string; unit: string; period: string; stored: string; fresh: string }>(
    await db.execute(sql`
      with fresh as (
        select c.park_id, p.cluster, c.unit, c.period, count(*)::int as n, sum(c.designed) as designed, sum(c.online) as online
        from capacities c join projects p on p.id = c.project_id group by c.park_id, p.cluster, c.unit, c.period
      )
      select coalesce(f.park_id, s.park_id) as park_id, coalesce(f.cluster, s.cluster) as cluster, coalesce(f.unit, s.unit)::text as unit,
        coalesce(f.period, s.period)::text as period,
        concat_ws(' / ', coalesce(s.rows, 0), coalesce(s.designed, 0), coalesce(s.online, 0)) as stored,
        concat_ws(' / ', coalesce(f.n, 0), coalesce(f.designed, 0), coalesce(f.online, 0)) as fresh
      from fresh f full join park_capacity_stats s on s.park_id = f.park_id and s.cluster = f.cluster and s.unit = f.unit and s.period = f.period
      where coalesce(s.rows, 0) <> coalesce(f.n, 0) or coalesce(s.designed, 0) <> coalesce(f.designed, 0) or coalesce(s.online, 0) <> coalesce(f.online, 0)`),
  );
  return [
    ...projectRows.map((r) => `park_project_stats ${r.park_id} ${r.stage} ${r.cluster}: stored ${r.stored}, recomputed ${r.fresh}`),
    ...capacityRows.map((r) => `park_capacity_stats ${r.park_id} ${r.cluster} ${r.unit}/${r.period}: stored ${r.stored}, recomputed ${r.fresh}`),
  ];
}

/**
 * The capacity ramp (park_capacity_ramp, kept by triggers since migration 0008) against levels
 * recomputed from the raw reports another way: for every month that has a report, each capacity's
 * latest standing report up to that month, summed per park, cluster, unit and period, compared with
 * the running sum of the stored monthly changes. Skipped on a schema without it.
 */
async function rampMismatches(db: Db): Promise<string[]> {
  const [{ present }] = rowsOf<{ present: boolean }>(await db.execute(sql`select to_regclass('park_capacity_ramp') is not null as present`)) as [{ present: boolean }];
  if (!present) return [];
  const rows = rowsOf<{ park_id: string; cluster: string; unit: string; period: string; month: string; stored: string; fresh: string }>(
    await db.execute(sql`
      with standing as (
        select pc.capacity_id, pc.online, e.period, e.created_at, e.id
        from progress_capacities pc join progress_entries e on e.id = pc.entry_id
        where not exists (select 1 from progress_entries s where s.supersedes_id = e.id)
      ),
      months as (select distinct period as month from standing union select distinct month from park_capacity_ramp),
      fresh as (
        select c.park_id, p.cluster, c.unit, c.period, m.month, sum(coalesce((
          select s.online from standing s where s.capacity_id = c.id and s.period <= m.month
          order by s.period desc, s.created_at desc, s.id desc limit 1), 0)) as level
        from capacities c join projects p on p.id = c.project_id cross join months m
        where exists (select 1 from standing s where s.capacity_id = c.id)
        group by c.park_id, p.cluster, c.unit, c.period, m.month
      ),
      stored as (
        select g.park_id, g.cluster, g.unit, g.period, m.month,
          (select coalesce(sum(r.online_delta), 0) from park_capacity_ramp r
           where r.park_id = g.park_id and r.cluster = g.cluster and r.unit = g.unit and r.period = g.period and r.month <= m.month) as level
        from (select distinct park_id, cluster, unit, period from park_capacity_ramp) g cross join months m
      )
      select coalesce(f.park_id, s.park_id) as park_id, coalesce(f.cluster, s.cluster) as cluster, coalesce(f.unit, s.unit)::text as unit,
        coalesce(f.period, s.period)::text as period, coalesce(f.month, s.month)::text as month,
        coalesce(s.level, 0)::text as stored, coalesce(f.level, 0)::text as fresh
      from fresh f full join stored s on s.park_id = f.park_id and s.cluster = f.cluster and s.unit = f.unit and s.period = f.period and s.month = f.month
      where coalesce(s.level, 0) <> coalesce(f.level, 0)
      order by 1, 2, 3, 4, 5`),
  );
  return rows.map((r) => `park_capacity_ramp ${r.park_id} ${r.cluster} ${r.unit}/${r.period} at ${r.month}: stored level ${r.stored}, recomputed ${r.fresh}`);
}

/** Each park's data version (park_data_versions, moved at commit by triggers), 0 when it has none. */
async function dataVersions(db: Db): Promise<Map<string, number>> {
  const [{ present }] = rowsOf<{ present: boolean }>(await db.execute(sql`select to_regclass('park_data_versions') is not null as present`)) as [{ present: boolean }];
  if (!present) return new Map();
  const rows = rowsOf<{ parkId: string; version: number }>(
    await db.execute(sql`select p.id as "parkId", coalesce(v.version, 0)::int as version from parks p left join park_data_versions v on v.park_id = p.id`),
  );
  return new Map(rows.map((r) => [r.parkId, r.version]));
}

async function burst(db: Db, { actors, projects, seedEntries, capacities, milestones }: BurstInput) {
  const entries = [...seedEntries];
  const tally = { ok: 0, corrections: 0, movedMonth: 0, okByPark: new Map<string, number>(), refused: new Map<string, number>(), failed: new Map<string, number>() };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let next = 0;

  async function worker() {
    while (next < ENTRIES) {
      const k = next++;
      const random = prng(20261122 + k);
      const amount = () => (random() < 0.1 ? null : yuan(BigInt(Math.floor(random() * 5_000_000_000))));
      let input: ProgressEntryInput;
      let target: { projectId: string; parkId: string };
      const base = { narrativeEn: null, sourceUrl: null, sourceRef: `consistency-${k}`, reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null };
      // Some entries also report capacity online or reach a milestone: the project and capacity
      // summaries move with them.
      const extras = (projectId: string) => {
        const caps = capacities.filter((c) => c.projectId === projectId);
        const open = milestones.filter((m) => m.projectId === projectId);
        return {
          online: caps.length > 0 && random() < 0.2 ? { [caps[Math.floor(random() * caps.length)]!.id]: String(Math.floor(random() * 1_000_000)) } : {},
          reached: open.length > 0 && random() < 0.1 ? { [open[Math.floor(random() * open.length)]!.id]: monthsAgo(0) } : {},
        };
      };
      if (random() < CORRECTION_SHARE && entries.length > 0) {
        // Sometimes an entry someone else is correcting right now, or one already corrected: those must be refused.
        const old = entries[Math.floor(random() * entries.length)]!;
        target = old;
        const period = random() < 0.3 ? monthsAgo(Math.floor(random() * 18)) : old.period;
        input = { ...base, ...extras(old.projectId), projectId: old.projectId, period, narrative: `更正 ${k}`, investmentCompleted: amount(), outputValue: amount(), supersedesId: old.id };
      } else {
        const project = projects[Math.floor(random() * projects.length)]!;
        target = { projectId: project.id, parkId: project.parkId };
        input = { ...base, ...extras(project.id), projectId: project.id, period: monthsAgo(Math.floor(random() * 18)), narrative: `并发写入 ${k}`, investmentCompleted: amount(), outputValue: amount() };
      }
      try {
        const outcome = await logProgress(db, { parkId: target.parkId, actorId: actors.get(target.parkId)! }, input);
        if (outcome.ok) {
          tally.ok++;
          bump(tally.okByPark, target.parkId);
          if (input.supersedesId) tally.corrections++;
          if (input.supersedesId && input.period !== entries.find((e) => e.id === input.supersedesId)?.period) tally.movedMonth++;
          entries.push({ id: outcome.value.id, projectId: target.projectId, parkId: target.parkId, period: input.period });
        } else bump(tally.refused, outcome.reason === "invalid" ? outcome.messageKey : outcome.reason);
      } catch (error) {
        // A failed transaction rolls back: it must leave the sums as they were, which the checks below verify.
        const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? "unknown";
        bump(tally.failed, `${code} ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message.split("\n")[0]) : ""}`);
      }
    }
  }

  await Promise.all(Array.from({ length: WORKERS }, worker));
  return tally;
}

/**
 * Two corrections in one park at once, each moving an entry into the month the other one leaves: each
 * transaction updates both months' stats rows, in opposite orders. Returns the writes made and how
 * many were refused by a deadlock (rolled back: the sums stay right, but the user sees an error).
 */
async function crossedCorrections(db: Db, actors: Map<string, string>, projects: { id: string; parkId: string }[], pairs: number) {
  const parkId = projects.find((p, i) => projects.findIndex((q) => q.parkId === p.parkId) !== i)?.parkId;
  if (!parkId) return { parkId: null, written: 0, deadlocks: 0 };
  const [a, b] = projects.filter((p) => p.parkId === parkId);
  const actor = { parkId, actorId: actors.get(parkId)! };
  const base = { narrativeEn: null, sourceUrl: null, sourceRef: "consistency-crossed", reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null, outputValue: null };
  const [jan, mar] = [monthsAgo(3), monthsAgo(1)];
  let written = 0;
  let deadlocks = 0;
  for (let i = 0; i < pairs; i++) {
    const ea = await logProgress(db, actor, { ...base, projectId: a!.id, period: jan, narrative: "交叉更正 A", investmentCompleted: "100.00" });
    const eb = await logProgress(db, actor, { ...base, projectId: b!.id, period: mar, narrative: "交叉更正 B", investmentCompleted: "100.00" });
    if (!ea.ok || !eb.ok) throw new Error("could not write the entries to correct");
    written += 2;
    const results = await Promise.allSettled([
      logProgress(db, actor, { ...base, projectId: a!.id, period: mar, narrative: "更正 A", investmentCompleted: "150.00", supersedesId: ea.value.id }),
      logProgress(db, actor, { ...base, projectId: b!.id, period: jan, narrative: "更正 B", investmentCompleted: "150.00", supersedesId: eb.value.id }),
    ]);
    for (const r of results) {
      if (r.status === "fulfilled" && r.value.ok) written++;
      else if (r.status === "rejected" && (r.reason as { cause?: { code?: string } }).cause?.code === "40P01") deadlocks++;
      else throw r.status === "rejected" ? r.reason : new Error(`correction refused: ${JSON.stringify(r.value)}`);
    }
  }
  return { parkId, written, deadlocks };
}

async function main() {
  const adminUrl = process.env.DATABASE_URL?.trim();
  if (!adminUrl) {
    console.error("npm run bench:consistency needs DATABASE_URL (a PostgreSQL server where it may create and drop parkline_bench_consistency).");
    process.exit(1);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  if (process.argv.includes("--check-only")) {
    // Only the summary checks, on the database a BENCH_KEEP=1 run left: to see that they catch a
    // row changed by hand.
    const { db, close } = await openDatabase({ kind: "postgres", url: url.toString() });
    const found = [...(await statsMismatches(db)), ...(await summaryMismatches(db)), ...(await rampMismatches(db))];
    await close();
    console.log(`mismatches: ${found.length}`);
    for (const m of found) console.log(`  ${m}`);
    process.exit(found.length > 0 ? 1 : 0);
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`); // left over by an interrupted run
  await admin.unsafe(`create database "${DB_NAME}"`);
  process.env.DATABASE_POOL_SIZE = String(WORKERS); // one connection per worker: real concurrency
  const { db, close } = await openDatabase({ kind: "postgres", url: url.toString() });
  let mismatches: string[] = [];
  try {
    await applyMigrations(db);
    await seedDemoData(db);

    const projects = rowsOf<{ id: string; parkId: string }>(await db.execute(sql`select id, park_id as "parkId" from projects order by code`));
    const seedEntries = rowsOf<EntryRef>(
      await db.execute(sql`select id, project_id as "projectId", park_id as "parkId", period::text as period from progress_entries`),
    );
    // The writer of each park: a member when there is one (the data layer does not check roles; the actions do).
    const actorRows = rowsOf<{ parkId: string; userId: string }>(
      await db.execute(sql`
        select p.id as "parkId", coalesce((select m.user_id from memberships m where m.park_id = p.id order by m.role limit 1),
                                          (select id from users order by email limit 1)) as "userId"
        from parks p`),
    );
    const actors = new Map(actorRows.map((r) => [r.parkId, r.userId]));
    const capacityRows = rowsOf<{ id: string; projectId: string }>(await db.execute(sql`select id, project_id as "projectId" from capacities`));
    const milestoneRows = rowsOf<{ id: string; projectId: string }>(
      await db.execute(sql`select id, project_id as "projectId" from milestones where actual_date is null`),
    );
    const before = await projectLedger(db);
    const versionsBefore = await dataVersions(db);
    const [{ n: entriesBefore }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from progress_entries`)) as [{ n: number }];

    console.log(`${projects.length} projects in ${actors.size} parks, ${seedEntries.length} seeded entries; ${WORKERS} workers write ${ENTRIES} entries…`);
    const t0 = performance.now();
    const tally = await burst(db, { actors, projects, seedEntries, capacities: capacityRows, milestones: milestoneRows });
    const seconds = (performance.now() - t0) / 1000;
    console.log(`  written: ${tally.ok} (${tally.corrections} corrections, ${tally.movedMonth} into another month) in ${seconds.toFixed(1)} s (${(ENTRIES / seconds).toFixed(0)} attempts/s)`);
    for (const [why, n] of tally.refused) console.log(`  refused (${why}): ${n}`);
    for (const [why, n] of tally.failed) console.log(`  failed, rolled back (${why}): ${n}`);
    const crossed = await crossedCorrections(db, actors, projects, 20);
    console.log(`  crossed corrections (20 pairs, one park, months swapped): ${crossed.deadlocks} of 40 deadlocked and were rolled back`);
    if (crossed.deadlocks > 0) {
      console.log("  WARNING: logProgress updates two months' stats rows in input order; apply the deltas in period order to avoid deadlocks.");
    }

    mismatches = [...(await statsMismatches(db)), ...(await summaryMismatches(db)), ...(await rampMismatches(db))];
    // Every committed write moves its park's data version exactly once (cached dashboards key on it).
    const versionsAfter = await dataVersions(db);
    for (const [parkId, version] of versionsAfter) {
      const writes = (tally.okByPark.get(parkId) ?? 0) + (crossed.parkId === parkId ? crossed.written : 0);
      const moved = version - (versionsBefore.get(parkId) ?? 0);
      if (versionsBefore.size > 0 && moved !== writes) mismatches.push(`park_data_versions ${parkId}: moved ${moved} times for ${writes} committed writes`);
    }
    const after = await projectLedger(db);
    for (const [id, now] of after) {
      const was = before.get(id)!;
      const opening = was.completed - was.entries;
      if (now.completed !== opening + now.entries) {
        mismatches.push(`project ${id}: completed_investment ${yuan(now.completed)}, expected opening ${yuan(opening)} + entries ${yuan(now.entries)} = ${yuan(opening + now.entries)}`);
      }
    }
    const [{ n: entriesAfter }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from progress_entries`)) as [{ n: number }];
    const succeeded = tally.ok + crossed.written;
    if (entriesAfter - entriesBefore !== succeeded) mismatches.push(`progress_entries grew by ${entriesAfter - entriesBefore}, but ${succeeded} writes succeeded`);
    const [{ n: doubled }] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from (select supersedes_id from progress_entries where supersedes_id is not null group by 1 having count(*) > 1) d`),
    ) as [{ n: number }];
    if (doubled > 0) mismatches.push(`${doubled} entries are corrected more than once`);

    console.log(`mismatches: ${mismatches.length}`);
    for (const m of mismatches) console.log(`  ${m}`);
  } finally {
    await close();
    if (process.env.BENCH_KEEP !== "1") await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
    await admin.end();
  }
  if (mismatches.length > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
