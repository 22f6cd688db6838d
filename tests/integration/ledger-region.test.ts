import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parks, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { snapshotTables, useDatabase } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { importRequest, previewAndCommit, upload } from "../support/ledger-calls";
import { csvOf } from "../support/ledger-files";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const OFFICER = "officer@ningbo.demo"; // editor of 前湾新区 and 鄞州区, both in 宁波市
const EDITOR = "editor@ningxiang.demo";
const HEADER = ["序号", "所属园区", "项目名称", "企业", "产业", "计划总投资（万元）", "开工时间", "存在问题"];

describe.each(TEST_TARGETS)("a region's ledger on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let qianwan: string;
  let yinzhou: string;
  let ningxiang: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    const id = async (slug: string) => (await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug)))[0]!.id;
    [qianwan, yinzhou, ningxiang] = [await id("qianwan-new-area"), await id("yinzhou"), await id("ningxiang-htz")];
  });
  afterAll(async () => database.drop());

  it("sends each row to the park it names (by name, English name or slug), in one all-or-nothing import", async () => {
    const file = csvOf([
      HEADER,
      ["1", "前湾新区", "区域一号", "区域企业甲", "新能源", "35000", "2024年5月", "用地指标待落实"],
      ["2", "Yinzhou District", "区域二号", "区域企业乙", "新材料", "2亿", "2024/6/1", ""],
      ["3", "yinzhou", "区域三号", "区域企业丙", "新材料", "1亿", "", ""],
    ]);
    const { preview, commit } = await previewAndCommit(OFFICER, file, { parkId: qianwan, name: "region.csv", scope: "city" });
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.counts).toEqual({ rows: 3, new: 3, updated: 0, unchanged: 0, errorRows: 0 });
    expect(preview.body.changes!.map((c) => [c.row, c.code])).toEqual([[2, "QIANWAN-NEW-AREA-0001"], [3, "YINZHOU-0001"], [4, "YINZHOU-0002"]]);
    expect(commit.body).toEqual({ ok: true, imported: { created: 3, updated: 0 } });
    const rows = await db.select({ parkId: projects.parkId, name: projects.name }).from(projects).where(inArray(projects.name, ["区域一号", "区域二号", "区域三号"]));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { parkId: qianwan, name: "区域一号" }, { parkId: yinzhou, name: "区域三号" }, { parkId: yinzhou, name: "区域二号" },
    ].sort((a, b) => a.name.localeCompare(b.name)));
    // The same file again changes nothing: rows are found again by name and company in their own park.
    const again = await previewAndCommit(OFFICER, file, { parkId: qianwan, name: "region.csv", scope: "city" });
    expect(again.preview.body.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
  });

  it("an unknown park, a park the importer does not edit, or no park is a row problem; nothing is written", async () => {
    const file = csvOf([
      HEADER,
      ["1", "前湾新区", "区域四号", "区域企业丁", "新能源", "1亿", "", ""],
      ["2", "宁乡高新区", "越权项目", "企业", "新材料", "1亿", "", ""],
      ["3", "不存在园区", "未知项目", "企业", "新材料", "1亿", "", ""],
      ["4", "", "无园区项目", "企业", "新材料", "1亿", "", ""],
    ]);
    const before = await snapshotTables(db);
    const result = await upload(OFFICER, file, { parkId: qianwan, name: "bad.csv", scope: "city" });
    expect(result.body.ok).toBe(false);
    expect(result.body.problems!.map((p) => [p.row, p.column])).toEqual([[3, "所属园区"], [4, "所属园区"], [5, "所属园区"]]);
    expect(result.body.problems![0]!.message).toMatch(/^Park "宁乡高新区" is not one you may import into\./);
    expect(result.body.problems![2]!.message).toBe("The park is missing: this ledger covers several parks, so each row must name one.");
    const commit = await upload(OFFICER, file, { parkId: qianwan, name: "bad.csv", scope: "city", mode: "commit", token: result.body.token });
    expect(commit.status).toBe(422);
    const after = await snapshotTables(db);
    expect(Object.keys(after).filter((t) => t !== "rate_limit_hits" && before[t]?.digest !== after[t]!.digest)).toEqual([]);
    expect((await db.select().from(projects).where(and(eq(projects.parkId, ningxiang), eq(projects.name, "越权项目")))).length).toBe(0);
  });

  it("a region ledger without a park column is refused; the anchor park must be the importer's", async () => {
    const file = csvOf([["项目名称", "企业", "产业", "计划总投资"], ["无列项目", "企业", "新材料", "1亿"]]);
    const result = await upload(OFFICER, file, { parkId: qianwan, name: "nopark.csv", scope: "city" });
    expect(result.status).toBe(422);
    expect(result.body.error).toBe("Required columns are missing: Park. Add them to the file or choose them under Columns.");
    const foreign = await upload(EDITOR, file, { parkId: qianwan, name: "nopark.csv", scope: "province" });
    expect(foreign.status).toBe(403);
    void importRequest;
  });
});
