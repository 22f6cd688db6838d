import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as shareActions from "@/app/_lib/actions/share-links";
import { DEFAULT_REDACTION, type Redaction } from "@/lib/domain/share-schemas";
import { countShareView, flushShareViews } from "@/app/share/[token]/views";
import * as publicStatus from "@/db/queries/public-status";
import sharePage from "@/pages/api/share/[token]";
import { sharePagePath } from "@/lib/share-path";
import { getUserByEmail } from "@/db/queries/accounts";
import { logProgress, raiseProblem } from "@/db/queries/progress-writes";
import { createProject, saveMilestone, type Actor } from "@/db/queries/project-writes";
import { getPublicProjectStatus } from "@/db/queries/public-status";
import { getPublicParkStatus } from "@/db/queries/public-park-status";
import {
  addShareViews, createShareLink, listShareLinks, MISSES_ALLOWED, recordTokenMiss, resolveShareToken, resolveShareTokens, revokeShareLink, type NewShareLink,
} from "@/db/queries/share-links";
import { auditEvents, parks, shareLinks } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { callAs, refusal, snapshotTables, useDatabase, type FormValues } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { callPagesApi } from "../support/pages-api";

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, default: actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});
vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());
// Counted, so a test can tell a page served from the render cache from one rendered again.
vi.mock("@/db/queries/public-status", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/public-status")>();
  return { ...actual, getPublicProjectStatus: vi.fn(actual.getPublicProjectStatus) };
});

const EDITOR = "editor@ningxiang.demo";
const VIEWER = "viewer@ningxiang.demo";
const OFFICER = "officer@ningbo.demo"; // editor of qianwan-new-area, not a member of ningxiang-htz

const HIDDEN = { contracted: "375000000", problem: "环评批复延迟-隐藏问题", unit: "招商二局-隐藏联系人" };
const sha256 = (token: string) => createHash("sha256").update(token).digest();
let seq = 0;

interface Ctx {
  db: Db;
  nx: Actor;
  qw: Actor;
  projectA: string;
  projectB: string; // same park as A
  projectQ: string; // another park
}

