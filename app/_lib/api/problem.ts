import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { issueRefusal, type IssueMessage } from "../guard";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { Refusal, type FieldRefusal, type RefusalStatus } from "@/lib/refusal";

/**
 * Every refusal under /api is an RFC 9457 problem: `application/problem+json` with type, title, status
 * and detail (in the request's language), plus `errors` for invalid fields. Types are URNs: stable
 * names, listed in README and in the OpenAPI document, not pages to fetch. One type per status, so a
 * Refusal (lib/refusal.ts), which knows only its status, names its type.
 */
export const PROBLEMS = {
  "bad-request": { status: 400, title: "api.title.badRequest" },
  unauthorized: { status: 401, title: "api.title.unauthorized" },
  forbidden: { status: 403, title: "api.title.forbidden" },
  "not-found": { status: 404, title: "api.title.notFound" },
  "method-not-allowed": { status: 405, title: "api.title.methodNotAllowed" },
  conflict: { status: 409, title: "api.title.conflict" },
  "precondition-failed": { status: 412, title: "api.title.preconditionFailed" },
  "payload-too-large": { status: 413, title: "api.title.payloadTooLarge" },
  "unsupported-media-type": { status: 415, title: "api.title.unsupportedMediaType" },
  validation: { status: 422, title: "api.title.validation" },
  "precondition-required": { status: 428, title: "api.title.preconditionRequired" },
  "rate-limited": { status: 429, title: "api.title.rateLimited" },
  "server-error": { status: 500, title: "api.title.serverError" },
} as const satisfies Record<string, { status: RefusalStatus; title: MessageKey }>;

export type ProblemType = keyof typeof PROBLEMS;

export const problemTypeUri = (type: ProblemType) => `urn:parkline:problem:${type}`;

const TYPE_OF_STATUS = Object.fromEntries(Object.entries(PROBLEMS).map(([type, { status }]) => [status, type])) as Record<RefusalStatus, ProblemType>;

const problemTypeOf = (status: RefusalStatus): ProblemType => TYPE_OF_STATUS[status];

/** One invalid input as a problem's `errors` lists it: a body field (with its JSON Pointer) or a query parameter. */
interface FieldError {
  field: string;
  pointer?: string;
  message: string;
}

/** A refusal as the problem body and headers, for either router. */
export function problemOf(refusal: Refusal, t: Translate): { status: number; headers: Record<string, string>; body: string } {
  const type = problemTypeOf(refusal.status);
  const errors: FieldError[] = refusal.fields.map(({ field, pointer, messageKey, params }) => ({
    field,
    ...(pointer === undefined ? {} : { pointer }),
    message: t(messageKey, params),
  }));
  const body = {
    type: problemTypeUri(type),
    title: t(PROBLEMS[type].title),
    status: refusal.status,
    detail: t(refusal.messageKey, refusal.details.params),
    ...(errors.length ? { errors } : {}),
    ...refusal.details.members,
  };
  return {
    status: refusal.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...refusal.details.headers },
    body: JSON.stringify(body),
  };
}

export function problemResponse(refusal: Refusal, t: Translate): Response {
  const { status, headers, body } = problemOf(refusal, t);
  return new Response(body, { status, headers });
}

/**
 * What every App Router handler under /api shares once it knows the caller's language: a Refusal
 * thrown anywhere below becomes its problem; anything else is logged and answered as a 500 problem,
 * never as Next.js's HTML error page.
 */
export async function answerRefusals(t: Translate, label: string, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return problemResponse(error, t);
    // Next.js's own control flow (a redirect, dynamic rendering) is not a failure: it goes on up.
    unstable_rethrow(error);
    console.error(`${label} failed`, error);
    return problemResponse(new Refusal(500, "api.serverError"), t);
  }
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
function wrongType(issue: z.core.$ZodIssue): IssueMessage | null {
  if (issue.input === undefined) return null;
  if (issue.code === "invalid_type") return { messageKey: "api.wrongType", params: { expected: issue.expected, received: jsonType(issue.input) } };
  // An optional field takes null or its own type: say both when neither fits.
  if (issue.code === "invalid_union") {
    const options = issue.errors.map((errors) => errors.find((e) => e.code === "invalid_type" && e.path.length === 0));
    if (options.every((o) => o !== undefined)) {
      const expected = options.map((o) => (o as z.core.$ZodIssueInvalidType).expected).join(" | ");
      return { messageKey: "api.wrongType", params: { expected, received: jsonType(issue.input) } };
    }
  }
  return null;
}

/** zod issues → one refused field per place (parse with `reportInput: true`). */
export function fieldRefusals(error: z.ZodError, where: "body" | "query"): FieldRefusal[] {
  const seen = new Set<string>();
  const out: FieldRefusal[] = [];
  for (const issue of error.issues) {
    // An unknown key is reported at the key itself, so a typo points at the misspelt field.
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const field = path.map(String).join(".") || (where === "body" ? "(body)" : "(query)");
      if (seen.has(field)) continue;
      seen.add(field);
      const message: IssueMessage = issue.code === "unrecognized_keys" ? { messageKey: "api.unknownField" } : (wrongType(issue) ?? issueRefusal(issue));
      out.push(where === "body" ? { field, pointer: jsonPointer(path), ...message } : { field, ...message });
    }
  }
  return out;
}
