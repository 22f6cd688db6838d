import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getParkDashboard } from "@/app/_lib/dashboard/data";
import { buildExportTable } from "@/app/_lib/dashboard/export-tables";
import { getPublicProjectStatus } from "@/db/queries/public-status";
import { getProjectInPark, listProjectPage } from "@/db/queries/api-reads";
import { getProjectDetail } from "@/db/queries/project-detail";
import { listProjects } from "@/db/queries/project-list";
import { milestones, parkHealthRules, parks, projects } from "@/db/schema";
import { computeHealth } from "@/lib/domain/health";
import { isoToday } from "@/lib/domain/milestones";
import { DEFAULT_REDACTION } from "@/lib/domain/share-schemas";
import { PROJECT_HEALTHS, SLIP_BASELINES, type MilestoneType, type ProjectHealth } from "@/lib/domain/values";
import { createTranslator } from "@/lib/i18n/translate";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

/**
 * Random projects (milestones slipping or not, some re-baselined, investment ahead of or behind its pace)
 * in parks with random three-colour rules counting slip against the current or the original baseline:
 * the project list and its filter, the dashboard's flagged list, the project page's inputs, the API,
 * the share page and the projects export must all give the health lib/domain/health.ts computes.
 */
const TODAY = isoToday(); // the API measures on the real today, so every surface here does too
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const TYPES: MilestoneType[] = ["construction_start", "topping_out", "production", "full_capacity"];

const milestoneArb = fc
  .record({
    type: fc.constantFrom(...TYPES),
    planned: fc.option(fc.integer({ min: -900, max: 400 }), { nil: null }),
    forecast: fc.option(fc.integer({ min: -200, max: 500 }), { nil: null }),
    actual: fc.option(fc.integer({ min: -900, max: 0 }), { nil: null }),
    // A re-baseline: the first plan was this many days earlier (or later) than the current one.
    moved: fc.option(fc.integer({ min: -400, max: 200 }), { nil: null }),
  })
  .filter((m) => m.planned !== null || m.forecast !== null || m.actual !== null);
const projectArb = fc.record({
  planned: fc.integer({ min: 0, max: 1_000_000 }),
  completedShare: fc.integer({ min: 0, max: 120 }),
  reported: fc.constantFrom(...PROJECT_HEALTHS),
  milestones: fc.array(milestoneArb, { maxLength: 5 }),
});
const ruleArb = fc.option(
  fc.record({ yellow: fc.integer({ min: 0, max: 40 }), gap: fc.integer({ min: 1, max: 50 }), months: fc.integer({ min: 1, max: 36 }), baseline: fc.constantFrom(...SLIP_BASELINES) }),
  { nil: null },
);

