import "server-only";
import { z } from "zod";
import type { MembershipRole } from "@/db/schema";
import { getViewer, hasRole, type Viewer } from "./auth/viewer";
import { answerRefusals } from "./api/problem";
import { readUpload, refuseCrossSite, type UploadLimits } from "./guard-upload";
import { getTranslator } from "@/app/_lib/request-locale";
import type { Locale } from "@/lib/i18n/locale";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { isMessageKey } from "@/lib/domain/fields";
import type { FormResult } from "@/lib/form-result";

export type { FormResult } from "@/lib/form-result";
import { Refusal, type FieldRefusal } from "@/lib/refusal";

/**
 * Every server action and session-cookie route handler goes through `guardedAction` or `guardedRoute`
 * (the bearer-token API through `apiRoute`): who is asking, may they, is the input valid — in that
 * order — so a missing check is visible in review. A check that fails throws a Refusal
 * (lib/refusal.ts); the wrapper renders it for its surface: a FormResult, or a problem+json response.
 */
export type Access =
  | { who: "anyone" }
  | { who: "signed-in" }
  /** Platform administrators only (accounts across parks); a park role does not count. */
  | { who: "platform-admin" }
  /** The park is read from the raw input's `parkId` and checked before the rest is validated. */
  | { who: "member"; atLeast: MembershipRole }
  /** Regions, parks and region roles: platform administrators only (a park admin is refused). */
  | { who: "platform-admin" };


export interface GuardContext<I> {
  input: I;
  viewer: Viewer | null;
  /** The submitted form values (for sending back with an error). Empty for route handlers. */
  values: Record<string, string>;
  locale: Locale;
  t: Translate;
}

export type IssueMessage = Pick<FieldRefusal, "messageKey" | "params">;

/** One zod issue as a message key (zod messages are catalog keys). */
export function issueRefusal(issue: z.core.$ZodIssue): IssueMessage {
  const messageKey: MessageKey = isMessageKey(issue.message) ? issue.message : "validation.invalid";
  return issue.code === "too_big" && "maximum" in issue ? { messageKey, params: { max: Number(issue.maximum) } } : { messageKey };
}

/** zod issues → one message per field, in the user's language (the first issue of each field). */
export function fieldErrorsFrom(error: z.ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (out[field]) continue;
    const { messageKey, params } = issueRefusal(issue);
    out[field] = t(messageKey, params);
  }
  return out;
}

/** A refusal as a form's result: its message above the form, its fields' beside them, the values back. */
function formRefusal(refusal: Refusal, t: Translate, values: Record<string, string>): FormResult<never> {
  const fieldErrors = Object.fromEntries(refusal.fields.map((f) => [f.field, t(f.messageKey, f.params)]));
  return { ok: false, message: t(refusal.messageKey, refusal.details.params), fieldErrors, values };
}

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password|secret/i.test(key)) values[key] = value.slice(0, 2000);
  }
  return values;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkAccess(access: Access, raw: unknown, viewer: Viewer | null): void {
  if (access.who === "anyone") return;
  if (!viewer) throw new Refusal(401, "error.unauthorized");
  if (access.who === "platform-admin" && !viewer.platformAdmin) throw new Refusal(403, "error.forbidden");
  const parkId = typeof raw === "object" && raw !== null ? (raw as { parkId?: unknown }).parkId : undefined;
  if (access.who === "member" && (typeof parkId !== "string" || !UUID.test(parkId) || !hasRole(viewer, parkId, access.atLeast))) {
    // A park the caller reads but that is archived says so (they see its notice anyway); otherwise not
    // a member and too low a role look the same from outside: no oracle for other parks' ids.
    const archived = viewer.memberships.some((m) => m.parkId === parkId && m.archived);
    throw new Refusal(403, archived ? "error.parkArchived" : "error.forbidden");
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
    if (!(formData instanceof FormData)) return formRefusal(new Refusal(400, "error.badRequest"), t, {});
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
      if (error instanceof Refusal) return formRefusal(error, t, values);
      throw error;
    }
  };
}

type RouteParams = Record<string, string | string[]>;

type RouteContext<I> = GuardContext<I> & { request: Request; params: RouteParams };

/**
 * A route handler behind the session cookie. The input is the query string; the route's path
 * parameters come as they are (the handler validates them: a wrong one is its 404). With `upload`,
 * the raw request body too, after the same-site and size checks (guard-upload.ts). Refusals are
 * `application/problem+json`, as everywhere under /api.
 */
export function guardedRoute<S extends z.ZodType, U extends UploadLimits | undefined = undefined>(
  options: { schema: S; access: Access; upload?: U },
  handler: (ctx: RouteContext<z.output<S>> & (U extends UploadLimits ? { body: Uint8Array } : unknown)) => Promise<Response>,
) {
  return async (request: Request, context?: { params?: Promise<RouteParams> }): Promise<Response> => {
    const { locale, t } = await getTranslator();
    return answerRefusals(t, `${request.method} ${new URL(request.url).pathname}`, async () => {
      // A cross-site upload would carry the session cookie (CSRF): refused before anything is read.
      if (options.upload) refuseCrossSite(request);
      const viewer = options.access.who === "anyone" ? null : await getViewer();
      const query = Object.fromEntries(new URL(request.url).searchParams.entries());
      checkAccess(options.access, query, viewer);
      const parsed = options.schema.safeParse(query);
      if (!parsed.success) throw new Refusal(400, "error.badRequest");
      const params = (await context?.params) ?? {};
      const body = options.upload ? await readUpload(request, options.upload, viewer?.userId ?? null) : undefined;
      const ctx = { input: parsed.data, viewer, locale, t, request, params, values: {}, ...(body ? { body } : {}) };
      return handler(ctx as Parameters<typeof handler>[0]);
    });
  };
}
