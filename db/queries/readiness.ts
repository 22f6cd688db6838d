import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "../types";

/** Readiness: one round trip that proves the database answers (GET /api/health). */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}
