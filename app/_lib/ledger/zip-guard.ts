import { Inflate } from "fflate";

/**
 * Opens a .xlsx (a zip) without trusting what it says about itself. The central directory is read
 * by hand; entries must be stored or deflated, unencrypted, non-overlapping and inside the file;
 * every entry is inflated here with a hard cap on the total output and on the number of entries,
 * and must inflate to exactly the size it declares. Only then does anything parse the contents.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Total bytes all entries may inflate to together. */
  maxTotalBytes: number;
}

export type ZipResult =
  | { ok: true; entries: Map<string, Uint8Array> }
  | { ok: false; reason: "notZip" | "encrypted" | "tooManyEntries" | "tooLarge" | "damaged" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Inflate in small steps, so one step can never produce more than about a megabyte past the cap. */
const STEP = 1024;

class Refused extends Error {
  constructor(readonly reason: Exclude<ZipResult, { ok: true }>["reason"]) {
    super(reason);
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 65_535; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new Refused("notZip");
}

function readEntries(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  if (bytes.byteLength < 22) throw new Refused("notZip");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no ledger needs a zip over 4 GB or 65,535 entries.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new Refused("tooLarge");
  if (count > limits.maxEntries) throw new Refused("tooManyEntries");
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) throw new Refused("damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (flags & 0x1) throw new Refused("encrypted");
    if (method !== 0 && method !== 8) throw new Refused("damaged");
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new Refused("tooLarge");
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL) throw new Refused("damaged");
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.byteLength) throw new Refused("damaged");
    entries.push({ name, method, compressedSize, size, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // Overlapping entries are how the smallest zip bombs reuse one compressed kernel many times.
  const byStart = [...entries].sort((a, b) => a.dataStart - b.dataStart);
  for (let i = 1; i < byStart.length; i++) {
    const previous = byStart[i - 1]!;
    if (previous.dataStart + previous.compressedSize > byStart[i]!.dataStart) throw new Refused("damaged");
  }
  if (new Set(entries.map((e) => e.name)).size !== entries.length) throw new Refused("damaged");
  return entries;
}

function inflateCapped(data: Uint8Array, budget: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget) throw new Refused("tooLarge");
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += STEP) inflate.push(data.subarray(at, Math.min(at + STEP, data.length)), at + STEP >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused("damaged");
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function openZip(bytes: Uint8Array, limits: ZipLimits): ZipResult {
  try {
    const entries = new Map<string, Uint8Array>();
    let budget = limits.maxTotalBytes;
    for (const entry of readEntries(bytes, limits)) {
      // The declared size may lie; it is only a first, cheap refusal. The real cap is in inflateCapped.
      if (entry.size > budget) throw new Refused("tooLarge");
      const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
      const data = entry.method === 0 ? raw.slice() : inflateCapped(raw, budget);
      if (data.length !== entry.size) throw new Refused("damaged");
      budget -= data.length;
      entries.set(entry.name, data);
    }
    return { ok: true, entries };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}
