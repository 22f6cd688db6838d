import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listAccountHistory } from "@/db/queries/audit";
import { savePark, setParkArchived } from "@/db/queries/organisation";
import { auditEvents, memberships, parks, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/accounts";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { ACCOUNT, plantMember } from "../support/access-matrix";
import { callAs, refusal, useDatabase, useLanguage } from "../support/action-harness";
import { ApiClient } from "../support/api-client";
import { idOf, issueToken, parkIdOf, userIdOf } from "../support/api-fixture";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { OPERATIONS } from "@/app/_lib/api/operations";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/access-matrix")).mockAuthConfigWithCredentials());
vi.mock("next-auth", async () => (await import("../support/access-matrix")).mockNextAuth());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const account = await import("@/app/_lib/actions/account");
const adminUsers = await import("@/app/_lib/actions/admin-users");
const adminPeople = await import("@/app/_lib/actions/admin-people");
const invites = await import("@/app/_lib/actions/invitations");
const projects = await import("@/app/_lib/actions/projects");
const resets = await import("@/app/_lib/actions/password-reset");

const FORBIDDEN = "You do not have access to this.";
const ARCHIVED = "This park is archived: its data is read-only.";
const ARCHIVED_ZH = "此园区已归档：数据只读。";
const PASSWORD = "a-password-long-enough";
const api = new ApiClient(OPERATIONS.map((op) => op.path));
let n = 0;
const fresh = (what: string) => `${what}-${++n}`;
const tokenOf = (path: string) => path.split("/").at(-1)!;

/**
 * Accounts across parks: changes to an account are recorded once under no park (its own history, read
 * on /admin/users/[id]) whether or not it belongs to a park; a platform admin issues password links
 * there, and staffs a new park from its admin page; writes into an archived park say why they fail.
 */
describe.each(TEST_TARGETS)("account administration on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let parkId: string;
  let platformId: string;
  let cityId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    parkId = await parkIdOf(db, "ningxiang-htz");
    platformId = await userIdOf(db, ACCOUNT.platform!);
    const [park] = await db.select({ regionId: parks.regionId }).from(parks).where(eq(parks.id, parkId));
    cityId = park!.regionId!;
  });
  afterEach(() => useLanguage("en"));
  afterAll(() => database.drop());

  /** An account that belongs to no park. */
  async function plantLoner(): Promise<string> {
    const [user] = await db.insert(users).values({ email: `${fresh("loner")}@account.example`, name: fresh("无园区用户"), passwordHash: "x" }).returning({ id: users.id });
    return user!.id;
  }
  const userRows = (userId: string) => db.select({ parkId: auditEvents.parkId, changes: auditEvents.changes }).from(auditEvents).where(and(eq(auditEvents.entity, "user"), eq(auditEvents.entityId, userId))).orderBy(asc(auditEvents.id));
  async function newPark(): Promise<string> {
    const slug = fresh("acct-park");
    return idOf(await savePark(db, { actorId: platformId }, { slug, name: fresh("账户园区"), nameEn: null, regionId: cityId, clusters: [] }), "park");
  }

  it("an account change is recorded once under no park: for an account in no park, and beside each park's copy for a member", async () => {
    const loner = await plantLoner();
    expect(await callAs(ACCOUNT.platform, adminUsers.setUserActiveAction as never, { userId: loner, active: "false" })).toMatchObject({ ok: true });
    expect(await callAs(ACCOUNT.platform, adminUsers.setUserActiveAction as never, { userId: loner, active: "true" })).toMatchObject({ ok: true });
    expect(await userRows(loner)).toEqual([
      { parkId: null, changes: { active: [true, false] } },
      { parkId: null, changes: { active: [false, true] } },
    ]);
    const history = await listAccountHistory(db, { userId: loner });
    expect(history.map((h) => [h.actorName, h.changes])).toEqual([
      ["平台管理员", { active: [false, true] }],
      ["平台管理员", { active: [true, false] }],
    ]);

    // The platform admin (in no park) changes their own name and password: both in their history.
    const [before] = await db.select({ name: users.name }).from(users).where(eq(users.id, platformId));
    expect(await callAs(ACCOUNT.platform, account.updateProfileAction as never, { name: "平台管理员甲", locale: "zh" })).toMatchObject({ ok: true });
    await db.update(users).set({ name: before!.name }).where(eq(users.id, platformId));
    expect(await callAs(ACCOUNT.platform, account.changePasswordAction as never, { currentPassword: DEMO_PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD })).toEqual({ redirected: "/signin" });
    const own = (await listAccountHistory(db, { userId: platformId })).map((h) => h.changes);
    expect(own.slice(0, 2)).toEqual([{ password: ["…", "changed by its owner"] }, { name: [before!.name, "平台管理员甲"] }]);
    expect((await userRows(platformId)).every((r) => r.parkId === null)).toBe(true);

    // A member: one row under no park, one under the park (its People page).
    const member = await plantMember(db, parkId, "viewer");
    expect(await callAs(ACCOUNT.platform, adminUsers.setUserActiveAction as never, { userId: member, active: "false" })).toMatchObject({ ok: true });
    expect((await userRows(member)).map((r) => r.parkId).sort()).toEqual([parkId, null].sort());
  });

  it("a platform admin issues a password link for any account from /admin/users; anyone else is refused", async () => {
    const loner = await plantLoner();
    for (const who of [ACCOUNT.admin, ACCOUNT.editor, ACCOUNT.viewer, ACCOUNT.regionReader]) {
      expect(refusal(await callAs(who, adminUsers.issueAccountResetAction as never, { userId: loner })).message).toBe(FORBIDDEN);
    }
    expect(refusal(await callAs(null, adminUsers.issueAccountResetAction as never, { userId: loner })).message).toBe("Please sign in.");
    expect(await listAccountHistory(db, { userId: loner })).toEqual([]);

    const issued = await callAs(ACCOUNT.platform, adminUsers.issueAccountResetAction as never, { userId: loner });
    expect(issued).toMatchObject({ ok: true, data: { id: loner, emailed: false } });
    const path = (issued as unknown as { data: { path: string } }).data.path;
    expect(path).toMatch(/^\/reset\/[A-Za-z0-9_-]{43}$/);
    const [issuedRow] = await listAccountHistory(db, { userId: loner });
    expect(issuedRow).toMatchObject({ actorName: "平台管理员", action: "issue", changes: { passwordResetLink: [null, "issued"] } });
    expect(await callAs(null, resets.resetPasswordAction as never, { token: tokenOf(path), newPassword: PASSWORD, confirmPassword: PASSWORD })).toEqual({ redirected: "/" });

    // Not one's own, not a deactivated account's, not an unknown one.
    expect(refusal(await callAs(ACCOUNT.platform, adminUsers.issueAccountResetAction as never, { userId: platformId })).message).toMatch(/Account page/);
    const gone = await plantLoner();
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone));
    expect(refusal(await callAs(ACCOUNT.platform, adminUsers.issueAccountResetAction as never, { userId: gone })).message).toMatch(/deactivated/);
    expect(refusal(await callAs(ACCOUNT.platform, adminUsers.issueAccountResetAction as never, { userId: "00000000-0000-4000-8000-000000000000" })).message).toBe("Not found.");
  });

  it("a platform admin staffs a new park from its admin page: invites its first admin, removes others, never the last admin", async () => {
    const park = await newPark();
    const email = `${fresh("first-admin")}@account.example`;
    expect(refusal(await callAs(ACCOUNT.admin, adminPeople.adminInviteMemberAction as never, { parkId: park, email, role: "admin" })).message).toBe(FORBIDDEN);
    const invited = await callAs(ACCOUNT.platform, adminPeople.adminInviteMemberAction as never, { parkId: park, email, role: "admin" });
    const path = (invited as unknown as { data: { path: string } }).data.path;
    const slug = (await db.select({ slug: parks.slug }).from(parks).where(eq(parks.id, park)))[0]!.slug;
    expect(await callAs(null, invites.acceptInvitationAction as never, { token: tokenOf(path), name: "首位管理员", newPassword: PASSWORD, confirmPassword: PASSWORD })).toEqual({
      redirected: `/parks/${slug}`,
    });
    const firstAdmin = await userIdOf(db, email);
    expect(await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.parkId, park), eq(memberships.userId, firstAdmin)))).toEqual([{ role: "admin" }]);
    expect(refusal(await callAs(ACCOUNT.platform, adminPeople.adminRemoveMemberAction as never, { parkId: park, userId: firstAdmin })).fieldErrors.userId).toMatch(/last admin/);

    const officer = await plantMember(db, park, "editor");
    expect(refusal(await callAs(ACCOUNT.admin, adminPeople.adminRemoveMemberAction as never, { parkId: park, userId: officer })).message).toBe(FORBIDDEN);
    expect(await callAs(ACCOUNT.platform, adminPeople.adminRemoveMemberAction as never, { parkId: park, userId: officer })).toMatchObject({ ok: true });
    const [removal] = await db.select({ actorId: auditEvents.actorId, changes: auditEvents.changes }).from(auditEvents)
      .where(and(eq(auditEvents.parkId, park), eq(auditEvents.entity, "membership"), eq(auditEvents.entityId, officer), eq(auditEvents.action, "delete")));
    expect(removal).toMatchObject({ actorId: platformId });
  });

  it("a write into an archived park says the park is archived: a form in either language, the API, a platform admin's invitation", async () => {
    const park = await newPark();
    const editor = await userIdOf(db, ACCOUNT.editor!);
    await db.insert(memberships).values({ userId: editor, parkId: park, role: "editor" });
    const token = await issueToken(db, ACCOUNT.editor!, { parkIds: [park], write: true });
    idOf(await setParkArchived(db, { actorId: platformId }, { parkId: park, version: 1, archived: true }), "archive");

    const form = { parkId: park, code: fresh("ARC"), name: "归档项目", company: "企业", cluster: "新材料", health: "on_track", plannedInvestment: "1亿", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0" };
    expect(refusal(await callAs(ACCOUNT.editor, projects.createProjectAction as never, form)).message).toBe(ARCHIVED);
    useLanguage("zh-CN");
    expect(refusal(await callAs(ACCOUNT.editor, projects.createProjectAction as never, form)).message).toBe(ARCHIVED_ZH);
    useLanguage("en");
    // Someone who does not read the park learns nothing about it.
    expect(refusal(await callAs(ACCOUNT.otherPark, projects.createProjectAction as never, form)).message).toBe(FORBIDDEN);

    const answer = await api.post(`/api/v1/parks/${park}/projects`, { ...form, plannedInvestment: "100000000", parkId: undefined }, { token });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ type: "urn:parkline:problem:forbidden", detail: ARCHIVED });

    expect(refusal(await callAs(ACCOUNT.platform, adminPeople.adminInviteMemberAction as never, { parkId: park, email: `${fresh("late")}@account.example`, role: "editor" })).message).toBe(ARCHIVED);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.parkId, park), isNull(auditEvents.projectId), eq(auditEvents.entity, "invitation")))).toEqual([]);
  });
});
