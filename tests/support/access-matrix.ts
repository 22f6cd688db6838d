import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { checkCredentials } from "@/app/_lib/auth/credentials";
import { createSession } from "@/db/queries/accounts";
import { visiblePrefix } from "@/db/queries/api-tokens";
import { saveTarget } from "@/db/queries/park-settings";
import { raiseProblem } from "@/db/queries/progress-writes";
import type { Actor } from "@/db/queries/project-writes";
import { createShareLink } from "@/db/queries/share-links";
import { DEFAULT_REDACTION } from "@/lib/domain/share-schemas";
import { apiTokens, invitations, memberships, notificationDeliveries, notifications, parkHealthRules, parks, projects, regions, users } from "@/db/schema";
import { unsubscribeToken } from "@/app/_lib/notify/render";
import { savePark, saveRegion } from "@/db/queries/organisation";
import { addRegionReader } from "@/db/queries/region-roles";
import { issuePasswordReset } from "@/db/queries/password-resets";
import { createInvitation } from "@/db/queries/people";
import { DEMO_PASSWORD } from "@/db/seed/accounts";
import type { Db } from "@/db/types";
import { mockDbClient, type FormValues } from "./action-harness";
import { freshMonth, idOf, issueToken, parkIdOf, plantResources, revokeTestTokens, userIdOf, type ApiRequest } from "./api-fixture";
import { API_ROUTE_ROWS } from "./api-matrix";

/**
 * Who may call what: every server action and route handler × five kinds of caller, as one table.
 * tests/integration/access-matrix.test.ts walks every cell against the real handlers and fails when
 * a handler exists that has no row here. tests/integration/hostile-inputs.test.ts reuses the forms.
 */

import { cells, ROLES, type Cell, type Cells, type Role } from "./matrix-cells";

export { cells, ROLES, type Cell, type Cells, type Role };

/**
 * The demo account behind each role; "otherPark" is the Ningbo officer, editor of two other parks.
 * "platform" is the platform admin, who the fixture also makes a viewer of another park (Qianwan): it
 * has no rights in Ningxiang from being a platform admin. "regionReader" reads Zhejiang (seed) and, by
 * the fixture, Hunan: Ningxiang by region role alone, no membership.
 */
export const ACCOUNT: Record<Role, string | null> = {
  admin: "admin@ningxiang.demo",
  editor: "editor@ningxiang.demo",
  viewer: "viewer@ningxiang.demo",
  otherPark: "officer@ningbo.demo",
  signedOut: null,
  platform: "platform@parkline.demo",
  regionReader: "reader@zhejiang.demo",
};

/** The park every row acts on. */
export const PARK_SLUG = "ningxiang-htz";

/** Ningxiang's private data the matrix plants: no response to a non-member may contain it. */
export const CANARY = "CANARY-matrix-5b1e0d";

export interface MatrixContext {
  db: Db;
  parkId: string;
  otherParkId: string;
  /** A Ningxiang project with a phase, a line, a capacity, a milestone and an open problem (CANARY). */
  projectId: string;
  projectCode: string;
  phaseId: string;
  lineId: string;
  capacityId: string;
  milestoneId: string;
  /** The open problem whose description is the CANARY. */
  problemId: string;
  /** A live park-wide share link of Ningxiang (problems hidden, the default). */
  shareToken: string;
  editor: Actor;
  /** Each demo account's current password (changePasswordAction changes it). */
  passwords: Map<string, string>;
  platformAdminId: string;
  /** Hunan (Ningxiang's province) and Changsha (its city). */
  provinceId: string;
  cityId: string;
  /** Ningxiang's admin, who issues the invitations the people rows use. */
  parkAdmin: { parkId: string; actorId: string };
  /** A park none of the five roles belongs to: joinParkAction's invitations lead there. */
  thirdParkId: string;
}

/** A new account, member of Ningxiang with `role`: the target of the people rows (never the caller). */
export async function plantMember(db: Db, parkId: string, role: "viewer" | "editor" | "admin" = "viewer"): Promise<string> {
  const [user] = await db.insert(users).values({ email: `${unique("member")}@matrix.example`, name: unique("成员"), passwordHash: "x" }).returning({ id: users.id });
  await db.insert(memberships).values({ userId: user!.id, parkId, role });
  return user!.id;
}

/** An open invitation into a park, made through the data layer; returns its token. */
export async function plantInvitation(db: Db, actor: { parkId: string; actorId: string }, email: string, role: "viewer" | "editor" | "admin" = "viewer"): Promise<string> {
  const outcome = await createInvitation(db, actor, { email, role });
  if (!outcome.ok) throw new Error(`access-matrix fixture: invitation refused (${JSON.stringify(outcome)})`);
  return outcome.value.token;
}

