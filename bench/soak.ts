// `npm run soak [-- --seconds N --connections N --warmup N]`: a bounded soak on loopback (issue 6, item 6).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run soak -- --seconds 180
// 1. creates a fresh database `parkline_soak` next to DATABASE_URL's (dropped again at the end), migrates
//    and seeds it with the demo data;
// 2. starts the existing production build (`next start -p 3995`; it refuses without one) against it and
//    signs in as the demo editor;
// 3. after a warm-up of the same traffic (`--warmup`, 15 s: JIT and caches, not in the latency figures),
//    for N seconds (180 by default) keeps `--connections` (8) requests in flight: ~80 % reads (/,
//    /projects, a project page, the park dashboard, /api/parks) and ~20 % writes through the real server
//    action behind the progress form (POSTed as the browser does: Next-Action header, multipart body);
// 4. samples the server's RSS every 10 s, prints requests, errors, req/s, p50/p99 and RSS start/middle/end,
//    and checks in the database that progress entries grew by exactly the acknowledged writes (warm-up
//    included). An error in the warm-up counts as an error.
// Exits 1 on any error, a write that did not land, or a server that did not start.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { applyMigrations } from "../db/migrate";
import { openDatabase } from "../db/open";
import { parks, progressEntries, projects } from "../db/schema";
import { seedDemoData } from "../db/seed/seed";

const PORT = 3995;
const BASE = `http://localhost:${PORT}`;
const DATABASE = "parkline_soak";
const EDITOR = { email: "editor@ningxiang.demo", password: "parkline-demo" };
const PARK_SLUG = "ningxiang-htz";
const WRITE_SHARE = 0.2;
const SAMPLE_EVERY_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** RSS may move this much between the middle and the end of the run and still count as steady. */
const STEADY_RSS_GROWTH = 0.1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : 0);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

// ---------- the server (stopped by the PID on its port: pitfall 10) ----------

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

/** Resident memory of a process in kB, from /proc/<pid>/status; null when it is gone. */
function rssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; pid: number; log: () => string }> {
  let log = "";
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) {
        const pid = await pidOnPort(PORT);
        if (!pid) throw new Error(`Something answers on port ${PORT}, but no process listens there`);
        return { child, pid, log: () => log };
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("Something answers")) throw error;
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

// ---------- HTTP ----------

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in with next-auth's credentials endpoint, as the sign-in form ends up doing; returns the Cookie header. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ ...EDITOR, csrfToken, callbackUrl: `${BASE}/` }),
  });
  const session = cookiesOf(res).filter((c) => c.startsWith("authjs.session-token"));
  if (session.length === 0) throw new Error(`Sign-in as ${EDITOR.email} failed (status ${res.status}, location ${res.headers.get("location")})`);
  return session.join("; ");
}

