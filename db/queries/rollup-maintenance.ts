import { and, eq, sql } from "drizzle-orm";
import { parkMonthlyStats } from "../schema";
import type { Executor } from "../types";

export interface MonthlyDelta {
  parkId: string;
  period: string;
  investment: string; // signed decimal yuan
  output: string;
  entries: number;
}

/**
 * Adds a delta to a park's month. Called inside the transaction that writes the entry, so the
 * summary never disagrees with the log; the row lock of the upsert serializes concurrent writers.
 */
export async function addToMonthlyStats(tx: Executor, d: MonthlyDelta) {
  if (d.entries < 0) {
    // Taking an entry out: its month's row exists. (An upsert would check the negative count of the
    // candidate row against the CHECK constraint before it found the conflict.)
    await tx
      .update(parkMonthlyStats)
      .set({
        investmentCompleted: sql`${parkMonthlyStats.investmentCompleted} + ${d.investment}::numeric`,
        outputValue: sql`${parkMonthlyStats.outputValue} + ${d.output}::numeric`,
        entryCount: sql`${parkMonthlyStats.entryCount} + ${d.entries}`,
      })
      .where(and(eq(parkMonthlyStats.parkId, d.parkId), eq(parkMonthlyStats.period, d.period)));
    return;
  }
  await tx
    .insert(parkMonthlyStats)
    .values({ parkId: d.parkId, period: d.period, investmentCompleted: d.investment, outputValue: d.output, entryCount: d.entries })
    .onConflictDoUpdate({
      target: [parkMonthlyStats.parkId, parkMonthlyStats.period],
      set: {
        investmentCompleted: sql`${parkMonthlyStats.investmentCompleted} + excluded.investment_completed`,
        outputValue: sql`${parkMonthlyStats.outputValue} + excluded.output_value`,
        entryCount: sql`${parkMonthlyStats.entryCount} + excluded.entry_count`,
      },
    });
}

/** Recomputes every park's monthly sums from the raw entries: for seeds, bulk loads and repairs. */
export async function rebuildMonthlyStats(tx: Executor) {
  await tx.execute(sql`delete from park_monthly_stats`);
  await tx.execute(sql`
    insert into park_monthly_stats (park_id, period, investment_completed, output_value, entry_count)
    select e.park_id, e.period, coalesce(sum(e.investment_completed), 0), coalesce(sum(e.output_value), 0), count(*)
    from progress_entries e
    where not exists (select 1 from progress_entries s where s.supersedes_id = e.id)
    group by e.park_id, e.period`);
}
