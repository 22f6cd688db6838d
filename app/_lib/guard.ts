import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { MembershipRole } from "@/db/schema";
import { getViewer, hasRole, type Viewer } from "./auth/viewer";
import { getTranslator } from "@/app/_lib/request-locale";
import type { Locale } from "@/lib/i18n/locale";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { isMessageKey } from "@/lib/domain/fields";

/**
 * Every server action and route handler goes through `guardedAction` or `guardedRoute`: who is
 * asking, may they, is the input valid — in that order — so a missing check is visible in review.
 */
export type Access =
  | { who: "anyone" }
  | { who: "signed-in" }
  /** Platform administrators only (accounts across parks); a park role does not count. */
  | { who: "platform-admin" }
  /** The park is read from the raw input's `parkId` and checked before the rest is validated. */
  | { who: "member"; atLeast: MembershipRole };

/** A change someone else saved since the form was opened, shown with a conflict. */
export interface ConflictChange {
  at: string;
  actorName: string | null;
  changes: Record<string, [unknown, unknown]>;
}

export type FormResult<D = undefined> =
  | { ok: true; message?: string; warnings?: string[]; data?: D }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
      conflict?: ConflictChange[];
    };

export interface GuardContext<I> {
  input: I;
  viewer: Viewer | null;
  /** The submitted form values (for sending back with an error). Empty for route handlers. */
  values: Record<string, string>;
  locale: Locale;
  t: Translate;
}

export class RefusedError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    readonly messageKey: MessageKey,
  ) {
    super(messageKey);
  }
}

/** One zod issue in the user's language (zod messages are catalog keys). */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const key: MessageKey = isMessageKey(issue.message) ? issue.message : "validation.invalid";
  return t(key, issue.code === "too_big" && "maximum" in issue ? { max: Number(issue.maximum) } : undefined);
}

/** zod issues → one message per field, in the user's language (the first issue of each field). */
export function fieldErrorsFrom(error: z.ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (out[field]) continue;
    out[field] = issueMessage(issue, t);
  }
  return out;
}

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) values[key] = value.slice(0, 2000);
  }
  return values;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkAccess(access: Access, raw: unknown, viewer: Viewer | null): void {
  if (access.who === "anyone") return;
  if (!viewer) throw new RefusedError(401, "error.unauthorized");
  if (access.who === "platform-admin" && !viewer.platformAdmin) throw new RefusedError(403, "error.forbidden");
  const parkId = typeof raw === "object" && raw !== null ? (raw as { parkId?: unknown }).parkId : undefined;
  if (access.who === "member" && (typeof parkId !== "string" || !UUID.test(parkId) || !hasRole(viewer, parkId, access.atLeast))) {
    // Not a member and too low a role look the same from outside: no oracle for other parks' ids.
    throw new RefusedError(403, "error.forbidden");
  }
}

/** A server action used with useActionState: (previous state, form data) → FormResult. */
export function guardedAction<S extends z.ZodType, D = undefined>(
  options: { schema: S; access: Access; fromForm?: (formData: FormData) => unknown },
  handler: (ctx: GuardContext<z.output<S>>) => Promise<FormResult<D>>,
) {
  return async (_previous: FormResult<D> | null, formData: FormData): Promise<FormResult<D>> => {
    const { locale, t } = await getTranslator();
    // The arguments are whatever the request encoded (a string, an object, nothing): only a form is a form.
    if (!(formData instanceof FormData)) return { ok: false, message: t("error.badRequest"), fieldErrors: {}, values: {} };
    const values = formValues(formData);
    const viewer = options.access.who === "anyone" ? null : await getViewer();
    const raw = options.fromForm ? options.fromForm(formData) : Object.fromEntries(formData.entries());
    try {
      checkAccess(options.access, raw, viewer);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, message: t("error.fixFields"), fieldErrors: fieldErrorsFrom(parsed.error, t), values };
      }
      return await handler({ input: parsed.data, viewer, locale, t, values });
    } catch (error) {
      if (error instanceof RefusedError) return { ok: false, message: t(error.messageKey), fieldErrors: {}, values };
      throw error;
    }
  };
}

function problem(status: number, message: string) {
  return NextResponse.json({ error: message, status }, { status, headers: { "cache-control": "no-store" } });
}

/** A route handler: JSON errors (401/403/400…) instead of redirects. The input is the query string. */
export function guardedRoute<S extends z.ZodType>(
  options: { schema: S; access: Access },
  handler: (ctx: GuardContext<z.output<S>> & { request: Request }) => Promise<Response>,
) {
  return async (request: Request): Promise<Response> => {
    const { locale, t } = await getTranslator();
    const viewer = options.access.who === "anyone" ? null : await getViewer();
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    try {
      checkAccess(options.access, query, viewer);
      const parsed = options.schema.safeParse(query);
      if (!parsed.success) return problem(400, t("error.badRequest"));
      return await handler({ input: parsed.data, viewer, locale, t, request, values: {} });
    } catch (error) {
      if (error instanceof RefusedError) return problem(error.status, t(error.messageKey));
      throw error;
    }
  };
}
