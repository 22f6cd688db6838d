import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OPERATIONS } from "@/app/_lib/api/operations";
import * as progressActions from "@/app/_lib/actions/progress";
import { apiIdempotencyKeys, progressEntries } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { callAs, snapshotTables, useDatabase } from "../support/action-harness";
import { ApiClient } from "../support/api-client";
import { issueToken, parkIdOf, plantResources } from "../support/api-fixture";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const EDITOR = "editor@ningxiang.demo";
const api = new ApiClient(OPERATIONS.map((op) => op.path));
/** Tables any authenticated request may write: its rate-limit count and the token's last use. */
const BOOKKEEPING = ["rate_limit_hits", "api_tokens"];

describe.each(TEST_TARGETS)("one entry per project and month; Idempotency-Key; If-Match: * on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let parkId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    parkId = await parkIdOf(db, "ningxiang-htz");
  });
  afterAll(async () => database.drop());

  const entriesOf = async (projectId: string, period: string) =>
    db.select({ id: progressEntries.id, supersedesId: progressEntries.supersedesId }).from(progressEntries).where(and(eq(progressEntries.projectId, projectId), eq(progressEntries.period, period)));

  it("a month logged twice through the API: 409 naming the entry to correct; the correction is accepted", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [parkId], write: true });
    const { projectId } = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    const path = `/api/v1/projects/${projectId}/progress`;
    const first = await api.post(path, { period: "2025-06", narrative: "主体施工" }, { token });
    expect(first.status).toBe(201);
    const entryId = (first.body as { id: string }).id;
    const before = await snapshotTables(db);
    const again = await api.post(path, { period: "2025-06", narrative: "主体施工（重复）" }, { token });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(again.body).toMatchObject({
      type: "urn:parkline:problem:conflict", status: 409, entryId, supersedesId: entryId,
      detail: "2025-06 already has an entry for this project. Correct this entry instead: the correction supersedes it, and both stay in the log.",
      errors: [{ field: "period" }],
    });
    const after = await snapshotTables(db);
    expect(Object.keys(after).filter((t) => after[t]!.digest !== before[t]?.digest && !BOOKKEEPING.includes(t))).toEqual([]);
    const corrected = await api.post(path, { period: "2025-06", narrative: "主体施工（更正）", supersedesId: entryId }, { token });
    expect(corrected.status).toBe(201);
    expect(await entriesOf(projectId, "2025-06-01")).toHaveLength(2);
  });

  it("a month logged twice through the form: refused beside the month, with a link to correct this entry", async () => {
    const { projectId } = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    const form = { parkId, projectId, period: "2025-07", narrative: "设备进场", investmentCompleted: "" };
    expect(await callAs(EDITOR, progressActions.logProgressAction, form)).toEqual({ redirected: `/projects/${projectId}?saved=progress#progress` });
    const [entry] = await entriesOf(projectId, "2025-07-01");
    const before = await snapshotTables(db);
    const refused = await callAs(EDITOR, progressActions.logProgressAction, { ...form, narrative: "设备进场（重复）" });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { period: expect.stringContaining("Correct this entry instead") },
      link: { href: `/projects/${projectId}/log?supersedes=${entry!.id}`, label: "Correct this entry" },
    });
    const after = await snapshotTables(db);
    expect(Object.keys(after).filter((t) => after[t]!.digest !== before[t]?.digest && t !== "rate_limit_hits")).toEqual([]);
  });

  it("a retried POST with the same Idempotency-Key gets the first answer, kept in PostgreSQL; another request with that key is refused", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [parkId], write: true });
    const { projectId } = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    const path = `/api/v1/projects/${projectId}/progress`;
    const body = { period: "2025-08", narrative: "试生产", investmentCompleted: "500万" };
    const headers = { "idempotency-key": "5d1f0c1e-retry-me" };
    const first = await api.post(path, body, { token, headers });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const retry = await api.post(path, body, { token, headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("ratelimit-remaining")).not.toBeNull();
    expect(retry.text).toBe(first.text);
    expect(await entriesOf(projectId, "2025-08-01")).toHaveLength(1);
    // The answer is a row in the database, which every app instance reads.
    const [stored] = await db.select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.key, "5d1f0c1e-retry-me"));
    expect(stored).toMatchObject({ status: 201, body: first.text });

    const other = await api.post(path, { ...body, narrative: "另一个请求" }, { token, headers });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ detail: "This Idempotency-Key was used with a different request. Use a new key for a new request." });
    // A refusal is kept too: the retry of a 409 is the same 409, not a write.
    const dup = { "idempotency-key": "second-key" };
    const refused = await api.post(path, { ...body, narrative: "重复月份" }, { token, headers: dup });
    expect(refused.status).toBe(409);
    expect((await api.post(path, { ...body, narrative: "重复月份" }, { token, headers: dup })).headers.get("idempotent-replayed")).toBe("true");
    for (const bad of ["", "x".repeat(256), "naïve"]) {
      expect((await api.post(path, body, { token, headers: { "idempotency-key": bad } })).status).toBe(400);
    }
  });

  it("If-Match: * writes over whatever version is current, and answers 412 where there is no such resource", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [parkId], write: true });
    const { projectId } = await plantResources(db, { parkSlug: "ningxiang-htz", editorEmail: EDITOR });
    const saved = await api.patch(`/api/v1/projects/${projectId}`, { name: "任意版本" }, { token, headers: { "if-match": "*" } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: "任意版本" });
    const missing = await api.patch("/api/v1/projects/00000000-0000-4000-8000-000000000000", { name: "不存在" }, { token, headers: { "if-match": "*" } });
    expect(missing.status).toBe(412);
    const noHeader = await api.patch("/api/v1/projects/00000000-0000-4000-8000-000000000000", { name: "不存在" }, { token });
    expect(noHeader.status).toBe(404);
  });
});
