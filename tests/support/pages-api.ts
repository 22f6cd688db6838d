import { join } from "node:path";
import type { NextApiRequest, NextApiResponse } from "next";
import { NOT_AN_ENDPOINT } from "@/app/_lib/api/methods";

/**
 * Route handlers of both routers behind one signature, so tests call an App Router `route.ts` method
 * and a Pages Router API route (pages/api, a default export taking Node's req/res) the same way: a
 * Fetch Request and the route parameters in, a Fetch Response out.
 */
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type PagesHandler = (req: NextApiRequest, res: NextApiResponse) => Promise<void> | void;

/** The handler of `file` (relative to `root`) for `method`, or undefined when it has none. */
export async function loadRouteHandler(root: string, file: string, method: string): Promise<RouteHandler | undefined> {
  const exports = (await import(join(root, file))) as Record<string, unknown> & { default?: PagesHandler & { method?: string } };
  if (!file.startsWith("pages/api/")) {
    const handler = exports[method] as (RouteHandler & { [NOT_AN_ENDPOINT]?: true }) | undefined;
    // A method the route only refuses (405) or lists (OPTIONS): no endpoint of its own (api/methods.ts).
    return handler?.[NOT_AN_ENDPOINT] ? undefined : handler;
  }
  const handler = exports.default;
  return handler && handler.method === method ? (request, context) => callPagesApi(handler, request, context) : undefined;
}

/** The HTTP methods a Pages API route module answers (guardedPublicApiRoute records its one method). */
export async function pagesApiMethods(root: string, file: string): Promise<string[]> {
  const { default: handler } = (await import(join(root, file))) as { default?: { method?: string } };
  return handler?.method ? [handler.method] : [];
}

/** Runs a Pages API handler as Next.js would: the query string merged with the route parameters, which win. */
export async function callPagesApi(handler: PagesHandler, request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  Object.assign(query, await context.params);
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, name) => (headers[name] = value));
  // The socket a page-cache route renders back to (its renderer is mocked in tests).
  const socket = { localAddress: "127.0.0.1", localPort: 3000 };
  const req = { method: request.method, url: url.pathname + url.search, query, headers, socket } as unknown as NextApiRequest;

  const out = new Headers();
  let body: Buffer = Buffer.alloc(0);
  let ended = false;
  const res = {
    statusCode: 200,
    setHeader(name: string, value: string | number | readonly string[]) {
      out.set(name, Array.isArray(value) ? value.join(", ") : String(value));
      return res;
    },
    getHeader: (name: string) => out.get(name) ?? undefined,
    end(chunk?: string | Buffer) {
      if (ended) throw new Error("pages-api: end() called twice");
      ended = true;
      body = chunk === undefined ? Buffer.alloc(0) : Buffer.from(chunk);
      return res;
    },
  };
  await handler(req, res as unknown as NextApiResponse);
  if (!ended) throw new Error("pages-api: the handler returned without ending the response");
  return new Response(request.method === "HEAD" || body.length === 0 ? null : new Uint8Array(body), { status: res.statusCode, headers: out });
}
