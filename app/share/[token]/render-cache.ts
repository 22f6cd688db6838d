/**
 * Rendered share pages, keyed on (link, data version, language, day…). Only a render cache: the token
 * is checked before every lookup, so correctness never depends on it. Entries also expire after a
 * minute, which bounds staleness if two writes commit out of order and the version misses one.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 500;

const holder = globalThis as typeof globalThis & { __parklineShareCache?: Map<string, { value: string; at: number }> };
const store = (holder.__parklineShareCache ??= new Map());

export function getRendered(key: string, now = Date.now()): string | null {
  const hit = store.get(key);
  if (!hit) return null;
  if (now - hit.at > TTL_MS) {
    store.delete(key);
    return null;
  }
  return hit.value;
}

export function putRendered(key: string, value: string, now = Date.now()): void {
  if (store.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: drop the oldest entry.
    const oldest = store.keys().next().value;
    if (oldest !== undefined) store.delete(oldest);
  }
  store.set(key, { value, at: now });
}
