/**
 * Rendered pages kept in process memory, each under a slot (a page as one viewer sees it in one
 * language) together with the version of everything it was rendered from. The caller reads that
 * version from the database on every request, so a page is never served once a write has moved it;
 * each slot holds only its latest version, and the least recently used slots go first once the
 * pages held pass the byte budget. Each app instance keeps its own, and none depends on another's.
 * Concurrent misses of one slot and version share one rendering.
 */

/** A rendered page with its nonce cut out: `fill` puts a fresh one back for every response. */
export interface PageTemplate {
  status: number;
  /** Header values split where the nonce was (most have no nonce: one part). */
  headers: [name: string, parts: string[]][];
  /** The body split where the nonce was. */
  body: Buffer[];
  bytes: number;
}

/** A rendered page as it left the renderer, and the nonce its policy and scripts carry (null: none). */
export interface RenderedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  nonce: string | null;
}

export function templateOf(page: RenderedPage): PageTemplate {
  const headers = page.headers.map(([name, value]): [string, string[]] => [name, page.nonce ? value.split(page.nonce) : [value]]);
  const body = page.nonce ? splitBuffer(page.body, Buffer.from(page.nonce)) : [page.body];
  const bytes = page.body.length + page.headers.reduce((n, [name, value]) => n + name.length + value.length, 0);
  return { status: page.status, headers, body, bytes };
}

/** The page with `nonce` wherever the rendering's nonce was. */
export function fill(template: PageTemplate, nonce: string): { status: number; headers: [string, string][]; body: Buffer } {
  const separator = Buffer.from(nonce);
  const chunks: Buffer[] = [];
  template.body.forEach((part, i) => {
    if (i > 0) chunks.push(separator);
    chunks.push(part);
  });
  return { status: template.status, headers: template.headers.map(([name, parts]) => [name, parts.join(nonce)]), body: Buffer.concat(chunks) };
}

function splitBuffer(buffer: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = buffer.indexOf(separator, from); at !== -1; at = buffer.indexOf(separator, from)) {
    parts.push(buffer.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(buffer.subarray(from));
  return parts;
}

type Entry = { version: string; page: Promise<PageTemplate | null>; bytes: number };

export class PageStore {
  private readonly slots = new Map<string, Entry>();
  private held = 0;

  constructor(private readonly budgetBytes: number) {}

  /**
   * The slot's page at `version`, rendering it when it is not held. `render` answers null for a page
   * that must not be kept (not a 200, say); every caller then renders for itself.
   */
  get(slot: string, version: string, render: () => Promise<PageTemplate | null>): { page: Promise<PageTemplate | null>; hit: boolean } {
    const held = this.slots.get(slot);
    if (held && held.version === version) {
      // Most recently used last: a Map iterates in insertion order, so the first slot goes first.
      this.slots.delete(slot);
      this.slots.set(slot, held);
      return { page: held.page, hit: true };
    }
    if (held) this.drop(slot, held);
    const entry: Entry = { version, page: render(), bytes: 0 };
    this.slots.set(slot, entry);
    entry.page.then(
      (page) => {
        if (this.slots.get(slot) !== entry) return;
        if (page === null) return this.drop(slot, entry);
        entry.bytes = page.bytes;
        this.held += page.bytes;
        this.evict();
      },
      // A failed rendering is not kept: the next request tries again.
      () => this.slots.get(slot) === entry && this.drop(slot, entry),
    );
    return { page: entry.page, hit: false };
  }

  /** Bytes of the pages held, and how many. */
  get size() {
    return { bytes: this.held, pages: this.slots.size };
  }

  clear() {
    this.slots.clear();
    this.held = 0;
  }

  private drop(slot: string, entry: Entry) {
    this.slots.delete(slot);
    this.held -= entry.bytes;
  }

  private evict() {
    for (const [slot, entry] of this.slots) {
      if (this.held <= this.budgetBytes) return;
      // A page still rendering holds nothing yet.
      if (entry.bytes > 0) this.drop(slot, entry);
    }
  }
}
