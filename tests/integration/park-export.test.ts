import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/parks/[slug]/export/[table]/route";
import { getUserByEmail } from "@/db/queries/accounts";
import { raiseProblem } from "@/db/queries/progress-writes";
import { parks, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { xlsxRows } from "../support/ledger-files";
import { callAs, useDatabase, useLanguage } from "../support/action-harness";
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
async function download(email: string | null, slug: string, table: string, query = ""): Promise<Response> {
  const route = () => GET(new Request(`http://localhost/api/parks/${slug}/export/${table}${query}`), { params: Promise.resolve({ slug, table }) });
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

  it("exports a table as .xlsx: numbers as numbers, project codes as text, formulas neutralised", async () => {
    const res = await download(VIEWER, "ningxiang-htz", "problems", "?format=xlsx");
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toMatch(/filename="ningxiang-htz-problems-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const rows = await xlsxRows(new Uint8Array(await res.arrayBuffer()));
    expect(rows[0]).toEqual(["Code", "Project", "Problem", "Owner", "Due"]);
    expect(rows.some((r) => r[2] === `'=HYPERLINK("http://evil","x")` && r[3] === "'+园区, 经发局")).toBe(true);
    const stages = await xlsxRows(new Uint8Array(await (await download(VIEWER, "ningxiang-htz", "stages", "?format=xlsx")).arrayBuffer()));
    expect(stages.slice(1).every((r) => typeof r[1] === "number" && typeof r[2] === "number")).toBe(true);
  });

  it("exports CSV in GB18030 on request, without a byte order mark", async () => {
    useLanguage("zh-CN");
    const res = await download(VIEWER, "ningxiang-htz", "stages", "?encoding=gb18030").finally(() => useLanguage("en"));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=gb18030");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes[0]).not.toBe(0xef);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder("gb18030").decode(bytes).split("\r\n")[1]).toMatch(/^已签约,\d+,\d+$/);
  });

  it.each([
    [OFFICER, "ningxiang-htz", "stages", 404],
    [OFFICER, "no-such-park", "stages", 404],
    [VIEWER, "ningxiang-htz", "passwords", 404],
    [null, "ningxiang-htz", "stages", 401],
  ])("refuses %s for /%s/%s with %i and no CSV", async (email, slug, table, status) => {
    const res = await download(email, slug, table);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status });
  });
});
