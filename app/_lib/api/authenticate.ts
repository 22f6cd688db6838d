import "server-only";
import { authenticateApiToken, touchApiToken, type AuthenticatedToken } from "@/db/queries/api-tokens";
import { countRequest } from "@/db/queries/rate-limits";
import type { Db } from "@/db/types";
import { clientAddress } from "../client-address";
import { Refusal } from "@/lib/refusal";

/** Limits, read at each request so an operator (or a test) can change them without a rebuild. */
export function apiLimits() {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    /** Requests per token per minute. */
    perToken: positive(process.env.PARKLINE_API_RATE_LIMIT, 120),
    /** Failed authentications per client address per 10 minutes. */
    authFailures: positive(process.env.PARKLINE_API_AUTH_FAILURE_LIMIT, 30),
  };
}

const MINUTE = 60_000;
const AUTH_WINDOW = 10 * MINUTE;

/** The token of an `Authorization: Bearer …` header, or null. */
function bearerOf(request: Request): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/**
 * Who is calling: the live token of the Authorization header, or 401 — the same answer for a missing,
 * malformed, unknown, revoked or expired token. Failures are counted per client address; past the limit
 * they get 429 (valid tokens from that address keep working, as with share links).
 */
export async function authenticate(db: Db, request: Request): Promise<AuthenticatedToken> {
  const bearer = bearerOf(request);
  const token = bearer ? await authenticateApiToken(db, bearer) : null;
  if (token) return token;
  const failures = await countRequest(db, { key: `api:auth-fail:${clientAddress(request.headers)}`, windowMs: AUTH_WINDOW });
  if (failures.count > apiLimits().authFailures) {
    throw new Refusal(429, "api.authRateLimited", { params: { seconds: failures.resetSeconds }, headers: { "retry-after": String(failures.resetSeconds) } });
  }
  throw new Refusal(401, "api.unauthorized", { headers: { "www-authenticate": 'Bearer realm="parkline"' } });
}

/**
 * Counts the request against the token's per-minute limit (429 past it) and marks the token used;
 * returns the RateLimit headers every answer carries.
 */
export async function limitToken(db: Db, token: AuthenticatedToken): Promise<Record<string, string>> {
  const limit = apiLimits().perToken;
  const [rate] = await Promise.all([countRequest(db, { key: `api:token:${token.tokenId}`, windowMs: MINUTE }), touchApiToken(db, token)]);
  const headers = {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(Math.max(0, limit - rate.count)),
    "ratelimit-reset": String(rate.resetSeconds),
  };
  if (rate.count > limit) {
    throw new Refusal(429, "api.rateLimited", { params: { limit, seconds: rate.resetSeconds }, headers: { ...headers, "retry-after": String(rate.resetSeconds) } });
  }
  return headers;
}
