import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Db } from "./types";

// Kept out of db/schema so drizzle-kit never generates it: this table tracks the migrations themselves.
const appliedMigrations = pgTable("parkline_migrations", {
  tag: text("tag").primaryKey(),
  hash: text("hash").notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});

export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    readonly tag: string,
    cause: unknown,
  ) {
    super(`Migration ${tag} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

export const MIGRATIONS_DIR = join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

interface JournalEntry {
  idx: number;
  tag: string;
}

/**
 * Applies the committed drizzle-kit migrations that are not yet applied, each in its own transaction
 * under an advisory lock, so two app instances starting together apply each migration once, and a
 * failing migration leaves the database as it was and names itself.
 */
export async function applyMigrations(db: Db, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const journal = JSON.parse(readFileSync(join(dir, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  const applied: string[] = [];
  for (const entry of entries) {
    const text = readFileSync(join(dir, `${entry.tag}.sql`), "utf8");
    const hash = createHash("sha256").update(text).digest("hex");
    try {
      const didApply = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(20260101)`);
        await tx.execute(
          sql`create table if not exists parkline_migrations (tag text primary key, hash text not null, applied_at timestamptz not null default now())`,
        );
        const [done] = await tx.select().from(appliedMigrations).where(eq(appliedMigrations.tag, entry.tag));
        if (done) {
          if (done.hash !== hash) throw new Error("its file changed after it was applied; add a new migration instead");
          return false;
        }
        for (const statement of text.split("--> statement-breakpoint")) {
          if (statement.trim()) await tx.execute(sql.raw(statement));
        }
        await tx.insert(appliedMigrations).values({ tag: entry.tag, hash });
        return true;
      });
      if (didApply) applied.push(entry.tag);
    } catch (error) {
      throw new MigrationError(entry.tag, error);
    }
  }
  return applied;
}
