import "server-only";
import { getDb } from "@/db/client";
import { countRequest } from "@/db/queries/rate-limits";
import { isSameOrigin } from "./client-address";
import type { MessageKey } from "@/lib/i18n/translate";
import { Refusal } from "@/lib/refusal";

/**
 * File uploads (guardedRoute's `upload` option): the raw request body. A cross-site POST is refused
 * first (the session cookie would otherwise carry it: CSRF); then, after who, may they and the query,
 * a body over `maxBytes` — by Content-Length before reading, and again while reading.
 */

export interface UploadLimits {
  maxBytes: number;
  /** The message of a 413, given `{mb}`. */
  tooLarge: MessageKey;
  /** Uploads per user in a window (a 429 past it), for uploads that cost seconds of CPU to read. */
  perUser?: UploadRateLimit;
}

/** Counted in PostgreSQL, so the limit holds across instances. */
export interface UploadRateLimit {
  /** The rate-limit key's prefix; the user id completes it. */
  name: string;
  /** Read at each request, so an operator (or a test) can change it without a rebuild. */
  perWindow: () => number;
  windowMs: number;
  message: MessageKey;
}

/** The body, or null as soon as it passes `maxBytes`. */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

export function refuseCrossSite(request: Request): void {
  // Browsers send Origin on every POST; it must name this host (client-address.ts says which host that is).
  if (!isSameOrigin(request.headers, { urlHost: new URL(request.url).host })) throw new Refusal(403, "error.forbidden");
}

/** The body, after the size check and the per-user limit: a refused upload costs no reading and no parsing. */
export async function readUpload(request: Request, limits: UploadLimits, userId: string | null): Promise<Uint8Array> {
  const tooLarge = new Refusal(413, limits.tooLarge, { params: { mb: Math.round(limits.maxBytes / 1024 / 1024) } });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isInteger(declared) || declared < 0) throw new Refusal(400, "error.badRequest");
  if (declared > limits.maxBytes) throw tooLarge;
  if (limits.perUser && userId) await countUpload(limits.perUser, userId);
  const body = await readCapped(request, limits.maxBytes);
  if (body === null) throw tooLarge;
  return body;
}

async function countUpload({ name, perWindow, windowMs, message }: UploadRateLimit, userId: string): Promise<void> {
  const limit = perWindow();
  const rate = await countRequest(await getDb(), { key: `${name}:${userId}`, windowMs });
  if (rate.count > limit) {
    const params = { limit, minutes: Math.round(windowMs / 60_000), seconds: rate.resetSeconds };
    throw new Refusal(429, message, { params, headers: { "retry-after": String(rate.resetSeconds) } });
  }
}
