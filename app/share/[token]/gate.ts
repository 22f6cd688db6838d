import "server-only";
import type { Answer } from "@/app/_lib/guard-pages";
import { getDb } from "@/db/client";
import { MISSES_ALLOWED, recordTokenMiss, type ResolvedShareLink } from "@/db/queries/share-links";
import type { Db } from "@/db/types";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locale";
import { errorDocument } from "./document";
import { lookUpToken } from "./token-batch";

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

/** A status page answer, before it is written by whichever router serves it (see toResponse). */
export type ShareAnswer = Answer;

export function htmlAnswer(body: string | Buffer, status = 200, extra: Record<string, string> = {}): ShareAnswer {
  return { status, headers: { ...SHARE_HEADERS, "content-type": "text/html; charset=utf-8", ...extra }, body };
}

export function toResponse(answer: ShareAnswer): Response {
  return new Response(typeof answer.body === "string" ? answer.body : new Uint8Array(answer.body), { status: answer.status, headers: answer.headers });
}

/** The one 404 page for unknown, revoked and expired links alike. */
export function notFoundAnswer(): ShareAnswer {
  return htmlAnswer(errorDocument("notFound"), 404);
}

/** `?lang=en|zh` (the page's plain-link switch) wins; then the reader's Accept-Language; then Chinese. */
export function shareLocale(lang: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(lang)) return lang;
  return localeFromAcceptLanguage(acceptLanguage ?? null) ?? DEFAULT_LOCALE;
}

export type Opened = { ok: true; db: Db; link: ResolvedShareLink } | { ok: false; answer: ShareAnswer };

/** The live link of a token, or the one 404 page for every miss (429 once an address misses too often). */
export async function openShare(token: string, ip: string): Promise<Opened> {
  const db = await getDb();
  const link = await lookUpToken(db, token);
  if (link) return { ok: true, db, link };
  const miss = await recordTokenMiss(db, { ip });
  if (miss.count > MISSES_ALLOWED) {
    return { ok: false, answer: htmlAnswer(errorDocument("tooMany"), 429, { "retry-after": String(miss.retryAfterSeconds) }) };
  }
  return { ok: false, answer: notFoundAnswer() };
}