/** The id Next gave logProgressAction in this build (.next/server/server-reference-manifest.json). */
function logProgressActionId(): string {
  const manifest = JSON.parse(readFileSync(join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === "logProgressAction" && a.filename === "app/_lib/actions/progress.ts");
  if (!found) throw new Error("logProgressAction is not in .next/server/server-reference-manifest.json: rebuild with `npx next build`");
  return found[0];
}

/** The router state the browser sends from /projects/<id>/log (so the answer is the same partial render). */
function routerStateTree(projectId: string): string {
  const page = ["__PAGE__", {}, null, null, 0];
  const log = ["log", { children: page }, null, null, 0];
  const id = [["id", projectId, "d", null], { children: log }, null, null, 0];
  const projectsSegment = ["projects", { children: id }, null, null, 0];
  const app = ["(app)", { children: projectsSegment }, null, null, 0];
  return encodeURIComponent(JSON.stringify(["", { children: app }, null, null, 16]));
}

/**
 * The progress form's submission, encoded as React encodes a useActionState form action: the form's
 * fields under `_1_`, the bound action reference, and argument list `[previousState, FormData]`.
 */
function progressFormBody(actionId: string, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.append("_1_$ACTION_REF_1", "");
  form.append("_1_$ACTION_1:0", JSON.stringify({ id: actionId, bound: "$@1" }));
  form.append("_1_$ACTION_1:1", "[null]");
  form.append("_1_$ACTION_KEY", `k${randomBytes(16).toString("hex")}`);
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append("0", '[null,"$K1"]');
  return form;
}

interface Sample {
  kind: "read" | "write";
  path: string;
  ms: number;
  ok: boolean;
  detail?: string;
}

async function timed(kind: Sample["kind"], label: string, request: () => Promise<Response>, judge: (res: Response, body: string) => string | null): Promise<Sample> {
  const t0 = performance.now();
  try {
    const res = await request();
    const body = await res.text();
    const problem = judge(res, body);
    return { kind, path: label, ms: performance.now() - t0, ok: problem === null, detail: problem ?? undefined };
  } catch (error) {
    return { kind, path: label, ms: performance.now() - t0, ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Reads: any 2xx or 3xx, except a redirect to the sign-in page (the session was dropped). */
function judgeRead(res: Response): string | null {
  if (res.status >= 400) return `status ${res.status}`;
  const location = res.headers.get("location") ?? "";
  if (location.includes("/signin")) return `redirected to ${location}`;
  return null;
}

/** A saved progress entry redirects to the project (x-action-redirect); a refusal answers a FormResult with ok:false. */
function judgeWrite(res: Response, body: string): string | null {
  if (res.status >= 400) return `status ${res.status}: ${body.slice(0, 200)}`;
  if ((res.headers.get("x-action-redirect") ?? "").includes("saved=progress")) return null;
  if (/"ok":false/.test(body)) return `ok:false: ${/"message":"([^"]*)"/.exec(body)?.[1] ?? body.slice(0, 200)}`;
  return `no redirect after the write (status ${res.status}): ${body.slice(0, 200)}`;
}

// ---------- the soak ----------

async function main(): Promise<number> {
  const seconds = argument("seconds", 180);
  const connections = argument("connections", 8);
  const warmup = argument("warmup", 15);
  const adminUrl = process.env.DATABASE_URL?.trim();
  if (!adminUrl) {
    console.error("npm run soak needs DATABASE_URL (a PostgreSQL where it may create and drop the database parkline_soak).");
    return 1;
  }
  if (!existsSync(join(".next", "BUILD_ID"))) {
    console.error("No production build in .next/: run `npx next build` first (the soak does not build).");
    return 1;
  }
  const actionId = logProgressActionId();
  const busy = await pidOnPort(PORT);
  if (busy) {
    console.error(`Port ${PORT} is in use (pid ${busy}); stop that server first.`);
    return 1;
  }

  const url = withDatabase(adminUrl, DATABASE);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let child: ChildProcess | null = null;
  let opened: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    await admin.unsafe(`drop database if exists "${DATABASE}" with (force)`);
    await admin.unsafe(`create database "${DATABASE}"`);
    opened = await openDatabase({ kind: "postgres", url });
    const db = opened.db;
    await applyMigrations(db);
    await seedDemoData(db);
    const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, PARK_SLUG));
    if (!park) throw new Error(`The demo data has no park ${PARK_SLUG}`);
    const parkProjects = (await db.select({ id: projects.id }).from(projects).where(eq(projects.parkId, park.id)).orderBy(projects.code)).map((p) => p.id);
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(progressEntries))[0]!.n;
    const entriesBefore = await count();

    const server = await startServer({
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(33).toString("base64"),
      AUTH_TRUST_HOST: "true",
      DATABASE_URL: url,
      PORT: String(PORT),
    });
    child = server.child;
    const cookie = await signIn();

    const reads = ["/", "/projects", `/projects/${parkProjects[0]}`, `/parks/${PARK_SLUG}`, "/api/parks"];
    for (const path of reads) {
      const res = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""} before the soak: nothing to measure`);
    }

    const runId = randomBytes(3).toString("hex");
    const months = Array.from({ length: 12 }, (_, k) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - k);
      return d.toISOString().slice(0, 7);
    });
    let writeNumber = 0;
    const write = () => {
      const n = writeNumber++;
      const projectId = parkProjects[n % parkProjects.length]!;
      const fields = {
        parkId: park.id, projectId, period: months[n % months.length]!, investmentCompleted: `${(n % 50) + 1}.25`, outputValue: "",
        narrative: `soak ${runId} #${n}`, narrativeEn: "", problemDescription: "", problemOwner: "", problemDueDate: "", sourceUrl: "", sourceRef: "",
      };
      return timed(
        "write",
        "POST /projects/[id]/log (logProgressAction)",
        () =>
          fetch(`${BASE}/projects/${projectId}/log`, {
            method: "POST",
            redirect: "manual",
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            headers: { "next-action": actionId, origin: BASE, cookie, accept: "text/x-component", "next-router-state-tree": routerStateTree(projectId) },
            body: progressFormBody(actionId, fields),
          }),
        judgeWrite,
      );
    };
    let readNumber = 0;
    const read = () => {
      const path = reads[readNumber++ % reads.length]!;
      return timed("read", `GET ${path}`, () => fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }), judgeRead);
    };

    const idleRssKb = rssKb(server.pid);
    console.log(`Warm-up: ${warmup} s of the same traffic (not in the figures)`);
    const warmupSamples: Sample[] = [];
    const warmupEnd = performance.now() + warmup * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < warmupEnd) warmupSamples.push(await (Math.random() < WRITE_SHARE ? write() : read()));
      }),
    );

    const samples: Sample[] = [];
    const rss: { atS: number; kb: number }[] = [];
    const started = performance.now();
    const sampleRss = () => {
      const kb = rssKb(server.pid);
      if (kb !== null) rss.push({ atS: Math.round((performance.now() - started) / 1000), kb });
    };
    sampleRss();
    const sampler = setInterval(sampleRss, SAMPLE_EVERY_MS);
    const progress = setInterval(() => {
      const s = Math.round((performance.now() - started) / 1000);
      console.log(`  ${String(s).padStart(4)} s  ${samples.length} requests, ${samples.filter((x) => !x.ok).length} errors, RSS ${mb(rss.at(-1)?.kb ?? 0)}`);
    }, 30_000);

    console.log(`Soak: ${seconds} s, ${connections} connections, ${Math.round(WRITE_SHARE * 100)} % writes, server pid ${server.pid} on ${BASE}`);
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) samples.push(await (Math.random() < WRITE_SHARE ? write() : read()));
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    clearInterval(progress);
    sampleRss();

    // --- did the writes land? ---
    const acknowledged = [...warmupSamples, ...samples].filter((s) => s.kind === "write" && s.ok).length;
    const entriesAfter = await count();
    const [{ tagged }] = (await db.select({ tagged: sql<number>`count(*)::int` }).from(progressEntries).where(sql`${progressEntries.narrative} like ${`soak ${runId} #%`}`)) as [{ tagged: number }];

    // --- the figures ---
    const errors = [...warmupSamples, ...samples].filter((s) => !s.ok);
    const warmupErrors = warmupSamples.filter((s) => !s.ok).length;
    const row = (label: string, list: Sample[]) => {
      const ms = list.map((s) => s.ms).sort((a, b) => a - b);
      return `| ${label} | ${list.length} | ${list.filter((s) => !s.ok).length} | ${(list.length / elapsedS).toFixed(1)} | ${percentile(ms, 0.5).toFixed(0)} | ${percentile(ms, 0.99).toFixed(0)} |`;
    };
    const first = rss[0]!;
    const last = rss.at(-1)!;
    const middle = rss.reduce((best, s) => (Math.abs(s.atS - elapsedS / 2) < Math.abs(best.atS - elapsedS / 2) ? s : best), first);
    const growth = (a: number, b: number) => `${b >= a ? "+" : ""}${(((b - a) / a) * 100).toFixed(1)} %`;
    const steady = (last.kb - middle.kb) / middle.kb <= STEADY_RSS_GROWTH;
    const errorKinds = new Map<string, number>();
    for (const e of errors) errorKinds.set(`${e.path}: ${e.detail}`, (errorKinds.get(`${e.path}: ${e.detail}`) ?? 0) + 1);
    const serverErrors = server
      .log()
      .split("\n")
      .filter((l) => /error|⨯|uncaught/i.test(l));

    console.log(
      [
        "",
        `## Soak — ${new Date().toISOString()}, ${elapsedS.toFixed(0)} s on loopback, ${connections} connections`,
        "",
        "| traffic | requests | errors | req/s | p50 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
        row("all", samples),
        row("reads", samples.filter((s) => s.kind === "read")),
        row("writes (logProgressAction)", samples.filter((s) => s.kind === "write")),
        ...reads.map((p) => row(`  GET ${p}`, samples.filter((s) => s.path === `GET ${p}`))),
        "",
        `Warm-up: ${warmupSamples.length} requests, ${warmupErrors} errors (${warmup} s, not in the table)`,
        `Server RSS (next-server, pid ${server.pid}, every ${SAMPLE_EVERY_MS / 1000} s): ${idleRssKb ? `idle after start ${mb(idleRssKb)}; ` : ""}start ${mb(first.kb)}, middle ${mb(middle.kb)} (at ${middle.atS} s), end ${mb(last.kb)}; growth ${growth(first.kb, last.kb)} over the run, ${growth(middle.kb, last.kb)} over its second half (${steady ? "steady" : "NOT steady"}); max ${mb(Math.max(...rss.map((s) => s.kb)))}`,
        `RSS samples (MB): ${rss.map((s) => (s.kb / 1024).toFixed(0)).join(" ")}`,
        `Writes: ${acknowledged} acknowledged; progress entries ${entriesBefore} → ${entriesAfter} (+${entriesAfter - entriesBefore}), ${tagged} carry this run's tag${entriesAfter - entriesBefore === acknowledged && tagged === acknowledged ? " — every acknowledged write landed" : " — MISMATCH"}`,
        `Server log: ${serverErrors.length} error line(s)${serverErrors.length ? `, e.g. ${serverErrors.slice(0, 3).join(" | ")}` : ""}`,
        ...[...errorKinds].slice(0, 10).map(([k, v]) => `  error ×${v}: ${k}`),
      ].join("\n"),
    );
    const failed = errors.length > 0 || entriesAfter - entriesBefore !== acknowledged || tagged !== acknowledged || samples.length === 0;
    console.log(failed ? "\nsoak: FAILED" : "\nsoak: passed (0 errors, every write landed)");
    return failed ? 1 : 0;
  } finally {
    await stopServer(child);
    await opened?.close().catch(() => {});
    await admin.unsafe(`drop database if exists "${DATABASE}" with (force)`).catch((error: unknown) => {
      console.error(`Could not drop ${DATABASE}: ${error instanceof Error ? error.message : String(error)}`);
    });
    await admin.end({ timeout: 5 });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
