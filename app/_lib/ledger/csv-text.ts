/**
 * Reading a CSV ledger: bytes → text (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 as
 * Excel on Chinese Windows writes it) → records. Quoted fields may hold delimiters, quotes ("") and
 * line breaks; the delimiter (comma, tab or semicolon) is the one the first line uses most.
 */

export type TextResult = { ok: true; text: string; encoding: "utf-8" | "utf-16" | "gb18030" } | { ok: false; reason: "encoding" | "binary" };

/** C0 controls other than tab, LF and CR never occur in a text ledger: their presence means a binary file. */
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function decode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeCsvBytes(bytes: Uint8Array): TextResult {
  let result: TextResult | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decode(bytes.subarray(3), "utf-8");
    result = text === null ? { ok: false, reason: "encoding" } : { ok: true, text, encoding: "utf-8" };
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = decode(bytes.subarray(2), bytes[0] === 0xff ? "utf-16le" : "utf-16be");
    result = text === null ? { ok: false, reason: "encoding" } : { ok: true, text, encoding: "utf-16" };
  } else {
    const utf8 = decode(bytes, "utf-8");
    const gb = utf8 === null ? decode(bytes, "gb18030") : null;
    if (utf8 !== null) result = { ok: true, text: utf8, encoding: "utf-8" };
    else if (gb !== null) result = { ok: true, text: gb, encoding: "gb18030" };
    else result = { ok: false, reason: "encoding" };
  }
  if (result.ok && BINARY.test(result.text)) return { ok: false, reason: "binary" };
  return result;
}

/** The delimiter the first line (outside quotes) uses most: comma unless tabs or semicolons win. */
export function detectDelimiter(text: string): "," | "\t" | ";" {
  const counts = { ",": 0, "\t": 0, ";": 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts["\t"] > counts[","] && counts["\t"] >= counts[";"]) return "\t";
  if (counts[";"] > counts[","]) return ";";
  return ",";
}

export type CsvParse =
  | { ok: true; records: string[][] }
  | { ok: false; reason: "tooManyRows" }
  | { ok: false; reason: "unclosedQuote"; row: number };

/**
 * RFC 4180 records. `maxRecords` stops the parse early (a 100,000-row file is refused without
 * building 100,000 arrays); a quote opened and never closed is refused with the record it starts.
 */
export function parseCsv(text: string, maxRecords: number): CsvParse {
  const delimiter = detectDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoteStart = -1;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoteStart >= 0) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoteStart = -1;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoteStart = records.length;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      if (records.length > maxRecords) return { ok: false, reason: "tooManyRows" };
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (quoteStart >= 0) return { ok: false, reason: "unclosedQuote", row: quoteStart + 1 };
  if (field !== "" || record.length > 0) endRecord();
  if (records.length > maxRecords) return { ok: false, reason: "tooManyRows" };
  return { ok: true, records };
}
