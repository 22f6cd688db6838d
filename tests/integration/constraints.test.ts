import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capacities, milestones, parks, progressEntries, projects, users } from "@/db/schema";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

/** The database itself refuses impossible data, whatever the application code does. */
describe.each(TEST_TARGETS)("schema constraints on %s", (kind) => {
  let database: TestDatabase;
  let parkId: string;
  let projectId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [park] = await database.db
      .insert(parks)
      .values({ slug: "test-park", name: "测试园区", province: "湖南省", city: "长沙市" })
      .returning();
    parkId = park!.id;
    const [project] = await database.db
      .insert(projects)
      .values({ parkId, code: "T-1", name: "测试项目", company: "测试企业", cluster: "新材料", plannedInvestment: "5000000000" })
      .returning();
    projectId = project!.id;
  });
  afterAll(async () => database.drop());

  const refuses = async (write: () => Promise<unknown>) => {
    await expect(write()).rejects.toThrow();
  };

  it("keeps money exact to the fen", async () => {
    await database.db.update(projects).set({ completedInvestment: "123456789012345.67" }).where(eq(projects.id, projectId));
    const [row] = await database.db.select().from(projects).where(eq(projects.id, projectId));
    expect(row!.completedInvestment).toBe("123456789012345.67");
  });

  it("refuses negative investment", () =>
    refuses(() => database.db.update(projects).set({ plannedInvestment: "-1" }).where(eq(projects.id, projectId))));

  it("refuses a duplicate project code in the same park", () =>
    refuses(() => database.db.insert(projects).values({ parkId, code: "T-1", name: "重复", company: "企业", cluster: "新材料" })));

  it("refuses a blank project name", () =>
    refuses(() => database.db.insert(projects).values({ parkId, code: "T-2", name: "  ", company: "企业", cluster: "新材料" })));

  it("refuses a project in a park that does not exist", () =>
    refuses(() =>
      database.db
        .insert(projects)
        .values({ parkId: "00000000-0000-4000-8000-000000000000", code: "T-3", name: "孤儿", company: "企业", cluster: "新材料" }),
    ));

  it("refuses negative capacity and a line capacity without its phase", async () => {
    await refuses(() =>
      database.db.insert(capacities).values({ parkId, projectId, product: "膜", unit: "m2", period: "year", designed: "-5" }),
    );
    await refuses(() =>
      database.db.insert(capacities).values({
        parkId,
        projectId,
        lineId: "00000000-0000-4000-8000-000000000000",
        product: "膜",
        unit: "m2",
        period: "year",
        designed: "5",
      }),
    );
  });

  it("refuses a custom milestone without a label and a milestone without any date", async () => {
    await refuses(() => database.db.insert(milestones).values({ parkId, projectId, type: "custom", plannedDate: "2026-01-01" }));
    await refuses(() => database.db.insert(milestones).values({ parkId, projectId, type: "construction_start" }));
    await refuses(() =>
      database.db.insert(milestones).values({ parkId, projectId, type: "signed", customLabel: "x", plannedDate: "2026-01-01" }),
    );
  });

  it("refuses a progress period that is not the first of a month, and a non-http source link", async () => {
    await refuses(() => database.db.insert(progressEntries).values({ parkId, projectId, period: "2026-03-15", narrative: "x" }));
    await refuses(() =>
      database.db
        .insert(progressEntries)
        .values({ parkId, projectId, period: "2026-03-01", narrative: "x", sourceUrl: "javascript:alert(1)" }),
    );
  });

  it("refuses an email that is not lower-cased", () =>
    refuses(() => database.db.insert(users).values({ email: "Someone@Example.com", name: "x", passwordHash: "x" })));
});
