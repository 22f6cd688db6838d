import { getTableColumns, getTableName, sql, type Table } from "drizzle-orm";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OPERATIONS } from "@/app/_lib/api/operations";
import type { Operation } from "@/app/_lib/api/operation";
import { phases, productionLines, progressEntries, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { API_BOOKKEEPING } from "../support/access-matrix";
import { ApiClient, type ApiAnswer, type CallOptions } from "../support/api-client";
import { parkIdOf, plantResources, tokenForUser, validRequest, type ParkResources } from "../support/api-fixture";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { hostileValues, MB } from "../support/hostile-values";
import { rowsOf, WriteWatch } from "../support/write-watch";

/**
 * Every /api/v1 write, fed hostile JSON: each field of its body (strings, and JSON values of every
 * type), the body as a whole (not JSON, not UTF-8, too deep, too big, the wrong type, unknown and
 * prototype keys) and its If-Match. Each must be refused with a 4xx problem and nothing written — or,
 * where the field takes free text, store it exactly as sent; never a 5xx.
 */

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/access-matrix")).mockAuthConfigWithCredentials());
vi.mock("next-auth", async () => (await import("../support/access-matrix")).mockNextAuth());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const EDITOR = "editor@ningxiang.demo";
const api = new ApiClient(OPERATIONS.map((op) => op.path));
const WRITES = OPERATIONS.filter((op) => op.access === "write");

type Kind =
  /** Free text: stored exactly as sent (trimmed). */
  | { kind: "text"; table: Table; column: string }
  /** A constrained identifier: whatever it accepts is stored exactly as sent. */
  | { kind: "identifier"; table: Table; column: string }
  /** A value of this shape is legitimate here; anything else must be refused. */
  | { kind: "value"; accepts: (value: unknown) => boolean; why: string }
  /** May be accepted, but nothing of it is stored (e.g. a label of a milestone that is not custom). */
  | { kind: "ignored"; why: string };

const text = (table: Table, column: string): Kind => ({ kind: "text", table, column });
const projectText = Object.fromEntries(
  ["name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge"].map((c) => [c, text(projects, c)]),
);
const emptyRecord = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

/** Fields not listed are strict: every hostile value must be refused (null only where it means "none"). */
const projectFields = { ...projectText, code: { kind: "identifier", table: projects, column: "code" } as Kind };

const FIELD_KINDS: Record<string, Record<string, Kind>> = {
  createProject: projectFields,
  updateProject: projectFields,
  createPhase: { name: text(phases, "name"), nameEn: text(phases, "nameEn") },
  updatePhase: { name: text(phases, "name"), nameEn: text(phases, "nameEn") },
  createLine: { name: text(productionLines, "name"), nameEn: text(productionLines, "nameEn") },
  createMilestone: {
    customLabel: { kind: "ignored", why: "kept only for a custom milestone; the request's type is topping_out" },
    rebaselineReason: { kind: "ignored", why: "kept only when an existing milestone's planned date moves" },
  },
  updateMilestone: {
    customLabel: { kind: "ignored", why: "kept only for a custom milestone" },
    rebaselineReason: { kind: "ignored", why: "kept only when the planned date moves, which this request does not" },
  },
  logProgress: {
    narrative: text(progressEntries, "narrative"),
    narrativeEn: text(progressEntries, "narrativeEn"),
    sourceRef: text(progressEntries, "sourceRef"),
    sourceUrl: { kind: "value", accepts: (v) => typeof v === "string" && /^\s*https?:\/\/\S+\s*$/.test(v), why: "a source may be any web page" },
    reached: { kind: "value", accepts: emptyRecord, why: "no milestone reached" },
    online: { kind: "value", accepts: emptyRecord, why: "no capacity reported" },
  },
};

/** JSON values that are not strings, for every field. */
const JSON_VALUES: { label: string; value: unknown }[] = [
  { label: "null", value: null },
  { label: "0", value: 0 },
  { label: "-1", value: -1 },
  { label: "1e308", value: 1e308 },
  { label: "5000000000.123", value: 5000000000.123 },
  { label: "true", value: true },
  { label: "[]", value: [] },
  { label: "{}", value: {} },
  { label: "array of strings", value: ["a", "b"] },
  { label: "operator object", value: { $gt: "" } },
  { label: "object nested 12 deep", value: JSON.parse(`${'{"a":'.repeat(12)}1${"}".repeat(12)}`) },
];

/** Optional fields where JSON null means "none": accepted, and nothing hostile is stored. */
const isNone = (value: unknown) => value === null || (typeof value === "string" && value.trim() === "");

describe.each(TEST_TARGETS)("hostile API inputs on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let resources: ParkResources;
  let other: { otherParkId: string };
  let token: string;
  let watch: WriteWatch;
  const tally = { tried: 0, refused: 0, refusedRowsChanged: 0, storedAsText: 0, acceptedOther: 0, fivexx: 0 };

  beforeAll(async () => {
    process.env.PARKLINE_API_RATE_LIMIT = "1000000";
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    (await import("../support/action-harness")).useDatabase(db);
    resources = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    other = { otherParkId: await parkIdOf(db, "qianwan-new-area") };
    token = await tokenForUser(db, EDITOR);
    watch = new WriteWatch(db);
  });
  afterAll(async () => {
    delete process.env.PARKLINE_API_RATE_LIMIT;
    await database.drop();
  });

  async function isStored(table: Table, column: string, value: string): Promise<boolean> {
    const col = getTableColumns(table)[column]!;
    const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from ${table} where ${col} = ${value}`));
    return Number(row!.n) > 0;
  }

  /** Sends one request and judges it; returns whether it was accepted, and a failure or null. */
  async function tryRequest(op: Operation, path: string, options: CallOptions, field: string | null, value: unknown, mustRefuse: boolean) {
    await watch.mark();
    let answer: ApiAnswer;
    try {
      answer = await api.call(op.method, path, { token, ...options });
    } catch (error) {
      return { accepted: false, failure: `threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
    }
    const changes = await watch.changes(API_BOOKKEEPING);
    tally.tried++;
    const type = answer.headers.get("content-type") ?? "";
    if (answer.status >= 500) {
      tally.fivexx++;
      return { accepted: false, failure: `${answer.status} ${answer.text.slice(0, 200)}` };
    }
    if (({} as Record<string, unknown>).polluted !== undefined) return { accepted: true, failure: "Object.prototype was polluted" };
    if (answer.status >= 400) {
      tally.refused++;
      if (type !== "application/problem+json") return { accepted: false, failure: `${answer.status} as ${type}` };
      if (changes.tables.length) {
        tally.refusedRowsChanged += changes.rows;
        return { accepted: false, failure: `refused with ${answer.status} but wrote to ${changes.tables.join(", ")}` };
      }
      const fieldKind = field ? FIELD_KINDS[op.operationId]?.[field] : undefined;
      const literal = hostileValues(other).find((h) => h.literal && h.value === value);
      if (literal && fieldKind?.kind === "text") return { accepted: false, failure: `refused literal text: ${answer.text.slice(0, 200)}` };
      return { accepted: false, failure: null };
    }
    if (type !== "application/json") return { accepted: true, failure: `${answer.status} as ${type}` };
    if (mustRefuse) return { accepted: true, failure: `accepted with ${answer.status}` };
    const fieldKind = field ? FIELD_KINDS[op.operationId]?.[field] : { kind: "ignored", why: "the whole body" } as Kind;
    if ((fieldKind?.kind === "text" || fieldKind?.kind === "identifier") && typeof value === "string" && value.trim() !== "") {
      tally.storedAsText++;
      const stored = await isStored(fieldKind.table, fieldKind.column, value.trim());
      return { accepted: true, failure: stored ? null : `accepted but not stored as sent in ${getTableName(fieldKind.table)}.${fieldKind.column}` };
    }
    tally.acceptedOther++;
    if (isNone(value)) return { accepted: true, failure: null };
    if (fieldKind?.kind === "value" && !fieldKind.accepts(value)) return { accepted: true, failure: `accepted ${JSON.stringify(value).slice(0, 60)}, not ${fieldKind.why}` };
    if (!fieldKind) return { accepted: true, failure: `a strict field accepted ${JSON.stringify(value).slice(0, 60)}` };
    return { accepted: true, failure: null };
  }

  it.each(WRITES.map((op) => [op.operationId, op] as const))("%s: hostile values in every field are refused, or stored exactly as sent", async (_id, op) => {
    const failures: string[] = [];
    const bodySchema = z.toJSONSchema(op.body!, { io: "input" }) as { properties: Record<string, unknown> };
    const fields = Object.keys(bodySchema.properties);
    const values = [
      ...hostileValues(other).flatMap((h) => (typeof h.value === "string" ? [{ label: h.label, value: h.value as unknown }] : [])),
      ...JSON_VALUES,
    ];
    let request = await validRequest(db, op, resources);
    for (const field of fields) {
      for (const { label, value } of values) {
        const json = { ...(request.json as object), [field]: value };
        const { accepted, failure } = await tryRequest(op, request.path, { json, headers: request.headers }, field, value, false);
        if (failure) failures.push(`${field} ← ${label}: ${failure}`);
        // An accepted write may have used up what the request named (a version, a code).
        if (accepted) request = await validRequest(db, op, resources);
      }
    }
    expect(fields.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 600_000);

  it.each(WRITES.map((op) => [op.operationId, op] as const))("%s: hostile bodies and headers are refused with nothing written", async (_id, op) => {
    const failures: string[] = [];
    const request = await validRequest(db, op, resources);
    const valid = JSON.stringify(request.json);
    const asJson = { "content-type": "application/json", ...request.headers };
    const extra = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`junk${i}`, i]));
    const attacks: { label: string; options: CallOptions }[] = [
      { label: "no content type", options: { rawBody: valid, headers: request.headers } },
      { label: "text/plain", options: { rawBody: valid, headers: { ...request.headers, "content-type": "text/plain" } } },
      { label: "form-urlencoded", options: { rawBody: "name=x", headers: { ...request.headers, "content-type": "application/x-www-form-urlencoded" } } },
      { label: "multipart", options: { rawBody: "--b\r\n\r\nx\r\n--b--", headers: { ...request.headers, "content-type": "multipart/form-data; boundary=b" } } },
      { label: "UTF-16", options: { rawBody: Buffer.from(valid, "utf16le"), headers: { ...request.headers, "content-type": "application/json; charset=utf-16" } } },
      { label: "empty", options: { rawBody: "", headers: asJson } },
      { label: "malformed", options: { rawBody: valid.slice(0, -1), headers: asJson } },
      { label: "not UTF-8", options: { rawBody: new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), headers: asJson } },
      { label: "nested 10,000 deep", options: { rawBody: `${"[".repeat(10_000)}${"]".repeat(10_000)}`, headers: asJson } },
      { label: "a field nested 20 deep", options: { rawBody: valid.replace(/}$/, `,"x":${'{"a":'.repeat(20)}1${"}".repeat(20)}}`), headers: asJson } },
      { label: "2 MB", options: { rawBody: JSON.stringify({ ...(request.json as object), pad: "x".repeat(2 * MB) }), headers: asJson } },
      { label: "2 MB declared, little sent", options: { rawBody: valid, headers: { ...asJson, "content-length": String(2 * MB) } } },
      { label: "null", options: { json: null, headers: request.headers } },
      { label: "an array", options: { json: [request.json], headers: request.headers } },
      { label: "a string", options: { json: valid, headers: request.headers } },
      { label: "10,000 extra fields", options: { json: { ...(request.json as object), ...extra }, headers: request.headers } },
      { label: "prototype keys", options: { rawBody: valid.replace(/}$/, ',"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'), headers: asJson } },
    ];
    if (op.ifMatch) {
      // Not "*": RFC 9110 makes If-Match: * a legitimate "whatever the current version" (api-idempotency.test.ts).
      for (const tag of ["", "W/\"1\"", '"0"', '"99999999999"', "1, 2", '"<script>"', '"1"garbage']) {
        attacks.push({ label: `If-Match ${JSON.stringify(tag)}`, options: { json: request.json, headers: { ...request.headers, "if-match": tag } } });
      }
    }
    for (const { label, options } of attacks) {
      const { failure } = await tryRequest(op, request.path, options, null, null, true);
      if (failure) failures.push(`${label}: ${failure}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  // Cursors are opaque, but a client can write one: each of these reached PostgreSQL and was a 500 (issue 22).
  it("list cursors a client wrote itself are refused with a 400 problem naming the cursor", async () => {
    const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const id = "00000000-0000-4000-8000-000000000000";
    const lists = [
      ...[["2026-13-01", id], ["2026-02-30", id], ["0000-00-01", id], ["2026-01-01\u0000", id], ["2026-01-01", `${id}\u0000`]].map((values) => ({
        path: `/api/v1/projects/${resources.projectId}/progress?cursor=${cursor(values)}`, label: `progress ${JSON.stringify(values)}`,
      })),
      ...[["NX\u0000"], ["\u0000"], ["a\u001fb"]].map((values) => ({
        path: `/api/v1/parks/${resources.parkId}/projects?cursor=${cursor(values)}`, label: `projects ${JSON.stringify(values)}`,
      })),
    ];
    const failures: string[] = [];
    for (const { path, label } of lists) {
      const answer = await api.get(path, { token });
      tally.tried++;
      if (answer.status >= 500) tally.fivexx++;
      const problem = answer.body as { errors?: { field: string }[] };
      if (answer.status !== 400 || problem.errors?.[0]?.field !== "cursor") failures.push(`${label}: ${answer.status} ${answer.text.slice(0, 120)}`);
      else tally.refused++;
    }
    expect(failures).toEqual([]);
    // A real cursor still pages.
    expect((await api.get(`/api/v1/projects/${resources.projectId}/progress?cursor=${cursor(["2026-01-01", id])}`, { token })).status).toBe(200);
  });

  it("tried every input", async () => {
    const { tried, refused, refusedRowsChanged, storedAsText, acceptedOther, fivexx } = tally;
    console.log(`api hostile inputs: ${tried} tried, ${refusedRowsChanged} rows changed (${kind})`);
    console.log(
      `api hostile inputs (${kind}): ${refused} refused with a 4xx problem and 0 rows changed; ${storedAsText} stored exactly as sent and ` +
        `${acceptedOther} accepted as "none" or a legitimate value; ${fivexx} answered 5xx`,
    );
    expect(tried).toBeGreaterThanOrEqual(WRITES.length * 100);
    expect(refusedRowsChanged).toBe(0);
    expect(fivexx).toBe(0);
    expect(await parkIdOf(db, "ningxiang-htz")).toBe(resources.parkId);
  });
});
