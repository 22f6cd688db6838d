import { and, eq, isNull, ne } from "drizzle-orm";
import type { Operation } from "@/app/_lib/api/operation";
import { getUserByEmail, listEffectiveMemberships } from "@/db/queries/accounts";
import { createApiToken } from "@/db/queries/api-tokens";
import { logProgress } from "@/db/queries/progress-writes";
import { createProject, saveCapacity, saveLine, saveMilestone, savePhase, type Actor } from "@/db/queries/project-writes";
import { apiTokens, milestones, parks, phases, projects } from "@/db/schema";
import type { Db } from "@/db/types";

/**
 * Fixtures of the /api/v1 tests: a project with a phase, a line, a capacity, a milestone and an entry
 * in a park (through the data layer, not the API), tokens, and one valid request per operation.
 */

export interface ParkResources {
  parkId: string;
  projectId: string;
  projectCode: string;
  phaseId: string;
  lineId: string;
  capacityId: string;
  milestoneId: string;
}

let sequence = 0;
export const uniqueCode = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

let monthSequence = 0;
/** A month no other valid request of this process named: 1950-01, 1950-02 … (past, so always loggable). */
export function freshMonth(): string {
  const n = monthSequence++;
  return `${1950 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

export function idOf(outcome: { ok: boolean; value?: { id: string } }, what: string): string {
  if (!outcome.ok || !outcome.value) throw new Error(`test fixture: ${what} refused: ${JSON.stringify(outcome)}`);
  return outcome.value.id;
}

export async function parkIdOf(db: Db, slug: string): Promise<string> {
  const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, slug));
  if (!park) throw new Error(`test fixture: no park ${slug}`);
  return park.id;
}

export async function userIdOf(db: Db, email: string): Promise<string> {
  const user = await getUserByEmail(db, { email });
  if (!user) throw new Error(`api fixture: no user ${email}`);
  return user.id;
}

/** A project and its structure in the park, written as `editorEmail`. */
export async function plantResources(db: Db, { parkSlug, editorEmail }: { parkSlug: string; editorEmail: string }): Promise<ParkResources> {
  const parkId = await parkIdOf(db, parkSlug);
  const actor: Actor = { parkId, actorId: await userIdOf(db, editorEmail) };
  const projectCode = uniqueCode("API");
  const projectId = idOf(
    await createProject(db, actor, {
      code: projectCode, name: "接口测试项目", nameEn: null, company: "接口企业", companyEn: null, cluster: "新材料", clusterEn: null,
      responsibleUnit: "招商局", leaderInCharge: null, health: "on_track",
      plannedInvestment: "1000000000", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
    }),
    "project",
  );
  const phaseId = idOf(await savePhase(db, actor, { projectId, name: "一期", nameEn: null }), "phase");
  const lineId = idOf(await saveLine(db, actor, { projectId, phaseId, name: "1号线", nameEn: null }), "line");
  const capacityId = idOf(
    await saveCapacity(db, actor, { projectId, lineId, product: "正极材料", productEn: null, unit: "t", period: "year", designed: "10000", online: "0" }),
    "capacity",
  );
  const milestoneId = idOf(
    await saveMilestone(db, actor, {
      projectId, type: "production", customLabel: null, plannedDate: "2027-06-30", forecastDate: null, actualDate: null, rebaselineReason: null,
    }),
    "milestone",
  );
  idOf(
    await logProgress(db, actor, {
      projectId, period: "2025-01-01", narrative: "土建施工中", narrativeEn: null, investmentCompleted: "1000000", outputValue: null,
      sourceUrl: null, sourceRef: null, reached: {}, online: {}, problemDescription: null, problemOwner: null, problemDueDate: null,
    }),
    "progress entry",
  );
  return { parkId, projectId, projectCode, phaseId, lineId, capacityId, milestoneId };
}

/** A live token of `email` for the given parks, read-only unless `write`. */
export async function issueToken(db: Db, email: string, { parkIds, write = false, expiresAt = null }: { parkIds: string[]; write?: boolean; expiresAt?: Date | null }) {
  const outcome = await createApiToken(db, { userId: await userIdOf(db, email) }, { label: uniqueCode("test token"), parkIds, canWrite: write, expiresAt });
  if (!outcome.ok) throw new Error(`api fixture: token refused: ${JSON.stringify(outcome)}`);
  return outcome.value.token;
}

export interface ApiRequest {
  method: Operation["method"];
  path: string;
  json?: unknown;
  headers?: Record<string, string>;
}

async function versionOf(db: Db, table: typeof projects | typeof phases | typeof milestones, id: string): Promise<string> {
  const [row] = await db.select({ version: table.version }).from(table).where(eq(table.id, id));
  return `"${row?.version ?? 0}"`;
}

type Builder = (db: Db, r: ParkResources) => Promise<Omit<ApiRequest, "method" | "path"> & { query?: string }> | (Omit<ApiRequest, "method" | "path"> & { query?: string });

/** A request each operation accepts from the park's own editor (writes change something). */
const BUILDERS: Record<string, Builder> = {
  listParks: () => ({}),
  getPark: () => ({}),
  getParkRollup: () => ({}),
  listProjects: () => ({ query: "?limit=5" }),
  createProject: () => ({
    json: {
      code: uniqueCode("NEW"), name: "新建项目", nameEn: "New project", company: "新企业", companyEn: null, cluster: "智能装备制造", clusterEn: null,
      responsibleUnit: null, leaderInCharge: null, health: "on_track",
      plannedInvestment: "5000000000", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
    },
  }),
  getProject: () => ({}),
  updateProject: async (db, r) => ({ json: { name: uniqueCode("改名") }, headers: { "if-match": await versionOf(db, projects, r.projectId) } }),
  listPhases: () => ({}),
  createPhase: () => ({ json: { name: uniqueCode("期"), nameEn: "Phase" } }),
  getPhase: () => ({}),
  updatePhase: async (db, r) => ({ json: { name: uniqueCode("期") }, headers: { "if-match": await versionOf(db, phases, r.phaseId) } }),
  listLines: () => ({}),
  createLine: (_db, r) => ({ json: { phaseId: r.phaseId, name: uniqueCode("线"), nameEn: null } }),
  listCapacities: () => ({}),
  listMilestones: () => ({}),
  createMilestone: () => ({ json: { type: "topping_out", plannedDate: "2027-01-31" } }),
  getMilestone: () => ({}),
  updateMilestone: async (db, r) => ({
    json: { forecastDate: `2027-${String(1 + (++sequence % 12)).padStart(2, "0")}-15` },
    headers: { "if-match": await versionOf(db, milestones, r.milestoneId) },
  }),
  listProgress: () => ({ query: "?limit=10" }),
  // A month of its own each time: a project takes one entry per month (another is a correction).
  logProgress: (_db, r) => ({ json: { period: freshMonth(), narrative: "设备调试", investmentCompleted: "100万", online: { [r.capacityId]: "5000" } } }),
};

export const BUILDER_IDS = Object.keys(BUILDERS);

/** The operation's path with the park's resources in it, and a body and headers it accepts. */
export async function validRequest(db: Db, op: Operation, r: ParkResources): Promise<ApiRequest> {
  const builder = BUILDERS[op.operationId];
  if (!builder) throw new Error(`api fixture: no request for ${op.operationId}`);
  const { query = "", ...rest } = await builder(db, r);
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(r[name as keyof ParkResources])));
  return { method: op.method, path: `${path}${query}`, ...rest };
}

const FIXTURE_LABEL = "api-fixture";
const tokensByUser = new WeakMap<Db, Map<string, string>>();

/**
 * One read-and-write token per user and database, for all the user's parks: what the access matrix
 * sends as each role. Its label sets it apart from tokens the token actions under test create.
 */
export async function tokenForUser(db: Db, email: string): Promise<string> {
  const cache = tokensByUser.get(db) ?? new Map<string, string>();
  tokensByUser.set(db, cache);
  const cached = cache.get(email);
  if (cached) return cached;
  const userId = await userIdOf(db, email);
  // Every park the user reads now: memberships and region roles alike.
  const parkIds = (await listEffectiveMemberships(db, { userId })).map((m) => m.parkId);
  const outcome = await createApiToken(db, { userId }, { label: FIXTURE_LABEL, parkIds, canWrite: true, expiresAt: null });
  if (!outcome.ok) throw new Error(`api fixture: token refused: ${JSON.stringify(outcome)}`);
  cache.set(email, outcome.value.token);
  return outcome.value.token;
}

/** Revokes the user's tokens other than the fixture's, so a test creating many stays under the limit. */
export async function revokeTestTokens(db: Db, email: string) {
  const userId = await userIdOf(db, email);
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), ne(apiTokens.label, FIXTURE_LABEL)));
}
