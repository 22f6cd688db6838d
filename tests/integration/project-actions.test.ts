import { and, desc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as progressActions from "@/app/_lib/actions/progress";
import * as projectActions from "@/app/_lib/actions/projects";
import { getUserByEmail } from "@/db/queries/accounts";
import type { WriteOutcome } from "@/db/queries/outcomes";
import { logProgress, raiseProblem } from "@/db/queries/progress-writes";
import { createProject, saveCapacity, saveLine, saveMilestone, savePhase, type ProjectFields } from "@/db/queries/project-writes";
import { auditEvents, parks, projects } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { callAs, refusal, rowCounts, snapshotTables, useDatabase, type ActionOutcome, type FormValues } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { freshMonth } from "../support/api-fixture";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const ADMIN = "admin@ningxiang.demo";
const EDITOR = "editor@ningxiang.demo";
const VIEWER = "viewer@ningxiang.demo";
/** Editor of qianwan-new-area and yinzhou, not a member of ningxiang-htz. */
const OFFICER = "officer@ningbo.demo";

const MSG = {
  signIn: "Please sign in.",
  forbidden: "You do not have access to this.",
  notFound: "Not found.",
  fixFields: "Please correct the fields marked below. Nothing was saved.",
  invalid: "This value is not valid.",
};

/** One park's own project with one of everything below it, made through the data layer. */
interface Fixture {
  parkId: string;
  projectId: string;
  phaseId: string;
  lineId: string;
  capacityId: string;
  milestoneId: string;
  entryId: string;
  problemId: string;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}`;

function projectFields(overrides: Partial<ProjectFields> = {}): ProjectFields {
  return {
    code: unique("T"), name: "测试项目", nameEn: null, company: "测试企业", companyEn: null, cluster: "新材料", clusterEn: null,
    responsibleUnit: null, leaderInCharge: null, health: "on_track",
    plannedInvestment: "5000000000", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
    ...overrides,
  };
}

/** The form fields of a project, as the project form posts them. */
function projectForm(parkId: string, overrides: FormValues = {}): FormValues {
  return {
    parkId, code: unique("F"), name: "表单项目", company: "表单企业", cluster: "智能装备制造", health: "on_track",
    plannedInvestment: "50亿", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
    ...overrides,
  };
}

function idOf(outcome: WriteOutcome): string {
  if (!outcome.ok) throw new Error(`fixture write refused: ${JSON.stringify(outcome)}`);
  return outcome.value.id;
}

async function parkIdBySlug(db: Db, slug: string) {
  const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug));
  return park!.id;
}

async function buildFixture(db: Db, parkSlug: string, email: string): Promise<Fixture> {
  const parkId = await parkIdBySlug(db, parkSlug);
  const actor = { parkId, actorId: (await getUserByEmail(db, { email }))!.id };
  const projectId = idOf(await createProject(db, actor, projectFields()));
  const phaseId = idOf(await savePhase(db, actor, { projectId, name: "一期", nameEn: "Phase I" }));
  const lineId = idOf(await saveLine(db, actor, { projectId, phaseId, name: "1号线", nameEn: null }));
  const capacityId = idOf(
    await saveCapacity(db, actor, { projectId, lineId, product: "正极材料", productEn: null, unit: "t", period: "year", designed: "10000", online: "0" }),
  );
  const milestoneId = idOf(
    await saveMilestone(db, actor, {
      projectId, type: "production", customLabel: null, plannedDate: "2027-06-30", forecastDate: null, actualDate: null, rebaselineReason: null,
    }),
  );
  const entryId = idOf(
    await logProgress(db, actor, {
      projectId, period: "2025-01-01", narrative: "土建施工中", narrativeEn: null, investmentCompleted: "1000000", outputValue: null,
      sourceUrl: null, sourceRef: null, reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null,
    }),
  );
  const problemId = idOf(await raiseProblem(db, actor, { projectId, description: "用电指标未落实", owner: "园区经发局", dueDate: null }));
  return { parkId, projectId, phaseId, lineId, capacityId, milestoneId, entryId, problemId };
}

async function projectRow(db: Db, projectId: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId));
  return row!;
}

interface Ctx {
  db: Db;
  /** ningxiang-htz: EDITOR, ADMIN and VIEWER are members; OFFICER is not. */
  nx: Fixture;
  /** qianwan-new-area: OFFICER is its editor. */
  qw: Fixture;
}

type Refusal = { notFound: true } | { field: string };

interface ActionCase {
  action: (previous: never, formData: FormData) => Promise<unknown>;
  /** A valid submission for the fixture's park. */
  valid: (ctx: Ctx, f: Fixture) => Promise<FormValues> | FormValues;
  /** What the right park's editor or admin gets back. */
  succeeds: (ctx: Ctx) => { redirected: RegExp } | { message: string };
  /** The entity the successful write audits. */
  audits: string;
  /** OFFICER names his own park (qianwan) but ids of a ningxiang record. */
  forged: { what: string; values: (ctx: Ctx) => Promise<FormValues> | FormValues; refusal: Refusal }[];
}

const UUID = "[0-9a-f-]{36}";

const CASES: Record<string, ActionCase> = {
  createProjectAction: {
    action: projectActions.createProjectAction,
    valid: (_ctx, f) => projectForm(f.parkId),
    succeeds: () => ({ redirected: new RegExp(`^/projects/${UUID}\\?saved=project$`) }),
    audits: "project",
    forged: [], // a new project names no id but its park's, which the guard checks
  },
  updateProjectAction: {
    action: projectActions.updateProjectAction,
    valid: async (ctx, f) => ({
      ...projectForm(f.parkId, { code: `U-${f.projectId.slice(0, 8)}`, name: unique("改名项目") }),
      projectId: f.projectId,
      version: (await projectRow(ctx.db, f.projectId)).version,
    }),
    succeeds: (ctx) => ({ redirected: new RegExp(`^/projects/${ctx.nx.projectId}\\?saved=project$`) }),
    audits: "project",
    forged: [
      {
        what: "a ningxiang project",
        values: async (ctx) => ({
          ...projectForm(ctx.qw.parkId, { name: "篡改" }),
          projectId: ctx.nx.projectId,
          version: (await projectRow(ctx.db, ctx.nx.projectId)).version,
        }),
        refusal: { notFound: true },
      },
    ],
  },
  savePhaseAction: {
    action: projectActions.savePhaseAction,
    valid: (_ctx, f) => ({ parkId: f.parkId, projectId: f.projectId, name: unique("期") }),
    succeeds: () => ({ message: "Phase saved." }),
    audits: "phase",
    forged: [
      { what: "a ningxiang project", values: (c) => ({ parkId: c.qw.parkId, projectId: c.nx.projectId, name: "二期" }), refusal: { notFound: true } },
      {
        what: "a ningxiang phase under an own project",
        values: (c) => ({ parkId: c.qw.parkId, projectId: c.qw.projectId, phaseId: c.nx.phaseId, version: 1, name: "篡改" }),
        refusal: { notFound: true },
      },
    ],
  },
  saveLineAction: {
    action: projectActions.saveLineAction,
    valid: (_ctx, f) => ({ parkId: f.parkId, projectId: f.projectId, phaseId: f.phaseId, name: unique("线") }),
    succeeds: () => ({ message: "Production line saved." }),
    audits: "line",
    forged: [
      {
        what: "a ningxiang project",
        values: (c) => ({ parkId: c.qw.parkId, projectId: c.nx.projectId, phaseId: c.nx.phaseId, name: "2号线" }),
        refusal: { notFound: true },
      },
      {
        what: "a ningxiang phase under an own project",
        values: (c) => ({ parkId: c.qw.parkId, projectId: c.qw.projectId, phaseId: c.nx.phaseId, name: "2号线" }),
        refusal: { field: "phaseId" },
      },
      {
        what: "a ningxiang line under an own project and phase",
        values: (c) => ({ parkId: c.qw.parkId, projectId: c.qw.projectId, phaseId: c.qw.phaseId, lineId: c.nx.lineId, version: 1, name: "篡改" }),
        refusal: { notFound: true },
      },
    ],
  },
  saveCapacityAction: {
    action: projectActions.saveCapacityAction,
    valid: (_ctx, f) => capacityForm(f.parkId, f.projectId, { lineId: f.lineId }),
    succeeds: () => ({ message: "Capacity saved." }),
    audits: "capacity",
    forged: [
      { what: "a ningxiang project", values: (c) => capacityForm(c.qw.parkId, c.nx.projectId), refusal: { notFound: true } },
      {
        what: "a ningxiang phase under an own project",
        values: (c) => capacityForm(c.qw.parkId, c.qw.projectId, { phaseId: c.nx.phaseId }),
        refusal: { field: "phaseId" },
      },
      {
        what: "a ningxiang line under an own project",
        values: (c) => capacityForm(c.qw.parkId, c.qw.projectId, { lineId: c.nx.lineId }),
        refusal: { field: "lineId" },
      },
      {
        what: "a ningxiang capacity under an own project",
        values: (c) => capacityForm(c.qw.parkId, c.qw.projectId, { capacityId: c.nx.capacityId, version: 1 }),
        refusal: { notFound: true },
      },
    ],
  },
  saveMilestoneAction: {
    action: projectActions.saveMilestoneAction,
    valid: (_ctx, f) => ({ parkId: f.parkId, projectId: f.projectId, type: "topping_out", plannedDate: "2027-01-31" }),
    succeeds: () => ({ message: "Milestone saved." }),
    audits: "milestone",
    forged: [
      {
        what: "a ningxiang project",
        values: (c) => ({ parkId: c.qw.parkId, projectId: c.nx.projectId, type: "topping_out", plannedDate: "2027-01-31" }),
        refusal: { notFound: true },
      },
      {
        what: "a ningxiang milestone under an own project",
        values: (c) => ({ parkId: c.qw.parkId, projectId: c.qw.projectId, milestoneId: c.nx.milestoneId, version: 1, type: "production", plannedDate: "2030-01-01" }),
        refusal: { notFound: true },
      },
    ],
  },
  logProgressAction: {
    action: progressActions.logProgressAction,
    valid: (_ctx, f) => progressForm(f.parkId, f.projectId),
    succeeds: (ctx) => ({ redirected: new RegExp(`^/projects/${ctx.nx.projectId}\\?saved=progress#progress$`) }),
    audits: "progress_entry",
    forged: [
      { what: "a ningxiang project", values: (c) => progressForm(c.qw.parkId, c.nx.projectId), refusal: { notFound: true } },
      {
        what: "a ningxiang entry to correct",
        values: (c) => progressForm(c.qw.parkId, c.qw.projectId, { supersedesId: c.nx.entryId }),
        refusal: { field: "supersedesId" },
      },
      {
        what: "a ningxiang milestone reached",
        values: (c) => progressForm(c.qw.parkId, c.qw.projectId, { [`reached.${c.nx.milestoneId}`]: "2025-01-15" }),
        refusal: { field: "reached" },
      },
      {
        what: "a ningxiang capacity online",
        values: (c) => progressForm(c.qw.parkId, c.qw.projectId, { [`online.${c.nx.capacityId}`]: "5000" }),
        refusal: { field: "online" },
      },
    ],
  },
  raiseProblemAction: {
    action: progressActions.raiseProblemAction,
    valid: (_ctx, f) => ({ parkId: f.parkId, projectId: f.projectId, description: unique("环评批复延迟"), owner: "区生态环境分局" }),
    succeeds: () => ({ message: "Problem raised." }),
    audits: "problem",
    forged: [
      {
        what: "a ningxiang project",
        values: (c) => ({ parkId: c.qw.parkId, projectId: c.nx.projectId, description: "篡改", owner: "某人" }),
        refusal: { notFound: true },
      },
    ],
  },
  followUpProblemAction: {
    action: progressActions.followUpProblemAction,
    valid: (_ctx, f) => ({ parkId: f.parkId, problemId: f.problemId, note: unique("已协调供电公司") }),
    succeeds: () => ({ message: "Follow-up saved." }),
    audits: "problem",
    forged: [
      {
        what: "a ningxiang problem",
        values: (c) => ({ parkId: c.qw.parkId, problemId: c.nx.problemId, note: "篡改", close: "on" }),
        refusal: { notFound: true },
      },
    ],
  },
};