async function newProject(db: Db, actor: Actor, name: string) {
  const outcome = await createProject(db, actor, {
    code: `SH-${++seq}`, name, nameEn: null, company: `${name}公司`, companyEn: null, cluster: "新材料", clusterEn: null,
    responsibleUnit: HIDDEN.unit, leaderInCharge: "张副区长", health: "on_track",
    plannedInvestment: "1200000000", contractedInvestment: HIDDEN.contracted, inPlaceInvestment: "100000000", completedInvestment: "0",
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.value.id;
}

function link(overrides: Partial<Omit<NewShareLink, "redaction">> & { redaction?: Partial<Redaction> } = {}): NewShareLink {
  return { label: "省厅", scope: "project", projectId: null, expiresAt: null, snapshotAt: null, ...overrides, redaction: { ...DEFAULT_REDACTION, ...overrides.redaction } };
}

async function make(ctx: Ctx, actor: Actor, l: NewShareLink) {
  const outcome = await createShareLink(ctx.db, actor, l);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.value;
}

async function open(token: string, query = "", headers: Record<string, string> = {}) {
  const request = new Request(`http://share.test${sharePagePath(token)}${query}`, { headers: { "x-forwarded-for": "198.51.100.1", ...headers } });
  const response = await callPagesApi(sharePage, request, { params: Promise.resolve({ token }) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

async function viewsOf(db: Db, id: string) {
  const [row] = await db.select({ views: shareLinks.viewCount, last: shareLinks.lastViewedAt }).from(shareLinks).where(eq(shareLinks.id, id));
  return row!;
}

/** How many times a project page was rendered from the database since the last call. */
function renders(): number {
  const n = vi.mocked(publicStatus.getPublicProjectStatus).mock.calls.length;
  vi.mocked(publicStatus.getPublicProjectStatus).mockClear();
  return n;
}

// These requests come "through one proxy": X-Forwarded-For's last entry is the client (app/_lib/client-address.ts).
beforeAll(() => {
  vi.stubEnv("PARKLINE_TRUSTED_PROXY_HOPS", "1");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe.each(TEST_TARGETS)("share links on %s", (kind) => {
  let database: TestDatabase;
  const ctx = {} as Ctx;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoData(database.db);
    useDatabase(database.db);
    ctx.db = database.db;
    const parkId = async (slug: string) => (await ctx.db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug)))[0]!.id;
    ctx.nx = { parkId: await parkId("ningxiang-htz"), actorId: (await getUserByEmail(ctx.db, { email: EDITOR }))!.id };
    ctx.qw = { parkId: await parkId("qianwan-new-area"), actorId: (await getUserByEmail(ctx.db, { email: OFFICER }))!.id };
    ctx.projectA = await newProject(ctx.db, ctx.nx, "项目甲");
    ctx.projectB = await newProject(ctx.db, ctx.nx, "项目乙");
    ctx.projectQ = await newProject(ctx.db, ctx.qw, "项目丙");
    await raiseProblem(ctx.db, ctx.nx, { projectId: ctx.projectA, description: HIDDEN.problem, owner: "园区经发局", dueDate: null });
  });
  // Views the share pages count are written up to 200 ms later: write them before the next test
  // snapshots the tables, and before the database goes.
  afterEach(() => flushShareViews());
  afterAll(async () => {
    await flushShareViews();
    await database.drop();
  });
  beforeEach(() => {
    vi.mocked(timingSafeEqual).mockClear();
  });

  it("makes tokens of 256 random bits and stores only their SHA-256, nowhere the token", async () => {
    const { id, token } = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const [row] = await ctx.db.select({ hash: shareLinks.tokenHash }).from(shareLinks).where(eq(shareLinks.id, id));
    expect(Buffer.from(row!.hash).equals(sha256(token))).toBe(true);
    const tables = await ctx.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    const names = (Array.isArray(tables) ? tables : (tables as { rows: unknown[] }).rows) as { table_name: string }[];
    for (const { table_name } of names) {
      const found = await ctx.db.execute(sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${`%${token}%`}`);
      const [row] = (Array.isArray(found) ? found : (found as { rows: unknown[] }).rows) as { n: number }[];
      expect({ table_name, n: Number(row!.n) }).toEqual({ table_name, n: 0 });
    }
  });

  it("resolves a live token, and gives the same null for unknown, malformed, revoked and expired ones", async () => {
    const live = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    const revoked = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    const expired = await make(ctx, ctx.nx, link({ projectId: ctx.projectA, expiresAt: new Date(Date.now() - 1000) }));
    await revokeShareLink(ctx.db, ctx.nx, { linkId: revoked.id });
    expect(await resolveShareToken(ctx.db, live.token)).toMatchObject({ id: live.id, projectId: ctx.projectA, parkId: ctx.nx.parkId });
    for (const token of [randomBytes(32).toString("base64url"), "short", `${live.token}x`, revoked.token, expired.token]) {
      expect(await resolveShareToken(ctx.db, token)).toBeNull();
    }
    const pages = await Promise.all([revoked.token, expired.token, randomBytes(32).toString("base64url")].map((t) => open(t)));
    expect(pages.map((p) => p.status)).toEqual([404, 404, 404]);
    expect(new Set(pages.map((p) => p.body)).size).toBe(1);
  });

  it("compares the stored hash with timingSafeEqual on equal-length buffers", async () => {
    const { token } = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    await resolveShareToken(ctx.db, token);
    const calls = vi.mocked(timingSafeEqual).mock.calls;
    expect(calls).toHaveLength(1);
    const [a, b] = calls[0]! as unknown as [Buffer, Buffer];
    expect([a.length, b.length]).toEqual([32, 32]);
    expect(Buffer.from(b).equals(sha256(token))).toBe(true);
  });

  it("loads only the link's own project, whatever ids are in the URL or the row", async () => {
    const { id, token } = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    const tampered = `?projectId=${ctx.projectB}&project=${ctx.projectQ}&parkId=${ctx.qw.parkId}&id=${ctx.projectB}`;
    const page = await open(token, tampered);
    expect(page.status).toBe(200);
    expect(page.body).toContain("项目甲");
    expect(page.body).not.toMatch(/项目乙|项目丙/);
    const resolved = (await resolveShareToken(ctx.db, token))!;
    expect(await getPublicProjectStatus(ctx.db, { ...resolved, parkId: ctx.qw.parkId })).toBeNull();
    // A row pointing at another park's project (never written by the app) still shows nothing.
    await ctx.db.update(shareLinks).set({ parkId: ctx.qw.parkId }).where(eq(shareLinks.id, id));
    expect((await open(token)).status).toBe(404);
  });

  it("keeps hidden sections out of the data and the HTML, and shows them when chosen", async () => {
    const hidden = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    const status = await getPublicProjectStatus(ctx.db, (await resolveShareToken(ctx.db, hidden.token))!);
    expect(status!.investment?.planned).toBe("1200000000.00");
    const json = JSON.stringify(status);
    for (const secret of [HIDDEN.contracted, HIDDEN.problem, HIDDEN.unit, "张副区长"]) expect(json).not.toContain(secret);
    const page = await open(hidden.token, "?lang=en");
    expect(page.body).toContain("¥1.2 bn");
    for (const secret of [HIDDEN.problem, HIDDEN.unit, "¥375 M", "375000000"]) expect(page.body).not.toContain(secret);
    expect(page.body).not.toMatch(/<script/i);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("x-robots-tag")).toContain("noindex");

    const shown = await make(ctx, ctx.nx, link({ projectId: ctx.projectA, redaction: { contractAmounts: true, problems: true, contacts: true } }));
    const full = await open(shown.token, "?lang=en");
    for (const text of [HIDDEN.problem, HIDDEN.unit, "¥375 M"]) expect(full.body).toContain(text);
  });

  it("shows planning figures nobody entered as not set, not ¥0, and leaves them out of the preview text", async () => {
    const outcome = await createProject(ctx.db, ctx.nx, {
      code: `SH-${++seq}`, name: "项目丁", nameEn: null, company: "项目丁公司", companyEn: null, cluster: "新材料", clusterEn: null,
      responsibleUnit: null, leaderInCharge: null, health: "on_track",
      plannedInvestment: "0", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const made = await make(ctx, ctx.nx, link({ projectId: outcome.value.id, redaction: { contractAmounts: true } }));
    const page = await open(made.token, "?lang=en");
    for (const key of ["Planned total", "Contracted", "In place (到位)"]) expect(page.body).toContain(`<dt>${key}</dt><dd>Not set</dd>`);
    // Completed investment is measured: zero is a figure.
    expect(page.body).toContain("<dt>Completed to date</dt><dd>¥0</dd>");
    const description = /<meta name="description" content="([^"]*)">/.exec(page.body)?.[1];
    expect(description).toContain("Stage:");
    expect(description).not.toContain("Planned total");

    const planned = await open((await make(ctx, ctx.nx, link({ projectId: ctx.projectA }))).token, "?lang=en");
    expect(/<meta name="description" content="([^"]*)">/.exec(planned.body)?.[1]).toContain("Planned total: ¥1.2 bn");
  });

  it("counts 50 concurrent views of the page exactly, and lists them with the last view", async () => {
    const { id, token } = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    const before = new Date();
    const pages = await Promise.all(Array.from({ length: 50 }, () => open(token)));
    expect(pages.map((p) => p.status)).toEqual(Array(50).fill(200));
    await flushShareViews();
    const row = await viewsOf(ctx.db, id);
    expect(row.views).toBe(50);
    expect(row.last!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const listed = (await listShareLinks(ctx.db, { parkId: ctx.nx.parkId })).find((l) => l.id === id);
    expect(listed).toMatchObject({ viewCount: 50, lastViewedAt: row.last });
    // A 404 is no view.
    await revokeShareLink(ctx.db, ctx.nx, { linkId: id });
    expect((await open(token)).status).toBe(404);
    await flushShareViews();
    expect((await viewsOf(ctx.db, id)).views).toBe(50);
  });

  it("adds batches written at the same time (several servers) without losing any, keeping the latest view", async () => {
    const { id } = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    const latest = new Date("2030-01-02T03:04:05.000Z");
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => addShareViews(ctx.db, [{ linkId: id, views: 3, lastViewedAt: i === 7 ? latest : new Date("2029-06-01T00:00:00Z") }])),
    );
    expect(await viewsOf(ctx.db, id)).toEqual({ views: 60, last: latest });
  });

  it("keeps counted views when a write fails, and writes them on the next flush", async () => {
    const { id } = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    const down = { execute: () => Promise.reject(new Error("database down")) } as unknown as Db;
    useDatabase(down);
    try {
      for (let i = 0; i < 7; i++) countShareView(id);
      await expect(flushShareViews()).rejects.toThrow("database down");
    } finally {
      useDatabase(ctx.db);
    }
    countShareView(id);
    await flushShareViews();
    expect((await viewsOf(ctx.db, id)).views).toBe(8);
  });

  it("serves a page from the cache until its data changes, and stops a revoked link on the very next request", async () => {
    const { id, token } = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    renders();
    const first = await open(token, "?lang=en");
    expect((await open(token, "?lang=en")).body).toBe(first.body);
    expect(renders()).toBe(1);
    // Another language is another rendering; the same one again is cached.
    await open(token, "?lang=zh");
    await open(token, "?lang=zh");
    expect(renders()).toBe(1);
    await raiseProblem(ctx.db, ctx.nx, { projectId: ctx.projectA, description: "新问题-缓存测试", owner: "园区经发局", dueDate: null });
    await open(token, "?lang=en");
    expect(renders()).toBe(1);
    await revokeShareLink(ctx.db, ctx.nx, { linkId: id });
    const revoked = await open(token, "?lang=en");
    expect(revoked.status).toBe(404);
    expect(revoked.body).toBe((await open(randomBytes(32).toString("base64url"))).body);
  });

  it("sends the cached page gzipped to a reader that takes gzip, the same bytes once decoded", async () => {
    const { token } = await make(ctx, ctx.nx, link({ projectId: ctx.projectB }));
    const request = new Request(`http://share.test${sharePagePath(token)}?lang=en`, { headers: { "accept-encoding": "gzip, br" } });
    const response = await callPagesApi(sharePage, request, { params: Promise.resolve({ token }) });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    const plain = await open(token, "?lang=en");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString("utf8")).toBe(plain.body);
  });

  it("stops a revoked park link on the very next request, although its page was cached", async () => {
    const { id, token } = await make(ctx, ctx.nx, link({ scope: "park" }));
    expect((await open(token)).status).toBe(200);
    expect((await open(token)).status).toBe(200);
    await revokeShareLink(ctx.db, ctx.nx, { linkId: id });
    expect((await open(token)).status).toBe(404);
  });

  it("looks up tokens asked for together in one query, each getting its own answer", async () => {
    const a = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    const b = await make(ctx, ctx.nx, link({ projectId: ctx.projectB }));
    const gone = await make(ctx, ctx.nx, link({ projectId: ctx.projectA }));
    await revokeShareLink(ctx.db, ctx.nx, { linkId: gone.id });
    const unknown = randomBytes(32).toString("base64url");
    const resolved = await resolveShareTokens(ctx.db, [b.token, unknown, a.token, gone.token, "short", a.token]);
    expect(resolved.map((l) => l?.id ?? null)).toEqual([b.id, null, a.id, null, null, a.id]);
    const pages = await Promise.all([a.token, unknown, b.token, gone.token].map((t) => open(t)));
    expect(pages.map((p) => p.status)).toEqual([200, 404, 200, 404]);
    expect(pages[0]!.body).toContain("项目甲");
    expect(pages[2]!.body).toContain("项目乙");
  });

  it("renders new data after a write, and freezes a snapshot before it", async () => {
    const live = await make(ctx, ctx.nx, link({ projectId: ctx.projectB }));
    // After the problem raised in beforeAll, before the entry below.
    const cut = new Date();
    const frozen = await make(ctx, ctx.nx, link({ projectId: ctx.projectB, snapshotAt: cut }));
    const frozenPark = await make(ctx, ctx.nx, link({ scope: "park", snapshotAt: cut, redaction: { problems: true } }));
    await open(live.token);
    await logProgress(ctx.db, ctx.nx, {
      projectId: ctx.projectB, period: "2025-03-01", narrative: "主体结构封顶-新进展", narrativeEn: null, investmentCompleted: null, outputValue: null,
      sourceUrl: null, sourceRef: null, reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null,
    });
    await saveMilestone(ctx.db, ctx.nx, { projectId: ctx.projectB, type: "production", customLabel: null, plannedDate: "2026-01-31", forecastDate: null, actualDate: null, rebaselineReason: null });
    expect((await open(live.token)).body).toContain("主体结构封顶-新进展");
    for (const token of [frozen.token, frozenPark.token]) {
      const snapshot = await open(token);
      expect(snapshot.status).toBe(200);
      expect(snapshot.body).not.toContain("主体结构封顶-新进展");
    }
    expect((await open(frozenPark.token)).body).toContain(HIDDEN.problem);
  });

  // Issue 22: a snapshot listed a milestone created after it, and derived its health from that one.
  it("freezes a snapshot's milestones, and the health derived from them, as they were at its moment", async () => {
    const project = await newProject(ctx.db, ctx.nx, "项目快照");
    const milestone = (input: Partial<Parameters<typeof saveMilestone>[2]>) =>
      saveMilestone(ctx.db, ctx.nx, { projectId: project, type: "construction_start", customLabel: null, plannedDate: null, forecastDate: null, actualDate: null, rebaselineReason: null, ...input } as Parameters<typeof saveMilestone>[2]);
    // Far ahead when frozen: on track.
    const start = await milestone({ plannedDate: "2099-06-30" });
    if (!start.ok) throw new Error(JSON.stringify(start));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cut = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // After the moment: a long-late milestone, and the first one re-baselined into the past.
    expect((await milestone({ type: "production", plannedDate: "2021-01-31" })).ok).toBe(true);
    expect((await milestone({ milestoneId: start.value.id, version: 1, plannedDate: "2021-06-30", rebaselineReason: "快照后改期" })).ok).toBe(true);

    const frozen = { parkId: ctx.nx.parkId, projectId: project, redaction: { ...DEFAULT_REDACTION, milestones: true }, snapshotAt: cut };
    const status = (await getPublicProjectStatus(ctx.db, frozen))!;
    expect(status.milestones!.map((m) => [m.type, m.plannedDate])).toEqual([["construction_start", "2099-06-30"]]);
    expect(status.project.health).toBe("on_track");
    const park = (await getPublicParkStatus(ctx.db, { parkId: ctx.nx.parkId, redaction: frozen.redaction, snapshotAt: cut }))!;
    expect(park.lateMilestones!.filter((m) => m.projectName === "项目快照")).toEqual([]);

    // A live link shows them as they are now.
    const live = (await getPublicProjectStatus(ctx.db, { ...frozen, snapshotAt: null }))!;
    expect(live.milestones!.map((m) => [m.type, m.plannedDate])).toEqual([["production", "2021-01-31"], ["construction_start", "2021-06-30"]]);
    expect(live.project.health).toBe("off_track");
    const livePark = (await getPublicParkStatus(ctx.db, { parkId: ctx.nx.parkId, redaction: frozen.redaction, snapshotAt: null }))!;
    expect(livePark.lateMilestones!.filter((m) => m.projectName === "项目快照")).toHaveLength(2);
  });

  // Issue 22: with milestones hidden, the page still showed the health computed from them.
  it("shows the reported health, not one computed from milestones, when the link hides milestones", async () => {
    const project = await newProject(ctx.db, ctx.nx, "项目隐藏节点");
    const late = await saveMilestone(ctx.db, ctx.nx, {
      projectId: project, type: "production", customLabel: null, plannedDate: "2021-01-31", forecastDate: null, actualDate: null, rebaselineReason: null,
    });
    expect(late.ok).toBe(true);
    const scope = { parkId: ctx.nx.parkId, projectId: project, snapshotAt: null };
    const hidden = (await getPublicProjectStatus(ctx.db, { ...scope, redaction: { ...DEFAULT_REDACTION, milestones: false } }))!;
    expect([hidden.milestones, hidden.project.health]).toEqual([null, "on_track"]);
    const shown = (await getPublicProjectStatus(ctx.db, { ...scope, redaction: { ...DEFAULT_REDACTION, milestones: true } }))!;
    expect(shown.project.health).toBe("off_track");
    // And in the page: the health tag and the preview text say the reported health.
    const page = await open((await make(ctx, ctx.nx, link({ projectId: project, redaction: { milestones: false } }))).token, "?lang=en");
    expect(page.body).toContain("On track");
    expect(page.body).not.toMatch(/Off track/i);
  });

  it("answers 429 to an address after too many unknown tokens, while valid links still work", async () => {
    const ip = `203.0.113.${kind === "pglite" ? 1 : 2}`;
    const counts = [];
    for (let i = 0; i < MISSES_ALLOWED; i++) counts.push((await recordTokenMiss(ctx.db, { ip })).count);
    expect(counts.at(-1)).toBe(MISSES_ALLOWED);
    const blocked = await open(randomBytes(32).toString("base64url"), "", { "x-forwarded-for": ip });
    expect(blocked.status).toBe(429);
    const { token } = await make(ctx, ctx.nx, link({ scope: "park" }));
    expect((await open(token, "", { "x-forwarded-for": ip })).status).toBe(200);
    expect((await open(randomBytes(32).toString("base64url"), "", { "x-forwarded-for": "203.0.113.99" })).status).toBe(404);
  });

  describe("through the server actions", () => {
    const createForm = (parkId: string, target: string): FormValues => ({ parkId, label: `链接-${++seq}`, target, "show.investment": "on", "show.progress": "on" });

    async function refusedWithoutWrites(email: string | null, action: (p: never, f: FormData) => Promise<unknown>, values: FormValues) {
      const before = await snapshotTables(ctx.db);
      const outcome = refusal(await callAs(email, action, values));
      expect(await snapshotTables(ctx.db)).toEqual(before);
      return outcome;
    }

    it("creates for an editor of the park, returns the token once and audits it", async () => {
      const outcome = await callAs(EDITOR, shareActions.createShareLinkAction, createForm(ctx.nx.parkId, ctx.projectA));
      if ("redirected" in outcome || !outcome.ok) throw new Error(JSON.stringify(outcome));
      const { id, token } = outcome.data as { id: string; token: string };
      expect(await resolveShareToken(ctx.db, token)).toMatchObject({ id, redaction: { investment: true, progress: true, contractAmounts: false, problems: false } });
      const audits = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
      expect(audits.map((a) => [a.entity, a.action, a.actorId])).toEqual([["share_link", "create", ctx.nx.actorId]]);
      expect(JSON.stringify(audits)).not.toContain(token);
    });

    it.each([null, VIEWER, OFFICER])("refuses create and revoke for %s and writes nothing", async (email) => {
      const { id } = await make(ctx, ctx.nx, link({ scope: "park" }));
      const created = await refusedWithoutWrites(email, shareActions.createShareLinkAction, createForm(ctx.nx.parkId, "park"));
      const revoked = await refusedWithoutWrites(email, shareActions.revokeShareLinkAction, { parkId: ctx.nx.parkId, linkId: id });
      const expected = email === null ? "Please sign in." : "You do not have access to this.";
      expect([created.message, revoked.message]).toEqual([expected, expected]);
    });

    it("refuses another park's project or link named under the officer's own park", async () => {
      const { id } = await make(ctx, ctx.nx, link({ scope: "park" }));
      const created = await refusedWithoutWrites(OFFICER, shareActions.createShareLinkAction, createForm(ctx.qw.parkId, ctx.projectA));
      expect(created.fieldErrors).toEqual({ target: "This value is not valid." });
      const revoked = await refusedWithoutWrites(OFFICER, shareActions.revokeShareLinkAction, { parkId: ctx.qw.parkId, linkId: id });
      expect(revoked.message).toBe("Not found.");
    });
  });
});
