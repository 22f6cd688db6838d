import "server-only";
import { hostname } from "node:os";
import type PgBoss from "pg-boss";
import { getDatabase } from "@/db/instance";
import type { Db } from "@/db/types";
import { deliverDue } from "./deliver";
import { PLANNERS, runPlanner } from "./jobs";

const DELIVER = "notify-deliver";

interface WorkerState {
  boss: PgBoss | null;
  startedAt: Date | null;
  lastRunAt: Date | null;
  lastError: string | null;
}

// One worker per process, on globalThis like the database (dev hot reload re-evaluates modules).
const holder = globalThis as typeof globalThis & { __parklineWorker?: WorkerState };
const state = (holder.__parklineWorker ??= { boss: null, startedAt: null, lastRunAt: null, lastError: null });

/** What /api/health reports of the worker: running or not, when it last ran, its last error (logged, not shown publicly). */
export function workerHealth() {
  return { running: Boolean(state.boss), startedAt: state.startedAt?.toISOString() ?? null, lastRunAt: state.lastRunAt?.toISOString() ?? null, lastError: state.lastError };
}

/**
 * pg-boss over the embedded database: its SQL goes through the one PGlite instance (a single
 * connection, queries run one at a time), so no socket and no second instance on the directory.
 */
function pgliteAdapter(db: Db): PgBoss.Db {
  const client = (db as unknown as { $client: { query: (t: string, v?: unknown[]) => Promise<{ rows: unknown[] }>; exec: (t: string) => Promise<{ rows: unknown[] }[]> } }).$client;
  return {
    executeSql: async (text, values) => (values?.length ? client.query(text, values) : ((await client.exec(text)).at(-1) ?? { rows: [] })),
  };
}

/**
 * Starts the job worker in this server process (instrumentation.ts, node runtime only): pg-boss keeps
 * the schedules and runs each job on one instance at a time; deliveries run every minute and right after
 * a planner. PARKLINE_WORKER=0 leaves it off (e.g. web-only instances; another instance works the jobs).
 */
export async function startWorker(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (state.boss || env.PARKLINE_WORKER === "0") return;
  const opened = await getDatabase();
  state.boss = await createWorker({ db: opened.db, kind: opened.kind, connectionString: env.DATABASE_URL, workerId: `${hostname()}:${process.pid}` });
  state.startedAt = new Date();
  console.log(`Parkline worker: started (${opened.kind === "postgres" ? "PostgreSQL" : "embedded PGlite"}, pg-boss)`);
}

/** A pg-boss worker on a database (the server's, or a test's): its schedules, queues and handlers. */
export async function createWorker({ db, kind, connectionString, workerId, deliverCron = "* * * * *" }: { db: Db; kind: "postgres" | "pglite" | "pglite-memory"; connectionString?: string; workerId: string; deliverCron?: string }): Promise<PgBoss> {
  const { default: PgBossClass } = await import("pg-boss");
  const boss = new PgBossClass(
    kind === "postgres"
      ? { connectionString: connectionString!, max: 2, application_name: "parkline-worker" }
      : { db: pgliteAdapter(db), supervise: true },
  );
  boss.on("error", (error: Error) => {
    state.lastError = error.message;
    console.error(`Parkline worker: ${error.message}`);
  });
  await boss.start();
  const deliver = async () => {
    const run = await deliverDue(db, { workerId });
    state.lastRunAt = new Date();
    if (run.sent + run.retried + run.dead) console.log(`Parkline worker: sent ${run.sent}, to retry ${run.retried}, dead ${run.dead}`);
  };
  await boss.createQueue(DELIVER, { name: DELIVER, policy: "singleton" });
  await boss.schedule(DELIVER, deliverCron);
  await boss.work(DELIVER, async () => deliver());
  for (const [name, { cron }] of Object.entries(PLANNERS)) {
    // Retried with backoff by pg-boss if the database hiccups; the planners are idempotent.
    await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 30, retryBackoff: true });
    await boss.schedule(name, cron, undefined, { tz: "Asia/Shanghai", retryLimit: 5, retryDelay: 30, retryBackoff: true });
    await boss.work(name, async () => {
      await runPlanner(db, name);
      await deliver();
    });
  }
  return boss;
}

export function recordWorkerStartFailure(error: unknown): void {
  state.lastError = error instanceof Error ? error.message : String(error);
  console.error(`Parkline worker: not started: ${state.lastError}`);
}
