import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUserByEmail } from "@/db/queries/accounts";
import type { WriteOutcome } from "@/db/queries/outcomes";
import { followUpProblem, logProgress, raiseProblem, type ProgressEntryInput } from "@/db/queries/progress-writes";
import {
  createProject,
  saveCapacity,
  saveLine,
  saveMilestone,
  savePhase,
  updateProject,
  type Actor,
  type CapacityInput,
  type MilestoneInput,
  type ProjectFields,
} from "@/db/queries/project-writes";
import {
  auditEvents,
  capacities,
  milestoneBaselines,
  milestones,
  parks,
  phases,
  problems,
  problemUpdates,
  productionLines,
  progressCapacities,
  progressEntries,
  projects,
} from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

/** Every write below gets this as "today", so dates in the tests never drift into the future or past. */
const TODAY = "2026-06-15";

let sequence = 0;
const uniqueCode = () => `PW-${++sequence}`;

function projectFields(overrides: Partial<ProjectFields> = {}): ProjectFields {
  return {
    code: uniqueCode(), name: "星邦智能高空作业平台生产基地项目", nameEn: null, company: "湖南星邦智能装备股份有限公司", companyEn: null,
    cluster: "智能装备制造", clusterEn: null, responsibleUnit: null, leaderInCharge: null, health: "on_track",
    plannedInvestment: "5000000000", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
    ...overrides,
  };
}

function milestoneInput(projectId: string, overrides: Partial<MilestoneInput> = {}): MilestoneInput {
  return { projectId, type: "construction_start", customLabel: null, plannedDate: null, forecastDate: null, actualDate: null, rebaselineReason: null, ...overrides };
}

function entryInput(projectId: string, overrides: Partial<ProgressEntryInput> = {}): ProgressEntryInput {
  return {
    projectId, period: "2026-05-01", narrative: "主体结构施工", narrativeEn: null, investmentCompleted: null, outputValue: null,
    sourceUrl: null, sourceRef: null, reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null,
    ...overrides,
  };
}

function capacityInput(projectId: string, overrides: Partial<CapacityInput> = {}): CapacityInput {
  return { projectId, product: "臂式高空作业平台", productEn: null, unit: "unit", period: "month", designed: "200", online: "0", ...overrides };
}

function idOf(outcome: WriteOutcome): string {
  if (!outcome.ok) throw new Error(`write refused: ${JSON.stringify(outcome)}`);
  return outcome.value.id;
}

