import "server-only";
import { Refusal } from "@/lib/refusal";

/** Larger than any valid write (a progress entry's two 5,000-character narratives in CJK are ~30 KB). */
export const MAX_BODY_BYTES = 128 * 1024;
/** Deeper than any valid write (progress: body → reached → date is 2 levels). */
export const MAX_JSON_DEPTH = 16;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** application/json or any application/…+json (merge-patch+json), in UTF-8 if a charset is named. */
function isJsonMediaType(header: string | null): boolean {
  if (!header) return false;
  const [type = "", ...params] = header.split(";").map((p) => p.trim().toLowerCase());
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  const charset = params.find((p) => p.startsWith("charset="))?.slice(8).replace(/"/g, "");
  return charset === undefined || charset === "utf-8";
}

/** The body's bytes, refused with 413 as soon as they pass the limit (not after buffering all of it). */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new Refusal(413, "api.payloadTooLarge", { params: { max: maxBytes } });
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Refusal(413, "api.payloadTooLarge", { params: { max: maxBytes } });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The deepest nesting of objects and arrays, counted outside strings, before JSON.parse sees it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * The request body as parsed JSON: 415 unless it is declared JSON, 413 past the size limit, 400 when it
 * is not UTF-8, not JSON, or nested too deeply. What it contains is the schema's job.
 */
export async function readJsonBody(request: Request, { maxBytes = MAX_BODY_BYTES } = {}): Promise<unknown> {
  if (!isJsonMediaType(request.headers.get("content-type"))) throw new Refusal(415, "api.unsupportedMediaType");
  const bytes = await readCapped(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Refusal(400, "api.malformedJson");
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new Refusal(400, "api.tooDeep", { params: { max: MAX_JSON_DEPTH } });
  let ill = false;
  let parsed: unknown;
  try {
    // JSON may escape half a surrogate pair ("\ud800"); such text is not Unicode, and no column or jsonb takes it.
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (LONE_SURROGATE.test(key) || (typeof value === "string" && LONE_SURROGATE.test(value))) ill = true;
      return value;
    });
  } catch {
    throw new Refusal(400, "api.malformedJson");
  }
  if (ill) throw new Refusal(400, "api.invalidUnicode");
  return parsed;
}
