import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { OPERATIONS } from "@/app/_lib/api/operations";
import { OPENAPI_PATH } from "@/app/_lib/api/operation";
import { ProblemSchema } from "@/app/_lib/api/schemas";
import { revokeApiToken } from "@/db/queries/api-tokens";
import { apiTokens, memberships, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { snapshotTables, useDatabase, type DatabaseSnapshot } from "../support/action-harness";
import { ApiClient, type ApiAnswer } from "../support/api-client";
import { BUILDER_IDS, issueToken, parkIdOf, plantResources, uniqueCode, userIdOf, validRequest, type ParkResources } from "../support/api-fixture";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const EDITOR = "editor@ningxiang.demo"; // editor of ningxiang-htz (park A)
const VIEWER = "viewer@ningxiang.demo";
const OFFICER = "officer@ningbo.demo"; // editor of qianwan-new-area (park B) and yinzhou

/** Tables any authenticated request may write: its rate-limit count and the token's last use. */
const BOOKKEEPING = ["rate_limit_hits", "api_tokens"];

const api = new ApiClient([...OPERATIONS.map((op) => op.path), OPENAPI_PATH]);

function changed(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  return Object.keys(after).filter((t) => after[t]!.digest !== before[t]?.digest && !BOOKKEEPING.includes(t));
}

function problemOf(answer: ApiAnswer) {
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  return ProblemSchema.parse(answer.body);
}

it("has a valid request for every operation", () => {
  expect(OPERATIONS.map((op) => op.operationId).sort()).toEqual([...BUILDER_IDS].sort());
});

// These requests come "through one proxy": X-Forwarded-For's last entry is the client (app/_lib/client-address.ts).
beforeAll(() => {
  vi.stubEnv("PARKLINE_TRUSTED_PROXY_HOPS", "1");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe.each(TEST_TARGETS)("/api/v1 on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let a: ParkResources; // Ningxiang
  let b: ParkResources; // Qianwan
  let yinzhou: ParkResources;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    a = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    b = await plantResources(db, { parkSlug: "qianwan-new-area", editorEmail: OFFICER });
    yinzhou = await plantResources(db, { parkSlug: "yinzhou", editorEmail: OFFICER });
  });
  afterAll(async () => database.drop());
  afterEach(() => {
    delete process.env.PARKLINE_API_RATE_LIMIT;
    delete process.env.PARKLINE_API_AUTH_FAILURE_LIMIT;
  });

  async function send(op: (typeof OPERATIONS)[number], resources: ParkResources, token: string) {
    const request = await validRequest(db, op, resources);
    return api.call(request.method, request.path, { token, json: request.json, headers: request.headers });
  }

  it("answers every operation for the park's own editor, in the shape the OpenAPI document gives", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId], write: true });
    const failures: string[] = [];
    for (const op of OPERATIONS) {
      const answer = await send(op, a, token);
      if (answer.status !== op.success.status) failures.push(`${op.operationId}: ${answer.status} ${answer.text.slice(0, 300)}`);
      else {
        const parsed = op.success.schema.safeParse(answer.body);
        if (!parsed.success) failures.push(`${op.operationId}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a token of park A cannot read or write park B: 404 for every operation, nothing written", async () => {
    // The officer is a member of Qianwan and Yinzhou; a token naming only Qianwan must not reach Yinzhou either.
    const cases = [
      { token: await issueToken(db, EDITOR, { parkIds: [a.parkId], write: true }), other: b },
      { token: await issueToken(db, OFFICER, { parkIds: [b.parkId], write: true }), other: yinzhou },
      { token: await issueToken(db, OFFICER, { parkIds: [b.parkId], write: true }), other: a },
    ];
    const failures: string[] = [];
    let tried = 0;
    for (const { token, other } of cases) {
      for (const op of OPERATIONS.filter((o) => o.park)) {
        const before = await snapshotTables(db);
        const answer = await send(op, other, token);
        tried++;
        const wrote = changed(before, await snapshotTables(db));
        if (answer.status !== 404 || wrote.length) failures.push(`${op.operationId}: ${answer.status}, wrote ${wrote.join(", ") || "nothing"}`);
        else expect(problemOf(answer).type).toBe("urn:parkline:problem:not-found");
      }
      const parks = await api.get("/api/v1/parks", { token });
      expect((parks.body as { data: { id: string }[] }).data.map((p) => p.id)).not.toContain(other.parkId);
    }
    expect(failures).toEqual([]);
    expect(tried).toBe(3 * OPERATIONS.filter((o) => o.park).length);
  });

  it("a read-only token is refused every write with 403, in its own park too, and nothing is written", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId] });
    const writes = OPERATIONS.filter((op) => op.access === "write");
    expect(writes.length).toBeGreaterThanOrEqual(8);
    for (const op of writes) {
      const before = await snapshotTables(db);
      const answer = await send(op, a, token);
      expect([op.operationId, answer.status]).toEqual([op.operationId, 403]);
      expect(problemOf(answer).detail).toMatch(/read-only/);
      expect(changed(before, await snapshotTables(db))).toEqual([]);
    }
    for (const op of OPERATIONS.filter((o) => o.access === "read")) expect([op.operationId, (await send(op, a, token)).status]).toEqual([op.operationId, 200]);
  });

  it("a viewer's read-and-write token still cannot write: the role in the park decides, as in the UI", async () => {
    const token = await issueToken(db, VIEWER, { parkIds: [a.parkId], write: true });
    for (const op of OPERATIONS.filter((o) => o.access === "write")) {
      const before = await snapshotTables(db);
      const answer = await send(op, a, token);
      expect([op.operationId, answer.status, problemOf(answer).detail]).toEqual([op.operationId, 403, expect.stringMatching(/role/)]);
      expect(changed(before, await snapshotTables(db))).toEqual([]);
    }
    const park = await api.get(`/api/v1/parks/${a.parkId}`, { token });
    expect(park.body).toMatchObject({ role: "viewer", canWrite: false });
  });

  it("missing, malformed, unknown, revoked and expired tokens all get the same 401", async () => {
    const revoked = await issueToken(db, EDITOR, { parkIds: [a.parkId] });
    const [row] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.tokenPrefix, revoked.slice(0, 17)));
    expect((await api.get("/api/v1/parks", { token: revoked })).status).toBe(200);
    expect((await revokeApiToken(db, { userId: await userIdOf(db, EDITOR) }, { tokenId: row!.id })).ok).toBe(true);
    const expired = await issueToken(db, EDITOR, { parkIds: [a.parkId], expiresAt: new Date(Date.now() - 1000) });
    const unknown = `parkline_${"A".repeat(43)}`;
    const answers = [
      await api.get("/api/v1/parks"),
      await api.get("/api/v1/parks", { headers: { authorization: "Basic dXNlcjpwYXNz" } }),
      await api.get("/api/v1/parks", { token: "not-a-token" }),
      await api.get("/api/v1/parks", { token: unknown }),
      await api.get("/api/v1/parks", { token: revoked }),
      await api.get("/api/v1/parks", { token: expired }),
      await api.get(`/api/v1/projects/${a.projectId}`, { token: revoked }),
    ];
    expect(answers.map((x) => x.status)).toEqual(answers.map(() => 401));
    expect(new Set(answers.map((x) => x.text)).size).toBe(1);
    expect(answers[0]!.headers.get("www-authenticate")).toBe('Bearer realm="parkline"');
    expect(problemOf(answers[0]!).type).toBe("urn:parkline:problem:unauthorized");
  });

  it("a member removed from a park loses the park on the token's next request; a demoted one loses writing", async () => {
    const ningbo = await issueToken(db, OFFICER, { parkIds: [b.parkId, yinzhou.parkId], write: true });
    expect((await api.get(`/api/v1/projects/${yinzhou.projectId}`, { token: ningbo })).status).toBe(200);
    const officer = await userIdOf(db, OFFICER);
    await db.delete(memberships).where(and(eq(memberships.userId, officer), eq(memberships.parkId, yinzhou.parkId)));
    try {
      expect((await api.get(`/api/v1/projects/${yinzhou.projectId}`, { token: ningbo })).status).toBe(404);
      expect((await api.get(`/api/v1/parks/${yinzhou.parkId}`, { token: ningbo })).status).toBe(404);
      const parks = (await api.get("/api/v1/parks", { token: ningbo })).body as { data: { id: string }[] };
      expect(parks.data.map((p) => p.id)).toEqual([b.parkId]);
      expect((await api.get(`/api/v1/projects/${b.projectId}`, { token: ningbo })).status).toBe(200);
    } finally {
      await db.insert(memberships).values({ userId: officer, parkId: yinzhou.parkId, role: "editor" });
    }
    await db.update(memberships).set({ role: "viewer" }).where(and(eq(memberships.userId, officer), eq(memberships.parkId, b.parkId)));
    try {
      const answer = await api.post(`/api/v1/projects/${b.projectId}/phases`, { name: "三期" }, { token: ningbo });
      expect(answer.status).toBe(403);
    } finally {
      await db.update(memberships).set({ role: "editor" }).where(and(eq(memberships.userId, officer), eq(memberships.parkId, b.parkId)));
    }
  });

  it("PATCH needs If-Match: missing → 428, stale → 412 with who changed what, current → 200 and a new ETag", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId], write: true });
    const { projectId } = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    const read = await api.get(`/api/v1/projects/${projectId}`, { token });
    const etag = read.headers.get("etag")!;
    expect(etag).toMatch(/^"\d+"$/);
    expect((await api.get(`/api/v1/projects/${projectId}`, { token, headers: { "if-none-match": etag } })).status).toBe(304);

    const missing = await api.patch(`/api/v1/projects/${projectId}`, { name: "无版本" }, { token });
    expect(missing.status).toBe(428);

    // Someone logs a month: the project's version moves on, so the ETag read above is stale.
    const logged = await api.post(`/api/v1/projects/${projectId}/progress`, { period: "2025-04", narrative: "主体完工", investmentCompleted: "2000000" }, { token });
    expect(logged.status).toBe(201);
    for (const stale of [etag, '"0"', "W/" + etag, "garbage"]) {
      const before = await snapshotTables(db);
      const answer = await api.patch(`/api/v1/projects/${projectId}`, { name: "过期的修改" }, { token, headers: { "if-match": stale } });
      expect([stale, answer.status]).toEqual([stale, 412]);
      expect(changed(before, await snapshotTables(db))).toEqual([]);
      const problem = problemOf(answer);
      expect(problem.currentEtag).not.toBe(etag);
      expect(answer.headers.get("etag")).toBe(problem.currentEtag);
      if (stale === etag) expect(JSON.stringify(problem.changes)).toContain("completedInvestment");
    }
    const fresh = (await api.get(`/api/v1/projects/${projectId}`, { token })).headers.get("etag")!;
    const saved = await api.patch(`/api/v1/projects/${projectId}`, { name: "新名称", nameEn: null, contractedInvestment: "3.5亿" }, { token, headers: { "if-match": fresh } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: "新名称", nameEn: null, contractedInvestment: "350000000.00", completedInvestment: "3000000.00" });
    expect(saved.headers.get("etag")).toBe(`"${Number(fresh.slice(1, -1)) + 1}"`);
    const [row] = await db.select().from(projects).where(eq(projects.id, projectId));
    expect(row).toMatchObject({ name: "新名称", contractedInvestment: "350000000.00", version: Number(fresh.slice(1, -1)) + 1 });
  });

  it("cursor pagination walks every project of the park exactly once, in code order", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId], write: true });
    for (let i = 0; i < 7; i++) {
      const created = await api.post(`/api/v1/parks/${a.parkId}/projects`, {
        code: uniqueCode("PAGE"), name: `分页项目${i}`, company: "分页企业", cluster: "新材料", health: "on_track",
        plannedInvestment: "100", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
      }, { token });
      expect(created.status).toBe(201);
    }
    const expected = (await db.select({ code: projects.code }).from(projects).where(eq(projects.parkId, a.parkId))).map((p) => p.code).sort();
    const seen: string[] = [];
    let next: string | null = `/api/v1/parks/${a.parkId}/projects?limit=4`;
    let pages = 0;
    while (next) {
      const page: ApiAnswer = await api.get(next, { token });
      expect(page.status).toBe(200);
      const body = page.body as { data: { code: string }[]; next: string | null };
      expect(body.data.length).toBeLessThanOrEqual(4);
      seen.push(...body.data.map((p) => p.code));
      expect(page.headers.get("link")).toBe(body.next ? `<${body.next}>; rel="next"` : null);
      next = body.next;
      pages++;
    }
    // The database's collation orders the codes; compare as sets and check the API's own order is stable.
    expect([...seen].sort()).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(expected.length / 4));

    for (const bad of ["limit=0", "limit=201", "limit=1e2", "limit=abc", "cursor=!!!", `cursor=${Buffer.from('["a","b"]').toString("base64url")}`]) {
      const answer = await api.get(`/api/v1/parks/${a.parkId}/projects?${bad}`, { token });
      expect([bad, answer.status]).toEqual([bad, 400]);
      expect(problemOf(answer).errors?.[0]?.field).toMatch(/^(limit|cursor)$/);
    }
  });

  it("the progress log pages through every entry once, newest month first", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId], write: true });
    const { projectId } = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    // A month takes one entry; the second 2025-02 is a correction of the first, and the log lists both.
    let february = "";
    for (const period of ["2024-11", "2024-12", "2025-02", "2025-02", "2025-03"]) {
      const correction = period === "2025-02" && february ? { supersedesId: february } : {};
      const logged = await api.post(`/api/v1/projects/${projectId}/progress`, { period, narrative: `进展 ${period}`, ...correction }, { token });
      expect(logged.status).toBe(201);
      if (period === "2025-02") february = (logged.body as { id: string }).id;
    }
    const seen: { id: string; period: string }[] = [];
    let next: string | null = `/api/v1/projects/${projectId}/progress?limit=2`;
    while (next) {
      const body = (await api.get(next, { token })).body as { data: { id: string; period: string }[]; next: string | null };
      seen.push(...body.data);
      next = body.next;
    }
    expect(seen.map((e) => e.period)).toEqual(["2025-03", "2025-02", "2025-02", "2025-01", "2024-12", "2024-11"]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(6);
  });

  it("logging a month follows the log form's rules and moves the totals exactly", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId], write: true });
    const { projectId, milestoneId, capacityId } = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    const path = `/api/v1/projects/${projectId}/progress`;
    const refused = [
      [{ period: "2999-01", narrative: "未来" }, "period"],
      [{ period: "2025-05", narrative: "问题没有责任方", problemDescription: "缺电" }, "problemOwner"],
      [{ period: "2025-05", narrative: "x", investmentCompleted: 100 }, "investmentCompleted"],
      [{ period: "2025-05", narrative: "x", investmentCompleted: "1e9" }, "investmentCompleted"],
      [{ period: "2025-05", narrative: "x", reached: { [milestoneId]: "2999-01-01" } }, `reached.${milestoneId}`],
      [{ period: "2025-05", narrative: "x", online: { [capacityId]: "-5" } }, `online.${capacityId}`],
      [{ period: "2025-05", narrative: "x", nmae: "typo" }, "nmae"],
    ] as const;
    for (const [body, field] of refused) {
      const before = await snapshotTables(db);
      const answer = await api.post(path, body, { token });
      expect([field, answer.status]).toEqual([field, 422]);
      expect(problemOf(answer).errors?.map((e) => e.field)).toContain(field);
      expect(changed(before, await snapshotTables(db))).toEqual([]);
    }
    const logged = await api.post(path, {
      period: "2025-05", narrative: "投产", investmentCompleted: "12345678901234.56", outputValue: null, reached: { [milestoneId]: "2025-05-20" }, online: { [capacityId]: "8000.5" },
    }, { token });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ period: "2025-05", investmentCompleted: "12345678901234.56", online: [{ capacityId, online: "8000.5" }], superseded: false });
    const project = (await api.get(`/api/v1/projects/${projectId}`, { token })).body as { completedInvestment: string; stage: string; capacity: unknown[] };
    expect(project).toMatchObject({ completedInvestment: "12345679901234.56", stage: "production", capacity: [{ unit: "t", period: "year", designed: "10000", online: "8000.5" }] });
    const milestone = (await api.get(`/api/v1/milestones/${milestoneId}`, { token })).body;
    expect(milestone).toMatchObject({ actualDate: "2025-05-20" });
  });

  it("every error is problem+json: wrong content type 415, malformed or deep JSON 400, huge 413, bad fields 422 — nothing written", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId], write: true });
    const path = `/api/v1/projects/${a.projectId}/phases`;
    const cases: [string, Parameters<ApiClient["call"]>[2], number][] = [
      ["no content type", { rawBody: '{"name":"x"}' }, 415],
      ["text/plain", { rawBody: '{"name":"x"}', headers: { "content-type": "text/plain" } }, 415],
      ["form", { rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415],
      ["latin-1 charset", { rawBody: '{"name":"x"}', headers: { "content-type": "application/json; charset=iso-8859-1" } }, 415],
      ["malformed", { rawBody: '{"name": "x"', headers: { "content-type": "application/json" } }, 400],
      ["not UTF-8", { rawBody: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), headers: { "content-type": "application/json" } }, 400],
      ["10,000 deep", { rawBody: `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`, headers: { "content-type": "application/json" } }, 400],
      ["2 MB", { rawBody: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }), headers: { "content-type": "application/json" } }, 413],
      ["empty body", { rawBody: "", headers: { "content-type": "application/json" } }, 400],
      ["an array", { json: [{ name: "x" }] }, 422],
      ["null", { json: null }, 422],
      ["name too long", { json: { name: "期".repeat(101) } }, 422],
      ["__proto__ key", { rawBody: '{"name":"x","__proto__":{"polluted":1}}', headers: { "content-type": "application/json" } }, 422],
    ];
    for (const [label, options, status] of cases) {
      const before = await snapshotTables(db);
      const answer = await api.call("POST", path, { token, ...options });
      expect([label, answer.status]).toEqual([label, status]);
      const problem = problemOf(answer);
      expect(problem.status).toBe(status);
      if (status === 422) expect(problem.errors?.length).toBeGreaterThan(0);
      expect(changed(before, await snapshotTables(db))).toEqual([]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tooLong = problemOf(await api.post(path, { name: "期".repeat(101), nameEn: 5 }, { token }));
    expect(tooLong.errors).toEqual([
      { field: "name", pointer: "/name", message: "At most 100 characters." },
      { field: "nameEn", pointer: "/nameEn", message: "Expected null | string here, not number. Amounts and quantities are sent as decimal strings." },
    ]);
    const zh = problemOf(await api.post(path, { name: "" }, { token, headers: { "accept-language": "zh-CN" } }));
    expect(zh.errors?.[0]?.message).toBe("此项为必填项。");
  });

  it("limits each token per minute (429 with Retry-After) and failed authentications per address", async () => {
    process.env.PARKLINE_API_RATE_LIMIT = "5";
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId] });
    const statuses: number[] = [];
    let limited: ApiAnswer | null = null;
    // A minute boundary may reset the count once: keep asking until the limit bites.
    for (let i = 0; i < 13 && !limited; i++) {
      const answer = await api.get("/api/v1/parks", { token });
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
      else expect(Number(answer.headers.get("ratelimit-remaining"))).toBeGreaterThanOrEqual(0);
    }
    expect(limited).not.toBeNull();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited!.headers.get("ratelimit-remaining")).toBe("0");
    expect(problemOf(limited!).type).toBe("urn:parkline:problem:rate-limited");
    // Another token of the same user is counted on its own.
    expect((await api.get("/api/v1/parks", { token: await issueToken(db, EDITOR, { parkIds: [a.parkId] }) })).status).toBe(200);

    process.env.PARKLINE_API_AUTH_FAILURE_LIMIT = "3";
    const from = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200) + 1}` };
    const failures: number[] = [];
    for (let i = 0; i < 9 && !failures.includes(429); i++) {
      failures.push((await api.get("/api/v1/parks", { token: `parkline_${"B".repeat(43)}`, headers: from })).status);
    }
    expect(failures).toContain(429);
    expect(failures.slice(0, 3)).toEqual([401, 401, 401]);
    const valid = await issueToken(db, EDITOR, { parkIds: [a.parkId] });
    expect((await api.get("/api/v1/parks", { token: valid, headers: from })).status).toBe(200);
  });

  it("marks a token used, at most once a minute", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId] });
    const prefix = token.slice(0, 17);
    const lastUsed = async () => (await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.tokenPrefix, prefix)))[0]!.at;
    expect(await lastUsed()).toBeNull();
    await api.get("/api/v1/parks", { token });
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await api.get("/api/v1/parks", { token });
    expect(await lastUsed()).toEqual(first);
  });

  it("serves the OpenAPI document without a token", async () => {
    const answer = await api.get(OPENAPI_PATH);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ openapi: "3.1.0" });
  });

  it("answers rollup figures from the dashboard's summary tables, money as exact strings", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [a.parkId] });
    const rollup = (await api.get(`/api/v1/parks/${a.parkId}/rollup`, { token })).body as { totals: { projects: number; planned: string }; capacityByCluster: { unit: string }[] };
    const count = (await db.select({ id: projects.id }).from(projects).where(eq(projects.parkId, a.parkId))).length;
    expect(rollup.totals.projects).toBe(count);
    expect(rollup.totals.planned).toMatch(/^\d+\.\d{2}$/);
    expect(rollup.capacityByCluster.length).toBeGreaterThan(0);
    expect(await parkIdOf(db, "ningxiang-htz")).toBe(a.parkId);
  });
});
