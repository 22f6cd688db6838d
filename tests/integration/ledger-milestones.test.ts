import ExcelJS from "exceljs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, milestones, parks, problems, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import { getUserByEmail } from "@/db/queries/accounts";
import { saveMilestone } from "@/db/queries/project-writes";
import type { Db } from "@/db/types";
import { snapshotTables, useDatabase } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { exportTable, previewAndCommit, upload } from "../support/ledger-calls";
import { csvOf, xlsxOf } from "../support/ledger-files";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const EDITOR = "editor@ningxiang.demo";
const SLUG = "ningxiang-htz";

/** A provincial-style ledger: 序号 instead of a code, amounts in 万元, dates in every style, stage, problems, park. */
const HEADER = ["序号", "所属园区", "项目名称", "建设单位", "产业", "计划总投资（万元）", "签约时间", "开工时间", "投产时间", "建设阶段", "存在问题", "责任单位", "备注"];

describe.each(TEST_TARGETS)("ledger milestones, stage, problems and codes on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let parkId: string;
  let parkName: string;

  const projectByName = async (name: string) => (await db.select().from(projects).where(and(eq(projects.parkId, parkId), eq(projects.name, name))))[0]!;
  const milestonesOf = async (projectId: string) =>
    db
      .select({ type: milestones.type, plannedDate: milestones.plannedDate, actualDate: milestones.actualDate, datePrecision: milestones.datePrecision })
      .from(milestones)
      .where(and(eq(milestones.parkId, parkId), eq(milestones.projectId, projectId)))
      .orderBy(asc(milestones.type));
  const problemsOf = async (projectId: string) =>
    db.select({ description: problems.description, owner: problems.owner, status: problems.status }).from(problems).where(and(eq(problems.parkId, parkId), eq(problems.projectId, projectId)));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    const [park] = await db.select({ id: parks.id, name: parks.name }).from(parks).where(eq(parks.slug, SLUG));
    parkId = park!.id;
    parkName = park!.name;
  });
  afterAll(async () => database.drop());

  it("imports a GB18030 ledger with 序号, dates, stage and problems: every column accounted for, codes generated", async () => {
    const file = csvOf(
      [
        ["2025年重点项目台账"],
        HEADER,
        ["1", parkName, "台账一号项目", "台账甲公司", "新材料", "35000", "2018/9/24", "2018年8月", "2019.5.1", "投产", "用电增容待批复", "园区经发局", "首批"],
        ["2", "", "台账二号项目", "台账乙公司", "新材料", "10,000", "2018年9月1日", "计划 2027年3月", "", "前期", "", "", ""],
        ["3", parkName, "台账三号项目", "台账丙公司", "装备", "1.2亿", "43367", "", "", "签约", "", "", ""],
      ],
      "gb18030",
    );
    const { preview, commit } = await previewAndCommit(EDITOR, file, { parkId, name: "台账.csv" });
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.counts).toEqual({ rows: 3, new: 3, updated: 0, unchanged: 0, errorRows: 0 });
    // Every column, with what it is read as; 序号 is a row number, 备注 is ignored: nothing is dropped without a word.
    expect(preview.body.columns).toEqual([
      { header: "序号", readAs: "row number (not imported)", ignored: true },
      { header: "所属园区", readAs: "Park", ignored: false },
      { header: "项目名称", readAs: "Project name", ignored: false },
      { header: "建设单位", readAs: "Company", ignored: false },
      { header: "产业", readAs: "Cluster", ignored: false },
      { header: "计划总投资（万元）", readAs: "Planned investment (yuan)", ignored: false },
      { header: "签约时间", readAs: "Signed (签约)", ignored: false },
      { header: "开工时间", readAs: "Construction start (开工)", ignored: false },
      { header: "投产时间", readAs: "Production (投产)", ignored: false },
      { header: "建设阶段", readAs: "Stage", ignored: false },
      { header: "存在问题", readAs: "Problem (存在问题)", ignored: false },
      { header: "责任单位", readAs: "Responsible unit", ignored: false },
      { header: "备注", readAs: "ignored", ignored: true },
    ]);
    expect(preview.body.mapping?.code).toBeUndefined();
    // The preview shows each new row's values after conversion, the 万元 → 元 visible.
    const first = preview.body.changes!.find((c) => c.row === 3)!;
    expect(first).toMatchObject({ isNew: true, code: "NINGXIANG-HTZ-0001", name: "台账一号项目" });
    expect(first.fields).toContainEqual(["Planned investment (yuan)", "", "¥350000000 (from 35000 × 10,000 yuan (万元))"]);
    expect(first.fields).toContainEqual(["Construction start (开工)", "", "2018-08"]);
    expect(first.fields).toContainEqual(["Stage", "Signed", "In production"]);
    expect(first.fields).toContainEqual(["Problem (存在问题)", "", "用电增容待批复"]);
    expect(preview.body.notes).toContainEqual({ row: 3, column: "项目名称", message: "No code: the project gets NINGXIANG-HTZ-0001." });
    expect(commit.body).toEqual({ ok: true, imported: { created: 3, updated: 0 } });

    const one = await projectByName("台账一号项目");
    expect(one).toMatchObject({ code: "NINGXIANG-HTZ-0001", stage: "production", plannedInvestment: "350000000.00", responsibleUnit: "园区经发局" });
    expect(await milestonesOf(one.id)).toEqual([
      { type: "signed", plannedDate: null, actualDate: "2018-09-24", datePrecision: "day" },
      { type: "construction_start", plannedDate: null, actualDate: "2018-08-01", datePrecision: "month" },
      { type: "production", plannedDate: null, actualDate: "2019-05-01", datePrecision: "day" },
    ]);
    expect(await problemsOf(one.id)).toEqual([{ description: "用电增容待批复", owner: "园区经发局", status: "open" }]);
    const two = await projectByName("台账二号项目");
    expect(two).toMatchObject({ code: "NINGXIANG-HTZ-0002", stage: "signed", plannedInvestment: "100000000.00" });
    expect(await milestonesOf(two.id)).toEqual([
      { type: "signed", plannedDate: null, actualDate: "2018-09-01", datePrecision: "day" },
      { type: "construction_start", plannedDate: "2027-03-01", actualDate: null, datePrecision: "month" },
    ]);
    const three = await projectByName("台账三号项目");
    expect(three).toMatchObject({ code: "NINGXIANG-HTZ-0003", plannedInvestment: "120000000.00" });
    expect(await milestonesOf(three.id)).toEqual([{ type: "signed", plannedDate: null, actualDate: "2018-09-24", datePrecision: "day" }]);

    // The same file again: rows without a code are found by name and company; nothing changes.
    const before = await snapshotTables(db);
    const again = await previewAndCommit(EDITOR, file, { parkId, name: "台账.csv" });
    expect(again.preview.body.counts).toEqual({ rows: 3, new: 0, updated: 0, unchanged: 3, errorRows: 0 });
    expect(again.commit.body).toEqual({ ok: true, imported: { created: 0, updated: 0 } });

    const after = await snapshotTables(db);
    expect(Object.keys(after).filter((t) => t !== "rate_limit_hits" && t !== "import_mappings" && before[t]?.digest !== after[t]!.digest)).toEqual([]);


    // An edited problem and a new production date update exactly those, with audit events.
    const edited = csvOf([HEADER, ["1", parkName, "台账一号项目", "台账甲公司", "新材料", "35000", "2018/9/24", "2018年8月", "2019.5.1", "投产", "用电增容已批复，待施工", "园区经发局", ""]]);
    const audits = (await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.projectId, one.id))).length;
    const update = await previewAndCommit(EDITOR, edited, { parkId, name: "e.csv" });
    expect(update.preview.body.changes).toEqual([
      expect.objectContaining({ row: 2, code: "NINGXIANG-HTZ-0001", isNew: false, fields: [["Problem (存在问题)", "用电增容待批复", "用电增容已批复，待施工"]] }),
    ]);
    expect(update.commit.body).toEqual({ ok: true, imported: { created: 0, updated: 1 } });
    expect(await problemsOf(one.id)).toEqual([{ description: "用电增容已批复，待施工", owner: "园区经发局", status: "open" }]);
    expect((await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.projectId, one.id))).length).toBe(audits + 1);
  });

  it("exports every column the import reads, and the export imports back unchanged", async () => {
    const response = await exportTable(EDITOR, SLUG, "projects", "?format=csv");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...lines] = text.trim().split(/\r?\n/);
    expect(header).toContain("Stage");
    expect(header).toContain("Construction start (开工)");
    expect(header).toContain("Problem (存在问题)");
    expect(header).toContain("Park");
    const row = lines.find((l) => l.startsWith("NINGXIANG-HTZ-0002"))!;
    expect(row).toContain("2018-09-01");
    expect(row).toContain("planned 2027-03");
    expect(row).toContain(parkName);
    const bytes = new TextEncoder().encode(text);
    const before = await snapshotTables(db);
    const { preview, commit } = await previewAndCommit(EDITOR, bytes, { parkId, name: "export.csv" });
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.counts!.new + preview.body.counts!.updated).toBe(0);
    expect(commit.body).toEqual({ ok: true, imported: { created: 0, updated: 0 } });
    const after = await snapshotTables(db);
    expect(Object.keys(after).filter((t) => t !== "rate_limit_hits" && t !== "import_mappings" && before[t]?.digest !== after[t]!.digest)).toEqual([]);
  });

  it("a month-precision date typed again in the milestone form becomes a day", async () => {
    const editor = { parkId, actorId: (await getUserByEmail(db, { email: EDITOR }))!.id };
    const one = await projectByName("台账一号项目");
    const [start] = await db.select().from(milestones).where(and(eq(milestones.projectId, one.id), eq(milestones.type, "construction_start")));
    expect(start).toMatchObject({ actualDate: "2018-08-01", datePrecision: "month" });
    const input = { projectId: one.id, milestoneId: start!.id, version: start!.version, type: start!.type, customLabel: null, plannedDate: null, forecastDate: null, rebaselineReason: null };
    expect((await saveMilestone(db, editor, { ...input, actualDate: "2018-08-01" })).ok).toBe(true);
    expect((await db.select().from(milestones).where(eq(milestones.id, start!.id)))[0]).toMatchObject({ datePrecision: "month" });
    expect((await saveMilestone(db, editor, { ...input, actualDate: "2018-08-18" })).ok).toBe(true);
    expect((await db.select().from(milestones).where(eq(milestones.id, start!.id)))[0]).toMatchObject({ actualDate: "2018-08-18", datePrecision: "day" });
  });

  it("lists impossible dates, unknown stages and other parks as row problems, and stage disagreements as notes; writes nothing", async () => {
    const file = csvOf([
      ["项目编号", "所属园区", "项目名称", "企业", "产业", "计划总投资", "开工时间", "投产时间", "建设阶段"],
      ["BAD-1", parkName, "坏日期项目", "企业", "新材料", "1亿", "2019年2月30日", "", "在建"],
      ["BAD-2", parkName, "坏阶段项目", "企业", "新材料", "1亿", "", "", "搁置中"],
      ["BAD-3", "某某经开区", "别的园区项目", "企业", "新材料", "1亿", "", "", ""],
      ["BAD-4", parkName, "格式项目", "企业", "新材料", "1亿", "下半年", "", ""],
      ["WARN-1", parkName, "投产无日期", "企业", "新材料", "1亿", "2020-01-01", "", "投产"],
      ["WARN-2", parkName, "先投产后开工", "企业", "新材料", "1亿", "2021-01-01", "2020-05-01", "投产"],
    ]);
    const before = await snapshotTables(db);
    const result = await upload(EDITOR, file, { parkId, name: "bad.csv" });
    expect(result.body.ok).toBe(false);
    expect(result.body.problems).toEqual([
      { row: 2, column: "开工时间", message: "\"2019年2月30日\" names no real day." },
      { row: 3, column: "建设阶段", message: expect.stringContaining("Unknown stage.") },
      { row: 4, column: "所属园区", message: `Park "某某经开区" is not ${parkName}, the park this ledger is imported into.` },
      { row: 5, column: "开工时间", message: expect.stringContaining("\"下半年\" is not a date.") },
    ]);
    expect(result.body.notes).toEqual(
      expect.arrayContaining([
        { row: 6, column: "建设阶段", message: "Stage \"In production\" but no Production (投产) date." },
        { row: 7, column: "建设阶段", message: "Production (投产) is dated before Construction start (开工)." },
      ]),
    );
    expect(result.body.counts!.errorRows).toBe(4);
    const commit = await upload(EDITOR, file, { parkId, name: "bad.csv", mode: "commit", token: result.body.token });
    expect(commit.status).toBe(422);
    const after = await snapshotTables(db);
    expect(Object.keys(after).filter((t) => t !== "rate_limit_hits" && before[t]?.digest !== after[t]!.digest)).toEqual([]);
  });

  it("reports a formula cell as a formula", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台账");
    sheet.addRow(["项目编号", "项目名称", "企业", "产业", "计划总投资（万元）", "合同投资（万元）"]);
    sheet.addRow(["F-1", "公式项目", "企业", "新材料", 20000, { formula: "E2/2", result: 10000 }]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await upload(EDITOR, bytes, { parkId, name: "f.xlsx" });
    expect(result.body.problems).toEqual([]);
    expect(result.body.notes).toContainEqual({ row: 2, column: "合同投资（万元）", message: "A formula (=E2/2): its last computed value 10000 is read." });
    void xlsxOf;
  });
});
