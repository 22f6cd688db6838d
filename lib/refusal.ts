import type { MessageKey } from "./i18n/translate";

/**
 * The one way to refuse, wherever it happens (a guard, an API handler, a query inside a transaction):
 * throw a Refusal. It says what went wrong as a status and message keys, never as text; each surface
 * renders it — a form result (app/_lib/guard.ts), `application/problem+json` under /api
 * (app/_lib/api/problem.ts), a page's not-found or sign-in redirect (app/_lib/guard-page.ts).
 */

type MessageParams = Record<string, string | number>;

export type RefusalStatus = 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500;

/** One invalid input: a form field or query parameter by name, a JSON body's place also as a JSON Pointer. */
export interface FieldRefusal {
  field: string;
  messageKey: MessageKey;
  params?: MessageParams;
  pointer?: string;
}

interface RefusalDetails {
  params?: MessageParams;
  fields?: FieldRefusal[];
  /** Headers the HTTP surfaces send with it (WWW-Authenticate, Retry-After, ETag, Allow). */
  headers?: Record<string, string>;
  /** More members of a problem body, e.g. the current ETag of a 412. */
  members?: Record<string, unknown>;
}

export class Refusal extends Error {
  override name = "Refusal";

  constructor(
    readonly status: RefusalStatus,
    readonly messageKey: MessageKey,
    readonly details: RefusalDetails = {},
  ) {
    super(`${status}: ${messageKey}`);
  }

  get fields(): FieldRefusal[] {
    return this.details.fields ?? [];
  }

  /** Nothing of that id in the caller's scope (another park's row looks the same). */
  static notFound(messageKey: MessageKey = "error.notFound"): Refusal {
    return new Refusal(404, messageKey);
  }

  /** One field breaks a rule that only the data can check (a future date, a duplicate code). */
  static invalidField(field: string, messageKey: MessageKey, params?: MessageParams): Refusal {
    return new Refusal(422, "error.fixFields", { fields: [{ field, messageKey, ...(params ? { params } : {}) }] });
  }
}
