import "server-only";
import { createHash } from "node:crypto";
import { claimIdempotencyKey, finishIdempotencyKey, releaseIdempotencyKey } from "@/db/queries/idempotency";
import type { Db } from "@/db/types";
import type { Translate } from "@/lib/i18n/translate";
import { Refusal } from "@/lib/refusal";
import { problemResponse } from "./problem";

/** Headers of a first answer that its replays carry again. */
const KEPT_HEADERS = ["content-type", "etag", "location", "link", "cache-control"];

/**
 * A POST with an Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the first request
 * runs and its answer is stored in PostgreSQL (not process memory: a retry may reach another
 * instance); a retry with the same key and request gets that answer again, marked
 * `Idempotent-Replayed: true`. The same key with another request: 422; while the first is still
 * running: 409. Server errors are not kept, so their retry runs again.
 */
export async function idempotent(
  db: Db,
  t: Translate,
  { tokenId, key, request, body }: { tokenId: string; key: string; request: Request; body: unknown },
  run: () => Promise<Response>,
): Promise<Response> {
  if (!/^[\x20-\x7e]{1,255}$/.test(key)) throw new Refusal(400, "api.badIdempotencyKey");
  const url = new URL(request.url);
  const fingerprint = createHash("sha256").update(`${request.method} ${url.pathname}${url.search}\n${JSON.stringify(body ?? null)}`).digest("hex");
  const claim = await claimIdempotencyKey(db, { tokenId, key, fingerprint });
  if (claim.state === "mismatch") throw new Refusal(422, "api.idempotencyKeyReused");
  if (claim.state === "running") throw new Refusal(409, "api.idempotencyKeyRunning");
  if (claim.state === "replay") {
    return new Response(claim.body, { status: claim.status, headers: { ...claim.headers, "idempotent-replayed": "true" } });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    if (!(error instanceof Refusal) || error.status >= 500) {
      await releaseIdempotencyKey(db, { tokenId, key });
      throw error;
    }
    response = problemResponse(error, t);
  }
  if (response.status >= 500) {
    await releaseIdempotencyKey(db, { tokenId, key });
    return response;
  }
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
  await finishIdempotencyKey(db, { tokenId, key, status: response.status, headers, body: await response.clone().text() });
  return response;
}
