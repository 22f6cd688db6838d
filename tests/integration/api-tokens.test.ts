import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/_lib/actions/api-tokens";
import { MAX_ACTIVE_TOKENS } from "@/lib/domain/api-token-schemas";
import { authenticateApiToken, listApiTokensByUser } from "@/db/queries/api-tokens";
import { apiTokenParks, apiTokens } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { callAs, refusal, snapshotTables, useDatabase } from "../support/action-harness";
import { issueToken, parkIdOf, revokeTestTokens, userIdOf } from "../support/api-fixture";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const EDITOR = "editor@ningxiang.demo";
const VIEWER = "viewer@ningxiang.demo";
const OFFICER = "officer@ningbo.demo";

describe.each(TEST_TARGETS)("personal API tokens on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let ningxiang: string;
  let qianwan: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    ningxiang = await parkIdOf(db, "ningxiang-htz");
    qianwan = await parkIdOf(db, "qianwan-new-area");
  });
  afterAll(async () => database.drop());

  it("creates a token shown once: only its SHA-256 and first characters are stored", async () => {
    const outcome = await callAs(EDITOR, createApiTokenAction, { label: "月报脚本", parkIds: [ningxiang], scope: "write", expiresOn: "" });
    if ("redirected" in outcome || !outcome.ok) throw new Error(JSON.stringify(outcome));
    const { token, id } = outcome.data as { token: string; id: string };
    expect(token).toMatch(/^parkline_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(9), "base64url").length).toBe(32);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(Buffer.from(row!.tokenHash).equals(createHash("sha256").update(token).digest())).toBe(true);
    expect(row).toMatchObject({ label: "月报脚本", tokenPrefix: token.slice(0, 17), canWrite: true, expiresAt: null, revokedAt: null });
    const [stored] = await db.execute(sql`select count(*)::int as n from api_tokens t where strpos(to_jsonb(t)::text, ${token.slice(17)}) > 0`).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { n: number }[]);
    expect(stored!.n).toBe(0);
    expect((await db.select().from(apiTokenParks).where(eq(apiTokenParks.tokenId, id))).map((p) => p.parkId)).toEqual([ningxiang]);
    expect((await authenticateApiToken(db, token))?.parks).toEqual([{ parkId: ningxiang, role: "editor", archived: false }]);
    const listed = (await listApiTokensByUser(db, { userId: await userIdOf(db, EDITOR) })).find((t) => t.id === id)!;
    expect(listed).toMatchObject({ label: "月报脚本", tokenPrefix: token.slice(0, 17), canWrite: true, expired: false });
    expect(listed.parks.map((p) => p.parkId)).toEqual([ningxiang]);
  });

  it("refuses parks the user is not a member of, past expiry dates and a signed-out caller — writing nothing", async () => {
    const cases = [
      { who: OFFICER, form: { label: "越权", parkIds: [ningxiang], scope: "read" }, field: "parkIds" },
      { who: EDITOR, form: { label: "混合", parkIds: [ningxiang, qianwan], scope: "read" }, field: "parkIds" },
      { who: EDITOR, form: { label: "无园区", scope: "read" }, field: "parkIds" },
      { who: EDITOR, form: { label: "过期", parkIds: [ningxiang], scope: "read", expiresOn: "2020-01-01" }, field: "expiresOn" },
      { who: EDITOR, form: { label: "权限", parkIds: [ningxiang], scope: "admin" }, field: "scope" },
      { who: null, form: { label: "未登录", parkIds: [ningxiang], scope: "read" }, field: null },
    ];
    for (const { who, form, field } of cases) {
      const before = await snapshotTables(db);
      const refused = refusal(await callAs(who, createApiTokenAction, form));
      if (field) expect([form.label, Object.keys(refused.fieldErrors)]).toEqual([form.label, [field]]);
      else expect(refused.message).toBe("Please sign in.");
      expect(await snapshotTables(db)).toEqual(before);
    }
  });

  it("only the owner revokes a token; anyone else is told it does not exist and it keeps working", async () => {
    const token = await issueToken(db, EDITOR, { parkIds: [ningxiang] });
    const [row] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.tokenPrefix, token.slice(0, 17)));
    for (const who of [VIEWER, OFFICER, "admin@ningxiang.demo", null]) {
      const before = await snapshotTables(db);
      const refused = refusal(await callAs(who, revokeApiTokenAction, { tokenId: row!.id }));
      expect(refused.message).toBe(who ? "Not found." : "Please sign in.");
      expect(await snapshotTables(db)).toEqual(before);
    }
    expect(await authenticateApiToken(db, token)).not.toBeNull();
    const revoked = await callAs(EDITOR, revokeApiTokenAction, { tokenId: row!.id });
    expect(revoked).toMatchObject({ ok: true, message: "Token revoked." });
    expect(await authenticateApiToken(db, token)).toBeNull();
    expect(refusal(await callAs(EDITOR, revokeApiTokenAction, { tokenId: row!.id })).message).toBe("Not found.");
  });

  it(`allows ${MAX_ACTIVE_TOKENS} active tokens per user; expired and revoked ones do not count`, async () => {
    await issueToken(db, OFFICER, { parkIds: [qianwan] });
    await revokeTestTokens(db, OFFICER);
    await issueToken(db, OFFICER, { parkIds: [qianwan], expiresAt: new Date(Date.now() - 1000) });
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) await issueToken(db, OFFICER, { parkIds: [qianwan] });
    const refused = refusal(await callAs(OFFICER, createApiTokenAction, { label: "第51个", parkIds: [qianwan], scope: "read" }));
    expect(refused.fieldErrors.label).toBe("You have 50 active tokens. Revoke one you no longer use first.");
    await revokeTestTokens(db, OFFICER);
    const again = await callAs(OFFICER, createApiTokenAction, { label: "第51个", parkIds: [qianwan], scope: "read" });
    expect(again).toMatchObject({ ok: true });
  });
});
