import "server-only";
import { z } from "zod";
import type { WriteOutcome } from "@/db/queries/outcomes";
import { isMessageKey } from "@/lib/domain/fields";
import { Refusal } from "@/lib/refusal";
import { fieldRefusals, jsonPointer } from "./problem";
import { etagOf } from "./serialize";

/** A JSON answer; with a version it carries its ETag, and a GET whose If-None-Match names it gets 304. */
export function jsonResponse(
  request: Request,
  body: unknown,
  { status = 200, version, location, next }: { status?: number; version?: number; location?: string; next?: string | null } = {},
): Response {
  const headers: Record<string, string> = { "content-type": "application/json", "cache-control": "private, no-cache" };
  if (version !== undefined) {
    headers.etag = etagOf(version);
    const ifNoneMatch = request.headers.get("if-none-match");
    if (request.method === "GET" && ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === headers.etag)) {
      return new Response(null, { status: 304, headers: { etag: headers.etag, "cache-control": headers["cache-control"]! } });
    }
  }
  if (location) headers.location = location;
  if (next) headers.link = `<${next}>; rel="next"`;
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * A refused write of the data layer as a problem: not found → 404, a newer version → 412 (with the
 * current ETag and who changed what since), a rule of the data layer → 422 on its field.
 */
export function writeRefused(outcome: Exclude<WriteOutcome<unknown>, { ok: true }>, { ifMatch, currentVersion }: { ifMatch?: number | null; currentVersion?: number } = {}): Refusal {
  switch (outcome.reason) {
    case "not_found":
      return Refusal.notFound("api.notFound");
    case "conflict": {
      const etag = currentVersion === undefined ? "" : etagOf(currentVersion);
      return new Refusal(412, "api.preconditionFailed", {
        params: { ifMatch: etagOf(ifMatch ?? 0), etag },
        headers: etag ? { etag } : {},
        members: {
          currentEtag: etag,
          changes: outcome.changes.map((c) => ({ at: c.at.toISOString(), actorName: c.actorName, changes: c.changes })),
        },
      });
    }
    case "invalid": {
      const messageKey = isMessageKey(outcome.messageKey) ? outcome.messageKey : "validation.invalid";
      return new Refusal(422, "api.validation", { fields: [{ field: outcome.field, pointer: jsonPointer(outcome.field.split(".")), messageKey }] });
    }
  }
}

/** An opaque cursor: base64url of the keyset values of the last item of a page. */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/**
 * The keyset values of a cursor, or a 400 naming the `cursor` parameter. A cursor is client text: one
 * holding a control character (NUL, which PostgreSQL text cannot hold) names no item and is refused here,
 * for every list; `valid` checks the route's own keyset shape.
 */
export function decodeCursor(cursor: string, length: number, valid: (values: string[]) => boolean): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== length || !values.every((v) => typeof v === "string" && !/[\u0000-\u001f\u007f]/.test(v)) || !valid(values)) {
    throw new Refusal(400, "api.badCursor", { fields: [{ field: "cursor", messageKey: "api.badCursor" }] });
  }
  return values;
}

/** The URL of the next page: the same query with the cursor of the last item. */
export function nextPageUrl(request: Request, cursor: string): string {
  const url = new URL(request.url);
  url.searchParams.set("cursor", cursor);
  return `${url.pathname}${url.search}`;
}

/** Rules across fields (shared with the forms), checked on a resource as a PATCH would leave it: 422 when broken. */
export function checkRules<T>(value: T, rules: (value: T, ctx: z.RefinementCtx) => void): void {
  const checked = z.custom<T>(() => true).superRefine(rules).safeParse(value);
  if (!checked.success) throw new Refusal(422, "api.validation", { fields: fieldRefusals(checked.error, "body") });
}
