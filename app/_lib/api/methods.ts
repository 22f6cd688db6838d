import "server-only";
import { localeFromAcceptLanguage } from "@/app/_lib/request-locale";
import { createTranslator } from "@/lib/i18n/translate";
import { Refusal } from "@/lib/refusal";
import { problemResponse } from "./problem";

/**
 * Every route.ts under /api exports all HTTP methods through `routeMethods`, so a method it does not
 * take is a 405 with `Allow` and a problem body (Next.js's own 405 has neither), and OPTIONS lists
 * the same methods. tests/integration/api-refusals.test.ts walks app/api and fails on a route that
 * exports its handlers any other way.
 */

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
type Taken = Exclude<HttpMethod, "HEAD" | "OPTIONS">;

/** Marks the answers that are no endpoint of their own (a 405, OPTIONS), for tests that walk the routes. */
export const NOT_AN_ENDPOINT = Symbol.for("parkline.notAnEndpoint");

type AllMethods<H> = {
  [M in HttpMethod]: M extends keyof H ? H[M] : M extends "HEAD" ? ("GET" extends keyof H ? undefined : Handler) : Handler;
};

function notAnEndpoint(handler: Handler): Handler {
  return Object.assign(handler, { [NOT_AN_ENDPOINT]: true });
}

export function routeMethods<H extends Partial<Record<Taken, Handler>>>(handlers: H): AllMethods<H> {
  const taken = HTTP_METHODS.filter((m) => m in handlers);
  // Next.js answers HEAD with GET when HEAD is left undefined (without the body).
  const allow = [...taken, ...(taken.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = notAnEndpoint((request) => {
    const t = createTranslator(localeFromAcceptLanguage(request.headers.get("accept-language")) ?? "en");
    return problemResponse(new Refusal(405, "api.methodNotAllowed", { params: { method: request.method, allow }, headers: { allow } }), t);
  });
  const options = notAnEndpoint(() => new Response(null, { status: 204, headers: { allow, "cache-control": "no-store" } }));
  const all: Record<string, Handler | undefined> = { ...handlers, OPTIONS: options };
  for (const method of HTTP_METHODS) {
    if (method in all) continue;
    all[method] = method === "HEAD" && taken.includes("GET") ? undefined : refuse;
  }
  return all as AllMethods<H>;
}
