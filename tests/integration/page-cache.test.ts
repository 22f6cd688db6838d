import { and, eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clearPageCache } from "@/app/_lib/page-cache/serve";
import type { RenderedPage } from "@/app/_lib/page-cache/store";
import { createSession, deleteSession, getParkPageGate, getSessionViewer, getUserByEmail } from "@/db/queries/accounts";
import { logProgress } from "@/db/queries/progress-writes";
import type { Actor } from "@/db/queries/project-writes";
import { memberships, parks, projects, sessions, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import dashboardRoute from "@/pages/api/page-cache/parks/[slug]";
import { useDatabase } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { callPagesApi } from "../support/pages-api";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());

/**
 * The App Router, as the page cache reaches it: every rendering it asks for, with the request it
 * forwarded, answered by `appRouter.answer` (a 200 page by default). The page says which rendering it
 * is and carries its nonce where Next.js puts one (script tags, the policy header).
 */
const appRouter = vi.hoisted(() => ({
  renders: [] as { path: string; cookie: string | undefined }[],
  answer: null as null | ((n: number, nonce: string) => Partial<RenderedPage>),
}));
vi.mock("@/app/_lib/page-cache/render", () => ({
  renderThroughAppRouter: async (_listener: unknown, path: string, headers: Record<string, string | undefined>): Promise<RenderedPage> => {
    appRouter.renders.push({ path, cookie: headers.cookie });
    const n = appRouter.renders.length;
    const nonce = `nonce${n}AAAAAAAAAAAAAAAAA==`;
    const page: RenderedPage = {
      status: 200,
      headers: [
        ["content-type", "text/html; charset=utf-8"],
        ["content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`],
        ["cache-control", "private, no-cache, no-store, max-age=0, must-revalidate"],
      ],
      body: Buffer.from(`<!DOCTYPE html><html><script nonce="${nonce}">1</script><p>rendering ${n} of ${path}</p><script nonce="${nonce}">2</script></html>`),
      nonce,
    };
    return { ...page, ...appRouter.answer?.(n, nonce) };
  },
}));

const SECRET = "page-cache-test-secret-of-at-least-32-chars";
const COOKIE = "authjs.session-token";
const PARK = "ningxiang-htz";

async function cookieFor(db: Db, email: string, extra = ""): Promise<string> {
  const user = await getUserByEmail(db, { email });
  const sid = await createSession(db, { userId: user!.id });
  const token = await encode({ token: { sub: user!.id, sid }, secret: SECRET, salt: COOKIE, maxAge: 3600 });
  return `${COOKIE}=${token}${extra}`;
}

/** `spelling`: the slug as written in the URL (Next.js hands the route its decoded form, `slug`). */
async function load(cookie: string | null, options: { slug?: string; spelling?: string; query?: string; acceptLanguage?: string } = {}) {
  const { slug = PARK, query = "", acceptLanguage = "zh-CN" } = options;
  const spelling = options.spelling ?? slug;
  const headers: Record<string, string> = { "accept-language": acceptLanguage };
  if (cookie) headers.cookie = cookie;
  const response = await callPagesApi(dashboardRoute, new Request(`http://localhost/api/page-cache/parks/${spelling}${query}`, { headers }), { params: Promise.resolve({ slug }) });
  const body = await response.text();
  return { status: response.status, cache: response.headers.get("x-parkline-cache"), policy: response.headers.get("content-security-policy") ?? "", body, response };
}

/** The page's nonce from its policy header, and the body with every occurrence of it replaced. */
function withoutNonce(page: { policy: string; body: string }) {
  const nonce = /'nonce-([^']+)'/.exec(page.policy)![1]!;
  return { nonce, body: page.body.split(nonce).join("NONCE"), occurrences: page.body.split(nonce).length - 1 };
}

