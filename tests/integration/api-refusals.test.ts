import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HTTP_METHODS, NOT_AN_ENDPOINT } from "@/app/_lib/api/methods";
import { useDatabase } from "../support/action-harness";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { callPagesApi } from "../support/pages-api";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

/**
 * Every route under /api refuses the same way: `application/problem+json` with type, title, status and
 * detail. The files are walked, so a new route is checked without being listed; next-auth's own
 * endpoints (app/api/auth) are its code and answer as it does. Who may call what is the access
 * matrix's job (it also checks that each refused cell is such a problem).
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_AUTH = /^app\/api\/auth\//;

type Handler = ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response) & { [NOT_AN_ENDPOINT]?: true };
type PagesHandler = Parameters<typeof callPagesApi>[0] & { method?: string };

const appRoutes = (readdirSync(join(ROOT, "app/api"), { recursive: true }) as string[])
  .filter((f) => /(^|\/)route\.(ts|tsx|js)$/.test(f))
  .map((f) => `app/api/${f}`)
  .filter((f) => !NEXT_AUTH.test(f))
  .sort();
const pagesRoutes = (readdirSync(join(ROOT, "pages/api"), { recursive: true }) as string[])
  .filter((f) => /\.(ts|tsx|js|mts)$/.test(f))
  .map((f) => `pages/api/${f}`)
  .sort();

/** The URL a file answers, its [segments] filled with a well-formed value that names nothing. */
function urlOf(file: string): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const path = file
    .replace(/^(app|pages)/, "")
    .replace(/\/route\.(ts|tsx|js)$|\.bench\.mts$|\.(ts|tsx|js|mts)$/, "")
    .replace(/\[(\w+)\]/g, (_, name: string) => (params[name] = name.endsWith("Id") ? "00000000-0000-4000-8000-000000000000" : "x"));
  return { url: `http://localhost${path}`, params };
}

const load = async (file: string) => (await import(join(ROOT, file))) as Record<string, Handler | undefined> & { default?: PagesHandler };

async function call(file: string, method: string, init: RequestInit = {}): Promise<Response> {
  const { url, params } = urlOf(file);
  const request = new Request(url, { method, ...init });
  const context = { params: Promise.resolve(params) };
  const routeModule = await load(file);
  if (file.startsWith("pages/")) return callPagesApi(routeModule.default!, request, context);
  return routeModule[method]!(request, context);
}

/** A refusal as every /api route answers it: the problem's members and nothing else (bar `errors`). */
async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body).filter((k) => k !== "errors").sort()).toEqual(["detail", "status", "title", "type"]);
  expect(body).toMatchObject({ type: expect.stringMatching(/^urn:parkline:problem:[a-z-]+$/), title: expect.any(String), status, detail: expect.any(String) });
  expect(String(body.detail)).not.toBe("");
  return body;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("pglite");
  useDatabase(database.db);
});
afterAll(() => database.drop());

it("finds the routes it walks", () => {
  expect(appRoutes).toContain("app/api/health/route.ts");
  expect(appRoutes).toContain("app/api/v1/projects/[projectId]/route.ts");
  expect(pagesRoutes).toContain("pages/api/share/[token].ts");
});

describe.each(appRoutes)("%s", (file) => {
  it("exports every method through routeMethods: 405 with Allow and a problem for the ones it does not take", async () => {
    const routeModule = await load(file);
    const taken = HTTP_METHODS.filter((m) => typeof routeModule[m] === "function" && !routeModule[m]![NOT_AN_ENDPOINT]);
    expect(taken.length).toBeGreaterThan(0);
    const allow = [...taken, ...(taken.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
    for (const method of HTTP_METHODS) {
      // Left undefined, HEAD is answered by GET (Next.js); every other method must be exported.
      if (method === "HEAD" && taken.includes("GET")) {
        expect(routeModule.HEAD, "HEAD beside GET").toBeUndefined();
        continue;
      }
      expect(typeof routeModule[method], `${method} is exported`).toBe("function");
      if (taken.includes(method)) continue;
      const response = await call(file, method);
      if (method === "OPTIONS") {
        expect(response.status).toBe(204);
      } else {
        const body = await expectProblem(response, 405);
        expect(body.type).toBe("urn:parkline:problem:method-not-allowed");
        expect(body.detail).toContain(method);
      }
      expect(response.headers.get("allow"), method).toBe(allow);
    }
  });

  it("refuses a caller with no session and no token as a problem (or is public)", async () => {
    const routeModule = await load(file);
    const taken = HTTP_METHODS.filter((m) => typeof routeModule[m] === "function" && !routeModule[m]![NOT_AN_ENDPOINT]);
    for (const method of taken) {
      const response = await call(file, method, method === "GET" ? {} : { body: "{}", headers: { "content-type": "application/json" } });
      if (response.ok) {
        // Only what is public by design answers a stranger.
        expect(["app/api/health/route.ts", "app/api/v1/openapi.json/route.ts"], `${method} ${file} answered ${response.status}`).toContain(file);
        continue;
      }
      // An upload is refused before the session is read when it is cross-site (no Origin here).
      await expectProblem(response, file === "app/api/import/route.ts" ? 403 : 401);
    }
  });
});

describe.each(pagesRoutes)("%s", (file) => {
  it("refuses another method with 405, Allow and a problem", async () => {
    const { default: handler } = await load(file);
    expect(handler?.method).toBe("GET");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await call(file, method);
      await expectProblem(response, 405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
    }
  });
});

it("answers a malformed query on a Pages API route as the same problem", async () => {
  const response = await callPagesApi((await load("pages/api/share/[token].ts")).default!, new Request("http://localhost/api/share/x"), {
    params: Promise.resolve({ token: "x".repeat(300) }),
  });
  const body = await expectProblem(response, 400);
  expect(body.type).toBe("urn:parkline:problem:bad-request");
});
