import { and, desc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as settingsActions from "@/app/_lib/actions/park-settings";
import { getUserByEmail } from "@/db/queries/accounts";
import { getParkDashboard } from "@/app/_lib/dashboard/data";
import { computeHealthByProject } from "@/db/queries/health";
import { saveHealthRule } from "@/db/queries/park-settings";
import { saveMilestone } from "@/db/queries/project-writes";
import { auditEvents, memberships, milestones, parkHealthRules, parks, projects, targets, users } from "@/db/schema";
import { isoToday } from "@/lib/domain/milestones";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { callAs, refusal, rowCounts, snapshotTables, useDatabase, type ActionOutcome, type FormValues } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const ADMIN = "admin@ningxiang.demo";
const EDITOR = "editor@ningxiang.demo";
const VIEWER = "viewer@ningxiang.demo";
/** Admin of qianwan-new-area only, created below: the seed has no admin of a second park. */
const OTHER_ADMIN = "admin@qianwan.test";

const MSG = {
  signIn: "Please sign in.",
  forbidden: "You do not have access to this.",
  notFound: "Not found.",
  fixFields: "Please correct the fields marked below. Nothing was saved.",
  conflict: "Someone else saved this record after you opened it. Nothing of yours was saved; review their changes below, then reload and apply yours again.",
};

type Action = (previous: never, formData: FormData) => Promise<unknown>;

let year = 2030;
/** A target form for a metric and year no other test uses. */
const targetForm = (parkId: string, overrides: FormValues = {}): FormValues => ({
  parkId, metric: "tax", value: "12亿", year: ++year, baseYear: 2020, baseValue: "8亿", statedGrowthPct: "6.5", ...overrides,
});

const ruleForm = (parkId: string, overrides: FormValues = {}): FormValues => ({ parkId, yellowBehindPp: "12", redBehindPp: "25.5", redMonthsNotStarted: "4", ...overrides });

function expectMessage(outcome: ActionOutcome, message: string) {
  expect(outcome).toMatchObject({ ok: true, message });
}

describe.each(TEST_TARGETS)("park settings actions on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let nx: string;
  let qw: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    const parkId = async (slug: string) => (await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug)))[0]!.id;
    nx = await parkId("ningxiang-htz");
    qw = await parkId("qianwan-new-area");
    const [other] = await db.insert(users).values({ email: OTHER_ADMIN, name: "Other Admin", passwordHash: "not-a-real-hash" }).returning();
    await db.insert(memberships).values({ userId: other!.id, parkId: qw, role: "admin" });
  });
  afterAll(async () => database.drop());

  async function refusedWithoutWrites(email: string | null, action: Action, values: FormValues) {
    const before = await snapshotTables(db);
    const outcome = await callAs(email, action, values);
    const after = await snapshotTables(db);
    expect(rowCounts(after)).toEqual(rowCounts(before));
    expect(after).toEqual(before);
    return refusal(outcome);
  }

  async function targetRow(id: string) {
    return (await db.select().from(targets).where(eq(targets.id, id)))[0];
  }

  /** A target of ningxiang, saved by its admin through the action. */
  async function createTarget(overrides: FormValues = {}) {
    const outcome = await callAs(ADMIN, settingsActions.saveTargetAction, targetForm(nx, overrides));
    if (!("ok" in outcome) || !outcome.ok || !outcome.data) throw new Error(`could not create a target: ${JSON.stringify(outcome)}`);
    return (await targetRow(outcome.data.id))!;
  }

  const CASES: Record<string, { action: Action; valid: () => Promise<FormValues> }> = {
    saveTargetAction: { action: settingsActions.saveTargetAction, valid: async () => targetForm(nx) },
    deleteTargetAction: {
      action: settingsActions.deleteTargetAction,
      valid: async () => {
        const target = await createTarget();
        return { parkId: nx, targetId: target.id, version: target.version };
      },
    },
    saveHealthRuleAction: { action: settingsActions.saveHealthRuleAction, valid: async () => ruleForm(nx) },
  };

  it("has a case for every action exported by park-settings.ts", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(settingsActions).sort());
  });

  describe.each(Object.keys(CASES))("%s", (name) => {
    const c = CASES[name]!;
    it.each([
      [null, MSG.signIn],
      [EDITOR, MSG.forbidden],
      [VIEWER, MSG.forbidden],
      [OTHER_ADMIN, MSG.forbidden],
    ])("refuses %s and writes nothing", async (email, message) => {
      const result = await refusedWithoutWrites(email, c.action, await c.valid());
      expect(result.message).toBe(message);
      expect(result.fieldErrors).toEqual({});
    });
  });

  it("lets the park admin create and update a target, audited under their name with no project", async () => {
    const admin = (await getUserByEmail(db, { email: ADMIN }))!;
    const [last] = await db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    const created = await createTarget({ value: "50亿", baseValue: "", statedGrowthPct: "" });
    expect(created).toMatchObject({ parkId: nx, metric: "tax", value: "5000000000.00", baseValue: null, statedGrowthPct: null, version: 1 });

    const updated = await callAs(ADMIN, settingsActions.saveTargetAction, targetForm(nx, { targetId: created.id, version: 1, year: created.year, value: "60亿" }));
    expectMessage(updated, "Target saved.");
    expect(await targetRow(created.id)).toMatchObject({ value: "6000000000.00", version: 2 });

    const events = await db.select().from(auditEvents).where(and(gt(auditEvents.id, last!.id), eq(auditEvents.entityId, created.id)));
    expect(events.map((e) => [e.entity, e.action, e.entityVersion, e.projectId, e.actorId, e.parkId])).toEqual([
      ["target", "create", 1, null, admin.id, nx],
      ["target", "update", 2, null, admin.id, nx],
    ]);
    expect(events[1]!.changes).toEqual({ value: ["5000000000.00", "6000000000"], baseValue: [null, "800000000"], statedGrowthPct: [null, "6.5"] });
  });

  it("refuses a stale target version as a conflict listing what changed, and writes nothing", async () => {
    const target = await createTarget();
    expectMessage(await callAs(ADMIN, settingsActions.saveTargetAction, targetForm(nx, { targetId: target.id, version: 1, year: target.year, value: "13亿" })), "Target saved.");
    const result = await refusedWithoutWrites(ADMIN, settingsActions.saveTargetAction, targetForm(nx, { targetId: target.id, version: 1, year: target.year, value: "99亿" }));
    expect(result.message).toBe(MSG.conflict);
    expect(result.conflict?.[0]?.changes).toMatchObject({ value: ["1200000000.00", "1300000000"] });
    const staleDelete = await refusedWithoutWrites(ADMIN, settingsActions.deleteTargetAction, { parkId: nx, targetId: target.id, version: 1 });
    expect(staleDelete.message).toBe(MSG.conflict);
  });

  it("deletes a target at the version read and audits the deletion", async () => {
    const target = await createTarget();
    expectMessage(await callAs(ADMIN, settingsActions.deleteTargetAction, { parkId: nx, targetId: target.id, version: 1 }), "Target deleted.");
    expect(await targetRow(target.id)).toBeUndefined();
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, target.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ entity: "target", action: "delete", projectId: null });
  });

  it("answers Not found for another park's target named under the admin's own park", async () => {
    const target = await createTarget();
    const update = await refusedWithoutWrites(OTHER_ADMIN, settingsActions.saveTargetAction, targetForm(qw, { targetId: target.id, version: 1 }));
    expect(update.message).toBe(MSG.notFound);
    const remove = await refusedWithoutWrites(OTHER_ADMIN, settingsActions.deleteTargetAction, { parkId: qw, targetId: target.id, version: 1 });
    expect(remove.message).toBe(MSG.notFound);
  });

  it("refuses a second target for the same metric and year with a field error", async () => {
    const target = await createTarget();
    const result = await refusedWithoutWrites(ADMIN, settingsActions.saveTargetAction, targetForm(nx, { year: target.year }));
    expect(result.fieldErrors).toEqual({ year: "This park already has a target for this metric and year." });
  });

  it.each([
    [{ value: "-5" }, { value: "Amounts cannot be negative." }],
    [{ baseYear: 2040, year: 2040 }, { baseYear: "The base year must be before the target year." }],
    [{ baseYear: 2041, year: 2040 }, { baseYear: "The base year must be before the target year." }],
    [{ year: 1800 }, { year: "Enter a year between 1949 and 2200." }],
    [{ statedGrowthPct: "=1+1" }, { statedGrowthPct: "Enter a percentage above −100 with at most two decimals, e.g. 11." }],
    [{ metric: "population" }, { metric: "This value is not valid." }],
  ])("refuses the target %j with field errors", async (overrides, fieldErrors) => {
    const result = await refusedWithoutWrites(ADMIN, settingsActions.saveTargetAction, targetForm(nx, overrides));
    expect(result.message).toBe(MSG.fixFields);
    expect(result.fieldErrors).toEqual(fieldErrors);
  });

  describe("health rule", () => {
    const ruleRow = async () => (await db.select().from(parkHealthRules).where(eq(parkHealthRules.parkId, nx)))[0];

    it.each([
      [{ yellowBehindPp: "30", redBehindPp: "30" }, { yellowBehindPp: "Yellow must start below red." }],
      [{ yellowBehindPp: "40", redBehindPp: "20" }, { yellowBehindPp: "Yellow must start below red." }],
      [{ redBehindPp: "150" }, { redBehindPp: "Enter percentage points from 0 to 100 with at most one decimal." }],
      [{ yellowBehindPp: "-5" }, { yellowBehindPp: "Enter percentage points from 0 to 100 with at most one decimal." }],
      [{ redMonthsNotStarted: "0" }, { redMonthsNotStarted: "Enter whole months from 1 to 36." }],
      [{ redMonthsNotStarted: "37" }, { redMonthsNotStarted: "Enter whole months from 1 to 36." }],
    ])("refuses %j with field errors", async (overrides, fieldErrors) => {
      const result = await refusedWithoutWrites(ADMIN, settingsActions.saveHealthRuleAction, ruleForm(nx, overrides));
      expect(result.message).toBe(MSG.fixFields);
      expect(result.fieldErrors).toEqual(fieldErrors);
    });

    it("is created by the first save, updated at the version read, and a stale save conflicts", async () => {
      expect(await ruleRow()).toBeUndefined();
      expectMessage(await callAs(ADMIN, settingsActions.saveHealthRuleAction, ruleForm(nx)), "Health rule saved.");
      expect(await ruleRow()).toMatchObject({ yellowBehindPp: "12.0", redBehindPp: "25.5", redMonthsNotStarted: 4, version: 1 });

      expectMessage(await callAs(ADMIN, settingsActions.saveHealthRuleAction, ruleForm(nx, { version: 1, redMonthsNotStarted: "6" })), "Health rule saved.");
      expect(await ruleRow()).toMatchObject({ redMonthsNotStarted: 6, version: 2 });

      const stale = await refusedWithoutWrites(ADMIN, settingsActions.saveHealthRuleAction, ruleForm(nx, { version: 1, yellowBehindPp: "5" }));
      expect(stale.message).toBe(MSG.conflict);
      expect(stale.conflict?.[0]?.changes).toEqual({ redMonthsNotStarted: [4, 6] });
      // A form opened while the park still had the default rule names no version: also a conflict now.
      const unversioned = await refusedWithoutWrites(ADMIN, settingsActions.saveHealthRuleAction, ruleForm(nx, { yellowBehindPp: "5" }));
      expect(unversioned.message).toBe(MSG.conflict);

      const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entity, "health_rule"), eq(auditEvents.parkId, nx))).orderBy(auditEvents.id);
      expect(events.map((e) => [e.action, e.entityId, e.entityVersion, e.projectId])).toEqual([
        ["create", nx, 1, null],
        ["update", nx, 2, null],
      ]);
    });

    it("takes the slip baseline from the form; an unknown one is a field error", async () => {
      const result = await refusedWithoutWrites(ADMIN, settingsActions.saveHealthRuleAction, ruleForm(nx, { version: 2, redMonthsNotStarted: "6", slipBaseline: "sideways" }));
      expect(result.fieldErrors).toEqual({ slipBaseline: "This value is not valid." });
      expectMessage(await callAs(ADMIN, settingsActions.saveHealthRuleAction, ruleForm(nx, { version: 2, redMonthsNotStarted: "6", slipBaseline: "original" })), "Health rule saved.");
      expect(await ruleRow()).toMatchObject({ slipBaseline: "original", version: 3 });
    });

    it("counts a re-baselined milestone as late, and its project off track, only when the rule says the original baseline", async () => {
      const today = isoToday();
      const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      const [park] = await db.insert(parks).values({ slug: "baseline-rule", name: "基准园区", province: "湖南省", city: "长沙市" }).returning();
      const [project] = await db.insert(projects).values({ parkId: park!.id, code: "B-1", name: "基准项目", company: "公司", cluster: "新材料", plannedInvestment: "0" }).returning();
      const actor = { parkId: park!.id, actorId: (await getUserByEmail(db, { email: ADMIN }))!.id };
      const milestone = { projectId: project!.id, type: "production" as const, customLabel: null, forecastDate: null, actualDate: null, rebaselineReason: null };
      const created = await saveMilestone(db, actor, { ...milestone, plannedDate: shift(-100) });
      const milestoneId = (created as { value: { id: string } }).value.id;
      // The plan moves 160 days later: against it the milestone is not due yet.
      expect(await saveMilestone(db, actor, { ...milestone, milestoneId, version: 1, plannedDate: shift(60), rebaselineReason: "设备推迟" })).toMatchObject({ ok: true });
      expect((await db.select().from(milestones).where(eq(milestones.id, milestoneId)))[0]).toMatchObject({ plannedDate: shift(60), originalPlannedDate: shift(-100) });

      const read = async () => {
        const dashboard = await getParkDashboard(db, { parkId: park!.id, today });
        const health = (await computeHealthByProject(db, { parkIds: [park!.id], projectIds: [project!.id], today })).get(project!.id)!.health;
        return { late: dashboard.late.total, lateListed: dashboard.late.items.length, flagged: dashboard.offPace.total, health };
      };
      expect(await read()).toEqual({ late: 0, lateListed: 0, flagged: 0, health: "on_track" });

      const rule = { yellowBehindPp: 10, redBehindPp: 30, redMonthsNotStarted: 3 };
      expect(await saveHealthRule(db, actor, { ...rule, slipBaseline: "original" })).toMatchObject({ ok: true });
      expect(await read()).toEqual({ late: 1, lateListed: 1, flagged: 1, health: "off_track" });
      const [late] = (await getParkDashboard(db, { parkId: park!.id, today })).late.items;
      expect(late).toMatchObject({ plannedDate: shift(60), originalPlannedDate: shift(-100), daysLate: -60, daysLateOriginal: 100 });

      expect(await saveHealthRule(db, actor, { ...rule, slipBaseline: "current", version: 1 })).toMatchObject({ ok: true });
      expect(await read()).toEqual({ late: 0, lateListed: 0, flagged: 0, health: "on_track" });
    });
  });
});
