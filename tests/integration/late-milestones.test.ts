import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countLateMilestones, listLateMilestones } from "@/db/queries/rollups";
import { milestones, parks, projects } from "@/db/schema";
import type { Db } from "@/db/types";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

const TODAY = "2026-06-15";

/** A small deterministic spread of dates around TODAY: some before, some after, some on it. */
function dateFor(i: number): string {
  const day = new Date(Date.UTC(2026, 5, 15) + ((i * 37) % 300 - 200) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

// listLateMilestones is a prepared statement taking the first `limit` of each park through a lateral
// join: checked here against the plain definition — open (no actual date), planned before today, in the
// parks asked for, earliest first — for one park, several, a limit that cuts across parks, and the
// same statement run again with other values (a prepared statement's generic plan).
describe.each(TEST_TARGETS)("late milestones on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  const parkIds: string[] = [];
  const rows: { id: string; parkId: string; projectId: string; code: string; plannedDate: string; actualDate: string | null }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    const parkRows = await db
      .insert(parks)
      .values([0, 1, 2].map((n) => ({ slug: `late-${n}`, name: `园区${n}`, province: "测试省", city: "测试市" })))
      .returning();
    parkIds.push(...parkRows.map((p) => p.id));
    let i = 0;
    for (const [n, parkId] of parkIds.entries()) {
      // Park 0 has more late milestones than any limit below; park 2 has none at all.
      const projectCount = [14, 5, 3][n]!;
      for (let p = 0; p < projectCount; p++) {
        const code = `L${n}-${String(p).padStart(2, "0")}`;
        const [project] = await db.insert(projects).values({ parkId, code, name: `项目${code}`, company: "企业", cluster: "新材料" }).returning();
        for (let m = 0; m < 2; m++, i++) {
          const plannedDate = n === 2 ? "2026-12-01" : dateFor(i);
          const actualDate = i % 3 === 0 ? plannedDate : null;
          const [row] = await db
            .insert(milestones)
            .values({ parkId, projectId: project!.id, type: "custom", customLabel: `节点${m}`, plannedDate, actualDate })
            .returning();
          rows.push({ id: row!.id, parkId, projectId: project!.id, code, plannedDate, actualDate });
        }
      }
    }
  });
  afterAll(async () => database.drop());

  function expected(scope: string[], limit: number) {
    return rows
      .filter((r) => scope.includes(r.parkId) && r.actualDate === null && r.plannedDate < TODAY)
      .sort((a, b) => (a.plannedDate === b.plannedDate ? (a.projectId < b.projectId ? -1 : 1) : a.plannedDate < b.plannedDate ? -1 : 1))
      .slice(0, limit)
      .map((r) => ({ code: r.code, plannedDate: r.plannedDate, daysLate: daysBetween(r.plannedDate, TODAY) }));
  }

  it("lists the open milestones due before today, earliest first, only in the parks asked for", async () => {
    // The fixture is what makes the cases below mean something: a park with more late than a limit
    // cuts, one with a few, one with none (its milestones are all due later).
    expect(expected([parkIds[0]!], Infinity).length).toBeGreaterThan(4);
    expect(expected([parkIds[1]!], Infinity).length).toBeGreaterThan(0);
    expect(expected([parkIds[2]!], Infinity)).toEqual([]);
    const cases: [string[], number][] = [
      [[parkIds[0]!], 20],
      [[parkIds[0]!], 3],
      [[parkIds[1]!], 20],
      [[parkIds[2]!], 20],
      [parkIds, 20],
      [parkIds, 4],
      [[parkIds[1]!, parkIds[2]!], 2],
      [[parkIds[0]!], 20],
    ];
    // Enough calls that PostgreSQL switches the prepared statement to its generic plan partway.
    for (const [scope, limit] of [...cases, ...cases]) {
      const got = await listLateMilestones(db, { parkIds: scope, today: TODAY, limit });
      const want = expected(scope, limit);
      expect(got.map((r) => ({ code: r.code, plannedDate: r.plannedDate, daysLate: r.daysLate }))).toEqual(want);
    }
  });

  it("counts the same milestones the list draws from", async () => {
    for (const scope of [[parkIds[0]!], [parkIds[1]!], [parkIds[2]!], parkIds]) {
      expect(await countLateMilestones(db, { parkIds: scope, today: TODAY })).toBe(expected(scope, Infinity).length);
    }
  });

  it("answers an empty scope with nothing, without a query", async () => {
    expect(await listLateMilestones(db, { parkIds: [], today: TODAY })).toEqual([]);
  });
});
