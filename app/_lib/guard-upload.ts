import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { guardedRoute, type Access, type GuardContext } from "./guard";
import { isSameOrigin } from "./client-address";
import { getTranslator } from "@/app/_lib/request-locale";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * File uploads: a route handler that takes the raw request body. On top of guardedRoute (who, may
 * they, valid query) it refuses a cross-site POST (the session cookie would otherwise carry it:
 * CSRF) and a body over `maxBytes` — by Content-Length before reading, and again while reading.
 */

function problem(status: number, message: string) {
  return NextResponse.json({ ok: false, error: message, status }, { status, headers: { "cache-control": "no-store" } });
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
  options: { schema: S; access: Access; maxBytes: number; tooLarge: MessageKey },
  handler: (ctx: GuardContext<z.output<S>> & { request: Request; body: Uint8Array }) => Promise<Response>,
) {
  const mb = Math.round(options.maxBytes / 1024 / 1024);
  const guarded = guardedRoute({ schema: options.schema, access: options.access }, async (ctx) => {
    const declared = Number(ctx.request.headers.get("content-length") ?? "0");
    if (!Number.isInteger(declared) || declared < 0) return problem(400, ctx.t("error.badRequest"));
    if (declared > options.maxBytes) return problem(413, ctx.t(options.tooLarge, { mb }));
    const body = await readCapped(ctx.request, options.maxBytes);
    if (body === null) return problem(413, ctx.t(options.tooLarge, { mb }));
    return handler({ ...ctx, body });
  });
  return async (request: Request): Promise<Response> => {
    // Browsers send Origin on every POST; it must name this host (client-address.ts says which host that is).
    if (!isSameOrigin(request.headers, { urlHost: new URL(request.url).host })) return problem(403, (await getTranslator()).t("error.forbidden"));
    return guarded(request);
  };
}
