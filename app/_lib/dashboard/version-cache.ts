/**
 * Computed figures kept in process memory per slot (e.g. a park and a day) together with the data
 * version they were computed at. The caller reads the version from the database on every request, so
 * an entry is never served once a write has moved it; each slot holds only its latest version. Each
 * app instance keeps its own entries and none depends on another's. Concurrent misses share one
 * computation.
 */
const MAX_SLOTS = 200;

type Entry = { version: string; value: Promise<unknown> };
const holder = globalThis as typeof globalThis & { __parklineVersionCache?: Map<string, Entry> };
const store = (holder.__parklineVersionCache ??= new Map<string, Entry>());

export function cachedByVersion<T>(slot: string, version: string | number, compute: () => Promise<T>): Promise<T> {
  const v = String(version);
  const hit = store.get(slot);
  // Most recently used last: Maps iterate in insertion order, so the first slot is the one to drop.
  store.delete(slot);
  if (hit && hit.version === v) {
    store.set(slot, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry = { version: v, value };
  store.set(slot, entry);
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (store.get(slot) === entry) store.delete(slot);
  });
  while (store.size > MAX_SLOTS) store.delete(store.keys().next().value!);
  return value;
}

/** Tests only: forget everything. */
export function clearVersionCache() {
  store.clear();
}
