import "server-only";
import { getDb } from "@/db/client";
import { addShareViews, type PendingViews } from "@/db/queries/share-links";

/**
 * Views of the public status pages, counted in memory and written at most FLUSH_DELAY_MS later in one
 * statement per server. Writing each view as it happens made every page view a write transaction that
 * waited for the link row's lock: concurrent readers of one link queued behind each other (690 views/s
 * at most on the bench machine, against 7,000 reads/s of the same row).
 * A failed write puts its views back and is retried; a stopping server writes what it holds. What can
 * be lost is what a server counted in its last FLUSH_DELAY_MS if it dies without stopping (killed,
 * out of memory).
 */
export const FLUSH_DELAY_MS = 200;
const RETRY_DELAY_MS = 2000;

interface Counter {
  pending: Map<string, PendingViews>;
  timer: ReturnType<typeof setTimeout> | null;
  /** The write in progress: one at a time, so a retried batch is never written twice. */
  writing: Promise<void> | null;
  stopHooked: boolean;
}

// On globalThis: the route bundles and the pages that list the counts must share one counter.
const holder = globalThis as typeof globalThis & { __parklineShareViews?: Counter };
const counter = (holder.__parklineShareViews ??= { pending: new Map(), timer: null, writing: null, stopHooked: false });

export function countShareView(linkId: string, at: Date = new Date()): void {
  const entry = counter.pending.get(linkId);
  if (!entry) counter.pending.set(linkId, { linkId, views: 1, lastViewedAt: at });
  else {
    entry.views += 1;
    if (at > entry.lastViewedAt) entry.lastViewedAt = at;
  }
  schedule(FLUSH_DELAY_MS);
  hookStop();
}

function schedule(delayMs: number) {
  if (counter.timer) return;
  counter.timer = setTimeout(() => {
    counter.timer = null;
    flushShareViews().catch((error: unknown) => {
      console.error(`Parkline: share views not written yet, retrying: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, delayMs);
  counter.timer.unref?.();
}

/** Writes every view counted so far; resolves once they are in the database. */
export async function flushShareViews(): Promise<void> {
  while (counter.writing) await counter.writing.catch(() => {});
  if (counter.pending.size === 0) return;
  const batch = [...counter.pending.values()];
  counter.pending = new Map();
  counter.writing = (async () => {
    try {
      await addShareViews(await getDb(), batch);
    } catch (error) {
      for (const views of batch) {
        const entry = counter.pending.get(views.linkId);
        if (!entry) counter.pending.set(views.linkId, views);
        else {
          entry.views += views.views;
          if (views.lastViewedAt > entry.lastViewedAt) entry.lastViewedAt = views.lastViewedAt;
        }
      }
      schedule(RETRY_DELAY_MS);
      throw error;
    } finally {
      counter.writing = null;
    }
  })();
  return counter.writing;
}

/**
 * `next start` stops on SIGTERM/SIGINT once its open requests are answered: write what is held as soon
 * as the signal comes. Only where the server already handles the signal, so this never keeps a
 * process from stopping.
 */
function hookStop() {
  if (counter.stopHooked) return;
  counter.stopHooked = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (process.listenerCount(signal) > 0) process.once(signal, () => void flushShareViews().catch(() => {}));
  }
}
