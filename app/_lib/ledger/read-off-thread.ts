import "server-only";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { LEDGER_LIMITS, type ReadOutcome } from "./read-file";

/**
 * Reads a ledger file in a worker thread (read-worker.ts) under a time and a memory budget. Parsing a
 * dense workbook is seconds of CPU (an 865 KB .xlsx holding 7.9 MB of XML took 4.6 s); on the request
 * thread that stalled every other request of the server meanwhile. Past either budget the worker is
 * stopped and the file refused with a message saying so; nothing of it is kept.
 */

export interface ReadBudget {
  /** Wall-clock time for the whole read, worker start included. */
  ms: number;
  /** The worker's V8 heap (old generation), in MB. */
  heapMb: number;
}

/** Read at each call, so an operator (or a test) can change them without a rebuild. */
export function ledgerReadBudget(env: NodeJS.ProcessEnv = process.env): ReadBudget {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { ms: positive(env.PARKLINE_LEDGER_READ_MS, 30_000), heapMb: positive(env.PARKLINE_LEDGER_READ_HEAP_MB, 512) };
}

export async function readLedgerFileOffThread(bytes: Uint8Array, fileName: string, budget: ReadBudget = ledgerReadBudget()): Promise<ReadOutcome> {
  const tooHeavy: ReadOutcome = { ok: false, messageKey: "ledger.file.tooHeavy", params: { seconds: Math.ceil(budget.ms / 1000), maxRows: LEDGER_LIMITS.maxRows } };
  const worker = takeWorker(budget.heapMb);
  return new Promise<ReadOutcome>((resolve, reject) => {
    let settled = false;
    // A worker that answered goes back to the idle pool; one stopped by a budget or a failure is ended.
    const settle = (keepWorker: boolean, finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (keepWorker) giveBack(worker, budget.heapMb);
      else void worker.terminate();
      finish();
    };
    const onMessage = (message: { outcome?: ReadOutcome; failed?: string }) =>
      settle(Boolean(message.outcome), () => (message.outcome ? resolve(message.outcome) : reject(new Error(`ledger read failed: ${message.failed}`))));
    const onError = (error: Error & { code?: string }) =>
      settle(false, () => (error.code === "ERR_WORKER_OUT_OF_MEMORY" ? resolve(tooHeavy) : reject(error)));
    const onExit = (code: number) => settle(false, () => reject(new Error(`ledger read worker exited with ${code} before answering`)));
    const timer = setTimeout(() => settle(false, () => resolve(tooHeavy)), budget.ms);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({ bytes, fileName });
  });
}

/**
 * Idle workers, by heap budget, kept for the next file: starting a thread and loading the parser takes
 * about a second (more unbundled, where tsx compiles the worker), reading a typical ledger milliseconds.
 * Each worker reads one file at a time; concurrent reads start more. Idle ones do not keep the process
 * alive and end after a minute without work. Only a cache of threads: nothing a second instance needs.
 */
const idleWorkers = new Map<number, Worker[]>();
const IDLE_WORKERS_KEPT = 2;
const IDLE_WORKER_MS = 60_000;
const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

function takeWorker(heapMb: number): Worker {
  const worker = idleWorkers.get(heapMb)?.pop();
  if (!worker) return startWorker(heapMb);
  clearTimeout(idleTimers.get(worker));
  worker.ref();
  return worker;
}

function giveBack(worker: Worker, heapMb: number) {
  const idle = idleWorkers.get(heapMb) ?? [];
  if (idle.length >= IDLE_WORKERS_KEPT) {
    void worker.terminate();
    return;
  }
  idle.push(worker);
  idleWorkers.set(heapMb, idle);
  worker.unref();
  idleTimers.set(worker, setTimeout(() => void worker.terminate(), IDLE_WORKER_MS).unref());
}

function startWorker(heapMb: number): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, heapMb / 4) } };
  // Under Next.js (built or dev) the bundler makes the worker its own chunk from this very expression.
  // Unbundled (Vitest, the benches on tsx) this module and the worker are TypeScript, loaded with tsx.
  const worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./read-worker.ts", import.meta.url), options)
    : new Worker(throughTsx(import.meta.url.replace(/read-off-thread\.ts$/, "read-worker.ts")), { ...options, execArgv: ["--conditions=react-server"] });
  // However it ends (idle timeout, crash), it leaves the pool.
  worker.once("exit", () => {
    const idle = idleWorkers.get(heapMb);
    if (idle?.includes(worker)) idle.splice(idle.indexOf(worker), 1);
  });
  return worker;
}

/** A worker entry that loads the TypeScript module `href` with tsx (the one the tests and benches run on). */
function throughTsx(href: string): URL {
  const tsx = pathToFileURL(join(process.cwd(), "node_modules/tsx/dist/esm/api/index.mjs")).href;
  const boot = `const { tsImport } = await import(${JSON.stringify(tsx)}); await tsImport(${JSON.stringify(href)}, ${JSON.stringify(href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}
