/**
 * Rendered share pages, least recently used first out. The key holds the link (and the park and
 * project it names), its redaction, the language, the as-of date and the data version read from the
 * database with the token, so a hit is exactly what rendering now would produce, on every server.
 * Only a render cache: the token is checked before every lookup, so correctness never depends on it.
 * Entries also expire after a minute, which bounds what a park link's version can miss (see
 * shareDataVersionSql).
 */
import { gzipSync } from "node:zlib";

const TTL_MS = 60_000;
export const MAX_ENTRIES = 500;

/** A rendered page, and its gzip encoding once a reader asked for it. */
export interface RenderedPage {
  value: Buffer;
  gzipped?: Buffer;
  at: number;
}

type Entry = RenderedPage;

const holder = globalThis as typeof globalThis & { __parklineShareCache?: Map<string, Entry> };
const store = (holder.__parklineShareCache ??= new Map());

export function getRendered(key: string, now = Date.now()): RenderedPage | null {
  const hit = store.get(key);
  if (!hit) return null;
  store.delete(key);
  if (now - hit.at > TTL_MS) return null;
  // Maps iterate in insertion order: re-inserting makes this the most recently used.
  store.set(key, hit);
  return hit;
}

export function putRendered(key: string, value: Buffer, now = Date.now()): RenderedPage {
  store.delete(key);
  while (store.size >= MAX_ENTRIES) {
    const oldest = store.keys().next().value;
    if (oldest === undefined) break;
    store.delete(oldest);
  }
  const entry = { value, at: now };
  store.set(key, entry);
  return entry;
}

/**
 * The page gzipped, compressed once per rendering: left to Next.js's compression, every browser's
 * request (they all send Accept-Encoding: gzip) would deflate the same bytes again.
 */
export function gzippedOf(page: RenderedPage): Buffer {
  return (page.gzipped ??= gzipSync(page.value));
}
