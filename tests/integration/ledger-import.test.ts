import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getUserByEmail } from "@/db/queries/accounts";
import { importLedger, listLedgerProjects, writeProjectLedger } from "@/db/queries/ledger";
import { createProject, updateProject, type Actor, type ProjectFields } from "@/db/queries/project-writes";
import { auditEvents, importMappings, parks, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { snapshotTables, useDatabase, type DatabaseSnapshot } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { exportTable, previewAndCommit, upload, uploadStreamed } from "../support/ledger-calls";
import { csvOf } from "../support/ledger-files";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const EDITOR = "editor@ningxiang.demo";
const SLUG = "ningxiang-htz";
const HEADER = ["项目编号", "项目名称", "企业", "产业", "计划总投资（元）"];

// Counting an upload against the user's limit (rate_limit_hits) is not writing it.
const changed = (a: DatabaseSnapshot, b: DatabaseSnapshot) => Object.keys(b).filter((t) => t !== "rate_limit_hits" && a[t]?.digest !== b[t]!.digest);

async function editXlsx(bytes: Uint8Array, edit: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer as Parameters<typeof workbook.xlsx.load>[0]);
  edit(workbook.worksheets[0]!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe.each(TEST_TARGETS)("ledger import on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let parkId: string;
  let editor: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    parkId = (await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, SLUG)))[0]!.id;
    editor = { parkId, actorId: (await getUserByEmail(db, { email: EDITOR }))!.id };
    // Text a spreadsheet could run as a formula, and a code that looks like a number.
    const fields: ProjectFields = {
      code: "0012", name: '=HYPERLINK("http://evil.example","x")', nameEn: null, company: "+cmd|' /C calc'!A0", companyEn: "@SUM(1)", cluster: "-新材料",
      clusterEn: null, responsibleUnit: "招商一局, 二局", leaderInCharge: null, health: "at_risk",
      plannedInvestment: "123456789012345.67", contractedInvestment: "0.1", inPlaceInvestment: "0", completedInvestment: "5000000000",
    };
    if (!(await createProject(db, editor, fields)).ok) throw new Error("fixture project refused");
  });
  afterAll(async () => database.drop());

  it.each([
    ["xlsx", "?format=xlsx", "ledger.xlsx"],
    ["UTF-8 CSV", "", "ledger.csv"],
    ["GB18030 CSV", "?encoding=gb18030", "ledger.csv"],
  ])("round trip (%s): export, import — nothing changes, no audit events", async (_label, query, name) => {
    const response = await exportTable(EDITOR, SLUG, "projects", query);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const count = (await db.select({ id: projects.id }).from(projects).where(eq(projects.parkId, parkId))).length;
    const before = await snapshotTables(db);
    const { preview, commit } = await previewAndCommit(EDITOR, bytes, { parkId, name });
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.counts).toEqual({ rows: count, new: 0, updated: 0, unchanged: count, errorRows: 0 });
    expect(commit).toEqual({ status: 200, body: { ok: true, imported: { created: 0, updated: 0 } } });
    expect(changed(before, await snapshotTables(db)).filter((t) => t !== "import_mappings")).toEqual([]);
  });

  it("round trip after editing one cell: exactly that change, one audit event", async () => {
    const exported = new Uint8Array(await (await exportTable(EDITOR, SLUG, "projects", "?format=xlsx")).arrayBuffer());
    let code = "";
    const edited = await editXlsx(exported, (sheet) => {
      const header = (sheet.getRow(1).values as string[]).slice(1);
      const row = sheet.getRow(3);
      code = String(row.getCell(1).value);
      row.getCell(header.indexOf("Contracted investment (yuan)") + 1).value = "12.5亿";
    });
    const auditBefore = (await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.parkId, parkId))).length;
    const before = await snapshotTables(db);
    const { preview, commit } = await previewAndCommit(EDITOR, edited, { parkId, name: "ledger.xlsx" });
    expect(preview.body.counts).toMatchObject({ new: 0, updated: 1, errorRows: 0 });
    expect(preview.body.changes).toEqual([expect.objectContaining({ row: 3, code, isNew: false, fields: [["Contracted investment (yuan)", expect.any(String), "¥1250000000 (from 12.5亿)"]] })]);
    expect(commit.body.imported).toEqual({ created: 0, updated: 1 });
    // The park's summary row and data version (the dashboard's cache key) follow the project by
    // trigger; nothing else moves, except that the mapping that worked is remembered (a new row when
    // this test runs alone, the same row otherwise).
    const moved = changed(before, await snapshotTables(db)).filter((table) => table !== "import_mappings");
    expect(moved.sort()).toEqual(["audit_events", "park_data_versions", "park_project_stats", "projects"]);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.parkId, parkId));
    expect(events.length).toBe(auditBefore + 1);
    expect(Object.keys(events.at(-1)!.changes as object)).toEqual(["contractedInvestment"]);
    const [project] = await db.select().from(projects).where(and(eq(projects.parkId, parkId), eq(projects.code, code)));
    expect(project!.contractedInvestment).toBe("1250000000.00");
  });

  it("neutralises formula-like text in CSV and .xlsx exports, and reads it back as typed", async () => {
    const csv = await (await exportTable(EDITOR, SLUG, "projects")).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("'+cmd|' /C calc'!A0,'@SUM(1),'-新材料");
    const xlsx = new Uint8Array(await (await exportTable(EDITOR, SLUG, "projects", "?format=xlsx")).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.buffer as ArrayBuffer as Parameters<typeof workbook.xlsx.load>[0]);
    const row = workbook.worksheets[0]!.getRows(1, 100)!.find((r) => r.getCell(1).value === "0012")!;
    expect(row.getCell(2).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row.getCell(11).value).toBe("123456789012345.67"); // 17 digits: kept as exact text
    expect(row.getCell(12).value).toBe(0.1); // exactly a number
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe("Code");
  });

  it("imports a GB18030 CSV as Excel on Chinese Windows writes it, with units in the headers", async () => {
    const file = csvOf([["宁乡高新区2025年重点项目台账"], [...HEADER.slice(0, 4), "计划总投资（万元）", "到位资金（亿元）"], ["GB-1", "锂电池隔膜项目", "湘江新材料有限公司", "新能源", "500000", "3.5"]], "gb18030");
    const { preview, commit } = await previewAndCommit(EDITOR, file, { parkId, name: "台账.csv" });
    expect(preview.body).toMatchObject({ ok: true, counts: { rows: 1, new: 1 }, mappingSource: "detected" });
    expect(commit.status).toBe(200);
    const [project] = await db.select().from(projects).where(and(eq(projects.parkId, parkId), eq(projects.code, "GB-1")));
    expect(project).toMatchObject({ name: "锂电池隔膜项目", company: "湘江新材料有限公司", plannedInvestment: "5000000000.00", inPlaceInvestment: "350000000.00" });
  });

  it("re-importing the same file updates by code and creates no duplicates", async () => {
    const file = csvOf([HEADER, ["DUP-1", "一号项目", "企业甲", "新材料", "1亿"], ["DUP-2", "二号项目", "企业乙", "新材料", "2亿"]]);
    expect((await previewAndCommit(EDITOR, file, { parkId, name: "a.csv" })).commit.body.imported).toEqual({ created: 2, updated: 0 });
    const again = await previewAndCommit(EDITOR, file, { parkId, name: "a.csv" });
    expect(again.preview.body.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    const renamed = csvOf([HEADER, ["DUP-1", "一号项目（改）", "企业甲", "新材料", "1亿"], ["DUP-2", "二号项目", "企业乙", "新材料", "2亿"]]);
    expect((await previewAndCommit(EDITOR, renamed, { parkId, name: "a.csv" })).commit.body.imported).toEqual({ created: 0, updated: 1 });
    const rows = await db.select({ name: projects.name }).from(projects).where(and(eq(projects.parkId, parkId), eq(projects.code, "DUP-1")));
    expect(rows).toEqual([{ name: "一号项目（改）" }]);
  });

  it("remembers the park's column choice and offers it next time", async () => {
    const file = csvOf([["No.", "Title", "Firm", "Sector", "Budget"], ["MAP-1", "映射项目", "映射企业", "装备", "3亿"]]);
    const first = await upload(EDITOR, file, { parkId, name: "m.csv" });
    expect(first.status).toBe(422);
    expect(first.body.error).toBe("Required columns are missing: Project name, Company, Planned investment (yuan). Add them to the file or choose them under Columns.");
    expect(first.body).toMatchObject({ headers: ["No.", "Title", "Firm", "Sector", "Budget"], mapping: { cluster: "Sector" } });
    const mapping = { code: "No.", name: "Title", company: "Firm", cluster: "Sector", plannedInvestment: "Budget" };
    const { commit } = await previewAndCommit(EDITOR, file, { parkId, name: "m.csv", mapping });
    expect(commit.body.imported).toEqual({ created: 1, updated: 0 });
    const [saved] = await db.select().from(importMappings).where(and(eq(importMappings.parkId, parkId), eq(importMappings.kind, "projects")));
    expect(saved!.mapping).toEqual(mapping);
    const next = await upload(EDITOR, file, { parkId, name: "m.csv" });
    expect(next.body).toMatchObject({ ok: true, mappingSource: "remembered", mapping, counts: { unchanged: 1 } });
  });

  it("refuses the import when a project changed after the check, writing nothing", async () => {
    const file = csvOf([HEADER, ["NX-SINOBOOM", "星邦智能高空作业平台项目（台账）", "湖南星邦智能装备股份有限公司", "智能装备制造", "20亿"]]);
    const preview = await upload(EDITOR, file, { parkId, name: "c.csv" });
    expect(preview.body.counts!.updated).toBe(1);
    const [current] = await db.select().from(projects).where(and(eq(projects.parkId, parkId), eq(projects.code, "NX-SINOBOOM")));
    const p = current!;
    const editable = {
      code: p.code, name: p.name, nameEn: p.nameEn, company: p.company, companyEn: p.companyEn, cluster: p.cluster, clusterEn: p.clusterEn,
      responsibleUnit: p.responsibleUnit, leaderInCharge: "新领导", health: p.health,
      plannedInvestment: p.plannedInvestment, contractedInvestment: p.contractedInvestment, inPlaceInvestment: p.inPlaceInvestment,
    };
    expect((await updateProject(db, editor, p.id, p.version, editable)).ok).toBe(true);
    const before = await snapshotTables(db);
    const commit = await upload(EDITOR, file, { parkId, name: "c.csv", mode: "commit", token: preview.body.token });
    expect(commit.status).toBe(409);
    expect(commit.body.error).toBe("Projects of this park changed since the file was checked. Nothing was imported; check the file again.");
    expect(changed(before, await snapshotTables(db))).toEqual([]);
    const unchecked = await upload(EDITOR, file, { parkId, name: "c.csv", mode: "commit" });
    expect(unchecked.status).toBe(409);
  });

  it("streams progress events, then the result", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`ST-${i}`, `流式项目${i}`, "企业", "新材料", "1亿"]);
    const events = await uploadStreamed(EDITOR, csvOf([HEADER, ...rows]), { parkId, name: "s.csv" });
    expect(events[0]).toEqual({ type: "progress", phase: "read" });
    expect(events).toContainEqual({ type: "progress", phase: "check", done: 250, total: 250 });
    const result = events.at(-1)!;
    expect(result).toMatchObject({ type: "result", status: 200, body: { ok: true, counts: { new: 250 } } });
    const token = result.type === "result" ? result.body.token! : "";
    const commit = await uploadStreamed(EDITOR, csvOf([HEADER, ...rows]), { parkId, name: "s.csv", mode: "commit", token });
    expect(commit).toContainEqual({ type: "progress", phase: "write", done: 250, total: 250 });
    expect(commit.at(-1)).toMatchObject({ type: "result", status: 200, body: { imported: { created: 250, updated: 0 } } });
  });

  it("writes all rows or none: a refusal after other rows rolls them back", async () => {
    const base = { nameEn: null, companyEn: null, clusterEn: null, responsibleUnit: null, leaderInCharge: null, health: "on_track" as const, contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0", plannedInvestment: "1" };
    const [sinoboom] = await db.select().from(projects).where(and(eq(projects.parkId, parkId), eq(projects.code, "NX-SINOBOOM")));
    const fresh = { ...base, code: "ATOMIC-1", name: "甲", company: "甲", cluster: "甲" };
    const before = await snapshotTables(db);
    const importing = (plan: Parameters<typeof writeProjectLedger>[2]) =>
      importLedger(db, editor, {
        kind: "projects", mapping: {},
        work: async (tx) => {
          await listLedgerProjects(tx, { parkId, codes: [fresh.code, "NX-SINOBOOM"], lock: true });
          await writeProjectLedger(tx, editor, plan, () => {});
          return { ok: true };
        },
      });
    // An update naming a version someone else moved past, after a create.
    const stale = await importing({ creates: [{ row: 2, fields: fresh }], updates: [{ row: 3, id: sinoboom!.id, version: sinoboom!.version - 1, fields: { ...sinoboom!, name: "改" } }] });
    expect(stale).toMatchObject({ ok: false, reason: "refused", row: 3, outcome: { reason: "conflict" } });
    // A code that exists already, in the same batch as a new one.
    const duplicate = await importing({ creates: [{ row: 2, fields: fresh }, { row: 3, fields: { ...fresh, code: "NX-SINOBOOM" } }], updates: [] });
    expect(duplicate).toMatchObject({ ok: false, reason: "refused", outcome: { reason: "invalid", messageKey: "project.duplicateCode" } });
    expect(changed(before, await snapshotTables(db))).toEqual([]);
  });
});
