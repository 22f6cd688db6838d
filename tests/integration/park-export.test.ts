import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/parks/[slug]/export/[table]/route";
import { getUserByEmail } from "@/db/queries/accounts";
import { raiseProblem } from "@/db/queries/progress-writes";
import { parks, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { callAs, useDatabase } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const VIEWER = "viewer@ningxiang.demo";
/** Editor of qianwan-new-area and yinzhou, not a member of ningxiang-htz. */
const OFFICER = "officer@ningbo.demo";

/** The CSV route as `email` would call it (the harness sets the viewer for the duration of the call). */
async function download(email: string | null, slug: string, table: string): Promise<Response> {
  const route = () => GET(new Request(`http://localhost/api/parks/${slug}/export/${table}`), { params: Promise.resolve({ slug, table }) });
  return (await callAs(email, route as never, {})) as unknown as Response;
}

describe.each(TEST_TARGETS)("dashboard CSV export on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, "ningxiang-htz"));
    const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.parkId, park!.id)).limit(1);
    const editor = (await getUserByEmail(db, { email: "editor@ningxiang.demo" }))!;
    const raised = await raiseProblem(db, { parkId: park!.id, actorId: editor.id }, { projectId: project!.id, description: '=HYPERLINK("http://evil","x")', owner: "+园区, 经发局", dueDate: null });
    if (!raised.ok) throw new Error("fixture problem refused");
  });
  afterAll(async () => database.drop());

  it("answers a member with a UTF-8 CSV attachment that starts with a BOM", async () => {
    const res = await download(VIEWER, "ningxiang-htz", "stages");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="ningxiang-htz-stages-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines[0]).toBe("Stage,Now at this stage,Reached (or later)");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["Signed", "Under construction", "In production", "Full capacity"]);
  });

  it("neutralises formula-like cells and quotes commas", async () => {
    const text = await (await download(VIEWER, "ningxiang-htz", "problems")).text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")","'+园区, 经发局"`);
  });

  it.each(["monthly", "pace", "capacity", "late", "timeline", "ramp"])("exports the %s table", async (table) => {
    const res = await download(VIEWER, "ningxiang-htz", table);
    expect(res.status).toBe(200);
    expect((await res.text()).split("\r\n")[0]!.length).toBeGreaterThan(1);
  });

  it.each([
    [OFFICER, "ningxiang-htz", "stages", 404],
    [OFFICER, "no-such-park", "stages", 404],
    [VIEWER, "ningxiang-htz", "passwords", 404],
    [null, "ningxiang-htz", "stages", 401],
  ])("refuses %s for /%s/%s with %i and no CSV", async (email, slug, table, status) => {
    const res = await download(email, slug, table);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