describe.each(TEST_TARGETS)("one health model on every surface on %s", (kind) => {
  let database: TestDatabase;
  let parkNo = 0;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database.drop());

  it("gives every project the same computed health in the list, its filter, the dashboard, the project page, the API, the share page and the export", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(projectArb, { minLength: 1, maxLength: 8 }), ruleArb, async (generated, rule) => {
        const db = database.db;
        const [park] = await db.insert(parks).values({ slug: `health-${++parkNo}`, name: `健康园区${parkNo}`, province: "湖南省", city: "长沙市" }).returning();
        const parkId = park!.id;
        if (rule) await db.insert(parkHealthRules).values({ parkId, yellowBehindPp: String(rule.yellow), redBehindPp: String(Math.min(100, rule.yellow + rule.gap)), redMonthsNotStarted: rule.months, slipBaseline: rule.baseline });
        const expected = new Map<string, ProjectHealth>();
        for (const [i, g] of generated.entries()) {
          const plannedInvestment = `${g.planned * 1000}.00`;
          const completedInvestment = `${Math.floor((g.planned * g.completedShare) / 100) * 1000}.00`;
          const [row] = await db
            .insert(projects)
            .values({ parkId, code: `H-${String(i + 1).padStart(2, "0")}`, name: `项目${i}`, company: `公司${i}`, cluster: "新材料", health: g.reported, plannedInvestment, completedInvestment })
            .returning({ id: projects.id });
          const ms = g.milestones.map((m) => ({
            type: m.type,
            plannedDate: m.planned === null ? null : day(m.planned),
            originalPlannedDate: m.planned === null ? null : day(m.planned + (m.moved ?? 0)),
            forecastDate: m.forecast === null ? null : day(m.forecast),
            actualDate: m.actual === null ? null : day(m.actual),
          }));
          if (ms.length) await db.insert(milestones).values(ms.map((m) => ({ ...m, parkId, projectId: row!.id })));
          const ruleValue = rule
            ? { yellowBehindPp: rule.yellow, redBehindPp: Math.min(100, rule.yellow + rule.gap), redMonthsNotStarted: rule.months, slipBaseline: rule.baseline }
            : { yellowBehindPp: 10, redBehindPp: 30, redMonthsNotStarted: 3, slipBaseline: "current" as const };
          expected.set(row!.id, computeHealth({ plannedInvestment, completedInvestment, milestones: ms }, ruleValue, TODAY).health);
        }

        // The project list, and its filter on each value.
        const list = await listProjects(db, { parkIds: [parkId], sort: "code", dir: "asc", page: 1, pageSize: 100, today: TODAY });
        expect(new Map(list.rows.map((r) => [r.id, r.computedHealth]))).toEqual(expected);
        for (const health of PROJECT_HEALTHS) {
          const filtered = await listProjects(db, { parkIds: [parkId], sort: "code", dir: "asc", page: 1, pageSize: 100, health, today: TODAY });
          const want = [...expected].filter(([, h]) => h === health).map(([id]) => id);
          expect(new Set(filtered.rows.map((r) => r.id))).toEqual(new Set(want));
          expect(filtered.total).toBe(want.length);
        }

        // The dashboard's flagged list: its count, and each project it shows.
        const dashboard = await getParkDashboard(db, { parkId, today: TODAY });
        expect(dashboard.offPace.total).toBe([...expected.values()].filter((h) => h !== "on_track").length);
        for (const item of dashboard.offPace.items) expect(item.computed.health).toBe(expected.get(item.project.id));

        for (const [projectId, health] of expected) {
          // The project page computes from what getProjectDetail reads.
          const detail = (await getProjectDetail(db, { parkIds: [parkId], projectId }))!;
          expect(computeHealth({ ...detail.project, milestones: detail.milestones }, detail.healthRule, TODAY).health).toBe(health);
          // The API, one project and the list.
          expect((await getProjectInPark(db, { parkId, projectId }))!.computedHealth).toBe(health);
        }
        const page = await listProjectPage(db, { parkId, afterCode: null, limit: 100 });
        expect(new Map(page.rows.map((r) => [r.id, r.computedHealth]))).toEqual(expected);

        // The share page of a live link (milestones shown, as by default), one per project.
        for (const [projectId, health] of expected) {
          const status = (await getPublicProjectStatus(db, { parkId, projectId, redaction: DEFAULT_REDACTION, snapshotAt: null }))!;
          expect(status.healthSource).toBe("computed");
          expect(status.project.health).toBe(health);
        }

        // The projects export: its last column, by code.
        const t = createTranslator("en");
        const sheet = await buildExportTable(db, { parkId, table: "projects", today: TODAY, locale: "en", t });
        expect(sheet.header.at(-1)).toBe(t("ledger.col.computedHealth"));
        const codes = new Map(list.rows.map((r) => [r.code, r.id]));
        expect(new Map(sheet.rows.map((r) => [codes.get(String(r[0]))!, r.at(-1)]))).toEqual(new Map([...expected].map(([id, h]) => [id, t(`health.${h}`)])));
      }),
      { numRuns: 12 },
    );
  });
});
