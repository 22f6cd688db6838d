import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { guardedRoute, type Access, type GuardContext } from "./guard";
import { getTranslator } from "@/app/_lib/request-locale";
import { getDb } from "@/db/client";
import { countRequest } from "@/db/queries/rate-limits";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * File uploads: a route handler that takes the raw request body. On top of guardedRoute (who, may
 * they, valid query) it refuses a cross-site POST (the session cookie would otherwise carry it:
 * CSRF) and a body over `maxBytes` — by Content-Length before reading, and again while reading — and,
 * with a `limit`, more uploads from one user in a window than it allows (429).
 */

function problem(status: number, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json({ ok: false, error: message, status }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Uploads per user in a window, counted in PostgreSQL so the limit holds across instances. */
export interface UploadLimit {
  /** The rate-limit key's prefix; the user id completes it. */
  name: string;
  /** Read at each request, so an operator (or a test) can change it without a rebuild. */
  perWindow: () => number;
  windowMs: number;
  message: MessageKey;
}

/** Browsers send Origin on every POST; it must name this host (as the proxy sees it). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
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

export function guardedUpload<S extends z.ZodType>(
  options: { schema: S; access: Access; maxBytes: number; tooLarge: MessageKey; limit?: UploadLimit },
  handler: (ctx: GuardContext<z.output<S>> & { request: Request; body: Uint8Array }) => Promise<Response>,
) {
  const mb = Math.round(options.maxBytes / 1024 / 1024);
  const guarded = guardedRoute({ schema: options.schema, access: options.access }, async (ctx) => {
    const declared = Number(ctx.request.headers.get("content-length") ?? "0");
    if (!Number.isInteger(declared) || declared < 0) return problem(400, ctx.t("error.badRequest"));
    if (declared > options.maxBytes) return problem(413, ctx.t(options.tooLarge, { mb }));
    // Counted before the body is read: a refused upload costs no reading and no parsing.
    if (options.limit && ctx.viewer) {
      const { name, perWindow, windowMs, message } = options.limit;
      const limit = perWindow();
      const rate = await countRequest(await getDb(), { key: `${name}:${ctx.viewer.userId}`, windowMs });
      if (rate.count > limit) {
        const params = { limit, minutes: Math.round(windowMs / 60_000), seconds: rate.resetSeconds };
        return problem(429, ctx.t(message, params), { "retry-after": String(rate.resetSeconds) });
      }
    }
    const body = await readCapped(ctx.request, options.maxBytes);
    if (body === null) return problem(413, ctx.t(options.tooLarge, { mb }));
    return handler({ ...ctx, body });
  });
  return async (request: Request): Promise<Response> => {
    if (!isSameOrigin(request)) return problem(403, (await getTranslator()).t("error.forbidden"));
    return guarded(request);
  };
}