describe.each(TEST_TARGETS)("project and progress writes on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  /** editor@ningxiang.demo and admin@ningxiang.demo in ningxiang-htz; the officer in qianwan-new-area. */
  let editor: Actor;
  let admin: Actor;
  let officer: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    const parkId = async (slug: string) => (await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug)))[0]!.id;
    const userId = async (email: string) => (await getUserByEmail(db, { email }))!.id;
    const ningxiang = await parkId("ningxiang-htz");
    editor = { parkId: ningxiang, actorId: await userId("editor@ningxiang.demo") };
    admin = { parkId: ningxiang, actorId: await userId("admin@ningxiang.demo") };
    officer = { parkId: await parkId("qianwan-new-area"), actorId: await userId("officer@ningbo.demo") };
  });
  afterAll(async () => database.drop());

  const newProject = async (overrides: Partial<ProjectFields> = {}) => idOf(await createProject(db, editor, projectFields(overrides)));
  const projectRow = async (id: string) => (await db.select().from(projects).where(eq(projects.id, id)))[0]!;
  const auditOf = (entityId: string) => db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(asc(auditEvents.id));
  const countOf = async (table: typeof auditEvents | typeof projects | typeof progressEntries | typeof problemUpdates) =>
    (await db.select({ n: count() }).from(table))[0]!.n;

  describe("projects", () => {
    it("creates a project and audits each value it set", async () => {
      const fields = projectFields({ leaderInCharge: "周副区长" });
      const outcome = await createProject(db, editor, fields);
      expect(outcome).toMatchObject({ ok: true, warnings: [] });
      const id = idOf(outcome);
      expect(await projectRow(id)).toMatchObject({ parkId: editor.parkId, code: fields.code, plannedInvestment: "5000000000.00", version: 1, stage: "signed" });
      const [created, ...rest] = await auditOf(id);
      expect(rest).toEqual([]);
      expect(created).toMatchObject({ entity: "project", action: "create", actorId: editor.actorId, parkId: editor.parkId, projectId: id, entityVersion: 1 });
      expect(created!.changes).toMatchObject({ code: [null, fields.code], leaderInCharge: [null, "周副区长"], plannedInvestment: [null, "5000000000.00"] });
      expect(created!.changes).not.toHaveProperty("nameEn"); // null → null is no change
    });

    it("updates a project and audits exactly the fields that changed, old → new", async () => {
      const id = await newProject({ name: "旧名称" });
      const row = await projectRow(id);
      const outcome = await updateProject(db, admin, id, 1, { ...projectFields({ code: row.code, name: "新名称" }), plannedInvestment: "6000000000" });
      expect(outcome).toEqual({ ok: true, value: { id }, warnings: [] });
      expect(await projectRow(id)).toMatchObject({ name: "新名称", plannedInvestment: "6000000000.00", version: 2 });
      const update = (await auditOf(id)).at(-1)!;
      expect(update).toMatchObject({ action: "update", actorId: admin.actorId, entityVersion: 2 });
      expect(update.changes).toEqual({ name: ["旧名称", "新名称"], plannedInvestment: ["5000000000.00", "6000000000"] });
    });

    it("refuses a stale version as a conflict that lists the other user's changes, and changes nothing", async () => {
      const id = await newProject({ name: "原名" });
      const code = (await projectRow(id)).code;
      // Both open the form at version 1; the admin saves first.
      idOf(await updateProject(db, admin, id, 1, projectFields({ code, name: "管理员改的名" })));
      const auditsBefore = await countOf(auditEvents);

      const outcome = await updateProject(db, editor, id, 1, projectFields({ code, name: "专员改的名", plannedInvestment: "1" }));

      expect(outcome).toEqual({
        ok: false,
        reason: "conflict",
        changes: [{ at: expect.any(Date), actorName: "郑园区管理员", action: "update", changes: { name: ["原名", "管理员改的名"] } }],
      });
      expect(await projectRow(id)).toMatchObject({ name: "管理员改的名", plannedInvestment: "5000000000.00", version: 2 });
      expect(await countOf(auditEvents)).toBe(auditsBefore);
    });

    it("keeps amounts exact to the fen", async () => {
      const id = await newProject({ plannedInvestment: "123456789012.34", contractedInvestment: "98765432109.87" });
      const row = await projectRow(id);
      expect([row.plannedInvestment, row.contractedInvestment]).toEqual(["123456789012.34", "98765432109.87"]);
      idOf(await updateProject(db, editor, id, 1, projectFields({ code: row.code, plannedInvestment: "123456789012.35", contractedInvestment: "98765432109.87" })));
      expect((await projectRow(id)).plannedInvestment).toBe("123456789012.35");
      expect((await auditOf(id)).at(-1)!.changes).toEqual({ plannedInvestment: ["123456789012.34", "123456789012.35"] });
    });

    it("saves with a warning when money in place is above the contracted amount", async () => {
      const fields = projectFields({ contractedInvestment: "3000000000", inPlaceInvestment: "3500000000" });
      const outcome = await createProject(db, editor, fields);
      expect(outcome).toMatchObject({ ok: true, warnings: ["inPlaceAboveContracted"] });
      expect((await projectRow(idOf(outcome))).inPlaceInvestment).toBe("3500000000.00");
    });

    it("refuses a code already used in the park on field `code`, on create and on update", async () => {
      const taken = projectFields();
      await newProject(taken);
      const other = await newProject();
      const projectsBefore = await countOf(projects);

      const refused = { ok: false, reason: "invalid", field: "code", messageKey: "project.duplicateCode" };
      expect(await createProject(db, editor, projectFields({ code: taken.code }))).toEqual(refused);
      expect(await updateProject(db, editor, other, 1, projectFields({ code: taken.code }))).toEqual(refused);
      expect(await countOf(projects)).toBe(projectsBefore);
      expect((await projectRow(other)).version).toBe(1);
      // Codes are unique per park only.
      expect(await createProject(db, officer, projectFields({ code: taken.code }))).toMatchObject({ ok: true });
    });
  });

  describe("phases, lines and capacities", () => {
    it("numbers phases 1, 2, 3 and lines within each phase", async () => {
      const projectId = await newProject();
      const phaseIds = [];
      for (const [name, nameEn] of [["一期", "Phase I"], ["二期", "Phase II"], ["三期", "Phase III"]] as const) {
        phaseIds.push(idOf(await savePhase(db, editor, { projectId, name, nameEn })));
      }
      const saved = await db.select().from(phases).where(eq(phases.projectId, projectId)).orderBy(asc(phases.seq));
      expect(saved.map((p) => [p.seq, p.nameEn, p.id])).toEqual([[1, "Phase I", phaseIds[0]], [2, "Phase II", phaseIds[1]], [3, "Phase III", phaseIds[2]]]);

      const [, phaseII, phaseIII] = phaseIds as [string, string, string];
      await saveLine(db, editor, { projectId, phaseId: phaseII, name: "1号线", nameEn: null });
      await saveLine(db, editor, { projectId, phaseId: phaseII, name: "2号线", nameEn: null });
      await saveLine(db, editor, { projectId, phaseId: phaseIII, name: "1号线", nameEn: null });
      const lines = await db.select().from(productionLines).where(eq(productionLines.projectId, projectId)).orderBy(asc(productionLines.name));
      expect(lines.map((l) => [l.phaseId, l.seq]).sort()).toEqual([[phaseII, 1], [phaseII, 2], [phaseIII, 1]].sort());

      // A phase of another project cannot take a line of this one.
      const elsewhere = idOf(await savePhase(db, editor, { projectId: await newProject(), name: "一期", nameEn: null }));
      expect(await saveLine(db, editor, { projectId, phaseId: elsewhere, name: "x", nameEn: null })).toEqual({
        ok: false, reason: "invalid", field: "phaseId", messageKey: "validation.invalid",
      });
    });

    it("records capacity at project, phase and line level; a line's capacity always names the line's phase", async () => {
      const projectId = await newProject();
      const phaseI = idOf(await savePhase(db, editor, { projectId, name: "一期", nameEn: null }));
      const phaseII = idOf(await savePhase(db, editor, { projectId, name: "二期", nameEn: null }));
      const lineII = idOf(await saveLine(db, editor, { projectId, phaseId: phaseII, name: "1号线", nameEn: null }));

      const whole = idOf(await saveCapacity(db, editor, capacityInput(projectId, { designed: "600" })));
      const ofPhase = idOf(await saveCapacity(db, editor, capacityInput(projectId, { phaseId: phaseI, designed: "200" })));
      const ofLine = idOf(await saveCapacity(db, editor, capacityInput(projectId, { lineId: lineII, designed: "150" })));
      // A form naming the wrong phase for a line is corrected to the line's own phase.
      const misfiled = idOf(await saveCapacity(db, editor, capacityInput(projectId, { lineId: lineII, phaseId: phaseI, designed: "50" })));

      const rows = await db.select().from(capacities).where(eq(capacities.projectId, projectId));
      const byId = new Map(rows.map((r) => [r.id, { phaseId: r.phaseId, lineId: r.lineId, designed: r.designed }]));
      expect(Object.fromEntries(byId)).toEqual({
        [whole]: { phaseId: null, lineId: null, designed: "600.0000" },
        [ofPhase]: { phaseId: phaseI, lineId: null, designed: "200.0000" },
        [ofLine]: { phaseId: phaseII, lineId: lineII, designed: "150.0000" },
        [misfiled]: { phaseId: phaseII, lineId: lineII, designed: "50.0000" },
      });
    });
  });

  describe("milestones and stage", () => {
    it("keeps the old planned date when a milestone is re-baselined, and audits it", async () => {
      const projectId = await newProject();
      const id = idOf(await saveMilestone(db, editor, milestoneInput(projectId, { type: "topping_out", plannedDate: "2026-06-30" }), TODAY));
      // A forecast alone is not a new baseline.
      idOf(await saveMilestone(db, editor, milestoneInput(projectId, { milestoneId: id, version: 1, type: "topping_out", plannedDate: "2026-06-30", forecastDate: "2026-07-15" }), TODAY));
      expect(await db.select().from(milestoneBaselines).where(eq(milestoneBaselines.milestoneId, id))).toEqual([]);

      const reason = "钢结构到货延迟";
      const outcome = await saveMilestone(
        db, admin, milestoneInput(projectId, { milestoneId: id, version: 2, type: "topping_out", plannedDate: "2026-09-30", forecastDate: "2026-09-30", rebaselineReason: reason }), TODAY,
      );
      expect(outcome).toEqual({ ok: true, value: { id }, warnings: [] });

      const baselines = await db.select().from(milestoneBaselines).where(eq(milestoneBaselines.milestoneId, id));
      expect(baselines).toEqual([expect.objectContaining({ plannedDate: "2026-06-30", reason, replacedBy: admin.actorId, parkId: admin.parkId })]);
      expect((await db.select().from(milestones).where(eq(milestones.id, id)))[0]).toMatchObject({ plannedDate: "2026-09-30", version: 3 });
      const rebaseline = (await auditOf(id)).find((e) => e.action === "rebaseline");
      expect(rebaseline).toMatchObject({ actorId: admin.actorId, changes: { plannedDate: ["2026-06-30", "2026-09-30"], reason: [null, reason] } });

      // A stale form (version 2) is a conflict and leaves no second baseline behind.
      const stale = await saveMilestone(db, editor, milestoneInput(projectId, { milestoneId: id, version: 2, type: "topping_out", plannedDate: "2027-01-31" }), TODAY);
      expect(stale).toMatchObject({ ok: false, reason: "conflict" });
      expect(await db.select().from(milestoneBaselines).where(eq(milestoneBaselines.milestoneId, id))).toHaveLength(1);
      expect((await db.select().from(milestones).where(eq(milestones.id, id)))[0]!.plannedDate).toBe("2026-09-30");
    });

    it("derives the stage from the milestones reached (not from future dates)", async () => {
      const projectId = await newProject();
      await saveMilestone(db, editor, milestoneInput(projectId, { type: "construction_start", plannedDate: "2026-01-01", actualDate: "2026-01-10" }), TODAY);
      expect((await projectRow(projectId)).stage).toBe("construction");
      expect((await auditOf(projectId)).at(-1)).toMatchObject({ action: "derive", changes: { stage: ["signed", "construction"] } });

      const future = await saveMilestone(db, editor, milestoneInput(projectId, { type: "full_capacity", actualDate: "2026-12-01" }), TODAY);
      expect(future).toEqual({ ok: false, reason: "invalid", field: "actualDate", messageKey: "progress.futureDate" });
      expect((await projectRow(projectId)).stage).toBe("construction");

      await saveMilestone(db, editor, milestoneInput(projectId, { type: "production", plannedDate: "2026-05-01", actualDate: "2026-05-20" }), TODAY);
      expect((await projectRow(projectId)).stage).toBe("production");
    });

    it("never lowers a recorded stage by itself, only when a reached date is taken back", async () => {
      const projectId = await newProject();
      await db.update(projects).set({ stage: "production" }).where(eq(projects.id, projectId)); // e.g. imported from a ledger
      await saveMilestone(db, editor, milestoneInput(projectId, { type: "full_capacity", plannedDate: "2027-06-30" }), TODAY);
      expect((await projectRow(projectId)).stage).toBe("production");

      const startId = idOf(await saveMilestone(db, editor, milestoneInput(projectId, { type: "production", plannedDate: "2026-03-01", actualDate: "2026-03-05" }), TODAY));
      expect((await projectRow(projectId)).stage).toBe("production");
      // The officer takes the production date back (it was entered by mistake): now the stage may drop.
      await saveMilestone(db, editor, milestoneInput(projectId, { milestoneId: startId, version: 1, type: "production", plannedDate: "2026-03-01" }), TODAY);
      expect((await projectRow(projectId)).stage).toBe("signed");
    });
  });

  describe("progress log", () => {
    it("logs a month: investment added exactly, milestones reached, capacity online, a problem, a new project version", async () => {
      const projectId = await newProject({ completedInvestment: "123456789012.34" });
      const milestoneId = idOf(await saveMilestone(db, editor, milestoneInput(projectId, { type: "construction_start", plannedDate: "2026-05-01" }), TODAY));
      const capacityId = idOf(await saveCapacity(db, editor, capacityInput(projectId, { designed: "200" })));
      const versionRead = (await projectRow(projectId)).version;

      const outcome = await logProgress(
        db, editor,
        entryInput(projectId, {
          investmentCompleted: "1000000.01", reached: { [milestoneId]: "2026-05-20" }, online: { [capacityId]: "120" },
          problemDescription: "施工用电不足", problemOwner: "国网宁乡供电公司", problemDueDate: "2026-07-31",
        }),
        TODAY,
      );
      const entryId = idOf(outcome);

      expect(await projectRow(projectId)).toMatchObject({ completedInvestment: "123457789012.35", version: versionRead + 1, stage: "construction" });
      expect((await db.select().from(milestones).where(eq(milestones.id, milestoneId)))[0]).toMatchObject({ actualDate: "2026-05-20", version: 2 });
      expect(await db.select().from(progressCapacities).where(eq(progressCapacities.entryId, entryId))).toEqual([
        { entryId, capacityId, parkId: editor.parkId, online: "120.0000" },
      ]);
      expect((await db.select().from(capacities).where(eq(capacities.id, capacityId)))[0]!.online).toBe("120.0000");
      expect(await db.select().from(problems).where(eq(problems.raisedInEntryId, entryId))).toEqual([
        expect.objectContaining({ projectId, description: "施工用电不足", owner: "国网宁乡供电公司", dueDate: "2026-07-31", status: "open" }),
      ]);

      // Someone who opened the project form before the entry now gets a conflict naming the change.
      const row = await projectRow(projectId);
      const stale = await updateProject(db, admin, projectId, versionRead, projectFields({ code: row.code, completedInvestment: "0" }));
      expect(stale).toMatchObject({
        ok: false, reason: "conflict",
        changes: [{ actorName: "李项目专员", changes: { completedInvestment: ["123456789012.34", "123457789012.35"] } }],
      });
      expect((await projectRow(projectId)).completedInvestment).toBe("123457789012.35");
    });

    it("replaces a corrected entry's amount in the total, keeps both entries, and refuses a second correction of it", async () => {
      const projectId = await newProject({ completedInvestment: "5000000" });
      const original = idOf(await logProgress(db, editor, entryInput(projectId, { investmentCompleted: "1000000" }), TODAY)); // 100万
      expect((await projectRow(projectId)).completedInvestment).toBe("6000000.00");

      const correction = idOf(await logProgress(db, editor, entryInput(projectId, { investmentCompleted: "800000", supersedesId: original }), TODAY)); // 80万
      expect((await projectRow(projectId)).completedInvestment).toBe("5800000.00");
      const entries = await db.select().from(progressEntries).where(eq(progressEntries.projectId, projectId)).orderBy(asc(progressEntries.createdAt));
      expect(entries.map((e) => [e.id, e.investmentCompleted, e.supersedesId])).toEqual([
        [original, "1000000.00", null],
        [correction, "800000.00", original],
      ]);
      expect((await auditOf(correction))[0]).toMatchObject({ action: "supersede", changes: { supersedesId: [null, original] } });

      const again = await logProgress(db, editor, entryInput(projectId, { investmentCompleted: "1", supersedesId: original }), TODAY);
      expect(again).toEqual({ ok: false, reason: "invalid", field: "supersedesId", messageKey: "progress.alreadyCorrected" });
      expect((await projectRow(projectId)).completedInvestment).toBe("5800000.00");
      expect(await db.select({ n: count() }).from(progressEntries).where(eq(progressEntries.projectId, projectId))).toEqual([{ n: 2 }]);
    });

    it("refuses a month in the future and writes nothing", async () => {
      const projectId = await newProject();
      const entriesBefore = await countOf(progressEntries);
      const outcome = await logProgress(db, editor, entryInput(projectId, { period: "2026-07-01", investmentCompleted: "100" }), TODAY);
      expect(outcome).toEqual({ ok: false, reason: "invalid", field: "period", messageKey: "progress.futurePeriod" });
      expect(await countOf(progressEntries)).toBe(entriesBefore);
      expect(await projectRow(projectId)).toMatchObject({ completedInvestment: "0.00", version: 1 });
      // The current month is fine.
      expect(await logProgress(db, editor, entryInput(projectId, { period: "2026-06-01" }), TODAY)).toMatchObject({ ok: true });
    });
  });

  describe("problems", () => {
    it("adds follow-ups as history, closes, and refuses a follow-up on a closed problem", async () => {
      const projectId = await newProject();
      const problemId = idOf(await raiseProblem(db, editor, { projectId, description: "环评批复延迟", owner: "区生态环境分局", dueDate: "2026-08-31" }));

      idOf(await followUpProblem(db, editor, { problemId, note: "已召开协调会", close: false }));
      expect((await db.select().from(problems).where(eq(problems.id, problemId)))[0]).toMatchObject({ status: "open", closedAt: null });
      idOf(await followUpProblem(db, admin, { problemId, note: "批复已取得", close: true }));

      const notes = await db.select().from(problemUpdates).where(eq(problemUpdates.problemId, problemId)).orderBy(asc(problemUpdates.createdAt));
      expect(notes.map((n) => [n.note, n.authorId])).toEqual([["已召开协调会", editor.actorId], ["批复已取得", admin.actorId]]);
      expect((await db.select().from(problems).where(eq(problems.id, problemId)))[0]).toMatchObject({ status: "closed", closedAt: expect.any(Date) });
      expect((await auditOf(problemId)).map((e) => e.action)).toEqual(["create", "update", "update", "close"]);

      const late = await followUpProblem(db, editor, { problemId, note: "补充说明", close: false });
      expect(late).toEqual({ ok: false, reason: "invalid", field: "note", messageKey: "problem.alreadyClosed" });
      expect(await db.select({ n: count() }).from(problemUpdates).where(and(eq(problemUpdates.problemId, problemId)))).toEqual([{ n: 2 }]);
    });
  });
});
