import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed/seed";
import {
  ACCOUNT, ACTION_ROWS, actionKey, API_BOOKKEEPING, buildMatrixContext, CANARY, EXCLUDED, MATRIX_AUTH_SECRET, ROLES, ROUTE_ROWS, routeKey, sessionCookieOf,
  type ActionRow, type MatrixContext, type Role, type RouteRow,
} from "../support/access-matrix";
import { callAs, snapshotTables, useDatabase, type DatabaseSnapshot } from "../support/action-harness";
import { tokenForUser } from "../support/api-fixture";
import { flushShareViews } from "@/app/share/[token]/views";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { loadRouteHandler, pagesApiMethods, type RouteHandler } from "../support/pages-api";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/access-matrix")).mockAuthConfigWithCredentials());
vi.mock("next-auth", async () => (await import("../support/access-matrix")).mockNextAuth());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());
vi.mock("@/app/_lib/page-cache/render", async () => (await import("../support/access-matrix")).mockAppRouterRendering());

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ACTIONS_DIR = "app/_lib/actions";
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const MSG = { signIn: "Please sign in.", forbidden: "You do not have access to this." };

type ServerAction = (previous: never, formData: FormData) => Promise<unknown>;

interface Discovered {
  actions: Map<string, ServerAction>;
  routes: Map<string, RouteHandler>;
  /** Action modules without a "use server" directive (their exports are not endpoints). */
  helperModules: Set<string>;
}

/**
 * Every exported function of every module in app/_lib/actions, every HTTP method of every app/**\/route.ts,
 * and every Pages Router API route (pages/api/**); the bench's references (`*.bench.*`) too, as a bench build has them.
 */
