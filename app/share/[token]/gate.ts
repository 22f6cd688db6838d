import "server-only";
import { getDb } from "@/db/client";
import { MISSES_ALLOWED, recordTokenMiss, resolveShareToken, type ResolvedShareLink } from "@/db/queries/share-links";
import type { Db } from "@/db/types";
import { clientIp } from "@/app/_lib/client-ip";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/app/_lib/i18n/locale";
import { localeFromAcceptLanguage } from "@/app/_lib/i18n/server";
import { errorDocument } from "./document";

/**
 * The one gate in front of every public share surface (the page and its preview image): the token is
 * looked up on every request, before anything cached is served, so a revoked link stops at once.
 */

/** The page carries no script and loads nothing: the policy allows exactly its inline style. */
export const SHARE_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  // The token is in the URL: a followed link must not carry it to another site.
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-robots-tag": "noindex, nofollow",
  "x-content-type-options": "nosniff",
};

export function htmlResponse(body: string, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...SHARE_HEADERS, "content-type": "text/html; charset=utf-8", ...extra } });
}

/** `?lang=en|zh` (the page's plain-link switch) wins; then the reader's Accept-Language; then Chinese. */
export function shareLocale(request: Request, lang: string | undefined): Locale {
  if (isLocale(lang)) return lang;
  return localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}

export type Opened = { ok: true; db: Db; link: ResolvedShareLink } | { ok: false; response: Response };

/** The live link of a token, or the one 404 page for every miss (429 once an address misses too often). */
export async function openShare(request: Request, token: string): Promise<Opened> {
  const db = await getDb();
  const link = await resolveShareToken(db, token);
  if (link) return { ok: true, db, link };
  const miss = await recordTokenMiss(db, { ip: clientIp(request) });
  if (miss.count > MISSES_ALLOWED) {
    return { ok: false, response: htmlResponse(errorDocument("tooMany"), 429, { "retry-after": String(miss.retryAfterSeconds) }) };
  }
  return { ok: false, response: notFoundResponse() };
}

export function notFoundResponse(): Response {
  return htmlResponse(errorDocument("notFound"), 404);
}
