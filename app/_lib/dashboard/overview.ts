import "server-only";
import { listParkDataVersions } from "@/db/queries/park-dashboard";
import { compareParks, getRollup } from "@/db/queries/rollups";
import type { Executor } from "@/db/types";
import { cachedByVersion } from "./version-cache";

/**
 * The overview of many parks: their rollup together and one comparison row each. Cached per set of
 * parks and day, keyed on every one of their data versions (read on each call), so it is never
 * older than the last write to any of them.
 */
export async function getParksOverview(db: Executor, { parkIds, today }: { parkIds: string[]; today: string }) {
  const sorted = [...parkIds].sort();
  const versions = await listParkDataVersions(db, { parkIds: sorted });
  const version = sorted.map((id) => versions.get(id) ?? 0).join(".");
  return cachedByVersion(`parks-overview|${sorted.join(",")}|${today}`, version, async () => {
    const [rollup, rows] = await Promise.all([getRollup(db, { parkIds: sorted, today }), compareParks(db, { parkIds, today })]);
    return { rollup: rollup!, rows };
  });
}
