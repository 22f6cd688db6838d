import ExcelJS from "exceljs";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getUserByEmail } from "@/db/queries/accounts";
import { logProgress } from "@/db/queries/progress-writes";
import { parkMonthlyStats, parks, progressEntries, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { snapshotTables, useDatabase, type DatabaseSnapshot } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { exportTable, previewAndCommit, upload } from "../support/ledger-calls";
import { csvOf, xlsxOf } from "../support/ledger-files";

/** The monthly progress ledger: export, import back, corrections by month, and its row problems. */

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const EDITOR = "editor@ningxiang.demo";
const SLUG = "ningxiang-htz";
const CODE = "NX-SANY-TOWERCRANE";
const HEADER = ["项目编号", "月份", "进展情况", "当月完成投资（万元）", "来源链接"];

// Counting an upload against the user's limit (rate_limit_hits) is not writing it.
const changed = (a: DatabaseSnapshot, b: DatabaseSnapshot) => Object.keys(b).filter((t) => t !== "rate_limit_hits" && a[t]?.digest !== b[t]!.digest).sort();

describe.each(TEST_TARGETS)("progress ledger import on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let parkId: string;
  let projectId: string;
  const opts = () => ({ parkId, kind: "progress" as const, name: "progress.xlsx" });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    parkId = (await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, SLUG)))[0]!.id;
    projectId = (await db.select({ id: projects.id }).from(projects).where(and(eq(projects.parkId, parkId), eq(projects.code, CODE))))[0]!.id;
  });
  afterAll(async () => database.drop());

  it.each([
    ["xlsx", "?format=xlsx", "progress.xlsx"],
    ["GB18030 CSV", "?encoding=gb18030", "progress.csv"],
  ])("round trip (%s): export the log, import it — nothing changes", async (_label, query, name) => {
    const bytes = new Uint8Array(await (await exportTable(EDITOR, SLUG, "progress", query)).arrayBuffer());
    const before = await snapshotTables(db);
    const { preview, commit } = await previewAndCommit(EDITOR, bytes, { ...opts(), name });
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.counts).toMatchObject({ new: 0, updated: 0, errorRows: 0 });
    expect(preview.body.counts!.unchanged).toBeGreaterThan(0);
    expect(commit.body).toEqual({ ok: true, imported: { created: 0, updated: 0 } });
    expect(changed(before, await snapshotTables(db)).filter((t) => t !== "import_mappings")).toEqual([]);
  });

  it("a changed cell corrects that month: the correction supersedes the entry, the totals follow", async () => {
    const exported = new Uint8Array(await (await exportTable(EDITOR, SLUG, "progress", "?format=xlsx")).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.buffer as ArrayBuffer as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const investment = header.indexOf("Investment completed in the month (yuan)") + 1;
    const row = sheet.getRow(2);
    const code = String(row.getCell(1).value);
    const month = String(row.getCell(3).value);
    const old = Number(row.getCell(investment).value ?? 0);
    row.getCell(investment).value = old + 1_000_000;
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const [project] = await db.select().from(projects).where(and(eq(projects.parkId, parkId), eq(projects.code, code)));
    const before = await snapshotTables(db);
    const { preview, commit } = await previewAndCommit(EDITOR, edited, opts());
    expect(preview.body.counts).toMatchObject({ new: 0, updated: 1 });
    expect(preview.body.changes).toEqual([
      expect.objectContaining({ row: 2, code, isNew: false, fields: [["Investment completed in the month (yuan)", old ? expect.any(String) : "", String(old + 1_000_000)]] }),
    ]);
    expect(commit.body.imported).toEqual({ created: 0, updated: 1 });
    // park_data_versions is the dashboard's cache key: it moves with every commit that touches the park.
    expect(changed(before, await snapshotTables(db))).toEqual(["audit_events", "park_data_versions", "park_monthly_stats", "park_project_stats", "progress_entries", "projects"]);
    const [after] = await db.select().from(projects).where(eq(projects.id, project!.id));
    expect(Number(after!.completedInvestment) - Number(project!.completedInvestment)).toBe(1_000_000);
    const corrections = await db.select().from(progressEntries).where(and(eq(progressEntries.projectId, project!.id), isNotNull(progressEntries.supersedesId)));
    expect(corrections.map((c) => c.period.slice(0, 7))).toContain(month);
  });

  it("adds months given as Excel serials, dates and Chinese text, with amounts in the header's unit", async () => {
    const file = await xlsxOf([HEADER, [CODE, 44927, "一月进展", "100", ""], [CODE, new Date(Date.UTC(2023, 1, 15)), "二月进展", "", ""], [CODE, "2023年3月", "三月进展", "2.5", "https://example.com/r"]]);
    const { preview, commit } = await previewAndCommit(EDITOR, file, opts());
    expect(preview.body).toMatchObject({ ok: true, counts: { new: 3, updated: 0 }, mappingSource: "detected" });
    expect(commit.body.imported).toEqual({ created: 3, updated: 0 });
    const entries = await db.select().from(progressEntries).where(and(eq(progressEntries.projectId, projectId), eq(progressEntries.narrative, "一月进展")));
    expect(entries).toEqual([expect.objectContaining({ period: "2023-01-01", investmentCompleted: "1000000.00" })]);
    const [march] = await db.select().from(parkMonthlyStats).where(and(eq(parkMonthlyStats.parkId, parkId), eq(parkMonthlyStats.period, "2023-03-01")));
    expect(Number(march!.investmentCompleted)).toBeGreaterThanOrEqual(25_000);
  });

  it("lists every row problem and writes nothing", async () => {
    const file = csvOf([
      HEADER,
      ["NO-SUCH-CODE", "2024-01", "x", "1", ""],
      [CODE, "2024-13", "x", "1", ""],
      [CODE, "2099-01", "x", "1", ""],
      [CODE, "2024-02", "", "-1", "ftp://x"],
      [CODE, "2024-03", "x", "", ""],
      [CODE, "2024/3/9", "y", "", ""],
    ]);
    const before = await snapshotTables(db);
    const preview = await upload(EDITOR, file, { ...opts(), name: "p.csv" });
    const commit = await upload(EDITOR, file, { ...opts(), name: "p.csv", mode: "commit", token: preview.body.token });
    expect(preview.body.problems).toEqual([
      { row: 2, column: "项目编号", message: "No project in this park has the code NO-SUCH-CODE." },
      { row: 3, column: "月份", message: "Enter a month (YYYY-MM)." },
      { row: 4, column: "月份", message: "The month cannot be in the future." },
      { row: 5, column: "进展情况", message: "This field is required." },
      { row: 5, column: "当月完成投资（万元）", message: "Amounts cannot be negative." },
      { row: 5, column: "来源链接", message: "Enter a link starting with http:// or https://." },
      { row: 7, column: "项目编号", message: `Code ${CODE} and month 2024-03 are also on row 6.` },
    ]);
    expect(commit.status).toBe(422);
    expect(changed(before, await snapshotTables(db))).toEqual([]);
  });

  it("refuses the import when the log changed after the check", async () => {
    const file = csvOf([HEADER, [CODE, "2022-06", "六月进展", "1", ""]]);
    const preview = await upload(EDITOR, file, { ...opts(), name: "c.csv" });
    const editor = { parkId, actorId: (await getUserByEmail(db, { email: EDITOR }))!.id };
    const logged = await logProgress(db, editor, {
      projectId, period: "2022-05-01", narrative: "别人填报的五月", narrativeEn: null, investmentCompleted: null, outputValue: null, sourceUrl: null, sourceRef: null,
      reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null,
    });
    expect(logged.ok).toBe(true);
    const before = await snapshotTables(db);
    const commit = await upload(EDITOR, file, { ...opts(), name: "c.csv", mode: "commit", token: preview.body.token });
    expect(commit).toMatchObject({ status: 409, body: { error: "Projects of this park changed since the file was checked. Nothing was imported; check the file again." } });
    expect(changed(before, await snapshotTables(db))).toEqual([]);
  });

  it("keeps the park's monthly sums equal to a recomputation from the log", async () => {
    const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { period: string; investment: string; entries: number }[];
    const recomputed = rows(
      await db.execute(sql`
        select e.period::text as period, coalesce(sum(e.investment_completed), 0)::text as investment, count(*)::int as entries
        from progress_entries e where e.park_id = ${parkId} and not exists (select 1 from progress_entries s where s.supersedes_id = e.id)
        group by e.period order by e.period`),
    );
    const stored = rows(
      await db.execute(sql`
        select period::text as period, investment_completed::text as investment, entry_count as entries
        from park_monthly_stats where park_id = ${parkId} and entry_count > 0 order by period`),
    );
    const norm = (list: { period: string; investment: string; entries: number }[]) => list.map((r) => [r.period, Number(r.investment), Number(r.entries)]);
    expect(recomputed.length).toBeGreaterThan(3);
    expect(norm(stored)).toEqual(norm(recomputed));
  });
});
