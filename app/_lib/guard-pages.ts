import "server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { getParkPageGate } from "@/db/queries/accounts";
import type { MembershipRole } from "@/db/schema";
import { readSessionIdFromHeader } from "./auth/session-cookie";
import { clientAddressOf, requestHostOf, trustedProxyHops } from "./client-address";
import { isAtLeast } from "./auth/viewer";
import { chinaToday } from "@/lib/domain/china-day";
import { localeFromHeaders, type Locale } from "@/lib/i18n/locale";
import { createTranslator } from "@/lib/i18n/translate";
import { Refusal } from "@/lib/refusal";
import { problemOf } from "./api/problem";
import { canonicalSpellingOf, pagePathOf, parkPagePath } from "./page-cache/routing";
import { servePage, type PageAnswer, type PageInputs } from "./page-cache/serve";

/** A route's answer, written by whichever router serves it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export type PagesApiHandler = ((req: NextApiRequest, res: NextApiResponse) => Promise<void>) & { method: "GET" };

/** A refusal as the same problem+json the App Router's /api routes answer (api/problem.ts). */
function refused(refusal: Refusal, locale: Locale): Answer {
  return problemOf(refusal, createTranslator(locale));
}

/** Only GET and HEAD: anything else is the 405 every /api route gives (api/methods.ts). */
function methodRefusal(method: string | undefined, allowed: "GET"): Refusal | null {
  if (method === allowed || method === "HEAD") return null;
  const allow = `${allowed}, HEAD`;
  return new Refusal(405, "api.methodNotAllowed", { params: { method: method ?? "", allow }, headers: { allow } });
}

/**
 * guardedRoute (guard.ts) for the Pages Router's API routes: the public status page is one, because a
 * Pages API route costs this server less than half of what an App Router route handler does (README,
 * "Why the status page is a Pages API route"). The same checks in the same order: who is asking — only
 * `anyone`, as a Pages API route has no session (getViewer needs the App Router's request scope) — then
 * the method, then the input: the query, route parameters included, validated by zod, else a 400 in the
 * caller's language.
 */
export function guardedPublicApiRoute<S extends z.ZodType>(
  options: { method: "GET"; schema: S; access: { who: "anyone" } },
  handler: (ctx: { input: z.output<S>; req: NextApiRequest }) => Promise<Answer>,
): PagesApiHandler {
  const route = async (req: NextApiRequest, res: NextApiResponse): Promise<void> => {
    const locale = () => localeFromHeaders(headerOf(req, "cookie"), headerOf(req, "accept-language"));
    const notAllowed = methodRefusal(req.method, options.method);
    if (notAllowed) return writeAnswer(res, refused(notAllowed, locale()));
    const parsed = options.schema.safeParse(req.query);
    if (!parsed.success) return writeAnswer(res, refused(new Refusal(400, "error.badRequest"), locale()));
    writeAnswer(res, await handler({ input: parsed.data, req }));
  };
  return Object.assign(route, { method: options.method });
}

/**
 * A park's signed-in App Router page answered through the page cache (app/_lib/page-cache/serve.ts;
 * next.config.ts rewrites its document loads here). Who is asking (the session the cookie names, read
 * from the database), may they (a member of the park, at least `atLeast`) and is the input one the
 * cache may hold (zod: a well-formed park slug, no query string) are all checked, the first two in one
 * query (getParkPageGate). Only a request they all admit is served from the cache, or rendered once by
 * the App Router and kept. Any other is handed to the App Router page untouched, which answers it
 * exactly as without the cache (its sign-in redirect, its 404 page), and nothing is kept.
 */
