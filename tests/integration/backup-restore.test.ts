import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/db/migrate";
import { openDatabase } from "@/db/open";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { createEmptyDatabase, createTestDatabase } from "../support/databases";

/** Row count and content hash of every table: "everything is there" means these are equal. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const result = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const tables = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { table_name: string }[];
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const r = await db.execute(sql.raw(`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as f from "${table_name}" t`));
    const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { f: string }[];
    out[table_name] = rows[0]!.f;
  }
  return out;
}

describe("backups restore everything", () => {
  it("embedded database: a copy of the stopped data directory opens with every row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parkline-backup-"));
    try {
      const original = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
      await applyMigrations(original.db);
      await seedDemoData(original.db);
      const before = await fingerprint(original.db);
      await original.close(); // README: stop the app before copying .data/pglite
      cpSync(join(dir, "pglite"), join(dir, "restored"), { recursive: true });
      const restored = await openDatabase({ kind: "pglite", dataDir: join(dir, "restored") });
      expect(await fingerprint(restored.db)).toEqual(before);
      expect(Number(before.projects!.split(":")[0])).toBeGreaterThan(0);
      await restored.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("PostgreSQL: pg_dump, then pg_restore into a fresh database, finds every row", async () => {
    const source = await createTestDatabase("postgres");
    const target = await createEmptyDatabase("postgres");
    const dump = join(mkdtempSync(join(tmpdir(), "parkline-dump-")), "parkline.dump");
    try {
      await seedDemoData(source.db);
      const before = await fingerprint(source.db);
      execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${dump}`, source.url!]);
      execFileSync("pg_restore", ["--no-owner", `--dbname=${target.url!}`, dump]);
      expect(await fingerprint(target.db)).toEqual(before);
    } finally {
      rmSync(dump, { force: true });
      await source.drop();
      await target.drop();
    }
  }, 120_000);
});
