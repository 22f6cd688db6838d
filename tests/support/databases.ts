import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { applyMigrations } from "@/db/migrate";
import { openDatabase, type OpenDatabase } from "@/db/open";

/**
 * The databases integration tests run against: always an embedded PGlite, plus a real PostgreSQL
 * whenever TEST_DATABASE_URL is set. Each test file gets a database of its own, dropped afterwards.
 */
export const TEST_TARGETS: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends OpenDatabase {
  /** For tests that need to open a second connection (e.g. a separate instance). */
  url: string | null;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database (no migrations applied). */
export async function createEmptyDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  if (kind === "pglite") {
    const opened = await openDatabase({ kind: "pglite-memory" });
    return { ...opened, url: null, drop: () => opened.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `parkline_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const opened = await openDatabase({ kind: "postgres", url });
  return {
    ...opened,
    url,
    drop: async () => {
      await opened.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

/** A fresh database with every migration applied. */
export async function createTestDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  if (kind === "pglite") {
    // Loaded from the tarball tests/support/migrated-template.global.ts made once for the whole run.
    const opened = await openDatabase({ kind: "pglite-memory", from: migratedTemplate() });
    return { ...opened, url: null, drop: () => opened.close() };
  }
  const database = await createEmptyDatabase(kind);
  await applyMigrations(database.db);
  return database;
}

let migrated: Blob | undefined;
function migratedTemplate(): Blob {
  migrated ??= new Blob([readFileSync(inject("migratedPgliteTemplate"))]);
  return migrated;
}
