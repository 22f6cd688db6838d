// `npm run bench`: how fast the app serves its rollup pages on the dataset `npm run bench:data` loads.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/parkline_bench npm run bench
// 1. times the rollup queries in-process (median of 50 runs each);
// 2. builds with PARKLINE_BENCH_ROUTES=1, so the reference routes under app/bench and pages/api/bench exist
//    (unless BENCH_SKIP_BUILD=1, which needs .next from such a build), starts `next start` on port 3950 (BENCH_PORT), signs in as leader@bench.demo;
// 3. loads each page with autocannon, 10 connections, in interleaved rounds (static → nodb → nodb-page → pages → …),
//    then holds a steady 50 req/s on the park dashboard for its p99;
// 4. writes bench/results.json and bench/results.md.
// Knobs: BENCH_ROUNDS (3), BENCH_DURATION seconds per run (5), BENCH_ONLY=rollups to skip the HTTP part,
// BENCH_OUT=path/prefix to write the results elsewhere (e.g. a second dataset size), BENCH_PORT (3950).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { asc, eq, sql } from "drizzle-orm";
import { isoToday } from "@/lib/domain/milestones";
import { DEFAULT_REDACTION } from "@/lib/domain/share-schemas";
import { RENDER_HEADER } from "../app/_lib/page-cache/routing";
import { legacySharePagePath, sharePagePath } from "@/lib/share-path";
import { openDatabase } from "../db/open";
import { BENCH_ROUTES_FLAG } from "./route-files";
import { listCapacityRampChanges, listMilestoneTimeline } from "../db/queries/park-dashboard";
import { monthWindow } from "@/lib/domain/series";
import { MONTH_WINDOW } from "../app/_lib/dashboard/data";
import { compareParks, getRollup, listLateMilestones, listOpenProblems, listProjectHealthInputs } from "../db/queries/rollups";
import { createShareLink } from "../db/queries/share-links";
import { memberships, parks, projects } from "../db/schema";
import type { Db } from "../db/types";

const PORT = Number(process.env.BENCH_PORT ?? 3950);
const BASE = `http://127.0.0.1:${PORT}`;
const USER = { email: "leader@bench.demo", password: "parkline-demo" };
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = 10;
const STEADY_RATE = 50;
const STEADY_S = 10;
const QUERY_RUNS = 50;

interface Context {
  parkSlug: string;
  province: string;
  /** A status link to one of the park's projects, made for this run (issue 5: ≥ 0.4× the static file). */
  shareToken: string | null;
}

/**
 * What is measured, in the order of each round. A page that answers 404 is reported as missing and
 * skipped (pages still being built): add new pages here.
 */
const TARGETS: { key: string; label: string; path: (c: Context) => string; headers?: Record<string, string>; mayBeTooHeavy?: boolean }[] = [
  { key: "static", label: "static file (public/bench.txt)", path: () => "/bench.txt" },
  { key: "nodb", label: "dynamic route handler, no database (/bench/nodb)", path: () => "/bench/nodb" },
  // The root layout and one heading: the floor of any page this server renders.
  { key: "emptyPage", label: "dynamic page, one heading, no database (/bench/empty)", path: () => "/bench/empty" },
  // The dashboard's own view and chrome from figures in memory, no session: what the dashboard costs without its database.
  { key: "nodbPage", label: "dynamic page, dashboard view, no database (/bench/nodb-page)", path: () => "/bench/nodb-page" },
  { key: "health", label: "health check (one query, no session)", path: () => "/api/health" },
  // What a constant costs without proxy.ts: from an App Router route handler, and from a Pages API route
  // (the kind the status page is). The status page cannot be cheaper than the second.
  { key: "bare", label: "dynamic, route handler outside proxy.ts (/bench/bare)", path: () => "/bench/bare" },
  { key: "bareApi", label: "dynamic, Pages API route (/api/bench/bare)", path: () => "/api/bench/bare" },
  // Loaded as a browser loads it, so after its first load it comes from the page cache (app/_lib/page-cache).
  { key: "dashboard", label: "park dashboard (page cache)", path: (c) => `/parks/${c.parkSlug}` },
  // The same page rendered on every request, as on the first load after a write: the cache's own
  // rendering header sends it through proxy.ts to the App Router.
  { key: "dashboardRendered", label: "park dashboard, rendered every request (cache bypassed)", path: (c) => `/parks/${c.parkSlug}`, headers: { [RENDER_HEADER]: "1" } },
  { key: "region", label: "region view (one province)", path: (c) => `/regions?province=${encodeURIComponent(c.province)}` },
  { key: "projects", label: "project list (/projects)", path: () => "/projects" },
  // The link the app hands out (lib/share-path.ts), and the older form still served through a rewrite.
  { key: "share", label: "public status page (token checked every request)", path: (c) => sharePagePath(c.shareToken ?? "missing") },
  { key: "shareLegacy", label: "the same, older link form (rewritten)", path: (c) => legacySharePagePath(c.shareToken ?? "missing") },
  // For a viewer of every park the home page lists every project: timed alone if it is too heavy.
  { key: "home", label: "home (/)", path: () => "/", mayBeTooHeavy: true },
];
/** The steady-rate run uses the first of these that exists; then it runs on the rendered dashboard too. */
const STEADY_CANDIDATES = ["dashboard", "projects", "home"];

