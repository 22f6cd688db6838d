import "server-only";
import { resolveShareTokens, type ResolvedShareLink } from "@/db/queries/share-links";
import type { Db } from "@/db/types";

interface Waiting {
  token: string;
  resolve: (link: ResolvedShareLink | null) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  queue: Waiting[];
  busy: boolean;
}

const lanes = new Map<Db, Lane>();
const MAX_BATCH = 100;

/** Lookups and queries so far, for the bench's notes: lookups / queries is the mean batch size. */
export const tokenBatchStats = { lookups: 0, queries: 0 };

/**
 * The live link of a token, looked up together with the tokens of other requests: at most one lookup
 * query per server is in flight, and the requests that arrive meanwhile go in the next one. Under load
 * that is one round trip for many requests instead of one each (the database's CPU is shared with
 * this server's); when idle a request is looked up at once. Every request's lookup is a query that
 * starts after the request arrived, so a link revoked before it is refused.
 */
export function lookUpToken(db: Db, token: string): Promise<ResolvedShareLink | null> {
  return new Promise((resolve, reject) => {
    let lane = lanes.get(db);
    if (!lane) lanes.set(db, (lane = { queue: [], busy: false }));
    lane.queue.push({ token, resolve, reject });
    if (!lane.busy) {
      lane.busy = true;
      // Let the requests parsed in this turn of the event loop join the first query too.
      setImmediate(() => void drain(db, lane));
    }
  });
}

async function drain(db: Db, lane: Lane) {
  while (lane.queue.length > 0) {
    const batch = lane.queue.splice(0, MAX_BATCH);
    tokenBatchStats.queries += 1;
    tokenBatchStats.lookups += batch.length;
    try {
      const links = await resolveShareTokens(db, batch.map((w) => w.token));
      batch.forEach((w, i) => w.resolve(links[i] ?? null));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
  lane.busy = false;
}