describe.each(TEST_TARGETS)("the page cache on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let editor: Actor;
  let otherPark: Actor;
  let projectId: string;
  let otherProjectId: string;
  let month = 0;

  /** A progress entry written through the data layer, as the log form writes it. */
  async function logEntry(actor: Actor, project: string) {
    const outcome = await logProgress(db, actor, {
      projectId: project, period: `2024-${String(++month).padStart(2, "0")}-01`, narrative: `进展 ${month}`, narrativeEn: null,
      investmentCompleted: "1000000", outputValue: null, sourceUrl: null, sourceRef: null, reached: {}, online: {},
      problemDescription: null, problemOwner: null, problemDueDate: null,
    });
    expect(outcome.ok).toBe(true);
  }

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    vi.stubEnv("NODE_ENV", "production");
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    const parkOf = async (slug: string) => (await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug)))[0]!.id;
    const userOf = async (email: string) => (await getUserByEmail(db, { email }))!.id;
    editor = { parkId: await parkOf(PARK), actorId: await userOf("editor@ningxiang.demo") };
    otherPark = { parkId: await parkOf("qianwan-new-area"), actorId: await userOf("officer@ningbo.demo") };
    projectId = (await db.select({ id: projects.id }).from(projects).where(eq(projects.parkId, editor.parkId)).limit(1))[0]!.id;
    otherProjectId = (await db.select({ id: projects.id }).from(projects).where(eq(projects.parkId, otherPark.parkId)).limit(1))[0]!.id;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database.drop();
  });
  beforeEach(() => {
    clearPageCache();
    appRouter.renders.length = 0;
    appRouter.answer = null;
  });

  it("renders a member's first load and serves the next from the cache, the same page with a fresh nonce", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    const first = await load(cookie);
    const second = await load(cookie);
    expect([first.status, first.cache, second.status, second.cache]).toEqual([200, "miss", 200, "hit"]);
    expect(appRouter.renders).toEqual([{ path: `/parks/${PARK}`, cookie }]);
    const [a, b] = [withoutNonce(first), withoutNonce(second)];
    expect(b.body).toBe(a.body);
    expect(b.body).toContain("rendering 1 of /parks/ningxiang-htz");
    expect(b.nonce).not.toBe(a.nonce);
    expect(b.occurrences).toBe(2);
    expect(second.response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.response.headers.get("cache-control")).toContain("no-store");
  });

  it("renders again after a write to the park, whoever made it; a write to another park changes nothing", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    await load(cookie);
    await logEntry(otherPark, otherProjectId);
    expect((await load(cookie)).cache).toBe("hit");
    await logEntry(editor, projectId);
    const after = await load(cookie);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("rendering 2");
    expect((await load(cookie)).cache).toBe("hit");
  });

  it("keeps one copy per viewer and language, shared by the sessions of one viewer", async () => {
    const viewer = await cookieFor(db, "viewer@ningxiang.demo");
    const viewerAgain = await cookieFor(db, "viewer@ningxiang.demo");
    const admin = await cookieFor(db, "admin@ningxiang.demo");
    expect((await load(viewer)).cache).toBe("miss");
    expect((await load(viewerAgain)).cache).toBe("hit");
    expect((await load(admin)).cache).toBe("miss");
    expect((await load(viewer, { acceptLanguage: "en-US,en;q=0.9" })).cache).toBe("miss");
    // The language switch's cookie outweighs Accept-Language, as it does for the page itself.
    expect((await load(`${viewer}; parkline-locale=zh`, { acceptLanguage: "en-US" })).cache).toBe("hit");
    expect((await load(`${viewer}; parkline-locale=en`)).cache).toBe("hit");
    expect(appRouter.renders.map((r) => r.cookie)).toEqual([viewer, admin, viewer]);
  });

  it("renders again when what the page shows of the viewer changes: their name, their role, their parks", async () => {
    const cookie = await cookieFor(db, "admin@ningxiang.demo");
    const user = (await getUserByEmail(db, { email: "admin@ningxiang.demo" }))!;
    await load(cookie);
    await db.update(users).set({ name: "郑主任" }).where(eq(users.id, user.id));
    expect((await load(cookie)).cache).toBe("miss");
    await db.update(memberships).set({ role: "editor" }).where(and(eq(memberships.userId, user.id), eq(memberships.parkId, editor.parkId)));
    expect((await load(cookie)).cache).toBe("miss");
    await db.insert(memberships).values({ userId: user.id, parkId: otherPark.parkId, role: "viewer" });
    expect((await load(cookie)).cache).toBe("miss");
    await db.update(parks).set({ nameEn: "Qianwan, renamed" }).where(eq(parks.id, otherPark.parkId));
    expect((await load(cookie)).cache).toBe("miss");
    expect((await load(cookie)).cache).toBe("hit");
    await db.delete(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.parkId, otherPark.parkId)));
    await db.update(memberships).set({ role: "admin" }).where(and(eq(memberships.userId, user.id), eq(memberships.parkId, editor.parkId)));
    await db.update(users).set({ name: user.name }).where(eq(users.id, user.id));
    await db.update(parks).set({ nameEn: null }).where(eq(parks.id, otherPark.parkId));
  });

  it("hands every request it refuses to the App Router page, which answers it; nothing is kept", async () => {
    const member = await cookieFor(db, "viewer@ningxiang.demo");
    await load(member);
    const outsider = await cookieFor(db, "officer@ningbo.demo");
    const ended = await cookieFor(db, "viewer@ningxiang.demo");
    const endedSid = (await db.select({ id: sessions.id }).from(sessions).orderBy(sql`${sessions.createdAt} desc`).limit(1))[0]!.id;
    await deleteSession(db, { sessionId: endedSid });
    const expired = await cookieFor(db, "viewer@ningxiang.demo");
    await db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where id = (select id from sessions order by created_at desc limit 1)`);
    const forged = `${COOKIE}=${await encode({ token: { sid: "00000000-0000-4000-8000-000000000000" }, secret: "another-secret-of-at-least-32-characters", salt: COOKIE, maxAge: 3600 })}`;
    appRouter.renders.length = 0;
    // The App Router refuses them itself (a sign-in redirect, a 404 page). Here it answers a full page
    // even so, to show that the cache decides on its own: it neither keeps nor serves one for them.
    appRouter.answer = (n) => ({ body: Buffer.from(`the page's own answer ${n}`) });
    const refused: [string, string | null, string][] = [
      ["signed out", null, PARK],
      ["a member of another park", outsider, PARK],
      ["an ended session", ended, PARK],
      ["an expired session", expired, PARK],
      ["a cookie made with another secret", forged, PARK],
      ["a park that does not exist", member, "no-such-park"],
    ];
    for (const [who, cookie, slug] of refused) {
      for (let i = 0; i < 2; i++) {
        const page = await load(cookie, { slug });
        expect({ who, status: page.status, cache: page.cache }).toEqual({ who, status: 200, cache: "pass" });
        expect(page.body).toMatch(/^the page's own answer \d+$/);
      }
    }
    // Each refused request went to the App Router with its own cookie, every time: none was served a page.
    expect(appRouter.renders).toEqual(refused.flatMap(([, cookie, slug]) => [0, 1].map(() => ({ path: `/parks/${slug}`, cookie: cookie ?? undefined }))));
  });

  it("passes on, and does not keep, an answer that is not a complete page", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    const answers: Partial<RenderedPage>[] = [
      { status: 307, headers: [["location", "/signin"]], body: Buffer.alloc(0) },
      { status: 500, body: Buffer.from("error page") },
      { status: 200, headers: [["content-type", "application/json"]] },
      { status: 200, headers: [["content-type", "text/html"], ["set-cookie", "a=1"]] },
    ];
    for (const answer of answers) {
      appRouter.answer = () => answer;
      const first = await load(cookie);
      const second = await load(cookie);
      expect([first.status, first.cache, second.cache]).toEqual([answer.status, "pass", "pass"]);
    }
    expect(appRouter.renders).toHaveLength(answers.length * 2);
  });

  it("renders once for loads that miss at the same time", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    const pages = await Promise.all(Array.from({ length: 6 }, () => load(cookie)));
    expect(appRouter.renders).toHaveLength(1);
    expect(pages.map((p) => p.cache).sort()).toEqual(["hit", "hit", "hit", "hit", "hit", "miss"]);
    expect(new Set(pages.map((p) => withoutNonce(p).body)).size).toBe(1);
  });

  it("renders a load with a query string for that request only", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    const page = await load(cookie, { query: "?from=mail" });
    expect(page.cache).toBe("pass");
    expect(appRouter.renders).toEqual([{ path: `/parks/${PARK}?from=mail`, cookie }]);
    expect((await load(cookie)).cache).toBe("miss");
  });

  // Issue 22: each spelling was a slot of its own, and about 800 of them evicted every other dashboard.
  it("sends another spelling of a slug to the canonical path, rendering and keeping nothing for it", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    expect((await load(cookie)).cache).toBe("miss");
    const spellings = ["%6eingxiang-htz", "ningxiang%2Dhtz", "%6E%69ngxiang-htz", "ningxiang-ht%7a"];
    for (const spelling of spellings) {
      const page = await load(cookie, { spelling });
      expect({ spelling, status: page.status, location: page.response.headers.get("location") }).toEqual({ spelling, status: 308, location: `/parks/${PARK}` });
    }
    expect((await load(cookie, { spelling: "%6eingxiang-htz", query: "?from=mail" })).response.headers.get("location")).toBe(`/parks/${PARK}?from=mail`);
    expect(appRouter.renders).toHaveLength(1);
    expect((await load(cookie)).cache).toBe("hit");
    // Signed out too: the redirect says nothing about the park.
    expect((await load(null, { spelling: "%6eingxiang-htz" })).status).toBe(308);
  });

  it("keeps nothing for a spelling it cannot send anywhere: the page answers it", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    // As a router that did not decode the parameter would hand it over: admitted only as canonical.
    const page = await load(cookie, { slug: "%6eingxiang-htz", spelling: "%6eingxiang-htz" });
    expect(page.status).toBe(308);
    const raw = await load(cookie, { slug: PARK, spelling: "NINGXIANG-HTZ" });
    expect(raw.cache).toBe("pass");
    expect((await load(cookie)).cache).toBe("miss");
  });

  it("answers 503 in the reader's language when the App Router cannot be reached, and keeps nothing", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    appRouter.answer = () => {
      throw new Error("connect ECONNREFUSED");
    };
    const page = await load(cookie);
    expect([page.status, page.body, page.response.headers.get("retry-after")]).toEqual([503, "服务暂时不可用，请稍后重试。", "5"]);
    appRouter.answer = null;
    expect((await load(cookie)).cache).toBe("miss");
  });

  it("hands a name that is no park's slug to the page, refuses a path that is no cached page with a 400, and another method with a 405", async () => {
    const cookie = await cookieFor(db, "viewer@ningxiang.demo");
    for (const slug of ["x".repeat(81), "Ningxiang-HTZ", "宁乡", "a--b"]) {
      expect({ slug, cache: (await load(cookie, { slug: encodeURIComponent(slug) })).cache }).toEqual({ slug, cache: "pass" });
    }
    expect(appRouter.renders).toHaveLength(4);
    const call = (url: string, method = "GET") =>
      callPagesApi(dashboardRoute, new Request(url, { method, headers: { cookie } }), { params: Promise.resolve({ slug: PARK }) });
    const elsewhere = await call(`http://localhost/api/page-cache/projects/${PARK}`);
    expect([elsewhere.status, elsewhere.headers.get("content-type")]).toEqual([400, "application/problem+json"]);
    const post = await call(`http://localhost/api/page-cache/parks/${PARK}`, "POST");
    expect([post.status, post.headers.get("allow"), post.headers.get("content-type")]).toEqual([405, "GET, HEAD", "application/problem+json"]);
    expect(appRouter.renders).toHaveLength(4);
  });

  it("keeps nothing outside production: every load is rendered", async () => {
    vi.stubEnv("NODE_ENV", "development");
    try {
      const cookie = await cookieFor(db, "viewer@ningxiang.demo");
      expect([(await load(cookie)).cache, (await load(cookie)).cache]).toEqual(["pass", "pass"]);
    } finally {
      vi.stubEnv("NODE_ENV", "production");
    }
  });

  it("gates by a fingerprint of exactly what getSessionViewer returns, the role in the park and its data version", async () => {
    const sessionOf = async (email: string) => createSession(db, { userId: (await getUserByEmail(db, { email }))!.id });
    const [viewer1, viewer2, admin] = [await sessionOf("viewer@ningxiang.demo"), await sessionOf("viewer@ningxiang.demo"), await sessionOf("admin@ningxiang.demo")];
    const gate = (sessionId: string, slug = PARK) => getParkPageGate(db, { sessionId, slug });
    const g1 = (await gate(viewer1))!;
    expect(g1.role).toBe("viewer");
    expect((await gate(admin))!.role).toBe("admin");
    expect((await gate(viewer2))!.viewerFingerprint).toBe(g1.viewerFingerprint);
    expect((await gate(admin))!.viewerFingerprint).not.toBe(g1.viewerFingerprint);
    expect(await gate(viewer1, "qianwan-new-area")).toEqual({ ...g1, role: null, dataVersion: 0 });
    expect(await gate("00000000-0000-4000-8000-000000000000")).toBeNull();
    // The data version is the park's own, as every write moves it.
    const before = g1.dataVersion;
    await logEntry(editor, projectId);
    expect((await gate(viewer1))!.dataVersion).toBeGreaterThan(before);
    // Two sessions get the same fingerprint exactly when getSessionViewer gives them the same viewer.
    const viewerOf = async (sid: string) => JSON.stringify({ ...(await getSessionViewer(db, { sessionId: sid })), id: null });
    expect(await viewerOf(viewer1)).toBe(await viewerOf(viewer2));
    expect(await viewerOf(viewer1)).not.toBe(await viewerOf(admin));
  });
});