function capacityForm(parkId: string, projectId: string, extra: FormValues = {}): FormValues {
  return { parkId, projectId, product: "负极材料", unit: "t", period: "year", designed: "20,000", online: "0", ...extra };
}

/** A month of its own each time: a project takes one entry per month (another is a correction). */
function progressForm(parkId: string, projectId: string, extra: FormValues = {}): FormValues {
  return { parkId, projectId, period: freshMonth(), narrative: "设备调试", investmentCompleted: "100万", ...extra };
}

describe.each(TEST_TARGETS)("project and progress server actions on %s", (kind) => {
  let database: TestDatabase;
  const ctx = {} as Ctx;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemoData(database.db);
    useDatabase(database.db);
    ctx.db = database.db;
    ctx.nx = await buildFixture(database.db, "ningxiang-htz", EDITOR);
    ctx.qw = await buildFixture(database.db, "qianwan-new-area", OFFICER);
  });
  afterAll(async () => database.drop());

  /** Runs the action and proves it wrote nothing at all: same row counts and contents in every table. */
  async function refusedWithoutWrites(email: string | null, c: ActionCase, values: FormValues) {
    const before = await snapshotTables(ctx.db);
    const outcome = await callAs(email, c.action, values);
    const after = await snapshotTables(ctx.db);
    expect(rowCounts(after)).toEqual(rowCounts(before));
    expect(after).toEqual(before);
    return refusal(outcome);
  }

  it("has a case for every action exported by projects.ts and progress.ts", () => {
    const exported = [...Object.keys(projectActions), ...Object.keys(progressActions)].sort();
    expect(Object.keys(CASES).sort()).toEqual(exported);
  });

  describe.each(Object.keys(CASES))("%s", (name) => {
    const c = CASES[name]!;

    it("refuses a signed-out caller and writes nothing", async () => {
      const result = await refusedWithoutWrites(null, c, await c.valid(ctx, ctx.nx));
      expect(result.message).toBe(MSG.signIn);
      expect(result.fieldErrors).toEqual({});
    });

    it("refuses a viewer of the park and writes nothing", async () => {
      const result = await refusedWithoutWrites(VIEWER, c, await c.valid(ctx, ctx.nx));
      expect(result.message).toBe(MSG.forbidden);
    });

    it("refuses an editor of another park and writes nothing", async () => {
      const result = await refusedWithoutWrites(OFFICER, c, await c.valid(ctx, ctx.nx));
      expect(result.message).toBe(MSG.forbidden);
    });

    // createProjectAction names no id but its park's, so it has no forged-id case.
    if (c.forged.length > 0) it("refuses another park's ids named under the editor's own park", async () => {
      for (const forged of c.forged) {
        const result = await refusedWithoutWrites(OFFICER, c, await forged.values(ctx));
        if ("notFound" in forged.refusal) {
          expect({ what: forged.what, message: result.message, fieldErrors: result.fieldErrors }).toEqual({ what: forged.what, message: MSG.notFound, fieldErrors: {} });
        } else {
          expect({ what: forged.what, fieldErrors: result.fieldErrors }).toEqual({ what: forged.what, fieldErrors: { [forged.refusal.field]: MSG.invalid } });
        }
      }
    });

    it.each([EDITOR, ADMIN])("saves for %s of the park and audits it under their name", async (email) => {
      const user = (await getUserByEmail(ctx.db, { email }))!;
      const [lastAudit] = await ctx.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
      const outcome = await callAs(email, c.action, await c.valid(ctx, ctx.nx));
      expectSuccess(outcome, c.succeeds(ctx));
      const written = await ctx.db.select().from(auditEvents).where(gt(auditEvents.id, lastAudit!.id));
      expect(written.map((e) => e.entity)).toContain(c.audits);
      expect(written.every((e) => e.actorId === user.id && e.parkId === ctx.nx.parkId)).toBe(true);
    });
  });

  describe("bad input through the actions", () => {
    it.each([
      ["-5", "Amounts cannot be negative."],
      ["1e9", "Not a number. Use digits such as 50亿, 5 bn or 5,000,000,000; scientific notation (1e9) is not accepted."],
      ["abc", "Not a number. Use digits such as 50亿, 5 bn or 5,000,000,000; scientific notation (1e9) is not accepted."],
      ["", "Enter an amount."],
    ])("refuses plannedInvestment %j with an English field error", async (typed, message) => {
      const result = await refusedWithoutWrites(EDITOR, CASES.createProjectAction!, projectForm(ctx.nx.parkId, { plannedInvestment: typed }));
      expect(result.message).toBe(MSG.fixFields);
      expect(result.fieldErrors).toEqual({ plannedInvestment: message });
      expect(result.values.plannedInvestment).toBe(typed);
    });

    it.each(["50亿", "5 billion", "500000万元", "5,000,000,000"])("stores %j as exactly 5000000000.00", async (typed) => {
      const code = unique("AMT");
      const outcome = await callAs(EDITOR, projectActions.createProjectAction, projectForm(ctx.nx.parkId, { code, plannedInvestment: typed }));
      const [row] = await ctx.db.select().from(projects).where(and(eq(projects.parkId, ctx.nx.parkId), eq(projects.code, code)));
      expect(outcome).toEqual({ redirected: `/projects/${row?.id}?saved=project` });
      expect(row!.plannedInvestment).toBe("5000000000.00");
    });

    it("refuses a 1 MB project name with a field error, not a crash", async () => {
      const huge = "项".repeat(1024 * 1024);
      const result = await refusedWithoutWrites(EDITOR, CASES.createProjectAction!, projectForm(ctx.nx.parkId, { name: huge }));
      expect(result.fieldErrors).toEqual({ name: "At most 200 characters." });
      expect(result.values.name!.length).toBeLessThanOrEqual(2000); // the form gets its value back, cut short
    });

    it("refuses an impossible date (2026-02-30) wherever a date is typed", async () => {
      const dateError = "Enter a real date (YYYY-MM-DD).";
      const { nx } = ctx;
      const milestone = await refusedWithoutWrites(EDITOR, CASES.saveMilestoneAction!, {
        parkId: nx.parkId, projectId: nx.projectId, type: "construction_start", plannedDate: "2026-02-30",
      });
      expect(milestone.fieldErrors).toEqual({ plannedDate: dateError });
      const problem = await refusedWithoutWrites(EDITOR, CASES.raiseProblemAction!, {
        parkId: nx.parkId, projectId: nx.projectId, description: "拆迁", owner: "街道", dueDate: "2026-02-30",
      });
      expect(problem.fieldErrors).toEqual({ dueDate: dateError });
      const reached = await refusedWithoutWrites(EDITOR, CASES.logProgressAction!, progressForm(nx.parkId, nx.projectId, { [`reached.${nx.milestoneId}`]: "2026-02-30" }));
      expect(reached.fieldErrors).toEqual({ [`reached.${nx.milestoneId}`]: dateError });
    });
  });
});

function expectSuccess(outcome: ActionOutcome, expected: { redirected: RegExp } | { message: string }) {
  if ("redirected" in expected) {
    expect(outcome).toEqual({ redirected: expect.stringMatching(expected.redirected) });
  } else {
    expect(outcome).toMatchObject({ ok: true, message: expected.message, data: { id: expect.stringMatching(new RegExp(`^${UUID}$`)) } });
  }
}