const TARGET_MS = { onePark: 3, allParks: 20 };
const TARGET_HTTP = { overStatic: 0.15, overNodb: 0.75, steadyP99Ms: 60 };

// autocannon ships no types; this is the part of its programmatic API used here.
interface CannonResult {
  requests: { average: number; total: number };
  /** Seconds the run lasted. */
  duration: number;
  latency: { p50: number; p99: number; max: number; average: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  overallRate?: number;
  timeout?: number;
}) => Promise<CannonResult>;
const autocannon = createRequire(join(process.cwd(), "package.json"))("autocannon") as Autocannon;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round2 = (n: number) => Math.round(n * 100) / 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** The commit checked out, read from .git without running git; null when there is none. */
function gitCommit(): string | null {
  const dotGit = join(process.cwd(), ".git");
  try {
    // In a worktree, .git is a file naming the real directory.
    const gitDir = statSync(dotGit).isDirectory() ? dotGit : readFileSync(dotGit, "utf8").replace(/^gitdir:\s*/, "").trim();
    return readRef(gitDir);
  } catch {
    return null;
  }
}

function readRef(gitDir: string): string | null {
  try {
    const head = readFileSync(join(gitDir, "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head;
    const ref = head.slice(5);
    const common = existsSync(join(gitDir, "commondir")) ? join(gitDir, readFileSync(join(gitDir, "commondir"), "utf8").trim()) : gitDir;
    for (const dir of [gitDir, common]) {
      if (existsSync(join(dir, ref))) return readFileSync(join(dir, ref), "utf8").trim();
    }
    const packed = readFileSync(join(common, "packed-refs"), "utf8").split("\n").find((line) => line.endsWith(` ${ref}`));
    return packed?.split(" ")[0] ?? null;
  } catch {
    return null;
  }
}

// ---------- rollup queries, in-process ----------

async function timeQuery(fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: round2(median(times)), p95Ms: round2(percentile(times, 0.95)), minMs: round2(Math.min(...times)) };
}

/**
 * Pages (8 KB buffers) the statements of one call read, from EXPLAIN (ANALYZE, BUFFERS) of each
 * statement the call sends: unlike time, it does not depend on what else runs on the machine, so it
 * shows how a query's cost grows with the data.
 */
async function pagesPerCall(url: string, run: (db: Db) => Promise<unknown>): Promise<number> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const schema = await import("../db/schema");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const sent: { query: string; params: unknown[] }[] = [];
    const db = drizzle({ client, schema, logger: { logQuery: (query, params) => sent.push({ query, params }) } }) as unknown as Db;
    await run(db);
    let pages = 0;
    for (const { query, params } of sent) {
      const [row] = await client.unsafe(`explain (analyze, buffers, format json) ${query}`, params as never[]);
      const plan = (Object.values(row!)[0] as { Plan: Record<string, number> }[])[0]!.Plan;
      pages += (plan["Shared Hit Blocks"] ?? 0) + (plan["Shared Read Blocks"] ?? 0);
    }
    return pages;
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function timeRollups(db: Db, url: string, parkRows: { id: string; province: string }[]) {
  const today = isoToday();
  const parkIds = parkRows.map((p) => p.id);
  const one = [parkIds[0]!];
  const province = parkRows.filter((p) => p.province === parkRows[0]!.province).map((p) => p.id);
  const window = monthWindow(today, MONTH_WINDOW);
  const cases: { name: string; targetMs: number | null; run: (d: Db) => Promise<unknown> }[] = [
    { name: "getRollup, 1 park", targetMs: TARGET_MS.onePark, run: (d) => getRollup(d, { parkIds: one, today }) },
    { name: `getRollup, ${parkIds.length} parks`, targetMs: TARGET_MS.allParks, run: (d) => getRollup(d, { parkIds, today }) },
    { name: `compareParks, ${parkIds.length} parks`, targetMs: TARGET_MS.allParks, run: (d) => compareParks(d, { parkIds, today }) },
    { name: "listLateMilestones, 1 park", targetMs: TARGET_MS.onePark, run: (d) => listLateMilestones(d, { parkIds: one, today }) },
    // No targets of their own: the rest of what the dashboard and the region view read.
    { name: `getRollup, 1 province (${province.length} parks)`, targetMs: null, run: (d) => getRollup(d, { parkIds: province, today }) },
    { name: "listOpenProblems, 1 park", targetMs: null, run: (d) => listOpenProblems(d, { parkIds: one }) },
    { name: "listProjectHealthInputs, 1 park", targetMs: null, run: (d) => listProjectHealthInputs(d, { parkId: one[0]! }) },
    { name: "listMilestoneTimeline, 1 park", targetMs: null, run: (d) => listMilestoneTimeline(d, { parkId: one[0]!, limit: 12 }) },
    // The capacity ramp from its summary (park_capacity_ramp): grows with clusters × months, not with reports.
    { name: "listCapacityRampChanges, 1 park", targetMs: TARGET_MS.onePark, run: (d) => listCapacityRampChanges(d, { parkId: one[0]!, from: window[0]!, to: window.at(-1)! }) },
  ];
  const results: { name: string; medianMs: number | null; p95Ms: number | null; minMs: number | null; pagesPerCall?: number; targetMs: number | null; ok: boolean | null; error?: string }[] = [];
  for (const c of cases) {
    try {
      const t = { ...(await timeQuery(() => c.run(db))), pagesPerCall: await pagesPerCall(url, c.run) };
      results.push({ name: c.name, ...t, targetMs: c.targetMs, ok: c.targetMs === null ? null : t.medianMs <= c.targetMs });
      console.log(`  ${c.name.padEnd(36)} median ${t.medianMs.toFixed(2).padStart(7)} ms   p95 ${t.p95Ms.toFixed(2).padStart(7)} ms   ${String(t.pagesPerCall).padStart(6)} pages`);
    } catch (error) {
      // A broken query is a finding, not a reason to skip the rest of the bench.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message.split("\n")[0]! : String(error);
      results.push({ name: c.name, medianMs: null, p95Ms: null, minMs: null, targetMs: c.targetMs, ok: c.targetMs === null ? null : false, error: cause });
      console.log(`  ${c.name.padEnd(36)} FAILED: ${cause}`);
    }
  }
  return results;
}

// ---------- the server ----------

/** The PID listening on a TCP port, or null (pitfall 10: stop the server by this PID, not by npx's). */
function pidOnPort(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const ss = spawn("ss", ["-ltnpH", `sport = :${port}`]);
    let out = "";
    ss.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    ss.on("error", () => resolve(null));
    ss.on("close", () => {
      const match = /pid=(\d+)/.exec(out);
      resolve(match ? Number(match[1]) : null);
    });
  });
}

function cmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/**
 * Who else uses this checkout's .next: a `next build`, or a `next start` (e.g. the e2e suite) that a
 * build would pull the files from under. `next dev` writes to .next/dev and is left alone.
 */
function otherNextUser(): string | null {
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)) {
    const cmd = cmdline(pid);
    // A build renames its process "next-build (vX)"; its launcher still reads "next build".
    if (/next(\.js)? build|^next-build/.test(cmd)) return `next build (pid ${pid})`;
    if (!cmd.startsWith("next-server")) continue;
    try {
      if (readlinkSync(`/proc/${pid}/cwd`) !== process.cwd()) continue;
      const ppid = /^\d+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, "utf8"))?.[1];
      if (ppid && /next(\.js)? start/.test(cmdline(ppid))) return `next start (pid ${pid})`;
    } catch {
      // the process ended meanwhile
    }
  }
  return null;
}

async function waitForQuietBuild() {
  for (let waited = 0; waited < 900; waited += 5) {
    const busy = otherNextUser();
    if (!busy) return;
    if (waited % 60 === 0) console.log(`Waiting: ${busy} uses .next…`);
    await sleep(5000);
  }
  throw new Error("Another next build or next start has used .next for 15 minutes; try again later");
}

/** A plain build has no reference routes: say so rather than measure 404s (BENCH_SKIP_BUILD on such a .next). */
async function expectBenchRoutes(): Promise<void> {
  const missing: string[] = [];
  for (const path of ["/bench/nodb", "/bench/bare", "/api/bench/bare", "/bench/empty", "/bench/nodb-page"]) {
    const res = await fetch(`${BASE}${path}`, { redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) missing.push(`${path} ${res.status}`);
  }
  if (missing.length) throw new Error(`No bench reference routes (${missing.join(", ")}): build with ${BENCH_ROUTES_FLAG}=1, or drop BENCH_SKIP_BUILD`);
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const busy = await pidOnPort(PORT);
  if (busy) throw new Error(`Port ${PORT} is already in use (pid ${busy}); stop that server first`);
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  child.stderr?.on("data", (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) return { child, output: () => log };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`The server did not answer /api/health within 60 s:\n${log}`);
}

async function stopServer(child: ChildProcess | null) {
  const pid = await pidOnPort(PORT);
  for (const p of new Set([pid, child?.pid].filter((x): x is number => typeof x === "number"))) {
    try {
      process.kill(p, "SIGTERM");
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 40 && (await pidOnPort(PORT)); i++) await sleep(250);
  const left = await pidOnPort(PORT);
  if (left) process.kill(left, "SIGKILL");
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in like the browser does with next-auth's credentials endpoint; returns the Cookie header. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrf);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ ...USER, csrfToken, callbackUrl: `${BASE}/` }),
  });
  const session = cookiesOf(res).filter((c) => c.startsWith("authjs.session-token"));
  if (session.length === 0) {
    throw new Error(`Sign-in as ${USER.email} failed (status ${res.status}, location ${res.headers.get("location")}); load the data with npm run bench:data`);
  }
  return session.join("; ");
}

