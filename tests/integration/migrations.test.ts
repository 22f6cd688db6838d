import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, MigrationError } from "@/db/migrate";
import { createEmptyDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;
}

/** A copy of the committed migrations plus one extra migration with the given SQL. */
function migrationsWithExtra(tag: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), "parkline-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  mkdirSync(join(dir, "meta"), { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number; tag: string }[] };
  journal.entries.push({ idx: journal.entries.length, tag });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(dir, `${tag}.sql`), body);
  return dir;
}

describe.each(TEST_TARGETS)("migrations on %s", (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it("applies every migration once and is idempotent", async () => {
    database = await createEmptyDatabase(kind);
    const first = await applyMigrations(database.db);
    expect(first).toContain("0000_init");
    expect(await applyMigrations(database.db)).toEqual([]);
    const tables = rowsOf(await database.db.execute(sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`));
    expect(Number(tables[0]!.n)).toBeGreaterThanOrEqual(19);
  });

  it("rolls a failing migration back and names it", async () => {
    database = await createEmptyDatabase(kind);
    await applyMigrations(database.db);
    const dir = migrationsWithExtra(
      "9999_broken",
      `create table half_done (id int);--> statement-breakpoint\nselect * from no_such_table;`,
    );
    const failure = await applyMigrations(database.db, dir).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as Error).message).toMatch(/^Migration 9999_broken failed/);
    const leftovers = rowsOf(await database.db.execute(sql`select to_regclass('public.half_done')::text as t`));
    expect(leftovers[0]!.t).toBeNull();
    const recorded = rowsOf(await database.db.execute(sql`select count(*)::int as n from parkline_migrations where tag = '9999_broken'`));
    expect(Number(recorded[0]!.n)).toBe(0);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    database = await createEmptyDatabase(kind);
    const dir = migrationsWithExtra("0500_extra", "create table extra_one (id int);");
    await applyMigrations(database.db, dir);
    writeFileSync(join(dir, "0500_extra.sql"), "create table extra_two (id int);");
    await expect(applyMigrations(database.db, dir)).rejects.toThrow(/0500_extra.*changed after it was applied/);
  });
});
