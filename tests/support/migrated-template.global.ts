import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/db/migrate";
import { openDatabase } from "@/db/open";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PGlite data-directory tarball with every migration applied, made once per run. */
    migratedPgliteTemplate: string;
  }
}

/**
 * Vitest global setup: migrate one embedded database and keep its data directory as a tarball, so each
 * test file's PGlite database loads it (about 2 s) instead of running initdb and every migration
 * (10–20 s on two busy cores). The migrations themselves stay tested: tests/integration/migrations.test.ts
 * starts from an empty database.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "parkline-vitest-"));
  const file = join(dir, "migrated.tar");
  const { db, close, dumpDataDir } = await openDatabase({ kind: "pglite-memory" });
  await applyMigrations(db);
  writeFileSync(file, Buffer.from(await (await dumpDataDir!()).arrayBuffer()));
  await close();
  project.provide("migratedPgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });

}
