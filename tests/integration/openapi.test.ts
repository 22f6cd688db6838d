import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it, vi } from "vitest";
import { NOT_AN_ENDPOINT } from "@/app/_lib/api/methods";
import { openApiDocument } from "@/app/_lib/api/openapi";
import { OPENAPI_PATH, type Operation } from "@/app/_lib/api/operation";
import { OPERATIONS } from "@/app/_lib/api/operations";
import { routeFileOf } from "../support/api-client";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const API_DIR = "app/api/v1";
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type Document = ReturnType<typeof openApiDocument>;

/** `path method` of every handler exported by a route file under app/api/v1, its path as OpenAPI writes it. */
async function routesOnDisk(): Promise<Map<string, { operation?: Operation }>> {
  const found = new Map<string, { operation?: Operation }>();
  const files = (readdirSync(join(ROOT, API_DIR), { recursive: true }) as string[]).filter((f) => /(^|\/)route\.ts$/.test(f));
  for (const file of files) {
    const path = `/${API_DIR.slice("app/".length)}/${file}`.replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}");
    const exports = (await import(join(ROOT, API_DIR, file))) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = exports[method] as { operation?: Operation; [NOT_AN_ENDPOINT]?: true } | undefined;
      // The 405s and OPTIONS of routeMethods answer every path alike: not operations.
      if (typeof handler === "function" && !handler[NOT_AN_ENDPOINT]) found.set(`${path} ${method}`, handler);
    }
  }
  return found;
}

describe("the OpenAPI document at /api/v1/openapi.json", () => {
  const doc: Document = openApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists exactly the methods the route files under app/api/v1 export, and each handler serves the operation it documents", async () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${path} ${method.toUpperCase()}`));
    const onDisk = await routesOnDisk();
    expect([...onDisk.keys()].sort()).toEqual(documented.sort());
    for (const op of OPERATIONS) {
      expect(onDisk.get(`${op.path} ${op.method}`)?.operation).toBe(op);
      expect(routeFileOf(op.path)).toMatch(/^app\/api\/v1\/.+\/route\.ts$/);
    }
    expect(onDisk.has(`${OPENAPI_PATH} GET`)).toBe(true);
  });

  it("generates request bodies and parameters from the handlers' own zod schemas", () => {
    const log = doc.paths["/api/v1/projects/{projectId}/progress"]!.post as { requestBody: { content: { "application/json": { schema: Record<string, unknown> } } } };
    const body = log.requestBody.content["application/json"].schema as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(body.required.sort()).toEqual(["narrative", "period"]);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.period).toEqual({ type: "string", pattern: "^\\d{4}-\\d{2}$" });
    expect(body.properties.narrative).toMatchObject({ type: "string", minLength: 1, maxLength: 5000 });
    expect(body.properties.sourceRef).toMatchObject({ anyOf: [{ type: "null" }, { type: "string", maxLength: 300 }] });
    const list = doc.paths["/api/v1/parks/{parkId}/projects"]!.get as { parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[] };
    expect(list.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(["path:parkId:true", "query:limit:false", "query:cursor:false", "query:stage:false", "query:health:false"]);
    expect(list.parameters[1]!.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200 });
    const patch = doc.paths["/api/v1/projects/{projectId}"]!.patch as { parameters: unknown[]; responses: Record<string, unknown> };
    expect(patch.parameters).toContainEqual({ $ref: "#/components/parameters/IfMatch" });
    expect(Object.keys(patch.responses).sort()).toEqual(["200", "400", "401", "403", "404", "412", "413", "415", "422", "428", "429", "500"]);
    expect((log as unknown as { parameters: unknown[]; responses: Record<string, unknown> }).parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect(Object.keys((log as unknown as { responses: Record<string, unknown> }).responses)).toContain("409");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths[OPENAPI_PATH]!.get).toMatchObject({ security: [] });
  });

  it("references only components that exist", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/([\w-]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(refs.length).toBeGreaterThan(50);
    const missing = refs.filter(([section, name]) => !(name in (doc.components as Record<string, Record<string, unknown>>)[section]!));
    expect(missing).toEqual([]);
  });

  it("names its server, types dates, and documents ETag on 304 and 412, RateLimit-* on errors, If-Match: * and Idempotency-Key", () => {
    expect(doc.servers).toEqual([{ url: "/", description: expect.any(String) }]);
    const getProject = doc.paths["/api/v1/projects/{projectId}"]!.get as { responses: Record<string, { headers?: Record<string, unknown> }> };
    expect(getProject.responses["304"]!.headers).toEqual({ ETag: { $ref: "#/components/headers/ETag" } });
    const responses = doc.components.responses as Record<string, { headers: Record<string, unknown> }>;
    expect(Object.keys(responses["precondition-failed"]!.headers)).toContain("ETag");
    for (const type of ["bad-request", "forbidden", "not-found", "conflict", "precondition-failed", "validation", "rate-limited"]) {
      expect([type, Object.keys(responses[type]!.headers)]).toEqual([type, expect.arrayContaining(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"])]);
    }
    expect(Object.keys(responses["rate-limited"]!.headers)).toContain("Retry-After");
    expect(doc.components.parameters.IfMatch.description).toContain("`*`");
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header", required: false });
    const milestone = doc.paths["/api/v1/projects/{projectId}/milestones"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, { anyOf: Record<string, unknown>[] }> } } } } };
    expect(milestone.requestBody.content["application/json"].schema.properties.plannedDate!.anyOf).toContainEqual(expect.objectContaining({ type: "string", format: "date" }));
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.Milestone!.properties.actualDate).toEqual({ anyOf: [{ type: "string", format: "date" }, { type: "null" }] });
  });
});