export function guardedCachedParkPage<S extends z.ZodType<{ slug: string }>>(options: {
  method: "GET";
  schema: S;
  access: { who: "member"; atLeast: MembershipRole };
}): PagesApiHandler {
  const admitted = async (req: NextApiRequest, path: string, locale: Locale): Promise<PageInputs | null> => {
    const parsed = options.schema.safeParse(req.query);
    // The page's figures do not depend on a query string, but what it might add could: not kept. Only
    // the canonical spelling of the path is kept, so encodings of one slug cannot fill the cache.
    if (!parsed.success || path !== parkPagePath(parsed.data.slug)) return null;
    const sessionId = await readSessionIdFromHeader(headerOf(req, "cookie"));
    if (sessionId === null) return null;
    const gate = await getParkPageGate(await getDb(), { sessionId, slug: parsed.data.slug });
    if (!gate || !isAtLeast(gate.role, options.access.atLeast)) return null;
    return { viewerFingerprint: gate.viewerFingerprint, locale, day: chinaToday(), dataVersion: String(gate.dataVersion) };
  };
  const route = async (req: NextApiRequest, res: NextApiResponse): Promise<void> => {
    const locale = localeFromHeaders(headerOf(req, "cookie"), headerOf(req, "accept-language"));
    const t = () => createTranslator(locale);
    const notAllowed = methodRefusal(req.method, options.method);
    if (notAllowed) return writeAnswer(res, refused(notAllowed, locale));
    const path = pagePathOf(req.url ?? "");
    if (path === null) return writeAnswer(res, refused(new Refusal(400, "error.badRequest"), locale));
    // Another spelling of a well-formed slug (/parks/%6eingxiang-htz) goes to the one the cache keeps.
    const canonical = canonicalSpellingOf(path, (slug) => options.schema.safeParse({ ...req.query, slug }).success);
    if (canonical !== null) {
      return writeAnswer(res, { status: 308, headers: { location: canonical, "cache-control": "no-store" }, body: "" });
    }
    let page: PageAnswer;
    try {
      const listener = { address: req.socket?.localAddress ?? "", port: req.socket?.localPort ?? 0 };
      if (!listener.address || !listener.port) throw new Error("page cache: the request came in on no socket");
      page = await servePage({ path, headers: req.headers, listener, clientAddress: clientAddressOfNode(req) }, await admitted(req, path, locale));
    } catch (error) {
      // The database or the App Router (for the rendering) could not be reached: a shutdown, an outage.
      console.error(error);
      const headers = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": "5" };
      return writeAnswer(res, { status: 503, headers, body: t()("error.unavailable") });
    }
    res.statusCode = page.status;
    const grouped = new Map<string, string[]>();
    for (const [name, value] of page.headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
    for (const [name, values] of grouped) res.setHeader(name, values.length === 1 ? values[0]! : values);
    res.setHeader("x-parkline-cache", page.cache);
    res.setHeader("content-length", page.body.length);
    res.end(page.body);
  };
  return Object.assign(route, { method: options.method });
}

/** One write: headers and body leave in a single packet, with a Content-Length. */
function writeAnswer(res: NextApiResponse, answer: Answer) {
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}

/** A request header as one string (Node gives repeated ones as an array). */
export function headerOf(req: Pick<NextApiRequest, "headers">, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

type NodeRequest = Pick<NextApiRequest, "headers"> & { socket?: { remoteAddress?: string; encrypted?: boolean } | null };

/** The client's address by the one rule (client-address.ts); a Pages API route sees the socket itself. */
export function clientAddressOfNode(req: NodeRequest, hops = trustedProxyHops()): string {
  return clientAddressOf(req.socket?.remoteAddress, headerOf(req, "x-forwarded-for"), hops);
}

/**
 * scheme://host the reader used: the socket's and the Host header's, or behind a trusted proxy
 * (client-address.ts) the last X-Forwarded-Proto and X-Forwarded-Host entries, which it wrote.
 */
export function originOf(req: NodeRequest, hops = trustedProxyHops()): string {
  const forwardedProto = hops > 0 ? headerOf(req, "x-forwarded-proto")?.split(",").at(-1)?.trim() : undefined;
  const proto = (forwardedProto ?? (req.socket?.encrypted ? "https" : "http")) === "https" ? "https" : "http";
  const host = requestHostOf(headerOf(req, "host"), headerOf(req, "x-forwarded-host"), hops) ?? "";
  return `${proto}://${/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : "localhost"}`;
}
