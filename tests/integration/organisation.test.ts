import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as organisation from "@/app/_lib/actions/organisation";
import { createProjectAction } from "@/app/_lib/actions/projects";
import { listedParkIdsOf, type Viewer } from "@/app/_lib/auth/viewer";
import { createSession, getParkPageGate, getSessionViewer } from "@/db/queries/accounts";
import { authenticateApiToken } from "@/db/queries/api-tokens";
import { auditEvents, parks, regionMemberships, regions } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { callAs, refusal, snapshotTables, useDatabase, viewerByEmail, type ActionOutcome } from "../support/action-harness";
import { issueToken, parkIdOf, userIdOf } from "../support/api-fixture";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const PLATFORM = "platform@parkline.demo";
const READER = "reader@zhejiang.demo";
const PARK_ADMIN = "admin@ningxiang.demo";
const OFFICER = "officer@ningbo.demo";

const idOf = (outcome: ActionOutcome) => {
  if ("redirected" in outcome || !outcome.ok || !outcome.data) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.data.id;
};

/** The viewer's effective parks as the session query gives them, by slug → role. */
async function rolesOf(db: Db, email: string) {
  const sid = await createSession(db, { userId: await userIdOf(db, email) });
  const viewer = await getSessionViewer(db, { sessionId: sid });
  return Object.fromEntries(viewer!.memberships.map((m) => [m.slug, m.archived ? `${m.role} (archived)` : m.role]));
}