// ---------- HTTP ----------

interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time the server process spent per completed request (user + system, from /proc). */
  cpuMs: number | null;
  non2xx: number;
  errors: number;
}

/** The server's process, whose CPU time is read around each run; set once it listens. */
let serverPid: number | null = null;

/**
 * CPU milliseconds the server process has used so far, or null off Linux. Unlike throughput, CPU per
 * request hardly moves when other jobs compete for the cores: it is what a page costs to serve.
 */
function serverCpuMs(): number | null {
  if (serverPid === null) return null;
  try {
    const fields = readFileSync(`/proc/${serverPid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

/**
 * Requests a run abandons keep the server busy after it ends: wait until the no-database page answers
 * fast again, so the next page in the round is not measured against the previous one's backlog.
 */
async function drain() {
  const deadline = Date.now() + 60_000;
  for (let fast = 0; fast < 3 && Date.now() < deadline; ) {
    const t0 = performance.now();
    await fetch(`${BASE}/bench/nodb`).then((r) => r.arrayBuffer());
    fast = performance.now() - t0 < 50 ? fast + 1 : 0;
    if (fast === 0) await sleep(200);
  }
}

async function load(url: string, headers: Record<string, string>, duration: number): Promise<RunFigures> {
  const cpu0 = serverCpuMs();
  const r = await autocannon({ url, connections: CONNECTIONS, duration, headers, timeout: 30 });
  const cpu1 = serverCpuMs();
  await drain();
  const cpuMs = cpu0 !== null && cpu1 !== null && r.requests.total > 0 ? round2((cpu1 - cpu0) / r.requests.total) : null;
  // Completed requests over the run's length: the per-second average rounds slow pages to whole numbers.
  return { rps: round2(r.requests.total / r.duration), p50: r.latency.p50, p99: r.latency.p99, cpuMs, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

/** Pages heavier than this (when marked mayBeTooHeavy) are timed one request at a time: under 10 connections they would starve the rest. */
const HEAVY = { bytes: 2_000_000, ms: 2000 };

interface PageFigures {
  label: string;
  path: string;
  status: string;
  bytes?: number;
  rounds: RunFigures[];
  median?: { rps: number; p50: number; p99: number; cpuMs: number | null };
  /** Median time to the last byte of 3 requests in a row, nothing else running: the service time. */
  singleMs?: number;
  /** x-parkline-cache of the page's last load before the runs (hit: served from the page cache). */
  cache?: string | null;
  headers: Record<string, string>;
}

async function timedGet(url: string, headers: Record<string, string>) {
  const t0 = performance.now();
  const res = await fetch(url, { headers, redirect: "manual" });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { res, bytes, ms: performance.now() - t0 };
}

async function measureHttp(ctx: Context, cookie: string, notes: string[], serverLog: () => string) {
  const pages: Record<string, PageFigures> = {};
  for (const t of TARGETS) {
    const path = t.path(ctx);
    const headers = { cookie, ...t.headers };
    const { res, bytes, ms } = await timedGet(`${BASE}${path}`, headers);
    let cache: string | null = null;
    const alone = async () => {
      const times = [];
      for (let i = 0; i < 3; i++) {
        const timed = await timedGet(`${BASE}${path}`, headers);
        times.push(timed.ms);
        cache = timed.res.headers.get("x-parkline-cache");
      }
      return round2(median(times));
    };
    if (res.status === 200 && t.mayBeTooHeavy && (bytes > HEAVY.bytes || ms > HEAVY.ms)) {
      const singleMs = await alone();
      pages[t.key] = { label: t.label, path, status: "too heavy to load-test", bytes, rounds: [], singleMs, headers };
      notes.push(`${path} returns ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(singleMs)} ms a request (alone): timed one request at a time, not under load.`);
    } else if (res.status === 200) {
      const singleMs = await alone();
      pages[t.key] = { label: t.label, path, status: "measured", bytes, rounds: [], singleMs, cache, headers };
    } else if (res.status === 404) {
      pages[t.key] = { label: t.label, path, status: "missing (404)", rounds: [], headers };
      notes.push(`${path} answered 404: not measured (the page does not exist yet).`);
    } else if (res.status >= 300 && res.status < 400) {
      throw new Error(`${path} redirected to ${res.headers.get("location") ?? "?"}: the session was not accepted`);
    } else {
      // A page that fails is a finding: report it, measure the rest.
      pages[t.key] = { label: t.label, path, status: `failed (${res.status})`, rounds: [], headers };
      const log = serverLog().split("\n").filter((l) => /error|⨯/i.test(l)).slice(-3).join(" | ");
      notes.push(`${path} answered ${res.status}: not measured. Server log: ${log || "(nothing logged)"}`);
    }
  }
  const measured = TARGETS.filter((t) => pages[t.key]!.status === "measured");
  console.log(`Warm-up (2 s each): ${measured.map((t) => t.key).join(", ")}`);
  for (const t of measured) await load(`${BASE}${pages[t.key]!.path}`, pages[t.key]!.headers, 2);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of measured) {
      const page = pages[t.key]!;
      const figures = await load(`${BASE}${page.path}`, page.headers, DURATION_S);
      page.rounds.push(figures);
      console.log(`  round ${round}  ${t.key.padEnd(10)} ${figures.rps.toFixed(1).padStart(8)} req/s   p50 ${String(figures.p50).padStart(5)} ms   p99 ${String(figures.p99).padStart(5)} ms${figures.non2xx || figures.errors ? `   non-2xx ${figures.non2xx}, errors ${figures.errors}` : ""}`);
    }
  }
  for (const t of measured) {
    const page = pages[t.key]!;
    const cpu = page.rounds.map((r) => r.cpuMs).filter((v): v is number => v !== null);
    page.median = {
      rps: round2(median(page.rounds.map((r) => r.rps))),
      p50: median(page.rounds.map((r) => r.p50)),
      p99: median(page.rounds.map((r) => r.p99)),
      cpuMs: cpu.length ? round2(median(cpu)) : null,
    };
    if (page.rounds.some((r) => r.non2xx || r.errors)) notes.push(`${page.path} had non-2xx answers or errors in some rounds: see results.json.`);
    if (page.rounds.some((r) => r.rps === 0)) notes.push(`${page.path} completed no request in some rounds: the server was stuck (see results.json).`);
  }

  const steadyKey = STEADY_CANDIDATES.find((k) => pages[k]?.status === "measured");
  const steadyRun = async (key: string) => {
    const page = pages[key]!;
    const r = await autocannon({ url: `${BASE}${page.path}`, connections: CONNECTIONS, duration: STEADY_S, overallRate: STEADY_RATE, headers: page.headers, timeout: 30 });
    await drain();
    const run = { page: key, path: page.path, rate: STEADY_RATE, durationS: STEADY_S, achievedRps: round2(r.requests.total / r.duration), p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, non2xx: r.non2xx, errors: r.errors + r.timeouts };
    console.log(`  steady ${STEADY_RATE} req/s on ${key} (${run.path}): p50 ${run.p50} ms, p99 ${run.p99} ms, max ${run.max} ms`);
    return run;
  };
  let steady = null;
  if (steadyKey) {
    if (steadyKey !== "dashboard") {
      notes.push(`The steady ${STEADY_RATE} req/s run used ${pages[steadyKey]!.path}: the park dashboard was ${pages.dashboard?.status ?? "not measured"}.`);
    }
    steady = await steadyRun(steadyKey);
  }
  // The same rate on the dashboard rendered every time: what readers would see if every load followed a write.
  const steadyRendered = pages.dashboardRendered?.status === "measured" ? await steadyRun("dashboardRendered") : null;
  return { pages, steady, steadyRendered };
}

// ---------- report ----------

type Results = Awaited<ReturnType<typeof collect>>;

function markdown(r: Results): string {
  const lines = [
    `# Parkline bench — ${r.generatedAt}`,
    "",
    `Commit ${r.commit ?? "unknown"} · ${r.machine.cpus}× ${r.machine.cpuModel} · ${r.machine.memoryGb} GB · Node ${r.machine.node} · PostgreSQL ${r.machine.postgres}`,
    `Load average (1 min) at the start and the end of the run: ${r.machine.loadAverage.start} → ${r.machine.loadAverage.end} (on ${r.machine.cpus} cores: above ${r.machine.cpus}, other jobs were competing for the CPU)`,
    `Dataset: ${Object.entries(r.dataset).map(([k, v]) => `${k} ${Number(v).toLocaleString("en")}`).join(", ")}`,
    "",
    "## Rollup queries (in-process, median of 50; pages: 8 KB buffers one call reads, from EXPLAIN (ANALYZE, BUFFERS))",
    "",
    "| query | median ms | p95 ms | min ms | pages per call | target ms | ok |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...r.rollups.map((q) =>
      q.error
        ? `| ${q.name} | failed: ${q.error} | | | | ${q.targetMs ?? "–"} | **no** |`
        : `| ${q.name} | ${q.medianMs?.toFixed(2)} | ${q.p95Ms?.toFixed(2)} | ${q.minMs?.toFixed(2)} | ${q.pagesPerCall ?? "–"} | ${q.targetMs ?? "–"} | ${q.ok === null ? "–" : q.ok ? "yes" : "**no**"} |`,
    ),
  ];
  if (r.http) {
    lines.push(
      "",
      `## Pages (autocannon, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s, medians)`,
      "",
      "| page | path | req/s | p50 ms | p99 ms | server CPU ms/req | alone ms | bytes |",
      "|---|---|---:|---:|---:|---:|---:|---:|",
      ...Object.values(r.http.pages).map((p) =>
        p.median
          ? `| ${p.label} | \`${p.path}\` | ${p.median.rps.toFixed(1)} | ${p.median.p50} | ${p.median.p99} | ${p.median.cpuMs ?? "–"} | ${p.singleMs} | ${p.bytes?.toLocaleString("en")} |`
          : p.singleMs !== undefined
            ? `| ${p.label} | \`${p.path}\` | ${p.status} | | | | ${p.singleMs} | ${p.bytes?.toLocaleString("en")} |`
            : `| ${p.label} | \`${p.path}\` | ${p.status} | | | | | |`,
      ),
      "",
      "alone: median time to the last byte of 3 requests in a row with nothing else running. server CPU: the Next.js",
      "process only (PostgreSQL's share is not in it); it moves far less than req/s when other jobs share the cores.",
    );
    for (const s of [r.http.steady, r.http.steadyRendered]) {
      if (!s) continue;
      const page = r.http.pages[s.page]!;
      lines.push("", `Steady ${s.rate} req/s for ${s.durationS} s on the ${page.label} (\`${s.path}\`): achieved ${s.achievedRps} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms.`);
    }
  }
  const ratioRows = Object.entries(r.ratios);
  if (ratioRows.length) {
    lines.push(
      "",
      "Throughput against the references measured in the same rounds:",
      "",
      "| page | × static file | × no-database route handler | × no-database page | × no-database page, by server CPU per request |",
      "|---|---:|---:|---:|---:|",
      ...ratioRows.map(([key, v]) => `| ${key} | ${v.overStatic ?? "–"} | ${v.overNodb ?? "–"} | ${v.overNodbPage ?? "–"} | ${v.overNodbPageByCpu ?? "–"} |`),
    );
  }
  lines.push("", "## Checks", "", "| check | value | target | ok |", "|---|---:|---:|---|", ...r.checks.map((c) => `| ${c.name} | ${c.value ?? "–"} | ${c.target} | ${c.ok === null ? "not measured" : c.ok ? "yes" : "**no**"} |`));
  if (r.notes.length) lines.push("", "## Notes", "", ...r.notes.map((n) => `- ${n}`));
  return `${lines.join("\n")}\n`;
}

