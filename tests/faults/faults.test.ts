// Faults (issue 6, item 5): a throwaway PostgreSQL cluster is stopped (`pg_ctl stop -m immediate`) in
// the middle of a burst of progress writes through the app's own data layer (db/open.ts, a postgres.js
// pool), then started again. Afterwards every acknowledged write is in the database, every write that
// errored left nothing behind (no partial effects in the rollups, totals, audit trail or problems), the
// same pool serves new writes without being recreated, and /api/health said 503 while the server was
// down and 200 once it was back.
//
// Runs wherever PostgreSQL's server binaries are installed (/usr/lib/postgresql/<v>/bin/initdb, as on
// Debian/Ubuntu and in CI); skipped elsewhere unless TEST_DATABASE_URL is set. As root, the cluster runs as the `postgres` user (initdb
// refuses root). It does not use TEST_DATABASE_URL: it needs a server of its own to stop.
import { execFile, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as healthGet } from "@/app/api/health/route";
import { applyMigrations } from "@/db/migrate";
import { openDatabase, type OpenDatabase } from "@/db/open";
import { getUserByEmail } from "@/db/queries/accounts";
import type { WriteOutcome } from "@/db/queries/outcomes";
import { logProgress, type ProgressEntryInput } from "@/db/queries/progress-writes";
import { projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { useDatabase } from "../support/action-harness";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const run = promisify(execFile);

const TOTAL_WRITES = 300;
const CONCURRENCY = 10;
/** The server is stopped once this many writes have been acknowledged. */
const STOP_AFTER_ACKS = 100;
/** How long the server stays down while the writers keep firing. */
const DOWN_MS = 1500;
/** A writer waits this long after an error before its next write, so the down window does not eat the burst. */
const PAUSE_AFTER_ERROR_MS = 200;
/**
 * No write or health check may take longer than this to succeed or fail. A refused connection fails at
 * once; a write queued while the pool reconnects waits for postgres.js's reconnect backoff (up to 20 s
 * by default, grown by every failed connect of the outage) and then for connect_timeout (10 s, see
 * db/open.ts). Beyond that sum, a write is hung.
 */
const DEADLINE_MS = 31_000;
/** Writes after the restart, through the same pool, `CONCURRENCY` at a time. */
const RECOVERY_WRITES = 60;
/** A write on a healthy pool takes milliseconds; one this slow waited for a connection that never came. */
const SLOW_MS = 5_000;

// ---------- the throwaway cluster ----------

/** The newest /usr/lib/postgresql/<v>/bin holding initdb and pg_ctl, or null. */
function findPgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")) && existsSync(join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

const IS_ROOT = process.getuid?.() === 0;

/** uid and gid of the postgres user (as root the cluster must run as it), or null. */
function postgresUser(): { uid: number; gid: number } | null {
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

const PG_BIN = findPgBin();
const PG_USER = IS_ROOT ? postgresUser() : null;
const CAN_RUN = PG_BIN !== null && (!IS_ROOT || PG_USER !== null);

/** A free TCP port on loopback, from 55432 up. */
async function freePort(from = 55432): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}–${from + 99}`);
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

class Cluster {
  readonly data: string;
  readonly log: string;
  readonly url: string;

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.data = join(dir, "data");
    this.log = join(dir, "server.log");
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  /** Runs a PostgreSQL binary as the cluster's owner (the postgres user when we are root). */
  async exec(binary: string, args: string[], timeoutMs = 60_000): Promise<string> {
    const path = join(PG_BIN!, binary);
    const [file, argv] = IS_ROOT
      ? ["su", ["postgres", "-s", "/bin/sh", "-c", [path, ...args].map(shellQuote).join(" ")]]
      : [path, args];
    try {
      const { stdout } = await run(file, argv as string[], { timeout: timeoutMs, encoding: "utf8" });
      return stdout;
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${binary} ${args.join(" ")} failed: ${e.stderr || e.message}\n${this.logTail()}`, { cause: error });
    }
  }

  logTail(): string {
    try {
      return readFileSync(this.log, "utf8").split("\n").slice(-15).join("\n");
    } catch {
      return "(no server log)";
    }
  }

  static async create(): Promise<Cluster> {
    const dir = mkdtempSync(join(tmpdir(), "parkline-fault-"));
    if (PG_USER) chownSync(dir, PG_USER.uid, PG_USER.gid);
    const cluster = new Cluster(dir, await freePort());
    try {
      await cluster.exec("initdb", ["-D", cluster.data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
      await cluster.start();
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
    return cluster;
  }

  start(): Promise<string> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=40`;
    return this.exec("pg_ctl", ["-D", this.data, "-o", options, "-l", this.log, "-w", "-t", "60", "start"]);
  }

  /** An immediate shutdown: backends are killed mid-transaction, recovery runs at the next start. */
  stopImmediately(): Promise<string> {
    return this.exec("pg_ctl", ["-D", this.data, "-m", "immediate", "-w", "-t", "60", "stop"]);
  }

  async destroy(): Promise<void> {
    if (existsSync(join(this.data, "postmaster.pid"))) await this.stopImmediately().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ---------- helpers ----------

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const HUNG = Symbol("hung");
/** The promise's value, or HUNG when it has not settled within `ms` (it is left running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof HUNG> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<typeof HUNG>((resolve) => (timer = setTimeout(() => resolve(HUNG), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** postgres.js returns rows as an array. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** The message of an error and of its causes, e.g. Drizzle's "Failed query" wrapping postgres.js's. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const err = e as { code?: unknown; message?: unknown };
    parts.push(`${typeof err.code === "string" ? `${err.code}: ` : ""}${String(err.message ?? e).split("\n")[0]}`);
  }
  return parts.join(" ← ");
}

/**
 * The connection went away while the write was in flight: its COMMIT may have reached the server
 * (and been made durable) without the answer reaching us. Only such errors can hide a committed write.
 */
function isConnectionLoss(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "CONNECTION_CLOSED" || code === "CONNECTION_ENDED" || code === "CONNECTION_DESTROYED" || code === "ECONNRESET" || code === "EPIPE" || code === "57P01" || code === "57P02" || code === "57P03") return true;
  }
  return false;
}

async function healthCheck(): Promise<{ status: number | "hung"; ms: number }> {
  const t0 = Date.now();
  const answer = await within(healthGet(new Request("http://localhost/api/health")), DEADLINE_MS);
  return { status: answer === HUNG ? "hung" : answer.status, ms: Date.now() - t0 };
}

interface Attempt {
  i: number;
  marker: string;
  phase: "before stop" | "stopping" | "down" | "restarting" | "after restart";
  result: "acknowledged" | "refused" | "errored" | "hung";
  id?: string;
  error?: string;
  connectionLoss?: boolean;
  ms: number;
}

// ---------- the test ----------

// Where the tests are asked to use PostgreSQL (TEST_DATABASE_URL, as in CI), the server binaries must
// be there too: the test then runs and fails on a missing one rather than being skipped.
describe.skipIf(!CAN_RUN && !process.env.TEST_DATABASE_URL)("faults: PostgreSQL stops in the middle of a burst of writes", () => {
  let cluster: Cluster | null = null;
  let opened: OpenDatabase | null = null;

  beforeAll(async () => {
    expect(PG_BIN, "PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql").not.toBeNull();
    expect(!IS_ROOT || PG_USER !== null, "as root, a postgres user to run the cluster as").toBe(true);
    cluster = await Cluster.create();
    opened = await openDatabase({ kind: "postgres", url: cluster.url });
    await applyMigrations(opened.db);
    await seedDemoData(opened.db);
    useDatabase(opened.db);
  }, 120_000);

  afterAll(async () => {
    await opened?.close().catch(() => {});
    await cluster?.destroy();
  }, 60_000);

  it("keeps every acknowledged write, leaves nothing of the others, and recovers on the same pool", async () => {
    const db: Db = opened!.db;
    const runId = Date.now().toString(36);
    const editor = await getUserByEmail(db, { email: "editor@ningxiang.demo" });
    expect(editor).toBeTruthy();
    const targets = await db.select({ id: projects.id, parkId: projects.parkId, completed: projects.completedInvestment }).from(projects).orderBy(projects.code);
    expect(targets.length).toBeGreaterThan(3);
    const opening = new Map(targets.map((p) => [p.id, p.completed]));
    const [auditBefore] = rowsOf<{ entries: number; projects: number }>(
      await db.execute(
        sql`select count(*) filter (where entity = 'progress_entry')::int as entries, count(*) filter (where entity = 'project')::int as projects from audit_events`,
      ),
    );

    const inputFor = (i: number): { actor: { parkId: string; actorId: string }; input: ProgressEntryInput } => {
      // Spread over every project of every park, so the writers do not queue on one project's row lock.
      const target = targets[i % targets.length]!;
      return {
        actor: { parkId: target.parkId, actorId: editor!.id },
        input: {
          projectId: target.id,
          // A month takes one entry per project: each write its own (project, month), in a year no seed fills.
          period: `${2011 + Math.floor(Math.floor(i / targets.length) / 12)}-${String((Math.floor(i / targets.length) % 12) + 1).padStart(2, "0")}-01`,
          narrative: `fault-burst ${runId} #${i}`,
          narrativeEn: null,
          investmentCompleted: `${1000 + i}.37`,
          outputValue: i % 3 === 0 ? null : `${200 + i}.5`,
          sourceUrl: null,
          sourceRef: null,
          reached: {},
          online: {},
          problemDescription: i % 4 === 0 ? `fault-burst ${runId} problem #${i}` : null,
          problemOwner: i % 4 === 0 ? "fault test" : null,
          problemDueDate: null,
        },
      };
    };

    // --- the burst, with the server stopped and started again in the middle ---
    let phase: Attempt["phase"] = "before stop";
    let next = 0;
    let acknowledged = 0;
    const attempts: Attempt[] = [];
    const health: { down?: { status: number | "hung"; ms: number }; up?: { status: number | "hung"; ms: number } } = {};
    let serverStoppedAt = 0;
    let controller: Promise<void> | null = null;

    const bounce = async () => {
      phase = "stopping";
      await cluster!.stopImmediately();
      serverStoppedAt = Date.now();
      phase = "down";
      health.down = await healthCheck();
      await sleep(Math.max(0, DOWN_MS - (Date.now() - serverStoppedAt)));
      phase = "restarting";
      await cluster!.start();
      phase = "after restart";
    };

    const writer = async () => {
      while (next < TOTAL_WRITES) {
        const i = next++;
        const { actor, input } = inputFor(i);
        const firedIn = phase;
        const t0 = Date.now();
        let attempt: Attempt;
        try {
          const outcome = await within<WriteOutcome>(logProgress(db, actor, input), DEADLINE_MS);
          if (outcome === HUNG) attempt = { i, marker: input.narrative, phase: firedIn, result: "hung", ms: Date.now() - t0 };
          else if (outcome.ok) attempt = { i, marker: input.narrative, phase: firedIn, result: "acknowledged", id: outcome.value.id, ms: Date.now() - t0 };
          else attempt = { i, marker: input.narrative, phase: firedIn, result: "refused", error: JSON.stringify(outcome), ms: Date.now() - t0 };
        } catch (error) {
          attempt = { i, marker: input.narrative, phase: firedIn, result: "errored", error: describeError(error), connectionLoss: isConnectionLoss(error), ms: Date.now() - t0 };
        }
        attempts.push(attempt);
        if (attempt.result === "acknowledged" && ++acknowledged === STOP_AFTER_ACKS) controller = bounce();
        if (attempt.result !== "acknowledged") await sleep(PAUSE_AFTER_ERROR_MS);
      }
    };
    // The driver may throw from a timer callback, where no caller can catch it (Vitest reports these too).
    // postgres.js 3.4.9 does, and leaves the connection unable to reconnect (CONNECT_TIMEOUT on every later
    // use): porsager/postgres#1154 and #1208 — `nextWrite` on a closed socket, and `closed()`/`terminate()`
    // clearing the write timer without resetting it.
    const uncaught: string[] = [];
    const onUncaught = (error: unknown) => uncaught.push(describeError(error));
    process.on("uncaughtException", onUncaught);
    const recovered: { outcome: WriteOutcome | typeof HUNG | Error; ms: number; projectId: string; investment: string }[] = [];
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, writer));
      expect(controller, "the burst ended before the server was stopped").not.toBeNull();
      await controller;
      health.up = await healthCheck();

      // --- the same pool serves new writes (not recreated, no restart of anything) ---
      // A second burst, as concurrent as the first, so that every connection of the pool is used again:
      // one left broken by the outage would show here as an error or a slow write.
      let nextRecovery = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (nextRecovery < RECOVERY_WRITES) {
            const k = nextRecovery++;
            const { actor, input } = inputFor(TOTAL_WRITES + k);
            const t0 = Date.now();
            const outcome = await within(
              logProgress(db, actor, { ...input, narrative: `fault-recovery ${runId} #${k}`, problemDescription: null, problemOwner: null }),
              DEADLINE_MS,
            ).catch((error: unknown) => new Error(describeError(error)));
            recovered.push({ outcome, ms: Date.now() - t0, projectId: input.projectId, investment: input.investmentCompleted! });
          }
        }),
      );
    } finally {
      process.off("uncaughtException", onUncaught);
    }
    const [{ started }] = rowsOf<{ started: string }>(await db.execute(sql`select pg_postmaster_start_time()::text as started`)) as [{ started: string }];

    // --- what the database holds now ---
    const stored = rowsOf<{ id: string; narrative: string; project_id: string; investment: string | null }>(
      await db.execute(
        sql`select id, narrative, project_id, investment_completed::text as investment from progress_entries where narrative like ${`fault-burst ${runId} #%`}`,
      ),
    );
    const storedByMarker = new Map(stored.map((r) => [r.narrative, r]));
    const storedIds = new Set(stored.map((r) => r.id));

    const acked = attempts.filter((a) => a.result === "acknowledged");
    const errored = attempts.filter((a) => a.result === "errored");
    const hung = attempts.filter((a) => a.result === "hung");
    const refused = attempts.filter((a) => a.result === "refused");
    const lost = acked.filter((a) => !storedIds.has(a.id!) || storedByMarker.get(a.marker)?.id !== a.id);
    const erroredButStored = errored.filter((a) => storedByMarker.has(a.marker));
    // A write whose connection dropped during COMMIT may be durable although we never heard back: it is
    // "in doubt", not a lie. Any other errored write that is stored is a write the app said had failed.
    const inDoubt = erroredButStored.filter((a) => a.connectionLoss);
    const falseFailures = erroredButStored.filter((a) => !a.connectionLoss);

    // No partial effects: everything that follows from an entry is there exactly for the stored ones.
    const partial: string[] = [];
    const monthly = rowsOf<{ park_id: string; period: string; kept: string | null; expected: string | null }>(
      await db.execute(sql`
        with expected as (
          select e.park_id, e.period, coalesce(sum(e.investment_completed), 0) as investment, coalesce(sum(e.output_value), 0) as output, count(*)::int as entries
          from progress_entries e
          where not exists (select 1 from progress_entries s where s.supersedes_id = e.id)
          group by e.park_id, e.period
        )
        select coalesce(k.park_id, x.park_id) as park_id, coalesce(k.period, x.period)::text as period,
               (k.investment_completed, k.output_value, k.entry_count)::text as kept, (x.investment, x.output, x.entries)::text as expected
        from park_monthly_stats k
        full join expected x on x.park_id = k.park_id and x.period = k.period
        where k.park_id is null or x.park_id is null
           or k.investment_completed <> x.investment or k.output_value <> x.output or k.entry_count <> x.entries`),
    );
    for (const m of monthly) partial.push(`park_monthly_stats ${m.park_id} ${m.period}: kept ${m.kept}, entries say ${m.expected}`);

    const burstInvestment = new Map<string, number>();
    for (const r of stored) burstInvestment.set(r.project_id, (burstInvestment.get(r.project_id) ?? 0) + Math.round(Number(r.investment ?? 0) * 100));
    const recoveryInvestment = new Map<string, number>();
    for (const r of recovered) {
      if (r.outcome !== HUNG && !(r.outcome instanceof Error) && r.outcome.ok) {
        recoveryInvestment.set(r.projectId, (recoveryInvestment.get(r.projectId) ?? 0) + Math.round(Number(r.investment) * 100));
      }
    }
    for (const p of await db.select({ id: projects.id, completed: projects.completedInvestment }).from(projects)) {
      const expected = Math.round(Number(opening.get(p.id)) * 100) + (burstInvestment.get(p.id) ?? 0) + (recoveryInvestment.get(p.id) ?? 0);
      if (Math.round(Number(p.completed) * 100) !== expected) {
        partial.push(`projects.completed_investment of ${p.id}: ${p.completed}, opening ${opening.get(p.id)} + the stored entries make ${(expected / 100).toFixed(2)}`);
      }
    }

    const recoveredOk = recovered.filter((r) => r.outcome !== HUNG && !(r.outcome instanceof Error) && r.outcome.ok).length;
    const recoveryFailures = recovered.filter((r) => r.outcome === HUNG || r.outcome instanceof Error || !r.outcome.ok);
    const slowestRecoveryMs = Math.max(0, ...recovered.map((r) => r.ms));
    const [auditAfter] = rowsOf<{ entries: number; projects: number }>(
      await db.execute(
        sql`select count(*) filter (where entity = 'progress_entry')::int as entries, count(*) filter (where entity = 'project')::int as projects from audit_events`,
      ),
    );
    const auditedBurst = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from audit_events a join progress_entries e on e.id = a.entity_id where a.entity = 'progress_entry' and e.narrative like ${`fault-burst ${runId} #%`}`,
      ),
    )[0]!.n;
    if (auditedBurst !== stored.length) partial.push(`audit: ${auditedBurst} progress_entry events for ${stored.length} stored burst entries`);
    // Every write here moves the project's total, so each stored entry has exactly one project audit event.
    const newEntryEvents = auditAfter!.entries - auditBefore!.entries;
    const newProjectEvents = auditAfter!.projects - auditBefore!.projects;
    if (newEntryEvents !== stored.length + recoveredOk) partial.push(`audit: ${newEntryEvents} new progress_entry events, ${stored.length + recoveredOk} entries stored`);
    if (newProjectEvents !== stored.length + recoveredOk) partial.push(`audit: ${newProjectEvents} new project events, ${stored.length + recoveredOk} entries stored`);

    const problemRows = rowsOf<{ description: string; entry_narrative: string | null }>(
      await db.execute(sql`
        select p.description, e.narrative as entry_narrative
        from problems p left join progress_entries e on e.id = p.raised_in_entry_id
        where p.description like ${`fault-burst ${runId} problem #%`}`),
    );
    const expectedProblems = stored.filter((r) => Number(r.narrative.split("#")[1]) % 4 === 0).length;
    if (problemRows.length !== expectedProblems) partial.push(`problems: ${problemRows.length} stored, ${expectedProblems} expected from the stored entries`);
    for (const p of problemRows) {
      if (p.entry_narrative?.split("#")[1] !== p.description.split("#")[1]) partial.push(`problem "${p.description}" is not tied to its entry (${p.entry_narrative})`);
    }

    // --- the figures ---
    const byPhase = new Map<string, Record<string, number>>();
    for (const a of attempts) {
      const row = byPhase.get(a.phase) ?? {};
      row[a.result] = (row[a.result] ?? 0) + 1;
      byPhase.set(a.phase, row);
    }
    const worstErrorMs = Math.max(0, ...errored.map((a) => a.ms));
    const slowestAckMs = Math.max(0, ...acked.map((a) => a.ms));
    const kinds = new Map<string, number>();
    for (const a of errored) kinds.set(a.error!.split(" ← ").at(-1)!.slice(0, 90), (kinds.get(a.error!.split(" ← ").at(-1)!.slice(0, 90)) ?? 0) + 1);
    console.log(
      [
        `fault cluster: PostgreSQL on 127.0.0.1:${cluster!.port} (${PG_BIN}), restarted at ${started}`,
        ...[...byPhase].map(([p, r]) => `  fired while ${p.padEnd(14)} ${Object.entries(r).map(([k, v]) => `${v} ${k}`).join(", ")}`),
        `  slowest acknowledged write ${slowestAckMs} ms; errors (slowest ${worstErrorMs} ms): ${[...kinds].map(([k, v]) => `${v}× ${k}`).join("; ")}`,
        `  /api/health: ${health.down?.status} while down (${health.down?.ms} ms), ${health.up?.status} after the restart (${health.up?.ms} ms); ${recoveredOk}/${recovered.length} new writes on the same pool after the restart (${CONCURRENCY} at a time, slowest ${slowestRecoveryMs} ms)`,
        ...recoveryFailures.slice(0, 5).map((r) => `  after the restart: ${r.outcome === HUNG ? "hung" : r.outcome instanceof Error ? r.outcome.message : JSON.stringify(r.outcome)}`),
        uncaught.length ? `  ${uncaught.length} uncaught exception(s) in the driver: ${[...new Set(uncaught)].join("; ")}` : null,
        inDoubt.length ? `  ${inDoubt.length} errored write(s) were committed: the connection dropped after COMMIT reached the server (in doubt, complete)` : null,
        ...partial.slice(0, 10).map((p) => `  partial: ${p}`),
        ...hung.slice(0, 10).map((a) => `  hung: ${a.marker} (fired while ${a.phase})${storedByMarker.has(a.marker) ? ", stored" : ", not stored"}`),
        `faults: ${acked.length} acknowledged, ${errored.length} errored, ${lost.length} lost, ${partial.length} partial`,
      ]
        .filter(Boolean)
        .join("\n"),
    );

    expect(attempts).toHaveLength(TOTAL_WRITES);
    expect(uncaught, "exceptions thrown outside any caller (the process would have to survive them)").toEqual([]);
    expect(hung.map((a) => a.marker), "writes that neither succeeded nor failed within the deadline").toEqual([]);
    expect(refused.map((a) => a.error), "writes refused for a reason other than the outage").toEqual([]);
    expect(errored.length, "no write failed: the server was not stopped in the middle of the burst").toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThanOrEqual(STOP_AFTER_ACKS);
    expect(worstErrorMs, "an errored write waited too long").toBeLessThan(DEADLINE_MS);
    expect(lost.map((a) => a.marker), "acknowledged writes missing from the database").toEqual([]);
    expect(falseFailures.map((a) => `${a.marker}: ${a.error}`), "writes reported as failed that are stored").toEqual([]);
    expect(stored.length).toBe(acked.length + inDoubt.length);
    expect(partial, "partial effects").toEqual([]);
    expect({ down: health.down?.status, up: health.up?.status }).toEqual({ down: 503, up: 200 });
    expect(recoveryFailures.length, "writes on the same pool after the restart that failed or hung").toBe(0);
    expect(recoveredOk).toBe(RECOVERY_WRITES);
    expect(slowestRecoveryMs, "a write after the restart waited on a broken connection").toBeLessThan(SLOW_MS);
    expect(new Date(started).getTime(), "the pool is talking to the restarted server").toBeGreaterThanOrEqual(serverStoppedAt - 1000);
  }, 240_000);
});
