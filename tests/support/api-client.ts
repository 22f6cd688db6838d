import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Calls the real /api/v1 route handlers with Request objects, as Next.js would: the URL path is
 * matched against the route files' templates (app/api/v1/projects/[projectId]/route.ts serves
 * /api/v1/projects/{projectId}), and the handler of the method gets the request and its params.
 * The test file registers the same mocks as the access matrix (db client, next-auth, next/headers).
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The route file of an OpenAPI path template. */
export const routeFileOf = (template: string) => `app${template.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body (null when empty), or the text when it is not JSON. */
  body: unknown;
  text: string;
}

export interface CallOptions {
  token?: string | null;
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  /** Sent as is (with the headers given). */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export class ApiClient {
  constructor(private readonly templates: readonly string[]) {}

  private match(path: string): { template: string; params: Record<string, string> } {
    const pathname = path.split("?")[0]!;
    for (const template of this.templates) {
      const names: string[] = [];
      const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
      const found = pattern.exec(pathname);
      if (found) return { template, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1]!)])) };
    }
    throw new Error(`api-client: no route serves ${pathname}`);
  }

  async handler(template: string, method: string): Promise<Handler> {
    const exports = (await import(join(ROOT, routeFileOf(template)))) as Record<string, Handler | undefined>;
    const handler = exports[method];
    if (!handler) throw new Error(`api-client: ${routeFileOf(template)} exports no ${method}`);
    return handler;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
    const { template, params } = this.match(path);
    const headers = new Headers(options.headers);
    if (options.token) headers.set("authorization", `Bearer ${options.token}`);
    let body: BodyInit | undefined = options.rawBody;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const request = new Request(`http://localhost${path}`, { method, headers, body });
    // Next.js gives a route without dynamic segments no params object: the handlers must cope.
    const context = { params: Promise.resolve(Object.keys(params).length ? params : (undefined as unknown as Record<string, string>)) };
    const response = await (await this.handler(template, method))(request, context);
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  get = (path: string, options?: CallOptions) => this.call("GET", path, options);
  post = (path: string, json: unknown, options?: CallOptions) => this.call("POST", path, { ...options, json });
  patch = (path: string, json: unknown, options?: CallOptions) => this.call("PATCH", path, { ...options, json });
}
