import { z } from "zod";
import { MAX_BODY_BYTES } from "./body";
import { OPENAPI_PATH, type Operation } from "./operation";
import { OPERATIONS } from "./operations";
import { PROBLEMS, problemTypeUri, type ProblemType } from "./problem";
import { apiComponents, MAX_PAGE_SIZE } from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with
 * (request bodies, path and query parameters: their input side) and the schemas the answers are typed
 * by (components: their output side). Nothing here is written by hand but prose.
 */

type JsonSchema = Record<string, unknown>;

/** Without the keys a schema embedded in a document must not repeat ($id with a fragment is not even valid). */
function embedded(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema" && key !== "$id"));
}

/** zod → JSON Schema 2020-12. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return embedded(z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema);
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiComponents, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embedded(schema)]));
}

/** Path or query parameters from the properties of their zod object. */
function parameters(schema: z.ZodType, where: "path" | "query") {
  const { properties = {}, required = [] } = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: where === "path" || required.includes(name),
    ...(description ? { description } : {}),
    schema: property,
  }));
}

const PROBLEM_RESPONSES: Record<ProblemType, string> = {
  "bad-request": "Malformed JSON, nesting too deep, or invalid query parameters / cursor (with `errors`).",
  unauthorized: "No valid token: missing, malformed, unknown, revoked and expired tokens all get this.",
  forbidden: "A read-only token on a write, or the owner's role in the park does not allow it.",
  "not-found": "No such resource in a park this token reaches (another park's resource looks the same).",
  "method-not-allowed": "The path does not take this method; `Allow` lists the ones it takes.",
  conflict:
    "Logging a month that already has an entry (`entryId` names it: correct this entry by posting again with `supersedesId` set to it), or a request with the same Idempotency-Key still running.",
  "precondition-failed": "If-Match names a version that is no longer current, or is `*` and there is no such resource: nothing was saved. `ETag` (and `currentEtag`) give the current version.",
  "payload-too-large": `The body is larger than ${MAX_BODY_BYTES} bytes.`,
  "unsupported-media-type": "The body is not declared as JSON.",
  validation: "Invalid fields, one entry each in `errors`, or an Idempotency-Key already used with another request: nothing was saved.",
  "precondition-required": "A PATCH without If-Match.",
  "rate-limited": "Too many requests for the token, or too many failed authentications from the address; see Retry-After.",
  "server-error": "Something failed on the server; nothing was changed.",
};

const problemRef = (type: ProblemType) => ({ $ref: `#/components/responses/${type}` });

function errorsOf(op: Operation): ProblemType[] {
  const errors: ProblemType[] = ["unauthorized"];
  if (op.access === "write") errors.push("forbidden");
  if (op.park) errors.push("not-found");
  if (op.query || op.body) errors.push("bad-request");
  if (op.body) errors.push("payload-too-large", "unsupported-media-type", "validation");
  if (op.method === "POST" && op.access === "write") errors.push("conflict");
  if (op.ifMatch) errors.push("precondition-failed", "precondition-required");
  errors.push("rate-limited", "server-error");
  return errors;
}

const RATE_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];

function operationObject(op: Operation) {
  const successHeaders = [...(op.success.headers ?? []), ...RATE_HEADERS];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    parameters: [
      ...parameters(op.params, "path"),
      ...(op.query ? parameters(op.query, "query") : []),
      ...(op.ifMatch ? [{ $ref: "#/components/parameters/IfMatch" }] : []),
      ...(op.method === "POST" ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : []),
    ],
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
    responses: {
      [String(op.success.status)]: {
        description: op.success.description,
        headers: Object.fromEntries(successHeaders.map((h) => [h, { $ref: `#/components/headers/${h}` }])),
        content: { "application/json": { schema: { $ref: `#/components/schemas/${apiComponents.get(op.success.schema)!.id}` } } },
      },
      ...(op.method === "GET" && op.success.headers?.includes("ETag")
        ? { "304": { description: "Not modified: If-None-Match names the current ETag.", headers: { ETag: { $ref: "#/components/headers/ETag" } } } }
        : {}),
      ...Object.fromEntries(errorsOf(op).map((type) => [String(PROBLEMS[type].status), problemRef(type)])),
    },
  };
}

function buildDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  paths[OPENAPI_PATH] = {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["Meta"],
      summary: "This document",
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  const header = (description: string, schema: JsonSchema = { type: "string" }) => ({ description, schema });
  return {
    openapi: "3.1.0",
    info: {
      title: "Parkline API",
      version: "1",
      description:
        "Parks, projects, phases, lines, capacities, milestones, monthly progress and rollups. Authenticate with a personal token (account page → API tokens) as `Authorization: Bearer parkline_…`. Money is yuan as exact decimal strings; capacities carry their unit and period. Errors are RFC 9457 problems (application/problem+json).",
    },
    tags: [
      { name: "Parks", description: "The parks a token reaches, and their rollups." },
      { name: "Projects", description: "Projects of a park." },
      { name: "Structure", description: "Phases, production lines, capacities and milestones of a project." },
      { name: "Progress", description: "The monthly progress log." },
      { name: "Meta", description: "About the API itself." },
    ],
    // Relative: the document is served by the API it describes, so a client resolves it against the URL it fetched it from.
    servers: [{ url: "/", description: "The Parkline server this document was fetched from." }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "parkline_ followed by 43 base64url characters",
          description: "A personal API token, scoped to parks and to read or read-and-write; never more than its owner may do in a park.",
        },
      },
      parameters: {
        IfMatch: {
          name: "If-Match",
          in: "header",
          required: true,
          description:
            "The ETag (version) you read, e.g. \"3\", or `*` for whatever version is current (RFC 9110: it holds when the resource exists, and answers 412 when it does not). Missing: 428. Stale: 412.",
          schema: { type: "string" },
        },
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Any 1–255 printable ASCII characters, new for each request (a UUID will do). A retry with the same key and request gets the first answer again (with `Idempotent-Replayed: true`) instead of writing twice, for 24 hours, whichever app instance it reaches. The same key with another request: 422; while the first is still running: 409.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        ETag: header("The resource's version, quoted: send it back as If-Match."),
        Location: header("The URL of the created resource."),
        Link: header(`<next page URL>; rel="next" while there is a next page (at most ${MAX_PAGE_SIZE} items a page).`),
        "RateLimit-Limit": header("Requests allowed per token per minute.", { type: "integer" }),
        "RateLimit-Remaining": header("Requests left in the current minute.", { type: "integer" }),
        "RateLimit-Reset": header("Seconds until the current window ends.", { type: "integer" }),
        "Retry-After": header("Seconds to wait before retrying.", { type: "integer" }),
      },
      responses: Object.fromEntries(
        (Object.keys(PROBLEMS) as ProblemType[]).map((type) => [
          type,
          {
            description: `${PROBLEMS[type].status} ${problemTypeUri(type)}: ${PROBLEM_RESPONSES[type]}`,
            headers: problemHeaders(type),
            content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
          },
        ]),
      ),
      schemas: componentSchemas(),
    },
  };
}

/**
 * Headers of a problem: every refusal after the token is known carries its RateLimit-* count (a 401
 * has no token to count); a 429 also says when to retry; a 412 the current ETag.
 */
function problemHeaders(type: ProblemType): Record<string, { $ref: string }> {
  const names = [...(type === "unauthorized" ? [] : RATE_HEADERS), ...(type === "rate-limited" ? ["Retry-After"] : []), ...(type === "precondition-failed" ? ["ETag"] : [])];
  return Object.fromEntries(names.map((h) => [h, { $ref: `#/components/headers/${h}` }]));
}

let cached: ReturnType<typeof buildDocument> | null = null;

/** Built once per process: the schemas it comes from do not change while it runs. */
export function openApiDocument() {
  cached ??= buildDocument();
  return cached;
}
