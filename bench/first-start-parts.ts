// Times the parts of a first start on the embedded database: opening PGlite, the migrations, the seed.
// `npx tsx --conditions=react-server bench/first-start-parts.ts` (uses a fresh directory under /tmp).
import { rmSync } from "node:fs";
import { applyMigrations } from "../db/migrate";
import { openDatabase } from "../db/open";
import { seedDemoData } from "../db/seed/seed";

async function main() {
  const dataDir = "/tmp/parkline-first-start/pglite";
  rmSync("/tmp/parkline-first-start", { recursive: true, force: true });
  // Wall time and this process's CPU time: on a loaded machine the two differ by the wait for a core.
  let t = performance.now();
  let cpu = process.cpuUsage();
  const lap = (label: string) => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    console.log(`${label}: ${Math.round(now - t)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU`);
    t = now;
    cpu = process.cpuUsage();
  };
  const { db, close } = await openDatabase({ kind: "pglite", dataDir });
  lap("open PGlite");
  await applyMigrations(db);
  lap("migrations");
  await seedDemoData(db);
  lap("seed (sourced parks, demo park, accounts)");
  await close();
  lap("close");
}

void main();
