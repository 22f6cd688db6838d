import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { snapshotTables } from "./action-harness";

export interface Changes {
  tables: string[];
  /** Rows inserted, updated or deleted. */
  rows: number;
  /** Row versions written since mark() carry a transaction id (xmin) at or above this one. */
  sinceXid: string;
}

/**
 * Finds every row an input wrote, cheaply enough for thousands of inputs (snapshotTables takes ~70 ms
 * on PGlite). A transaction that writes takes a transaction id: if the next id did not move, nothing
 * was written. If it moved, inserted and updated rows are those whose xmin is that new, and deleted
 * ones show in the row count. tests/integration/hostile-inputs.test.ts checks this against snapshotTables.
 */
export class WriteWatch {
  private tables: string[] = [];
  private rowCounts = new Map<string, number>();
  private xmax = "";

  constructor(private readonly db: Db) {}

  private async nextXid(): Promise<string> {
    return rowsOf<{ x: string }>(await this.db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0]!.x;
  }

  private async count(sinceXid: string) {
    if (!this.tables.length) this.tables = Object.keys(await snapshotTables(this.db));
    const perTable = this.tables.map(
      (name) => sql`select ${name} as name, count(*) as n, count(*) filter (where ${writtenSince(sinceXid)}) as fresh from ${sql.identifier(name)} t`,
    );
    const rows = rowsOf<{ name: string; n: number | string; fresh: number | string }>(await this.db.execute(sql.join(perTable, sql` union all `)));
    return rows.map((r) => ({ name: r.name, rows: Number(r.n), fresh: Number(r.fresh) }));
  }

  /** Call before an input. */
  async mark(): Promise<void> {
    const xmax = await this.nextXid();
    if (xmax === this.xmax) return;
    this.rowCounts = new Map((await this.count(xmax)).map((t) => [t.name, t.rows]));
    this.xmax = await this.nextXid();
  }

  /** What changed since mark(); tables in `ignore` (bookkeeping a request always writes) are left out. */
  async changes(ignore: readonly string[] = []): Promise<Changes> {
    const sinceXid = this.xmax;
    if ((await this.nextXid()) === sinceXid) return { tables: [], rows: 0, sinceXid };
    const tables: string[] = [];
    let rows = 0;
    for (const t of await this.count(sinceXid)) {
      if (ignore.includes(t.name)) continue;
      const deleted = Math.max(0, (this.rowCounts.get(t.name) ?? 0) - (t.rows - t.fresh));
      if (t.fresh || deleted || t.rows !== this.rowCounts.get(t.name)) tables.push(t.name);
      rows += t.fresh + deleted;
    }
    await this.mark();
    return { tables, rows, sinceXid };
  }
}

/** Rows of `t` inserted or updated by a transaction at or after `xid` (xmin is the 32-bit part of the id). */
export const writtenSince = (xid: string) => sql`t.xmin::text::bigint >= (${xid}::bigint % 4294967296)`;

export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