/** AUTH_SECRET for the matrix: its session cookies are made with next-auth's own encode. */
export const MATRIX_AUTH_SECRET = "access-matrix-secret-of-at-least-32-chars";
const SESSION_COOKIE = "authjs.session-token";

/**
 * A new live session of the account, as its cookie (null when signed out), for the routes that read
 * the cookie themselves. New for each cell: changePasswordAction ends every session of its user.
 */
export async function sessionCookieOf(db: Db, email: string | null): Promise<string | null> {
  if (email === null) return null;
  const userId = await userIdOf(db, email);
  const sid = await createSession(db, { userId });
  return `${SESSION_COOKIE}=${await encode({ token: { sub: userId, sid }, secret: MATRIX_AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 3600 })}`;
}

let sequence = 0;
export const unique = (prefix: string) => `${prefix}-${++sequence}`;

/** Builds the fixture through the data layer (not through the handlers under test). */
export async function buildMatrixContext(db: Db): Promise<MatrixContext> {
  const otherParkId = await parkIdOf(db, "qianwan-new-area");
  // The same project, phase, line, capacity, milestone and progress entry the API tests plant.
  const { parkId, projectId, projectCode, phaseId, lineId, capacityId, milestoneId } = await plantResources(db, { parkSlug: PARK_SLUG, editorEmail: ACCOUNT.editor! });
  const editor: Actor = { parkId, actorId: await userIdOf(db, ACCOUNT.editor!) };
  const problemId = idOf(await raiseProblem(db, editor, { projectId, description: CANARY, owner: "园区经发局", dueDate: null }), "problem");
  const link = await createShareLink(db, editor, { label: "矩阵", scope: "park", projectId: null, redaction: DEFAULT_REDACTION, expiresAt: null, snapshotAt: null });
  if (!link.ok) throw new Error("access-matrix fixture: share link refused");
  const passwords = new Map(Object.values(ACCOUNT).flatMap((email) => (email ? [[email, DEMO_PASSWORD] as const] : [])));
  const platformAdminId = await userIdOf(db, ACCOUNT.platform!);
  await db.insert(memberships).values({ userId: platformAdminId, parkId: otherParkId, role: "viewer" });
  const [city] = await db.select({ id: parks.regionId }).from(parks).where(eq(parks.id, parkId));
  const [province] = await db.select({ id: regions.parentId }).from(regions).where(eq(regions.id, city!.id!));
  idOf(await addRegionReader(db, { actorId: platformAdminId }, { regionId: province!.id!, email: ACCOUNT.regionReader! }), "region reader");
  return {
    db, parkId, otherParkId, projectId, projectCode, phaseId, lineId, capacityId, milestoneId, problemId,
    shareToken: link.value.token, editor, passwords, platformAdminId, provinceId: province!.id!, cityId: city!.id!,
    parkAdmin: { parkId, actorId: await userIdOf(db, ACCOUNT.admin!) },
    thirdParkId: await parkIdOf(db, "ningxia-new-materials"),
  };
}

// ---- valid forms: what the park's own editor or admin would submit ----

type FormBuilder = (ctx: MatrixContext, role: Role) => Promise<FormValues> | FormValues;

/** Signed-out callers sign in as the editor; signed-in ones as themselves. */
const ownEmail = (role: Role) => ACCOUNT[role] ?? ACCOUNT.editor!;

let targetYear = 2040;

