import "server-only";
import type { z } from "zod";
import { getDb } from "@/db/client";
import type { AuthenticatedToken } from "@/db/queries/api-tokens";
import type { Actor } from "@/db/queries/project-writes";
import type { MembershipRole } from "@/db/schema";
import type { Db } from "@/db/types";
import { localeFromAcceptLanguage } from "@/app/_lib/request-locale";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locale";
import { readJsonBody } from "./body";
import { authenticate, limitToken } from "./authenticate";
import type { Operation } from "./operation";
import { Refusal } from "@/lib/refusal";
import { answerRefusals, fieldRefusals } from "./problem";
import { idempotent } from "./idempotency";

export interface ApiContext<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  request: Request;
  db: Db;
  t: Translate;
  locale: Locale;
  token: AuthenticatedToken;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  /** The park the resource is in, and who writes there (the token's owner); empty for operations without one. */
  actor: Actor;
  role: MembershipRole | null;
  /**
   * The version If-Match names (0 when it names none that could match); "*" for any current version
   * (RFC 9110: the write goes ahead on whatever version is current); null when the operation takes none.
   */
  ifMatch: IfMatch;
}

type IfMatch = number | "*" | null;

/** The version a write reads as its base: the one If-Match names, or the current one for If-Match: *. */
export function readVersionOf(ifMatch: IfMatch, current: number): number {
  return ifMatch === "*" ? current : (ifMatch ?? 0);
}

const EDITOR_ROLES: readonly MembershipRole[] = ["editor", "admin"];

/** `"3"` (or a bare 3) → 3; a weak or malformed tag → 0, which matches no version (412). */
function parseIfMatch(header: string): number {
  const match = /^\s*"?(\d{1,10})"?\s*$/.exec(header);
  return match ? Number(match[1]) : 0;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper every /api/v1 handler goes through, in this order: who is calling (the bearer token,
 * 401), how often (429), may they (the park must be one the token lists where its owner is still a
 * member — else the same 404 as a missing resource; a write needs a read-and-write token and the editor
 * or admin role — else 403), then is the input valid (415/413/400/422), and If-Match (428). Every error
 * is application/problem+json, in the language of Accept-Language (English by default).
 */
export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  op: Operation<P, Q, B>,
  handler: (ctx: ApiContext<P, Q, B>) => Promise<Response>,
) {
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    const locale: Locale = localeFromAcceptLanguage(request.headers.get("accept-language")) ?? "en";
    const t = createTranslator(locale);
    let rateHeaders: Record<string, string> = {};
    const response = await answerRefusals(t, `api: ${op.method} ${op.path}`, async () => {
      const db = await getDb();
      const token = await authenticate(db, request);
      rateHeaders = await limitToken(db, token);
      if (op.access === "write" && !token.canWrite) throw new Refusal(403, "api.readOnlyToken");

      // A route without dynamic segments may get no params at all.
      const params = op.params.safeParse((await context?.params) ?? {});
      if (!params.success) throw Refusal.notFound("api.notFound");
      let actor: Actor = { parkId: "", actorId: token.userId };
      let role: MembershipRole | null = null;
      if (op.park) {
        const parkId = await op.park(db, params.data, token.parks.map((p) => p.parkId));
        const park = token.parks.find((p) => p.parkId === parkId);
        role = park?.role ?? null;
        if (!parkId || !role) {
          // If-Match: * holds only when the resource exists (RFC 9110 §13.1.1): otherwise 412, saying no more than a 404.
          if (op.ifMatch && request.headers.get("if-match")?.trim() === "*") throw new Refusal(412, "api.preconditionFailedAny");
          throw Refusal.notFound("api.notFound");
        }
        if (op.access === "write" && park?.archived) throw new Refusal(403, "error.parkArchived");
        if (op.access === "write" && !EDITOR_ROLES.includes(role)) throw new Refusal(403, "api.roleTooLow");
        actor = { parkId, actorId: token.userId };
      }

      let query: unknown = {};
      if (op.query) {
        const parsed = op.query.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
        if (!parsed.success) throw new Refusal(400, "api.badQuery", { fields: fieldRefusals(parsed.error, "query") });
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (op.body) {
        const parsed = op.body.safeParse(await readJsonBody(request), { reportInput: true });
        if (!parsed.success) throw new Refusal(422, "api.validation", { fields: fieldRefusals(parsed.error, "body") });
        body = parsed.data;
      }
      let ifMatch: IfMatch = null;
      if (op.ifMatch) {
        const header = request.headers.get("if-match");
        if (header === null) throw new Refusal(428, "api.preconditionRequired");
        ifMatch = header.trim() === "*" ? "*" : parseIfMatch(header);
      }

      const run = () =>
        handler({
          request, db, t, locale, token, actor, role, ifMatch,
          params: params.data, query: query as z.output<Q>, body: body as z.output<B>,
        });
      const key = op.method === "POST" ? request.headers.get("idempotency-key") : null;
      return key === null ? run() : idempotent(db, t, { tokenId: token.tokenId, key, request, body }, run);
    });
    // A 429 names its own; every other answer, refusals included, carries the token's count.
    for (const [name, value] of Object.entries(rateHeaders)) if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  };
  // The operation travels with the handler, so a test can check each route against the OpenAPI document.
  return Object.assign(route, { operation: op as Operation });
}
