import "server-only";
import type { z } from "zod";
import { issueMessage } from "../guard";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

/**
 * Every /api/v1 error is an RFC 9457 problem: `application/problem+json` with type, title, status and
 * detail (in the request's language), plus `errors` for validation. Types are URNs: stable names,
 * listed in README and in the OpenAPI document, not pages to fetch.
 */
export const PROBLEMS = {
  "bad-request": { status: 400, title: "api.title.badRequest" },
  unauthorized: { status: 401, title: "api.title.unauthorized" },
  forbidden: { status: 403, title: "api.title.forbidden" },
  "not-found": { status: 404, title: "api.title.notFound" },
  "precondition-failed": { status: 412, title: "api.title.preconditionFailed" },
  "payload-too-large": { status: 413, title: "api.title.payloadTooLarge" },
  "unsupported-media-type": { status: 415, title: "api.title.unsupportedMediaType" },
  validation: { status: 422, title: "api.title.validation" },
  "precondition-required": { status: 428, title: "api.title.preconditionRequired" },
  "rate-limited": { status: 429, title: "api.title.rateLimited" },
  "server-error": { status: 500, title: "api.title.serverError" },
} as const satisfies Record<string, { status: number; title: MessageKey }>;

export type ProblemType = keyof typeof PROBLEMS;

export const problemTypeUri = (type: ProblemType) => `urn:parkline:problem:${type}`;

/** One invalid input: a body field (with its JSON Pointer) or a query parameter. */
export interface FieldError {
  field: string;
  pointer?: string;
  message: string;
}

export interface ProblemExtras {
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Other members, e.g. the current ETag of a 412. */
  members?: Record<string, unknown>;
}

/** Thrown anywhere below an API handler; the wrapper turns it into the response. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly extras: ProblemExtras = {},
  ) {
    super(`${type}: ${detail}`);
  }
}

export function problemResponse(problem: ApiProblem, t: Translate): Response {
  const { status, title } = PROBLEMS[problem.type];
  const body = {
    type: problemTypeUri(problem.type),
    title: t(title),
    status,
    detail: t(problem.detail, problem.params),
    ...(problem.extras.errors ? { errors: problem.extras.errors } : {}),
    ...problem.extras.members,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...problem.extras.headers },
  });
}

/** A JSON Pointer (RFC 6901) to the place of an issue in the body. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

const jsonType = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * A value of the wrong JSON type (e.g. a number for an amount) says so, rather than the form's message
 * for the field ("required"), which assumes a form that only ever sends text. Needs `reportInput`.
 */
function wrongType(issue: z.core.$ZodIssue, t: Translate): string | null {
  if (issue.input === undefined) return null;
  if (issue.code === "invalid_type") return t("api.wrongType", { expected: issue.expected, received: jsonType(issue.input) });
  // An optional field takes null or its own type: say both when neither fits.
  if (issue.code === "invalid_union") {
    const options = issue.errors.map((errors) => errors.find((e) => e.code === "invalid_type" && e.path.length === 0));
    if (options.every((o) => o !== undefined)) {
      return t("api.wrongType", { expected: options.map((o) => (o as z.core.$ZodIssueInvalidType).expected).join(" | "), received: jsonType(issue.input) });
    }
  }
  return null;
}

/** zod issues → one error per place, in the request's language (parse with `reportInput: true`). */
export function fieldErrors(error: z.ZodError, t: Translate, where: "body" | "query"): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    // An unknown key is reported at the key itself, so a typo points at the misspelt field.
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const field = path.map(String).join(".") || (where === "body" ? "(body)" : "(query)");
      if (seen.has(field)) continue;
      seen.add(field);
      const message = issue.code === "unrecognized_keys" ? t("api.unknownField") : wrongType(issue, t) ?? issueMessage(issue, t);
      out.push(where === "body" ? { field, pointer: jsonPointer(path), message } : { field, message });
    }
  }
  return out;
}
