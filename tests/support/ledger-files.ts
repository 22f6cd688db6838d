import ExcelJS from "exceljs";
import { Deflate, deflateSync } from "fflate";
import iconv from "iconv-lite";

/**
 * Ledger files for the import tests: good ones (xlsx, CSV in UTF-8 or GB18030) and bad ones (a zip
 * bomb, a zip that lies about its sizes, garbage named .xlsx …), built in memory.
 */

export type Cell = string | number | Date | null;

export async function xlsxOf(rows: Cell[][], sheetName = "Sheet1"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Rows read back from a workbook, as plain values (for checking exports). */
export async function xlsxRows(bytes: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const csvField = (v: Cell) => {
  const text = v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function csvOf(rows: Cell[][], encoding: "utf-8" | "utf-8-bom" | "gb18030" = "utf-8-bom"): Uint8Array {
  const text = rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
  if (encoding === "gb18030") return new Uint8Array(iconv.encode(text, "gb18030"));
  return new TextEncoder().encode(encoding === "utf-8-bom" ? `\uFEFF${text}` : text);
}

// ---- raw zips, for files a zip library would refuse to write ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface RawEntry {
  name: string;
  /** The bytes as stored in the zip (already deflated when method is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the zip declares (may be a lie). */
  declaredSize: number;
  crc?: number;
  flags?: number;
}

/** A zip written byte by byte: local headers, data, central directory, end record. */
export function rawZip(entries: RawEntry[], options: { overlapAllAt?: number } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const encoder = new TextEncoder();
  for (const e of entries) {
    const name = encoder.encode(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, e.flags ?? 0, true);
    local.setUint16(8, e.method, true);
    local.setUint32(14, e.crc ?? 0, true);
    local.setUint32(18, e.stored.length, true);
    local.setUint32(22, e.declaredSize, true);
    local.setUint16(26, name.length, true);
    const headerOffset = options.overlapAllAt ?? offset;
    if (options.overlapAllAt === undefined || central.length === 0) {
      parts.push(new Uint8Array(local.buffer), name, e.stored);
      offset += 30 + name.length + e.stored.length;
    }
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(8, e.flags ?? 0, true);
    dir.setUint16(10, e.method, true);
    dir.setUint32(16, e.crc ?? 0, true);
    dir.setUint32(20, e.stored.length, true);
    dir.setUint32(24, e.declaredSize, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, headerOffset, true);
    central.push(new Uint8Array(dir.buffer), name);
  }
  const directorySize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const deflated = (text: string, name: string): RawEntry => {
  const data = new TextEncoder().encode(text);
  return { name, stored: deflateSync(data), method: 8, declaredSize: data.length, crc: crc32(data) };
};

const MINIMAL_PARTS = (sheet: string): RawEntry[] => [
  deflated('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', "[Content_Types].xml"),
  deflated('<?xml version="1.0"?><workbook/>', "xl/workbook.xml"),
  deflated(sheet, "xl/worksheets/sheet1.xml"),
];

const zerosCache = new Map<number, Uint8Array>();

/** Megabytes of zeros deflated in a stream (never all in memory): about 1,000 to 1. */
function deflatedZeros(megabytes: number): Uint8Array {
  const cached = zerosCache.get(megabytes);
  if (cached) return cached;
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) deflate.push(zeros, i === megabytes - 1);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  zerosCache.set(megabytes, out);
  return out;
}

/** A workbook-shaped zip whose sheet inflates to `megabytes` MB, honestly declared. */
export function zipBomb(megabytes = 70): Uint8Array {
  const [types, workbook] = MINIMAL_PARTS("");
  return rawZip([types!, workbook!, { name: "xl/worksheets/sheet1.xml", stored: deflatedZeros(megabytes), method: 8, declaredSize: megabytes * 1024 * 1024 }]);
}

/** The same bomb declaring a 1 KB sheet: the cap must hold on what inflates, not on what is declared. */
export function lyingZipBomb(megabytes = 70): Uint8Array {
  const [types, workbook] = MINIMAL_PARTS("");
  return rawZip([types!, workbook!, { name: "xl/worksheets/sheet1.xml", stored: deflatedZeros(megabytes), method: 8, declaredSize: 1024 }]);
}

/** Many central-directory entries pointing at one compressed kernel (the overlapping-files bomb). */
export function overlappingZip(copies = 50): Uint8Array {
  const kernel = deflatedZeros(1);
  return rawZip(
    Array.from({ length: copies }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, stored: kernel, method: 8 as const, declaredSize: 1024 * 1024 })),
    { overlapAllAt: 0 },
  );
}

export const encryptedZip = () => rawZip(MINIMAL_PARTS("<worksheet/>").map((e) => ({ ...e, flags: 1 })));

export const manyEntriesZip = (count: number) => rawZip(Array.from({ length: count }, (_, i) => deflated("x", `part${i}.xml`)));

/** A workbook with a VBA project inside (.xlsm renamed .xlsx). */
export const macroZip = () => rawZip([...MINIMAL_PARTS("<worksheet/>"), deflated("VBA", "xl/vbaProject.bin")]);

/** Random bytes with no structure at all. */
export function garbage(length = 4096, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

/** A workbook whose sheet has `rows` rows, written as raw XML (ExcelJS would take a while to write 100,000). */
export function bigSheetXlsx(rows: number): Uint8Array {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>P${r}</t></is></c></row>`);
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join("")}</sheetData></worksheet>`;
  return rawZip(MINIMAL_PARTS(sheet));
}
