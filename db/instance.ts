import { resolveDatabaseTarget } from "./config";
import { applyMigrations } from "./migrate";
import { openDatabase, type OpenDatabase } from "./open";
import type { Db } from "./types";

// One instance per process, kept on globalThis: dev hot reload re-evaluates modules, and two PGlite
// instances on one data directory silently lose data. Nothing opens it before the server starts
// (instrumentation.ts) or the first request, so `next build` never does.
const holder = globalThis as typeof globalThis & { __parklineDb?: Promise<OpenDatabase> };

async function start(): Promise<OpenDatabase> {
  const target = resolveDatabaseTarget();
  const opened = await openDatabase(target);
  try {
    await applyMigrations(opened.db);
    if (opened.kind === "pglite" && process.env.PARKLINE_AUTO_SEED !== "0") {
      // A new user's first `npm run dev` gets the demo data without a separate step.
      const { seedIfEmpty } = await import("./seed/seed");
      await seedIfEmpty(opened.db);
    }
  } catch (error) {
    await opened.close().catch(() => {});
    throw error;
  }
  return opened;
}

export function getDatabase(): Promise<OpenDatabase> {
  if (!holder.__parklineDb) {
    holder.__parklineDb = start().catch((error: unknown) => {
      holder.__parklineDb = undefined; // the next request tries again (e.g. the server came back)
      throw error;
    });
  }
  return holder.__parklineDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