describe.each(TEST_TARGETS)("organisation on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
  }, 240_000); // seeding under a shared, loaded CPU
  afterAll(() => database.drop());

  it("seeds every park into a city of a province, and the Zhejiang reader reads exactly Zhejiang's parks", async () => {
    const rows = await db.select({ slug: parks.slug, regionId: parks.regionId }).from(parks).orderBy(asc(parks.slug));
    expect(rows.every((r) => r.regionId !== null)).toBe(true);
    expect(await rolesOf(db, READER)).toEqual({ "qianwan-new-area": "viewer", yinzhou: "viewer" });
    // The platform admin has no park by being one.
    expect(await rolesOf(db, PLATFORM)).toEqual({});
  });

  it("lets a platform admin create a province, a city and a park in it, audited, and refuses a taken or malformed slug", async () => {
    const province = idOf(await callAs(PLATFORM, organisation.saveRegionAction, { parentId: "", name: "江苏省", nameEn: "Jiangsu" }));
    const city = idOf(await callAs(PLATFORM, organisation.saveRegionAction, { parentId: province, name: "苏州市", nameEn: "Suzhou" }));
    // A city under a city is refused: only two levels.
    expect(refusal(await callAs(PLATFORM, organisation.saveRegionAction, { parentId: city, name: "工业园区" })).fieldErrors.parentId).toBe("Choose a province.");
    expect(refusal(await callAs(PLATFORM, organisation.saveRegionAction, { parentId: province, name: "苏州市" })).fieldErrors.name).toBe("A region of that name already exists here.");

    const parkId = idOf(
      await callAs(PLATFORM, organisation.saveParkAction, { slug: "suzhou-sip", name: "苏州工业园区", nameEn: "Suzhou Industrial Park", regionId: city, clusters: "纳米技术 | Nanotech\n生物医药" }),
    );
    const [park] = await db.select().from(parks).where(eq(parks.id, parkId));
    expect(park).toMatchObject({ province: "江苏省", provinceEn: "Jiangsu", city: "苏州市", cityEn: "Suzhou", regionId: city });
    expect(park!.clusters).toEqual([{ name: "纳米技术", nameEn: "Nanotech" }, { name: "生物医药", nameEn: null }]);

    const taken = refusal(await callAs(PLATFORM, organisation.saveParkAction, { slug: "ningxiang-htz", name: "重名", regionId: city }));
    expect(taken.fieldErrors.slug).toBe("Another park already uses this address. Choose another.");
    const malformed = refusal(await callAs(PLATFORM, organisation.saveParkAction, { slug: "Bad Slug!", name: "坏", regionId: city }));
    expect(malformed.fieldErrors.slug).toMatch(/lower-case letters/);
    // A province is no place for a park.
    expect(refusal(await callAs(PLATFORM, organisation.saveParkAction, { slug: "in-a-province", name: "省", regionId: province })).fieldErrors.regionId).toBe("Choose the city the park is in.");

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, parkId));
    expect(audit).toEqual([expect.objectContaining({ parkId, entity: "park", action: "create", actorId: await userIdOf(db, PLATFORM) })]);
    expect((audit[0]!.changes as Record<string, unknown>).slug).toEqual([null, "suzhou-sip"]);
    const regionAudit = await db.select().from(auditEvents).where(and(isNull(auditEvents.parkId), eq(auditEvents.entityId, city)));
    expect(regionAudit.map((e) => e.action)).toEqual(["create"]);
  });

  it("refuses a park admin and the signed-out on every organisation action, writing nothing", async () => {
    const [city] = await db.select({ id: regions.id }).from(regions).where(eq(regions.name, "长沙市"));
    const before = await snapshotTables(db);
    for (const email of [PARK_ADMIN, READER, null]) {
      const message = email ? "You do not have access to this." : "Please sign in.";
      expect(refusal(await callAs(email, organisation.saveRegionAction, { name: "偷偷省" })).message).toBe(message);
      expect(refusal(await callAs(email, organisation.saveParkAction, { slug: "sneaky", name: "偷偷", regionId: city!.id })).message).toBe(message);
    }
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("renames a region's parks with it, and records old → new", async () => {
    const [city] = await db.select().from(regions).where(eq(regions.name, "宁波市"));
    idOf(await callAs(PLATFORM, organisation.saveRegionAction, { regionId: city!.id, version: city!.version, name: "宁波市", nameEn: "Ningbo City" }));
    const rows = await db.select({ cityEn: parks.cityEn }).from(parks).where(eq(parks.regionId, city!.id));
    expect(rows.map((r) => r.cityEn)).toEqual(["Ningbo City", "Ningbo City"]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, city!.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event!.changes).toEqual({ nameEn: ["Ningbo", "Ningbo City"] });
    // The version read is checked: the same stale form again is a conflict, not a silent overwrite.
    expect(refusal(await callAs(PLATFORM, organisation.saveRegionAction, { regionId: city!.id, version: city!.version, name: "宁波" })).conflict?.length).toBe(1);
  });

  it("gives a city's reader that city's parks only, a province's reader all of its cities', as viewer; removal takes them away", async () => {
    const [changsha] = await db.select().from(regions).where(eq(regions.name, "长沙市"));
    idOf(await callAs(PLATFORM, organisation.addRegionReaderAction, { regionId: changsha!.id, email: OFFICER }));
    expect(await rolesOf(db, OFFICER)).toEqual({ "ningxiang-htz": "viewer", "qianwan-new-area": "editor", yinzhou: "editor" });
    expect(refusal(await callAs(PLATFORM, organisation.addRegionReaderAction, { regionId: changsha!.id, email: OFFICER })).fieldErrors.email).toBe("This person already reads this region.");
    expect(refusal(await callAs(PLATFORM, organisation.addRegionReaderAction, { regionId: changsha!.id, email: "nobody@example.com" })).fieldErrors.email).toMatch(/No account/);

    // The page cache's gate and the API token see the same role.
    const sid = await createSession(db, { userId: await userIdOf(db, OFFICER) });
    expect(await getParkPageGate(db, { sessionId: sid, slug: "ningxiang-htz" })).toMatchObject({ role: "viewer" });
    const ningxiang = await parkIdOf(db, "ningxiang-htz");
    const token = await issueToken(db, OFFICER, { parkIds: [ningxiang], write: true });
    expect((await authenticateApiToken(db, token))!.parks).toEqual([{ parkId: ningxiang, role: "viewer", archived: false }]);

    // A region reader writes nothing: the park's own write actions refuse them.
    const write = await callAs(OFFICER, createProjectAction, {
      parkId: ningxiang, code: "RR-1", name: "读者项目", company: "企业", cluster: "新材料", health: "on_track",
      plannedInvestment: "1亿", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
    });
    expect(refusal(write).message).toBe("You do not have access to this.");

    const officerId = await userIdOf(db, OFFICER);
    idOf(await callAs(PLATFORM, organisation.removeRegionReaderAction, { regionId: changsha!.id, userId: officerId }));
    expect(await rolesOf(db, OFFICER)).toEqual({ "qianwan-new-area": "editor", yinzhou: "editor" });
    expect(await getParkPageGate(db, { sessionId: sid, slug: "ningxiang-htz" })).toMatchObject({ role: null, dataVersion: 0 });
    expect((await authenticateApiToken(db, token))!.parks).toEqual([]);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entity, "region_membership"), eq(auditEvents.entityId, changsha!.id))).orderBy(asc(auditEvents.id));
    expect(events.map((e) => [e.action, e.changes])).toEqual([
      ["create", { user: [null, OFFICER], role: [null, "viewer"] }],
      ["delete", { user: [OFFICER, null], role: ["viewer", null] }],
    ]);
    expect(await db.select().from(regionMemberships).where(eq(regionMemberships.userId, officerId))).toEqual([]);
  });

  it("archives a park: read-only for its admin, out of lists and the API park list, data kept; un-archiving restores it", async () => {
    const parkId = await parkIdOf(db, "ningxiang-htz");
    const [park] = await db.select({ version: parks.version }).from(parks).where(eq(parks.id, parkId));
    idOf(await callAs(PLATFORM, organisation.setParkArchivedAction, { parkId, version: park!.version, archived: "1" }));
    expect(await rolesOf(db, PARK_ADMIN)).toEqual({ "ningxiang-htz": "viewer (archived)" });
    const admin = (await viewerByEmail(db, PARK_ADMIN)) as Viewer;
    expect(listedParkIdsOf(admin)).toEqual([]);
    const write = await callAs(PARK_ADMIN, createProjectAction, {
      parkId, code: "AR-1", name: "归档后", company: "企业", cluster: "新材料", health: "on_track",
      plannedInvestment: "1亿", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
    });
    // The archived park says why the write is refused (its admin may read it, so nothing is revealed).
    expect(refusal(write).message).toBe("This park is archived: its data is read-only.");
    const token = await issueToken(db, PARK_ADMIN, { parkIds: [parkId], write: true });
    expect((await authenticateApiToken(db, token))!.parks).toEqual([{ parkId, role: "viewer", archived: true }]);

    idOf(await callAs(PLATFORM, organisation.setParkArchivedAction, { parkId, version: park!.version + 1, archived: "0" }));
    expect(await rolesOf(db, PARK_ADMIN)).toEqual({ "ningxiang-htz": "admin" });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entity, "park"), eq(auditEvents.entityId, parkId))).orderBy(asc(auditEvents.id));
    expect(events.map((e) => Object.keys(e.changes as object))).toEqual([["archivedAt"], ["archivedAt"]]);
    expect((events[0]!.changes as Record<string, [unknown, unknown]>).archivedAt![0]).toBeNull();
  });
});
