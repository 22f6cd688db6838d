import "server-only";
import { lt, sql } from "drizzle-orm";
import { rateLimitHits } from "../schema";
import type { Executor } from "../types";

/** Windows older than this are deleted as new ones start: longer than any window in use. */
const KEEP_MS = 60 * 60_000;

export interface RateCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

/**
 * Counts one request for `key` in the current fixed window, in PostgreSQL, so a limit holds across
 * app instances. One statement: concurrent requests each add exactly one.
 */
export async function countRequest(db: Executor, { key, windowMs, now = new Date() }: { key: string; windowMs: number; now?: Date }): Promise<RateCount> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key: key.slice(0, 200), windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + 1` } })
    .returning({ count: rateLimitHits.count });
  // The first request of a window clears windows long gone (by the window_start index).
  if (row!.count === 1) await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - KEEP_MS)));
  return { count: row!.count, resetSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}
