// `npm run test:e2e`: builds the app once, then runs the Playwright suite against a production
// server for each database target — the embedded PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

// E2E_PORT_BASE lets two checkouts run their suites side by side (PGlite on base, PostgreSQL on base + 1).
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3917);
const PORTS = { pglite: PORT_BASE, postgres: PORT_BASE + 1 };
// E2E_PARALLEL_TARGETS=1: the PGlite and the PostgreSQL runs side by side (each its own server,
// database and Chromium, so nothing is shared but the build); their lines are prefixed [pglite]/[postgres].
const PARALLEL = process.env.E2E_PARALLEL_TARGETS === "1";

// Every path below (node_modules/.bin, .next, db/scripts) is relative to the project root.
process.chdir(fileURLToPath(new URL("../..", import.meta.url)));

async function findChromium() {
  const chosen = process.env.CHROMIUM_PATH?.trim();
  if (chosen) return existsSync(chosen) ? chosen : null;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const { chromium } = await import("@playwright/test");
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // No bundled browser registered: fall through to the message below.
  }
  return null;
}

/**
 * Runs a command; resolves to its exit code (a signal counts as failure). Its output passes through,
 * each line led by E2E_LOG_PREFIX when the env sets one (two targets running side by side).
 */
function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const prefix = env.E2E_LOG_PREFIX;
    const child = spawn(command, args, { stdio: prefix ? ["ignore", "pipe", "pipe"] : "inherit", env });
    if (prefix) {
      prefixLines(child.stdout, process.stdout, prefix);
      prefixLines(child.stderr, process.stderr, prefix);
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

function prefixLines(from, to, prefix) {
  let rest = "";
  from.setEncoding("utf8");
  from.on("data", (chunk) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop();
    for (const line of lines) to.write(`${prefix} ${line}\n`);
  });
  from.on("end", () => rest && to.write(`${prefix} ${rest}\n`));
}

/** Runs a command; resolves to its exit code and what it printed on stdout (stderr passes through). */
function captured(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"], env });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code: signal ? 1 : (code ?? 1), stdout }));
  });
}

/**
 * Starts the production server once on the target and stops it when it answers: on an empty embedded
 * database it migrates and seeds it itself, as on a new user's first start. Only then may another
 * process open the directory (two PGlite instances on one directory lose data).
 */
async function primeWithServer(env) {
  const port = String(Number(env.E2E_PORT) + 10);
  const serverEnv = { ...env, NODE_ENV: "production", AUTH_SECRET: randomBytes(33).toString("base64"), AUTH_TRUST_HOST: "true" };
  const server = spawn("node_modules/.bin/next", ["start", "-p", port], { stdio: "inherit", env: serverEnv, detached: true });
  const exited = new Promise((resolve) => server.on("exit", resolve));
  const started = Date.now();
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const up = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false);
      if (up) {
        // README's first-start figure: `next start` on an empty data directory until it answers, migrated and seeded.
        console.log(`e2e: first start on an empty embedded database (migrated and seeded) answered /api/health after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        break;
      }
      if (Date.now() > deadline || server.exitCode !== null) throw new Error("the server did not come up to seed the embedded database");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    // The whole group: `next start` runs the server in a child process of its own.
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  }
}

/** The share links the e2e suite needs made in the past (tests/e2e/setup/share-fixtures.ts), as env for it. */
async function shareFixtures(env) {
  const { code, stdout } = await captured("node_modules/.bin/tsx", ["--conditions=react-server", "tests/e2e/setup/share-fixtures.ts"], env);
  if (code !== 0) throw new Error("making the share-link fixtures failed");
  return { ...env, E2E_SHARE_FIXTURES: stdout.trim().split("\n").at(-1) };
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The environment for one target: only its own database variable, none inherited from the shell. */
function targetEnv(target, chromium, database) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  delete env.PARKLINE_AUTO_SEED;
  const port = PORTS[target];
  const separate = PARALLEL ? { E2E_LOG_PREFIX: `[${target}]`, E2E_OUTPUT_DIR: `test-results/${target}` } : {};
  return { ...env, ...database, ...separate, E2E_CHROMIUM: chromium, E2E_PORT: String(port), E2E_BASE_URL: `http://localhost:${port}` };
}

function playwright(env) {
  return run("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], env);
}

async function runPglite(chromium) {
  const dir = mkdtempSync(join(tmpdir(), "parkline-e2e-pglite-"));
  try {
    const env = targetEnv("pglite", chromium, { PGLITE_DIR: dir });
    await primeWithServer(env);
    return await playwright(await shareFixtures(env));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(chromium, adminUrl) {
  const name = `parkline_e2e_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
    let env = targetEnv("postgres", chromium, { DATABASE_URL: withDatabase(adminUrl, name) });
    const seeded = await run("node_modules/.bin/tsx", ["--conditions=react-server", "db/scripts/seed.ts"], env);
    if (seeded !== 0) {
      console.error(`Seeding ${name} failed.`);
      return seeded;
    }
    env = await shareFixtures(env);
    return await playwright(env);
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch((error) => {
      console.error(`Could not drop ${name}: ${error.message}`);
    });
    await admin.end({ timeout: 5 });
  }
}

async function main() {
  const chromium = await findChromium();
  if (!chromium) {
    console.error('No Chromium found: install one with "apt-get install -y chromium" or set CHROMIUM_PATH');
    return 1;
  }

  if (process.env.E2E_SKIP_BUILD !== "1") {
    const built = await run("node_modules/.bin/next", ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    if (built !== 0) return built;
  } else if (!existsSync(".next/BUILD_ID")) {
    console.error("E2E_SKIP_BUILD=1 but there is no build in .next/: run `npx next build` first.");
    return 1;
  }

  const adminUrl = process.env.TEST_DATABASE_URL?.trim();
  const targets = adminUrl ? ["pglite", "postgres"] : ["pglite"];
  const runTarget = async (target) => {
    console.log(`\n=== e2e: ${target === "pglite" ? "embedded PGlite" : "PostgreSQL"} (port ${PORTS[target]}) ===\n`);
    try {
      return target === "pglite" ? await runPglite(chromium) : await runPostgres(chromium, adminUrl);
    } catch (error) {
      console.error(`e2e ${target}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  };
  const codes = PARALLEL ? await Promise.all(targets.map(runTarget)) : [];
  if (!PARALLEL) for (const target of targets) codes.push(await runTarget(target));
  const failed = targets.filter((_, i) => codes[i] !== 0);
  console.log(failed.length ? `\ne2e failed on: ${failed.join(", ")}` : `\ne2e passed on: ${targets.join(", ")}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
