import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listDueDateHistory } from "@/db/queries/duban";
import { listNotifications } from "@/db/queries/notifications";
import { raiseProblem } from "@/db/queries/progress-writes";
import { memberships, parks, problems, projects, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { callAs, refusal, useDatabase } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/access-matrix")).mockAuthConfigWithCredentials());
vi.mock("next-auth", async () => (await import("../support/access-matrix")).mockNextAuth());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const { updateProblemAction } = await import("@/app/_lib/actions/duban");

let n = 0;
const kindsFor = async (db: Db, userId: string) => (await listNotifications(db, { userId })).map((x) => x.kind);

describe.each(TEST_TARGETS)("督办 on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
  }, 120_000);
  afterAll(() => database.drop());

  /** A park with an admin, an editor who raises problems, a second editor, and a viewer who will own one. */
  async function plant() {
    const slug = `duban-${++n}`;
    const [park] = await db.insert(parks).values({ slug, name: `督办园区${n}`, province: "湖南省", city: "长沙市" }).returning();
    const person = async (role: "admin" | "editor" | "viewer") => {
      const email = `${role}-${slug}@duban.example`;
      const [user] = await db.insert(users).values({ email, name: `${role}${n}`, passwordHash: "x", locale: "en" }).returning();
      await db.insert(memberships).values({ userId: user!.id, parkId: park!.id, role });
      return { id: user!.id, email };
    };
    const admin = await person("admin");
    const raiser = await person("editor");
    const viewerOwner = await person("viewer");
    const [project] = await db.insert(projects).values({ parkId: park!.id, code: "D-1", name: "督办项目", company: "企业", cluster: "新材料" }).returning();
    const raised = await raiseProblem(db, { parkId: park!.id, actorId: raiser.id }, { projectId: project!.id, description: "用地指标未落实", owner: "区自然资源局", dueDate: "2026-03-31" });
    if (!raised.ok) throw new Error("raise refused");
    return { park: park!, admin, raiser, viewerOwner, problemId: raised.value.id };
  }

  const form = (p: Awaited<ReturnType<typeof plant>>, over: Record<string, string>) => ({
    parkId: p.park.id, problemId: p.problemId, step: "none", ownerUserId: "", ownerUnit: "区自然资源局", dueDate: "2026-03-31", escalation: "park", note: "", ...over,
  });

  it("assigns to a member, who works it and reports it resolved; only the raiser closes it; each step notifies who acts next", async () => {
    const p = await plant();
    // The admin assigns it to a member (a viewer of the park): the new owner is notified.
    expect(await callAs(p.admin.email, updateProblemAction, form(p, { ownerUserId: p.viewerOwner.id, ownerUnit: "" }))).toMatchObject({ ok: true });
    expect(await kindsFor(db, p.viewerOwner.id)).toEqual(["problem_assigned"]);
    // The owner (a viewer) starts and resolves it, but cannot change its due date, nor close it.
    const asOwner = { ownerUserId: p.viewerOwner.id, ownerUnit: "" };
    expect(refusal(await callAs(p.viewerOwner.email, updateProblemAction, form(p, { ...asOwner, dueDate: "2026-12-31" }))).fieldErrors.step).toBe("Only the problem's owner or the park's editors can do this.");
    expect(await callAs(p.viewerOwner.email, updateProblemAction, form(p, { ...asOwner, step: "start" }))).toMatchObject({ ok: true });
    expect(refusal(await callAs(p.viewerOwner.email, updateProblemAction, form(p, { ...asOwner, step: "close" }))).fieldErrors.step).toBe("This step is not possible from where the problem stands.");
    expect(await callAs(p.viewerOwner.email, updateProblemAction, form(p, { ...asOwner, step: "resolve", note: "已协调落实" }))).toMatchObject({ ok: true });
    // The raiser is told to check and close it; the admin (not the raiser) cannot close it.
    expect(await kindsFor(db, p.raiser.id)).toEqual(["problem_resolved"]);
    expect(refusal(await callAs(p.admin.email, updateProblemAction, form(p, { ...asOwner, step: "close" }))).fieldErrors.step).toBe("Only the person who raised the problem can close it.");
    // Sent back, then resolved again and closed by the raiser.
    expect(await callAs(p.raiser.email, updateProblemAction, form(p, { ...asOwner, step: "reopen" }))).toMatchObject({ ok: true });
    expect((await kindsFor(db, p.viewerOwner.id)).filter((k) => k === "problem_assigned")).toHaveLength(2);
    expect(await callAs(p.viewerOwner.email, updateProblemAction, form(p, { ...asOwner, step: "resolve" }))).toMatchObject({ ok: true });
    expect(await callAs(p.raiser.email, updateProblemAction, form(p, { ...asOwner, step: "close" }))).toMatchObject({ ok: true });
    const [row] = await db.select().from(problems).where(eq(problems.id, p.problemId));
    expect(row).toMatchObject({ status: "closed", ownerUserId: p.viewerOwner.id });
    expect(row!.closedAt).not.toBeNull();
    expect(refusal(await callAs(p.raiser.email, updateProblemAction, form(p, { ...asOwner, note: "再补充" }))).fieldErrors.step).toBeTruthy();
  });

  it("keeps the due dates' history, escalates 园区 → 区/市 → 省 telling the park's admins, and reassigns to an outside unit", async () => {
    const p = await plant();
    await callAs(p.raiser.email, updateProblemAction, form(p, { dueDate: "2026-04-30" }));
    await callAs(p.raiser.email, updateProblemAction, form(p, { dueDate: "2026-05-31", escalation: "district_city" }));
    await callAs(p.raiser.email, updateProblemAction, form(p, { dueDate: "2026-05-31", escalation: "province" }));
    const history = await listDueDateHistory(db, { parkId: p.park.id, problemIds: [p.problemId] });
    // From the date it was raised with, each change in order.
    expect(history.map((h) => h.change)).toEqual([[null, "2026-03-31"], ["2026-03-31", "2026-04-30"], ["2026-04-30", "2026-05-31"]]);
    expect((await kindsFor(db, p.admin.id)).filter((k) => k === "problem_escalated")).toHaveLength(2);
    // Reassigned to an outside unit by name: no account to notify, the name is kept.
    await callAs(p.raiser.email, updateProblemAction, form(p, { ownerUnit: "省发改委", dueDate: "2026-05-31", escalation: "province" }));
    const [row] = await db.select({ owner: problems.owner, ownerUserId: problems.ownerUserId, escalation: problems.escalation }).from(problems).where(eq(problems.id, p.problemId));
    expect(row).toEqual({ owner: "省发改委", ownerUserId: null, escalation: "province" });
    expect(refusal(await callAs(p.raiser.email, updateProblemAction, form(p, { ownerUnit: "" }))).fieldErrors.ownerUnit).toBe("Choose a member or name a unit.");
  });

  it("refuses other parks, a viewer who neither owns nor raised it, and an owner from outside the park", async () => {
    const p = await plant();
    expect(refusal(await callAs("admin@ningxiang.demo", updateProblemAction, form(p, { step: "start" }))).message).toBe("You do not have access to this.");
    expect(refusal(await callAs(p.viewerOwner.email, updateProblemAction, form(p, { step: "start" }))).message).toBe("You do not have access to this.");
    expect(refusal(await callAs(null, updateProblemAction, form(p, { step: "start" }))).message).toBe("Please sign in.");
    const [outsider] = await db.select({ id: users.id }).from(users).where(eq(users.email, "editor@ningxiang.demo"));
    expect(refusal(await callAs(p.raiser.email, updateProblemAction, form(p, { ownerUserId: outsider!.id, ownerUnit: "" }))).fieldErrors.ownerUserId).toBe("Choose a member of this park.");
    const [row] = await db.select({ stage: problems.stage, owner: problems.owner }).from(problems).where(and(eq(problems.id, p.problemId)));
    expect(row).toEqual({ stage: "open", owner: "区自然资源局" });
  });
});