export const FORMS = {
  changePassword: (ctx, role) => {
    const current = ctx.passwords.get(ownEmail(role))!;
    const next = unique("new-password-long-enough");
    return { currentPassword: current, newPassword: next, confirmPassword: next };
  },
  saveTarget: (ctx) => ({ parkId: ctx.parkId, metric: "tax", value: "12亿", year: ++targetYear, baseYear: 2020, baseValue: "8亿", statedGrowthPct: "6.5" }),
  deleteTarget: async (ctx) => {
    const target = idOf(
      await saveTarget(ctx.db, ctx.editor, { metric: "revenue", value: "100000000", year: ++targetYear, baseYear: 2020, baseValue: null, statedGrowthPct: null }),
      "target",
    );
    return { parkId: ctx.parkId, targetId: target, version: 1 };
  },
  saveHealthRule: async (ctx) => {
    const [rule] = await ctx.db.select({ version: parkHealthRules.version }).from(parkHealthRules).where(eq(parkHealthRules.parkId, ctx.parkId));
    return { parkId: ctx.parkId, version: rule?.version ?? "", yellowBehindPp: "12", redBehindPp: "25.5", redMonthsNotStarted: String(3 + (++sequence % 30)) };
  },
  logProgress: (ctx) => ({
    // A month of its own each time: a project takes one entry per month (another is a correction).
    parkId: ctx.parkId, projectId: ctx.projectId, period: freshMonth(), narrative: "设备调试", narrativeEn: "Commissioning", investmentCompleted: "100万",
    outputValue: "", sourceUrl: "https://example.com/report", sourceRef: "月报", problemDescription: "", problemOwner: "", problemDueDate: "",
    [`reached.${ctx.milestoneId}`]: "", [`online.${ctx.capacityId}`]: "5000",
  }),
  raiseProblem: (ctx) => ({ parkId: ctx.parkId, projectId: ctx.projectId, description: unique("环评批复延迟"), owner: "区生态环境分局", dueDate: "2030-01-31" }),
  // A fresh open problem each time: a follow-up may close the one it names.
  followUpProblem: async (ctx) => {
    const problem = await raiseProblem(ctx.db, ctx.editor, { projectId: ctx.projectId, description: unique("待跟进"), owner: "经发局", dueDate: null });
    return { parkId: ctx.parkId, problemId: idOf(problem, "problem"), note: unique("已协调供电公司") };
  },
  createProject: (ctx) => ({
    parkId: ctx.parkId, code: unique("MX"), name: "表单项目", nameEn: "Form project", company: "表单企业", companyEn: "Form Co.", cluster: "智能装备制造",
    clusterEn: "Equipment", responsibleUnit: "招商一局", leaderInCharge: "张副区长", health: "on_track",
    plannedInvestment: "50亿", contractedInvestment: "0", inPlaceInvestment: "0", completedInvestment: "0",
  }),
  updateProject: async (ctx) => {
    const [row] = await ctx.db.select({ version: projects.version }).from(projects).where(eq(projects.id, ctx.projectId));
    return {
      parkId: ctx.parkId, projectId: ctx.projectId, version: row!.version, code: ctx.projectCode, name: unique("改名项目"), nameEn: "", company: "矩阵企业",
      companyEn: "", cluster: "新材料", clusterEn: "", responsibleUnit: "", leaderInCharge: "", health: "on_track",
      plannedInvestment: "10亿", contractedInvestment: "0", inPlaceInvestment: "0",
    };
  },
  savePhase: (ctx) => ({ parkId: ctx.parkId, projectId: ctx.projectId, name: unique("期"), nameEn: "Phase" }),
  saveLine: (ctx) => ({ parkId: ctx.parkId, projectId: ctx.projectId, phaseId: ctx.phaseId, name: unique("线"), nameEn: "Line" }),
  saveCapacity: (ctx) => ({
    parkId: ctx.parkId, projectId: ctx.projectId, lineId: ctx.lineId, product: "负极材料", productEn: "Anode", unit: "t", period: "year", designed: "20,000", online: "0",
  }),
  saveMilestone: (ctx) => ({
    parkId: ctx.parkId, projectId: ctx.projectId, type: "topping_out", customLabel: "", plannedDate: "2027-01-31", forecastDate: "", actualDate: "", rebaselineReason: "",
  }),
  signIn: (ctx, role) => ({ email: ownEmail(role), password: ctx.passwords.get(ownEmail(role))!, callbackUrl: "/projects" }),
  signOut: () => ({}),
  // An unticked box sends nothing, so the valid form is empty (like signOut's): the hostile-input suite's
  // "every field empty" must-refuse attacks do not apply. Only the caller's own sessions end, whatever
  // the form names (change-password.test.ts checks that).
  signOutEverywhere: () => ({}),
  setLocale: () => ({ locale: "en" }),
  createShareLink: (ctx) => ({
    parkId: ctx.parkId, label: unique("省厅"), target: ctx.projectId, expiresOn: "2099-12-31", snapshotOn: "",
    "show.investment": "on", "show.milestones": "on", "show.progress": "on", "show.capacity": "on",
  }),
  // Each role names its own parks; the tokens it made before are revoked so the 50-token limit never bites.
  createApiToken: async (ctx, role) => {
    const email = ownEmail(role);
    await revokeTestTokens(ctx.db, email);
    return { label: unique("月报脚本"), parkIds: [role === "otherPark" || role === "platform" ? ctx.otherParkId : ctx.parkId], scope: "write", expiresOn: "" };
  },
  revokeApiToken: async (ctx, role) => {
    const token = await issueToken(ctx.db, ownEmail(role), { parkIds: [role === "otherPark" || role === "platform" ? ctx.otherParkId : ctx.parkId] });
    const [row] = await ctx.db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.tokenPrefix, visiblePrefix(token)));
    return { tokenId: row!.id };
  },
  // The organisation: a new province each time (names are unique), a new park in Ningxiang's city.
  saveRegion: () => ({ parentId: "", name: unique("矩阵省"), nameEn: "Matrix province" }),
  savePark: (ctx) => ({ slug: unique("matrix-park"), name: unique("矩阵园区"), nameEn: "Matrix park", regionId: ctx.cityId, clusters: "新材料 | New materials\n智能装备" }),
  // Archives a fresh park (so Ningxiang itself stays writable for the other rows).
  setParkArchived: async (ctx) => {
    const park = idOf(await saveParkDirect(ctx), "park");
    return { parkId: park, version: 1, archived: "1" };
  },
  addRegionReader: async (ctx) => {
    const region = idOf(await saveRegion(ctx.db, { actorId: ctx.platformAdminId }, { name: unique("读者省"), nameEn: null }), "region");
    return { regionId: region, email: ACCOUNT.viewer! };
  },
  removeRegionReader: async (ctx) => {
    const region = idOf(await saveRegion(ctx.db, { actorId: ctx.platformAdminId }, { name: unique("移除省"), nameEn: null }), "region");
    idOf(await addRegionReader(ctx.db, { actorId: ctx.platformAdminId }, { regionId: region, email: ACCOUNT.viewer! }), "region reader");
    return { regionId: region, userId: await userIdOf(ctx.db, ACCOUNT.viewer!) };
  },
  revokeShareLink: async (ctx) => {
    const link = await createShareLink(ctx.db, ctx.editor, { label: unique("待撤销"), scope: "park", projectId: null, redaction: DEFAULT_REDACTION, expiresAt: null, snapshotAt: null });
    return { parkId: ctx.parkId, linkId: idOf(link, "share link") };
  },
  // People: each row acts on a member planted for it, never on the caller or the demo accounts.
  inviteMember: (ctx) => ({ parkId: ctx.parkId, email: `${unique("invitee")}@matrix.example`, role: "editor" }),
  revokeInvitation: async (ctx) => {
    const email = `${unique("revoke")}@matrix.example`;
    await plantInvitation(ctx.db, ctx.parkAdmin, email);
    const [row] = await ctx.db.select({ id: invitations.id }).from(invitations).where(eq(invitations.email, email));
    return { parkId: ctx.parkId, invitationId: row!.id };
  },
  changeRole: async (ctx) => ({ parkId: ctx.parkId, userId: await plantMember(ctx.db, ctx.parkId), role: "editor" }),
  removeMember: async (ctx) => ({ parkId: ctx.parkId, userId: await plantMember(ctx.db, ctx.parkId) }),
  issuePasswordReset: async (ctx) => ({ parkId: ctx.parkId, userId: await plantMember(ctx.db, ctx.parkId) }),
  acceptInvitation: async (ctx) => {
    const token = await plantInvitation(ctx.db, ctx.parkAdmin, `${unique("new")}@matrix.example`);
    return { token, name: "新成员", newPassword: "a-password-long-enough", confirmPassword: "a-password-long-enough" };
  },
  // The caller's own address, invited into a park none of the roles belongs to (joining keeps the matrix's roles true).
  joinPark: async (ctx, role) => {
    const email = ACCOUNT[role] ?? `${unique("signed-out")}@matrix.example`;
    const token = await plantInvitation(ctx.db, { parkId: ctx.thirdParkId, actorId: ctx.parkAdmin.actorId }, email);
    return { token };
  },
  resetPassword: async (ctx) => {
    const token = await issuePasswordReset(ctx.db, { userId: await plantMember(ctx.db, ctx.parkId), issuedBy: null });
    return { token, newPassword: "a-password-long-enough", confirmPassword: "a-password-long-enough" };
  },
  forgotPassword: () => ({ email: ACCOUNT.viewer! }),
  updateProfile: async (ctx, role) => {
    const [user] = await ctx.db.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.email, ownEmail(role)));
    return { name: user!.name, locale: user!.locale };
  },
  setUserActive: async (ctx) => ({ userId: await plantMember(ctx.db, ctx.parkId), active: "false" }),
  // A platform admin invites into and removes from any park (a new park's first people) from its admin page.
  adminInviteMember: (ctx) => ({ parkId: ctx.parkId, email: `${unique("first-admin")}@matrix.example`, role: "admin" }),
  adminRemoveMember: async (ctx) => ({ parkId: ctx.parkId, userId: await plantMember(ctx.db, ctx.parkId) }),
  issueAccountReset: async (ctx) => ({ userId: await plantMember(ctx.db, ctx.parkId) }),
  // The reporting cycle and notifications (issue 18).
  saveReportingSettings: (ctx) => ({ parkId: ctx.parkId, deadlineDay: String(1 + (++sequence % 28)), remindDaysBefore: "3" }),
  setProjectOfficer: async (ctx) => ({ parkId: ctx.parkId, projectId: ctx.projectId, officerId: await userIdOf(ctx.db, ACCOUNT.editor!) }),
  saveRobot: (ctx) => ({ parkId: ctx.parkId, kind: "dingtalk", webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=matrix", secret: "SECmatrix", clearSecret: "", enabled: "on" }),
  retryDelivery: async (ctx) => ({ parkId: ctx.parkId, deliveryId: await plantDeadDelivery(ctx.db, ctx.parkId) }),
  // Each caller's own notice (the signed-out caller's form names the editor's).
  markNotificationRead: async (ctx, role) => ({ notificationId: await plantNotification(ctx.db, await userIdOf(ctx.db, ownEmail(role)), ctx.parkId) }),
  markAllNotificationsRead: () => ({}),
  // Unticked boxes send nothing: the valid form is empty (email off, nothing muted), like signOutEverywhere's.
  saveNotificationPreferences: () => ({}),
  // 督办 on a fresh problem the editor raised: start working on it, owned by an outside unit, due later.
  updateProblem: async (ctx) => {
    const problem = await raiseProblem(ctx.db, ctx.editor, { projectId: ctx.projectId, description: unique("督办"), owner: "经发局", dueDate: null });
    return { parkId: ctx.parkId, problemId: idOf(problem, "problem"), step: "start", ownerUserId: "", ownerUnit: "区生态环境分局", dueDate: "2030-01-31", escalation: "district_city", note: unique("已督办") };
  },
  unsubscribe: async (ctx, role) => ({ token: unsubscribeToken(await userIdOf(ctx.db, ownEmail(role)), "weekly_digest") }),
} satisfies Record<string, FormBuilder>;

/** A notice in someone's inbox, unread. */
export async function plantNotification(db: Db, recipientId: string, parkId: string): Promise<string> {
  const [row] = await db
    .insert(notifications)
    .values({ recipientId, parkId, kind: "weekly_digest", params: { park: "矩阵", week: "2026-01-05", reported: 1, expected: 2, lateMilestones: 0, openProblems: 1 }, link: "/", dedupeKey: unique("matrix-notice") })
    .returning({ id: notifications.id });
  return row!.id;
}

/** A delivery of the park that failed for good: what an admin may retry. */
export async function plantDeadDelivery(db: Db, parkId: string): Promise<string> {
  const [row] = await db
    .insert(notificationDeliveries)
    .values({ idempotencyKey: unique("matrix-delivery"), channel: "wecom", status: "dead", parkId, kind: "weekly_digest", params: {}, link: "/", attempts: 5, lastError: "HTTP 500" })
    .returning({ id: notificationDeliveries.id });
  return row!.id;
}

function saveParkDirect(ctx: MatrixContext) {
  return savePark(ctx.db, { actorId: ctx.platformAdminId }, { slug: unique("archive-me"), name: unique("归档园区"), nameEn: null, regionId: ctx.cityId, clusters: [] });
}

// ---- the table ----

const A = "allowed";
const R = "refused";

export interface ActionRow {
  /** The module under app/_lib/actions, without ".ts". */
  module: string;
  name: string;
  cells: Cells;
  form: FormBuilder;
  /** What an allowed call answers: a FormResult with ok, or a redirect to a matching URL. */
  success: "ok" | RegExp;
  /** Runs after an allowed call, to keep the context true (e.g. the new password). */
  afterAllowed?: (ctx: MatrixContext, role: Role, form: FormValues) => void;
}

const action = (module: string, name: string, c: Cells, form: FormBuilder, success: ActionRow["success"], afterAllowed?: ActionRow["afterAllowed"]): ActionRow => ({
  module, name, cells: c, form, success, afterAllowed,
});

const UUID = "[0-9a-f-]{36}";

// The rows are laid out as a table: one line per handler, one column per role.
export const ACTION_ROWS: ActionRow[] = [
  //      module           export                    admin editor viewer other out
  action("account",       "changePasswordAction",   cells(A, A, A, A, R), FORMS.changePassword, /^\/signin$/,
    (ctx, role, form) => void ctx.passwords.set(ACCOUNT[role]!, String(form.newPassword))),
  action("account",       "signOutEverywhereAction", cells(A, A, A, A, R), FORMS.signOutEverywhere, /^\/signin$/),
  // Personal API tokens: any signed-in user, for their own parks and their own tokens only.
  action("api-tokens",    "createApiTokenAction",   cells(A, A, A, A, R), FORMS.createApiToken, "ok"),
  action("api-tokens",    "revokeApiTokenAction",   cells(A, A, A, A, R), FORMS.revokeApiToken, "ok"),
  action("park-settings", "saveTargetAction",       cells(A, R, R, R, R), FORMS.saveTarget, "ok"),
  action("park-settings", "deleteTargetAction",     cells(A, R, R, R, R), FORMS.deleteTarget, "ok"),
  action("park-settings", "saveHealthRuleAction",   cells(A, R, R, R, R), FORMS.saveHealthRule, "ok"),
  action("progress",      "logProgressAction",      cells(A, A, R, R, R), FORMS.logProgress, new RegExp(`^/projects/${UUID}\\?saved=progress#progress$`)),
  action("progress",      "raiseProblemAction",     cells(A, A, R, R, R), FORMS.raiseProblem, "ok"),
  action("progress",      "followUpProblemAction",  cells(A, A, R, R, R), FORMS.followUpProblem, "ok"),
  action("projects",      "createProjectAction",    cells(A, A, R, R, R), FORMS.createProject, new RegExp(`^/projects/${UUID}\\?saved=project`)),
  action("projects",      "updateProjectAction",    cells(A, A, R, R, R), FORMS.updateProject, new RegExp(`^/projects/${UUID}\\?saved=project`)),
  action("projects",      "savePhaseAction",        cells(A, A, R, R, R), FORMS.savePhase, "ok"),
  action("projects",      "saveLineAction",         cells(A, A, R, R, R), FORMS.saveLine, "ok"),
  action("projects",      "saveCapacityAction",     cells(A, A, R, R, R), FORMS.saveCapacity, "ok"),
  action("projects",      "saveMilestoneAction",    cells(A, A, R, R, R), FORMS.saveMilestone, "ok"),
  // Signing in and choosing a language are open to anyone (the credentials are the check).
  action("session",       "signInAction",           cells(A, A, A, A, A), FORMS.signIn, /^\/projects$/),
  action("session",       "signOutAction",          cells(A, A, A, A, R), FORMS.signOut, /^\/signin$/),
  action("session",       "setLocaleAction",        cells(A, A, A, A, A), FORMS.setLocale, "ok"),
  action("share-links",   "createShareLinkAction",  cells(A, A, R, R, R), FORMS.createShareLink, "ok"),
  action("share-links",   "revokeShareLinkAction",  cells(A, A, R, R, R), FORMS.revokeShareLink, "ok"),
  // The organisation: platform admins only — a park admin, a region reader and the signed-out are refused.
  //      module           export                    admin editor viewer other out platform reader
  action("organisation",  "saveRegionAction",       cells(R, R, R, R, R, A, R), FORMS.saveRegion, "ok"),
  action("organisation",  "saveParkAction",         cells(R, R, R, R, R, A, R), FORMS.savePark, "ok"),
  action("organisation",  "setParkArchivedAction",  cells(R, R, R, R, R, A, R), FORMS.setParkArchived, "ok"),
  action("organisation",  "addRegionReaderAction",  cells(R, R, R, R, R, A, R), FORMS.addRegionReader, "ok"),
  action("organisation",  "removeRegionReaderAction", cells(R, R, R, R, R, A, R), FORMS.removeRegionReader, "ok"),
  // People: a park's admins only; a link's token is the credential of accepting and resetting.
  action("people",        "inviteMemberAction",     cells(A, R, R, R, R), FORMS.inviteMember, "ok"),
  action("people",        "revokeInvitationAction", cells(A, R, R, R, R), FORMS.revokeInvitation, "ok"),
  action("people",        "changeRoleAction",       cells(A, R, R, R, R), FORMS.changeRole, "ok"),
  action("people",        "removeMemberAction",     cells(A, R, R, R, R), FORMS.removeMember, "ok"),
  action("people",        "issuePasswordResetAction", cells(A, R, R, R, R), FORMS.issuePasswordReset, "ok"),
  action("invitations",   "acceptInvitationAction", cells(A, A, A, A, A), FORMS.acceptInvitation, new RegExp(`^/parks/${PARK_SLUG}$`)),
  action("invitations",   "joinParkAction",         cells(A, A, A, A, R), FORMS.joinPark, /^\/parks\/ningxia-new-materials$/),
  action("password-reset", "resetPasswordAction",   cells(A, A, A, A, A), FORMS.resetPassword, /^\/$/),
  action("password-reset", "forgotPasswordAction",  cells(A, A, A, A, A), FORMS.forgotPassword, "ok"),
  action("account",       "updateProfileAction",    cells(A, A, A, A, R), FORMS.updateProfile, "ok"),
  // Accounts across parks: platform administrators only.
  action("admin-users",   "setUserActiveAction",    cells(R, R, R, R, R, A, R), FORMS.setUserActive, "ok"),
  action("admin-users",   "issueAccountResetAction", cells(R, R, R, R, R, A, R), FORMS.issueAccountReset, "ok"),
  action("admin-people",  "adminInviteMemberAction", cells(R, R, R, R, R, A, R), FORMS.adminInviteMember, "ok"),
  action("admin-people",  "adminRemoveMemberAction", cells(R, R, R, R, R, A, R), FORMS.adminRemoveMember, "ok"),
  // The reporting cycle, robots and outbox: park admins; a project's officer: its editors.
  action("reporting",     "saveReportingSettingsAction", cells(A, R, R, R, R), FORMS.saveReportingSettings, "ok"),
  action("reporting",     "setProjectOfficerAction", cells(A, A, R, R, R), FORMS.setProjectOfficer, "ok"),
  action("reporting",     "saveRobotAction",        cells(A, R, R, R, R), FORMS.saveRobot, "ok"),
  action("reporting",     "retryDeliveryAction",    cells(A, R, R, R, R), FORMS.retryDelivery, "ok"),
  // One's own inbox and choices: anyone signed in; the unsubscribe link's signed token is its credential.
  action("notifications", "markNotificationReadAction", cells(A, A, A, A, R), FORMS.markNotificationRead, "ok"),
  action("notifications", "markAllNotificationsReadAction", cells(A, A, A, A, R), FORMS.markAllNotificationsRead, "ok"),
  action("notifications", "saveNotificationPreferencesAction", cells(A, A, A, A, R), FORMS.saveNotificationPreferences, "ok"),
  // 督办: editors move any problem of the park; a viewer only one they own or raised (the matrix's viewer neither).
  action("duban",         "updateProblemAction",    cells(A, A, R, R, R), FORMS.updateProblem, "ok"),
  action("notifications", "unsubscribeAction",      cells(A, A, A, A, A), FORMS.unsubscribe, "ok"),
];

export interface RouteRow {
  /** The route file, relative to the project root. */
  file: string;
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
  cells: Cells;
  /** `init` adds headers and a body (an upload, with the same-site Origin a browser sends). */
  request: (ctx: MatrixContext) => { path: string; params: Record<string, string>; init?: { headers?: Record<string, string>; body?: Uint8Array } };
  /** Allowed Ningxiang members must get the CANARY: proves the cell reached the private data. */
  showsCanary?: boolean;
  /**
   * A page served through the page cache (pages/api/page-cache): each role sends its session cookie. It
   * allows a caller by serving the page itself (x-parkline-cache hit or miss) and refuses one by handing
   * it to the App Router page (pass), which refuses it in its own way: a redirect to sign-in, a 404.
   */
  cachedPage?: boolean;
  /**
   * /api/v1 rows: the request to send (path with query, JSON body, headers such as If-Match); each role
   * sends its own API token. Their rate-limit count and the token's last use are not writes.
   */
  api?: (ctx: MatrixContext) => Promise<ApiRequest>;
}

const route = (file: string, method: RouteRow["method"], c: Cells, request: RouteRow["request"], showsCanary = false, cachedPage = false): RouteRow => ({
  file, method, cells: c, request, showsCanary, cachedPage,
});

export const ROUTE_ROWS: RouteRow[] = [
  //     file                                              method  admin editor viewer other out
  route("app/api/parks/route.ts",                          "GET", cells(A, A, A, A, R), () => ({ path: "/api/parks", params: {} })),
  route("app/api/parks/[slug]/export/[table]/route.ts",    "GET", cells(A, A, A, R, R),
    () => ({ path: `/api/parks/${PARK_SLUG}/export/problems`, params: { slug: PARK_SLUG, table: "problems" } }), true),
  // The monthly report (Word or PDF): members of the park, viewers included; the region's across the reader's parks of Hunan.
  route("app/api/parks/[slug]/report/route.ts",            "GET", cells(A, A, A, R, R),
    () => ({ path: `/api/parks/${PARK_SLUG}/report`, params: { slug: PARK_SLUG } })),
  route("app/api/regions/[province]/report/route.ts",      "GET", cells(A, A, A, R, R),
    () => ({ path: `/api/regions/${encodeURIComponent("湖南省")}/report`, params: { province: "湖南省" } })),
  // A ledger upload into Ningxiang (a preview: an allowed cell writes nothing either), and its template.
  route("app/api/import/route.ts",                         "POST", cells(A, A, R, R, R), (ctx) => ({
    path: `/api/import?parkId=${ctx.parkId}&kind=projects&mode=preview&name=ledger.csv`, params: {},
    init: { headers: { origin: "http://localhost" }, body: new TextEncoder().encode(`项目编号,项目名称,企业,产业,计划总投资\n${ctx.projectCode},矩阵测试项目,矩阵企业,新材料,10亿\n`) },
  })),
  route("app/api/import/template/route.ts",                "GET", cells(A, A, A, A, R), () => ({ path: "/api/import/template?format=csv", params: {} })),
  // Public by design: readiness, the framework-cost references (in a bench build only: bench/route-files.ts), and pages whose token is the credential.
  route("app/api/health/route.ts",                         "GET", cells(A, A, A, A, A), () => ({ path: "/api/health", params: {} })),
  route("app/bench/nodb/route.bench.ts",                   "GET", cells(A, A, A, A, A), () => ({ path: "/bench/nodb", params: {} })),
  route("app/bench/bare/route.bench.ts",                   "GET", cells(A, A, A, A, A), () => ({ path: "/bench/bare", params: {} })),
  route("pages/api/bench/bare.bench.mts",                   "GET", cells(A, A, A, A, A), () => ({ path: "/api/bench/bare", params: {} })),
  route("pages/api/share/[token].ts",                      "GET", cells(A, A, A, A, A),
    (ctx) => ({ path: `/share/${ctx.shareToken}`, params: { token: ctx.shareToken } })),
  route("app/share/[token]/og/route.ts",                   "GET", cells(A, A, A, A, A),
    (ctx) => ({ path: `/share/${ctx.shareToken}/og`, params: { token: ctx.shareToken } })),
  // The park dashboard through the page cache: members only, like the page.
  route("pages/api/page-cache/parks/[slug].ts",            "GET", cells(A, A, A, R, R),
    () => ({ path: `/api/page-cache/parks/${PARK_SLUG}`, params: { slug: PARK_SLUG } }), true, true),
  ...API_ROUTE_ROWS,
];

/** Tables an /api/v1 request writes whatever it does: its rate-limit count and its token's last use. */
export const API_BOOKKEEPING = ["rate_limit_hits", "api_tokens"];

/** Exports found by discovery that are deliberately not rows, each with the reason. */
export const EXCLUDED: Record<string, string> = {
  "actions/outcome#toFormResult": "not a server action: outcome.ts has no \"use server\"; it is the helper the actions call",
  "app/api/auth/[...nextauth]/route.ts GET":
    "next-auth's own endpoints (session, csrf, providers, callback): its code, with its own CSRF token; sign-in and sign-out go through signInAction and signOutAction, which are rows",
  "app/api/auth/[...nextauth]/route.ts POST": "as GET: next-auth's own endpoint, not this app's handler",
};

export const actionKey = (row: { module: string; name: string }) => `actions/${row.module}#${row.name}`;
export const routeKey = (row: { file: string; method: string }) => `${row.file} ${row.method}`;

// ---- the App Router, as the page cache reaches it (used from vi.mock in the test file) ----

/**
 * The dashboard as the App Router renders it, reduced to what the matrix checks: the page's own gate
 * (loadPark, with the viewer the harness gives it: its sign-in redirect, its 404) and, past it, the
 * park's private data (its open problems, the CANARY among them).
 */
export function mockAppRouterRendering() {
  return {
    async renderThroughAppRouter(_listener: unknown, path: string) {
      const { loadPark } = await import("@/app/(app)/parks/[slug]/load");
      const { listOpenProblems } = await import("@/db/queries/rollups");
      const html = [["content-type", "text/html; charset=utf-8"]] as [string, string][];
      try {
        const { park } = await loadPark(decodeURIComponent(new URL(path, "http://localhost").pathname.split("/")[2]!));
        const problems = await listOpenProblems(await mockDbClient().getDb(), { parkIds: [park.parkId] });
        return { status: 200, headers: html, body: Buffer.from(`<p>${park.parkId}</p>${problems.map((p) => `<p>${p.description}</p>`).join("")}`), nonce: null };
      } catch (error) {
        const digest = String((error as { digest?: unknown }).digest ?? "");
        if (digest.startsWith("NEXT_REDIRECT;")) return { status: 307, headers: [["location", digest.split(";")[2]!]] as [string, string][], body: Buffer.alloc(0), nonce: null };
        if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { status: 404, headers: html, body: Buffer.from("<p>404</p>"), nonce: null };
        // A malformed %-escape: Next.js answers 400 before any page runs.
        if (error instanceof URIError) return { status: 400, headers: html, body: Buffer.from("<p>400</p>"), nonce: null };
        throw error;
      }
    },
  };
}

// ---- mocks for next-auth (used from vi.mock in the test files) ----

/** next-auth cannot be loaded outside Next; session.ts only needs its error class. */
export class FakeAuthError extends Error {}
export class FakeCredentialsSignin extends FakeAuthError {}

export function mockNextAuth() {
  return { AuthError: FakeAuthError, CredentialsSignin: FakeCredentialsSignin, default: () => ({}) };
}

/**
 * signIn checks the credentials with the real Credentials provider's logic (limits included), which
 * creates the session row, and redirects; signOut redirects. Nothing else of next-auth is called (getViewer is mocked).
 */
export function mockAuthConfigWithCredentials() {
  const unused = () => {
    throw new Error("access-matrix: next-auth was called, but getViewer is mocked");
  };
  return {
    handlers: { GET: unused, POST: unused },
    async signIn(_provider: string, options: { email: string; password: string; redirectTo: string }) {
      const db = await mockDbClient().getDb();
      const checked = await checkCredentials(db, { email: options.email, password: options.password }, new Request("http://matrix.test/api/auth/callback/credentials"));
      if (!checked.ok) throw new FakeCredentialsSignin();
      redirect(options.redirectTo);
    },
    async signOut(options: { redirectTo: string }) {
      redirect(options.redirectTo);
    },
  };
}
