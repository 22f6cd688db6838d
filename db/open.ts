import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseTarget } from "./config";
import { lockDataDir } from "./data-dir-lock";
import { readPgliteTemplate } from "./pglite-template";
import * as schema from "./schema";
import type { Db } from "./types";

export interface OpenDatabase {
  db: Db;
  kind: DatabaseTarget["kind"];
  close(): Promise<void>;
  /** PGlite only: its whole data directory as a tarball (tests start their databases from one). */
  dumpDataDir?: () => Promise<Blob>;
}

/**
 * Opens a database for a target. Only db/client.ts (the app's one instance), scripts and tests call
 * this; the drivers are imported lazily so a build never loads or opens either of them.
 */
/** An in-memory PGlite, optionally started from a data-directory tarball (e.g. one already migrated). */
type MemoryTarget = { kind: "pglite-memory"; from?: Blob };

export async function openDatabase(target: DatabaseTarget | MemoryTarget): Promise<OpenDatabase> {
  if (target.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(target.url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      connect_timeout: 10,
      // Reconnect quickly once the server is back (the default backoff grows to 20 s during an outage).
      backoff: (attempt: number) => Math.min(0.1 * 2 ** attempt, 2),
    });
    try {
      await client`select 1`;
    } catch (error) {
      await client.end({ timeout: 1 });
      const where = new URL(target.url);
      throw new Error(
        `Cannot reach PostgreSQL at ${where.hostname}:${where.port || 5432} (${error instanceof Error ? error.message : String(error)}); check DATABASE_URL`,
        { cause: error },
      );
    }
    return {
      db: drizzle({ client, schema }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let client: InstanceType<typeof PGlite>;
  let release = () => {};
  if (target.kind === "pglite") {
    mkdirSync(target.dataDir, { recursive: true });
    // Refuses, with the holder's pid, while another process (the server, a script) has the directory open.
    release = lockDataDir(target.dataDir);
    // A new directory starts from the template `npm install` prepared, when there is one, not initdb.
    const fresh = !existsSync(join(target.dataDir, "PG_VERSION"));
    client = new PGlite(target.dataDir, { loadDataDir: fresh ? readPgliteTemplate() : undefined });
  } else {
    client = new PGlite({ loadDataDir: target.from ?? readPgliteTemplate() });
  }
  try {
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  return {
    db: drizzle({ client, schema }) as unknown as Db,
    kind: "pglite",
    close: () => client.close().finally(release),
    dumpDataDir: () => client.dumpDataDir("none"),
  };
}