/** A project status link in the first park, made by one of its members, for the share page target. */
async function makeShareLink(db: Db, parkId: string): Promise<string | null> {
  const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.parkId, parkId)).limit(1);
  const [member] = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.parkId, parkId)).limit(1);
  if (!project || !member) return null;
  const outcome = await createShareLink(db, { parkId, actorId: member.userId }, {
    label: "bench", scope: "project", projectId: project.id, redaction: DEFAULT_REDACTION, expiresAt: null, snapshotAt: null,
  });
  return outcome.ok ? outcome.value.token : null;
}

async function collect(url: string) {
  const loadAtStart = round2(os.loadavg()[0]!);
  const notes: string[] = [];
  const { db, close } = await openDatabase({ kind: "postgres", url });
  let parkRows: { id: string; slug: string; province: string }[];
  let dataset: Record<string, number>;
  let postgresVersion: string;
  let rollups: Awaited<ReturnType<typeof timeRollups>>;
  let shareToken: string | null = null;
  try {
    parkRows = await db.select({ id: parks.id, slug: parks.slug, province: parks.province }).from(parks).orderBy(asc(parks.slug));
    if (parkRows.length === 0) throw new Error("The database holds no parks; load the data first: npm run bench:data");
    const counts = ["parks", "projects", "capacities", "milestones", "progress_entries", "progress_capacities", "problems", "park_monthly_stats", "park_capacity_ramp"];
    [dataset] = rowsOf<Record<string, number>>(await db.execute(sql.raw(`select ${counts.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(", ")}`))) as [Record<string, number>];
    [{ v: postgresVersion }] = rowsOf<{ v: string }>(await db.execute(sql`select current_setting('server_version') as v`)) as [{ v: string }];
    console.log(`Rollup queries on ${dataset.progress_entries!.toLocaleString("en")} entries, ${parkRows.length} parks (median of ${QUERY_RUNS}):`);
    rollups = await timeRollups(db, url, parkRows);
    shareToken = await makeShareLink(db, parkRows[0]!.id);
  } finally {
    await close();
  }

  let http: Awaited<ReturnType<typeof measureHttp>> | null = null;
  if (process.env.BENCH_ONLY !== "rollups") {
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(33).toString("base64"),
      AUTH_TRUST_HOST: "true",
      DATABASE_URL: url,
      // The reference routes are in this build only (bench/route-files.ts).
      [BENCH_ROUTES_FLAG]: "1",
    };
    if (process.env.BENCH_SKIP_BUILD !== "1") {
      for (let attempt = 1; ; attempt++) {
        await waitForQuietBuild();
        try {
          await runToEnd("node_modules/.bin/next", ["build"], env);
          break;
        } catch (error) {
          // Someone else's build may start between the check and ours: wait for it and try again.
          if (attempt >= 3 || !otherNextUser()) throw error;
        }
      }
    }
    let child: ChildProcess | null = null;
    try {
      const server = await startServer(env);
      child = server.child;
      serverPid = await pidOnPort(PORT);
      await expectBenchRoutes();
      const cookie = await signIn();
      const park = parkRows[0]!;
      http = await measureHttp({ parkSlug: park.slug, province: park.province, shareToken }, cookie, notes, server.output);
    } finally {
      await stopServer(child);
    }
  }

  const page = (key: string) => http?.pages[key]?.median;
  const dashboard = page("dashboard");
  const ratio = (a?: { rps: number }, b?: { rps: number }) => (a && b ? Number((a.rps / b.rps).toPrecision(3)) : null);
  const checks = [
    ...rollups.filter((q) => q.targetMs !== null).map((q) => ({ name: `${q.name} (median ms)`, value: q.medianMs ?? q.error ?? null, target: `≤ ${q.targetMs}`, ok: q.ok })),
    { name: "dashboard / static throughput", value: ratio(dashboard, page("static")), target: `≥ ${TARGET_HTTP.overStatic}`, ok: dashboard ? ratio(dashboard, page("static"))! >= TARGET_HTTP.overStatic : null },
    // Issue 4: "≥ 0.75× the no-database page (the database costs at most a quarter of a request)". Read against
    // the page that renders the same view without the database; the bare route handler is reported beside it.
    { name: "dashboard / no-database page throughput", value: ratio(dashboard, page("nodbPage")), target: `≥ ${TARGET_HTTP.overNodb}`, ok: dashboard && page("nodbPage") ? ratio(dashboard, page("nodbPage"))! >= TARGET_HTTP.overNodb : null },
    // Rendered on every request, the dashboard is the no-database page plus its database: the same target.
    { name: "dashboard rendered every request / no-database page", value: ratio(page("dashboardRendered"), page("nodbPage")), target: `≥ ${TARGET_HTTP.overNodb}`, ok: page("dashboardRendered") && page("nodbPage") ? ratio(page("dashboardRendered"), page("nodbPage"))! >= TARGET_HTTP.overNodb : null },
    { name: "dashboard / no-database route handler (reference)", value: ratio(dashboard, page("nodb")), target: "–", ok: null },
    {
      name: `p99 at ${STEADY_RATE} req/s (${http?.steady?.path ?? "dashboard"})`,
      value: http?.steady?.p99 ?? null,
      target: `≤ ${TARGET_HTTP.steadyP99Ms} ms`,
      ok: http?.steady?.page === "dashboard" ? http.steady.p99 <= TARGET_HTTP.steadyP99Ms : null,
    },
    {
      name: "share page / static throughput",
      value: ratio(page("share"), page("static")),
      target: "≥ 0.4",
      ok: page("share") ? ratio(page("share"), page("static"))! >= 0.4 : null,
    },
  ];
  if (page("share") && page("bareApi") && page("bare")) {
    notes.push(
      `The status page's floor is what its router costs for a constant: Pages API route ${ratio(page("bareApi"), page("static"))}× the static file, ` +
        `App Router route handler ${ratio(page("bare"), page("static"))}×; the status page made ${ratio(page("share"), page("bareApi"))}× of that floor.`,
    );
  }
  if (page("share") && page("shareLegacy")) {
    notes.push(
      `Links in the older form (/share/<token>, rewritten) made ${ratio(page("shareLegacy"), page("static"))}× the static file, ` +
        `${ratio(page("shareLegacy"), page("share"))}× of the links made now.`,
    );
  }
  if (page("dashboardRendered") && page("emptyPage")) {
    notes.push(
      `A page's floor is what the App Router costs for one heading: /bench/empty made ${ratio(page("emptyPage"), page("static"))}× the static file ` +
        `(${page("emptyPage")!.cpuMs} ms of server CPU a request); the dashboard rendered every request made ${ratio(page("dashboardRendered"), page("emptyPage"))}× of that floor.`,
    );
  }
  const dashboardPage = http?.pages.dashboard;
  if (dashboardPage?.status === "measured") {
    notes.push(
      `The dashboard's loads before the runs were answered x-parkline-cache: ${dashboardPage.cache ?? "(none)"}; ` +
        `the page cache served it at ${ratio(dashboard, page("dashboardRendered")) ?? "–"}× the throughput of rendering it every request.`,
    );
  }
  // The same ratios for every page measured, for comparison.
  // CPU per request of the no-database page over the page's: the throughput ratio the page would have on idle cores.
  const cpuRatio = (a?: { cpuMs: number | null }, b?: { cpuMs: number | null }) => (a?.cpuMs && b?.cpuMs ? Number((b.cpuMs / a.cpuMs).toPrecision(3)) : null);
  const ratios: Record<string, { overStatic: number | null; overNodb: number | null; overNodbPage: number | null; overNodbPageByCpu: number | null }> = {};
  for (const key of ["dashboard", "dashboardRendered", "region", "projects", "home"]) {
    if (page(key)) {
      ratios[key] = {
        overStatic: ratio(page(key), page("static")),
        overNodb: ratio(page(key), page("nodb")),
        overNodbPage: ratio(page(key), page("nodbPage")),
        overNodbPageByCpu: cpuRatio(page(key), page("nodbPage")),
      };
    }
  }
  return {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      postgres: postgresVersion,
      loadGenerator: "autocannon in the same machine as the server (2 cores shared)",
      loadAverage: { start: loadAtStart, end: round2(os.loadavg()[0]!) },
    },
    dataset,
    config: { rounds: ROUNDS, durationS: DURATION_S, connections: CONNECTIONS, queryRuns: QUERY_RUNS, park: parkRows[0]!.slug, province: parkRows[0]!.province },
    rollups,
    http,
    ratios,
    checks,
    notes,
  };
}

async function main() {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    console.error("npm run bench needs DATABASE_URL (a PostgreSQL loaded with npm run bench:data); it does not run on the embedded PGlite.");
    process.exit(1);
  }
  const results = await collect(url);
  const out = process.env.BENCH_OUT || join("bench", "results");
  writeFileSync(`${out}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${out}.md`, markdown(results));
  console.log(`\n${markdown(results)}`);
  console.log(`Wrote ${out}.json and ${out}.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