async function discover(): Promise<Discovered> {
  const found: Discovered = { actions: new Map(), routes: new Map(), helperModules: new Set() };
  for (const file of readdirSync(join(ROOT, ACTIONS_DIR)).filter((f) => /\.(ts|tsx|js)$/.test(f)).sort()) {
    const moduleName = basename(file).replace(/\.(ts|tsx|js)$/, "");
    const source = readFileSync(join(ROOT, ACTIONS_DIR, file), "utf8");
    if (!/^\s*["']use server["']/.test(source)) found.helperModules.add(moduleName);
    const exports = (await import(join(ROOT, ACTIONS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function") found.actions.set(actionKey({ module: moduleName, name }), value as ServerAction);
    }
  }
  const routeFiles = (readdirSync(join(ROOT, "app"), { recursive: true }) as string[]).filter((f) => /(^|\/)route(\.bench)?\.(ts|tsx|js)$/.test(f)).sort();
  for (const relative of routeFiles) {
    const file = `app/${relative}`;
    for (const method of HTTP_METHODS) {
      const handler = await loadRouteHandler(ROOT, file, method);
      if (handler) found.routes.set(routeKey({ file, method }), handler);
    }
  }
  const pagesApiFiles = (readdirSync(join(ROOT, "pages/api"), { recursive: true }) as string[]).filter((f) => /\.(ts|tsx|js|mts)$/.test(f)).sort();
  for (const relative of pagesApiFiles) {
    const file = `pages/api/${relative}`;
    const methods = await pagesApiMethods(ROOT, file);
    // A Pages API route answers every method: one that does not say which it takes is found, and fails.
    if (methods.length === 0) found.routes.set(routeKey({ file, method: "ANY" }), () => new Response(null, { status: 500 }));
    for (const method of methods) found.routes.set(routeKey({ file, method }), (await loadRouteHandler(ROOT, file, method))!);
  }
  return found;
}

/** application/problem+json with its four members (and `errors` for fields), as app/_lib/api/problem.ts writes it. */
function isProblem(response: Response, body: string): boolean {
  if (response.headers.get("content-type") !== "application/problem+json") return false;
  const problem = JSON.parse(body) as Record<string, unknown>;
  return (
    typeof problem.type === "string" && problem.type.startsWith("urn:parkline:problem:") && typeof problem.title === "string" &&
    problem.status === response.status && typeof problem.detail === "string" && Object.keys(problem).every((k) => ["type", "title", "status", "detail", "errors"].includes(k))
  );
}

/** Reads Ningxiang: its members, and the reader of its province by region role. */
const isMember = (role: Role) => role === "admin" || role === "editor" || role === "viewer" || role === "regionReader";

function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  return Object.keys(after).filter((t) => after[t]!.digest !== before[t]?.digest);
}

let found: Discovered;
beforeAll(async () => {
  found = await discover();
});

it("has a row for every server action and route handler method, and none for one that is gone", () => {
  const discovered = [...found.actions.keys(), ...found.routes.keys()].sort();
  const tabled = [...ACTION_ROWS.map(actionKey), ...ROUTE_ROWS.map(routeKey), ...Object.keys(EXCLUDED)].sort();
  expect(tabled).toEqual(discovered);
  // Only helpers may be excluded: an export of a "use server" module is an endpoint and needs a row.
  const excludedActions = Object.keys(EXCLUDED).filter((key) => key.startsWith("actions/"));
  expect(excludedActions.filter((key) => !found.helperModules.has(key.slice("actions/".length).split("#")[0]!))).toEqual([]);
});

describe.each(TEST_TARGETS)("access matrix on %s", (kind) => {
  let database: TestDatabase;
  let ctx: MatrixContext;
  let checked = 0;

  beforeAll(async () => {
    // The page cache keeps pages in production only; its session cookies are signed with this secret.
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", MATRIX_AUTH_SECRET);
    database = await createTestDatabase(kind);
    await seedDemoData(database.db);
    useDatabase(database.db);
    ctx = await buildMatrixContext(database.db);
  });
  // Views the share pages count are written up to 200 ms later: write them before the next test
  // snapshots the tables, and before the database goes.
  afterEach(() => flushShareViews());
  afterAll(async () => {
    vi.unstubAllEnvs();
    await flushShareViews();
    await database.drop();
  });

  /** What one cell did: "allowed", "refused", or a description of anything else. */
  async function actionCell(row: ActionRow, role: Role): Promise<string> {
    const action = found.actions.get(actionKey(row));
    if (!action) return "no such export";
    const form = await row.form(ctx, role);
    const before = await snapshotTables(ctx.db);
    let outcome;
    try {
      outcome = await callAs(ACCOUNT[role], action, form);
    } catch (error) {
      return `threw ${error instanceof Error ? error.message : String(error)}`;
    }
    if ("redirected" in outcome || outcome.ok) {
      const success = "redirected" in outcome ? (typeof row.success !== "string" && row.success.test(outcome.redirected)) : row.success === "ok";
      if (!success) return `succeeded unexpectedly: ${JSON.stringify(outcome)}`;
      row.afterAllowed?.(ctx, role, form);
      return "allowed";
    }
    const wrote = changedTables(before, await snapshotTables(ctx.db));
    if (wrote.length) return `refused but wrote to ${wrote.join(", ")}`;
    const expected = role === "signedOut" ? MSG.signIn : MSG.forbidden;
    if (outcome.message !== expected || Object.keys(outcome.fieldErrors).length) {
      return `refused with ${JSON.stringify({ message: outcome.message, fieldErrors: outcome.fieldErrors })}`;
    }
    return "refused";
  }

  async function routeCell(row: RouteRow, role: Role): Promise<string> {
    const handler = found.routes.get(routeKey(row));
    if (!handler) return "no such export";
    const { path, params } = row.request(ctx);
    const init = await requestInit(row, role);
    const before = await snapshotTables(ctx.db);
    let response: Response;
    try {
      const call = () => handler(new Request(`http://localhost${init.path ?? path}`, init), { params: Promise.resolve(params) });
      response = (await callAs(ACCOUNT[role], call as never, {})) as unknown as Response;
    } catch (error) {
      return `threw ${error instanceof Error ? error.message : String(error)}`;
    }
    const body = await response.text();
    if (row.cachedPage) return cachedPageCell(row, role, response, body);
    // A members-only route must not show a non-member the park at all; public ones never show its problems.
    const membersOnly = Object.values(row.cells).includes("refused");
    const secrets = membersOnly ? [CANARY, ctx.parkId, ctx.projectCode] : [CANARY];
    const leaked = isMember(role) ? [] : secrets.filter((s) => body.includes(s));
    if (leaked.length) return `LEAKED ${leaked.join(", ")} with ${response.status}`;
    if (response.status >= 200 && response.status < 300) {
      if (row.showsCanary && isMember(role) && !body.includes(CANARY)) return "answered without the park's data";
      return "allowed";
    }
    const refusal = role === "signedOut" ? [401] : [403, 404];
    if (!refusal.includes(response.status)) return `answered ${response.status}`;
    // Under /api every refusal is the same problem+json (the share link's page is a page: its 404 is HTML).
    if (/^(app|pages)\/api\//.test(row.file) && !isProblem(response, body)) return `refused ${response.status} without a problem body`;
    const wrote = changedTables(before, await snapshotTables(ctx.db)).filter((t) => !(row.api && API_BOOKKEEPING.includes(t)));
    return wrote.length ? `refused but wrote to ${wrote.join(", ")}` : "refused";
  }

  /**
   * A page the page cache serves: allowed when it served the page itself (with the park's data, from
   * the App Router's rendering), refused when it handed the request to the page, which refused it
   * (signed out: to sign-in; anyone else: 404) — and never with the park's data.
   */
  function cachedPageCell(row: RouteRow, role: Role, response: Response, body: string): string {
    const cache = response.headers.get("x-parkline-cache");
    const leaked = !isMember(role) && [CANARY, ctx.parkId].filter((s) => body.includes(s));
    if (leaked && leaked.length) return `LEAKED ${leaked.join(", ")} with ${response.status} (${cache})`;
    if (response.status === 200 && (cache === "miss" || cache === "hit")) {
      return row.showsCanary && isMember(role) && !body.includes(CANARY) ? "answered without the park's data" : "allowed";
    }
    const refusedAsThePageDoes = role === "signedOut" ? response.status === 307 && response.headers.get("location") === "/signin" : response.status === 404;
    return cache === "pass" && refusedAsThePageDoes ? "refused" : `answered ${response.status} (${cache})`;
  }

  /** The method, and for /api/v1 rows the role's own token, the body and the headers of the row's request. */
  async function requestInit(row: RouteRow, role: Role): Promise<RequestInit & { path?: string }> {
    if (!row.api) {
      // An upload row carries its body and the same-site Origin a browser sends; a cached page, the role's session.
      const { init } = row.request(ctx);
      // (Made before the cell's snapshot of the tables, so the session row is not the cell's write.)
      const cookie = row.cachedPage ? await sessionCookieOf(ctx.db, ACCOUNT[role]) : null;
      const headers = { ...init?.headers, ...(cookie ? { cookie } : {}) };
      return { method: row.method, headers, body: init?.body as BodyInit | undefined };
    }
    const request = await row.api(ctx);
    const headers = new Headers(request.headers);
    const email = ACCOUNT[role];
    if (email) headers.set("authorization", `Bearer ${await tokenForUser(ctx.db, email)}`);
    if (request.json !== undefined) headers.set("content-type", "application/json");
    return { method: row.method, path: request.path, headers, body: request.json === undefined ? undefined : JSON.stringify(request.json) };
  }

  it.each(ACTION_ROWS.map((row) => [actionKey(row), row] as const))("%s", async (_key, row) => {
    const observed: Record<string, string> = {};
    for (const role of ROLES) {
      observed[role] = await actionCell(row, role);
      checked++;
    }
    expect(observed).toEqual(row.cells);
  });

  it.each(ROUTE_ROWS.map((row) => [routeKey(row), row] as const))("%s", async (_key, row) => {
    const observed: Record<string, string> = {};
    for (const role of ROLES) {
      observed[role] = await routeCell(row, role);
      checked++;
    }
    expect(observed).toEqual(row.cells);
  });

  it("walked every cell", () => {
    expect(checked).toBe((ACTION_ROWS.length + ROUTE_ROWS.length) * ROLES.length);
    console.log(`access matrix: ${checked} cells checked (${kind})`);
  });
});
