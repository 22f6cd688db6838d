import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession, getSessionViewer } from "@/db/queries/accounts";
import { authenticateApiToken } from "@/db/queries/api-tokens";
import { changeMemberRole } from "@/db/queries/people";
import { auditEvents, invitations, memberships, passwordResets, sessions, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { ACCOUNT, plantInvitation, plantMember } from "../support/access-matrix";
import { callAs, refusal, useDatabase } from "../support/action-harness";
import { issueToken, parkIdOf, userIdOf } from "../support/api-fixture";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/access-matrix")).mockAuthConfigWithCredentials());
vi.mock("next-auth", async () => (await import("../support/access-matrix")).mockNextAuth());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const people = await import("@/app/_lib/actions/people");
const invites = await import("@/app/_lib/actions/invitations");
const resets = await import("@/app/_lib/actions/password-reset");
const adminUsers = await import("@/app/_lib/actions/admin-users");

const INVALID_INVITE = "This link cannot be used: it may be mistyped, already used, revoked or expired. Ask the park's admin for a new one.";
const INVALID_RESET = "This link cannot be used: it may be mistyped, already used or expired. Ask the park's admin for a new one.";
const PASSWORD = "a-password-long-enough";
let n = 0;
const fresh = (what: string) => `${what}-${++n}@people.example`;
const tokenOf = (path: string) => path.split("/").at(-1)!;

/**
 * The message as a reader sees it: nodemailer sends long lines quoted-printable (soft breaks "=\r\n",
 * bytes as "=XX"), which would split a link across lines in the raw text.
 */
function readableMail(raw: string): string {
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(raw)) return raw;
  const unfolded = raw.replace(/=\r?\n/g, "");
  return Buffer.from(unfolded.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
}

/** A real SMTP server on a free port, keeping what it receives (no mocks: the app's client speaks SMTP to it). */
async function startSmtp() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: readableMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function waitFor<T>(find: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(TEST_TARGETS)("people on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let parkId: string;
  let otherParkId: string;
  let adminId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    parkId = await parkIdOf(db, "ningxiang-htz");
    otherParkId = await parkIdOf(db, "qianwan-new-area");
    adminId = await userIdOf(db, ACCOUNT.admin!);
  });
  afterAll(() => database.drop());

  async function invite(email: string, role = "editor") {
    const outcome = await callAs(ACCOUNT.admin, people.inviteMemberAction as never, { parkId, email, role });
    if ("redirected" in outcome || !outcome.ok) throw new Error(`invite refused: ${JSON.stringify(outcome)}`);
    return (outcome.data as unknown as { path: string }).path;
  }
  const accept = (token: string, as: string | null = null) =>
    callAs(as, invites.acceptInvitationAction as never, { token, name: "新专员", newPassword: PASSWORD, confirmPassword: PASSWORD });

  it("an invitation stores only its token's SHA-256, and accepting it makes the account, the membership and the history", async () => {
    const email = fresh("officer");
    const path = await invite(email.toUpperCase(), "editor");
    const token = tokenOf(path);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(Buffer.from(row!.tokenHash).equals(createHash("sha256").update(token).digest())).toBe(true);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(6.9 * 24 * 3600_000);

    expect(await accept(token)).toEqual({ redirected: "/parks/ningxiang-htz" });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    const [membership] = await db.select().from(memberships).where(and(eq(memberships.userId, user!.id), eq(memberships.parkId, parkId)));
    expect(membership!.role).toBe("editor");
    const history = await db.select().from(auditEvents).where(and(eq(auditEvents.parkId, parkId), eq(auditEvents.entityId, user!.id)));
    expect(history.map((e) => [e.entity, e.action, e.changes])).toContainEqual(["membership", "create", { email: [null, email], role: [null, "editor"] }]);
  });

  it("unknown, replayed, revoked and expired links all get the same answer", async () => {
    const used = tokenOf(await invite(fresh("used")));
    expect(await accept(used)).toHaveProperty("redirected");
    const revokedEmail = fresh("revoked");
    const revoked = tokenOf(await invite(revokedEmail));
    const [pending] = await db.select({ id: invitations.id }).from(invitations).where(eq(invitations.email, revokedEmail));
    expect(await callAs(ACCOUNT.admin, people.revokeInvitationAction as never, { parkId, invitationId: pending!.id })).toMatchObject({ ok: true });
    const expiredEmail = fresh("expired");
    const expired = tokenOf(await invite(expiredEmail));
    await db.update(invitations).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(invitations.email, expiredEmail));
    const unknown = "A".repeat(43);
    for (const token of [used, revoked, expired, unknown]) {
      expect(refusal(await accept(token)).message).toBe(INVALID_INVITE);
    }
    // A replay by a signed-in account is refused the same way.
    expect(refusal(await callAs(ACCOUNT.viewer, invites.joinParkAction as never, { token: used })).message).toBe(INVALID_INVITE);
  });

  it("an existing account joins only while signed in as the invited address", async () => {
    const token = await plantInvitation(db, { parkId: otherParkId, actorId: adminId }, ACCOUNT.viewer!, "editor");
    expect(refusal(await accept(token)).message).toMatch(/already has an account/);
    expect(refusal(await callAs(ACCOUNT.editor, invites.joinParkAction as never, { token })).message).toMatch(/another address/);
    expect(await callAs(ACCOUNT.viewer, invites.joinParkAction as never, { token })).toEqual({ redirected: "/parks/qianwan-new-area" });
  });

  it("an admin cannot invite into another park or grant platform rights", async () => {
    const intoOther = await callAs(ACCOUNT.admin, people.inviteMemberAction as never, { parkId: otherParkId, email: fresh("x"), role: "admin" });
    expect(refusal(intoOther).message).toBe("You do not have access to this.");
    const email = fresh("platform");
    const path = await (async () => {
      const outcome = await callAs(ACCOUNT.admin, people.inviteMemberAction as never, { parkId, email, role: "viewer", platformAdmin: "true" });
      return (outcome as unknown as { data: { path: string } }).data.path;
    })();
    await accept(tokenOf(path));
    const [user] = await db.select({ platformAdmin: users.platformAdmin }).from(users).where(eq(users.email, email));
    expect(user!.platformAdmin).toBe(false);
    expect(refusal(await callAs(ACCOUNT.admin, people.inviteMemberAction as never, { parkId, email: ACCOUNT.editor!, role: "admin" })).fieldErrors.email).toMatch(/already a member/);
  });

  it("nobody changes their own role, and the last admin can be neither demoted nor removed", async () => {
    expect(refusal(await callAs(ACCOUNT.admin, people.changeRoleAction as never, { parkId, userId: adminId, role: "viewer" })).message).toMatch(/your own role/);
    // A second admin may be demoted while the demo admin remains; the demo admin, then alone, may not leave.
    const second = await plantMember(db, parkId, "admin");
    expect(await callAs(ACCOUNT.admin, people.changeRoleAction as never, { parkId, userId: second, role: "editor" })).toMatchObject({ ok: true });
    expect(refusal(await callAs(ACCOUNT.admin, people.removeMemberAction as never, { parkId, userId: adminId })).message).toMatch(/last admin/);
    const [still] = await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.userId, adminId), eq(memberships.parkId, parkId)));
    expect(still!.role).toBe("admin");
    const history = await db.select({ changes: auditEvents.changes }).from(auditEvents).where(and(eq(auditEvents.entity, "membership"), eq(auditEvents.entityId, second)));
    expect(history.map((h) => h.changes)).toContainEqual({ role: ["admin", "editor"] });
  });

  it("two admins demoting each other at once leave the park one admin (the check holds under a row lock)", async () => {
    const a = await plantMember(db, otherParkId, "admin");
    const b = await plantMember(db, otherParkId, "admin");
    // The Ningbo officer is an editor there: only a and b are admins of this park.
    await db.update(memberships).set({ role: "editor" }).where(and(eq(memberships.parkId, otherParkId), eq(memberships.role, "admin"), sql`${memberships.userId} not in (${a}, ${b})`));
    const results = await Promise.all([
      changeMemberRole(db, { parkId: otherParkId, actorId: a }, { userId: b, role: "viewer" }),
      changeMemberRole(db, { parkId: otherParkId, actorId: b }, { userId: a, role: "viewer" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = await db.select().from(memberships).where(and(eq(memberships.parkId, otherParkId), eq(memberships.role, "admin")));
    expect(admins).toHaveLength(1);
  });

  it("a removed member's session and API token lose the park on their next request", async () => {
    const member = await plantMember(db, parkId, "editor");
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, member));
    const sid = await createSession(db, { userId: member });
    const token = await issueToken(db, user!.email, { parkIds: [parkId] });
    expect((await getSessionViewer(db, { sessionId: sid }))!.memberships.map((m) => m.parkId)).toContain(parkId);
    expect((await authenticateApiToken(db, token))!.parks.map((p) => p.parkId)).toContain(parkId);
    expect(await callAs(ACCOUNT.admin, people.removeMemberAction as never, { parkId, userId: member })).toMatchObject({ ok: true });
    expect((await getSessionViewer(db, { sessionId: sid }))!.memberships.map((m) => m.parkId)).not.toContain(parkId);
    expect((await authenticateApiToken(db, token))!.parks).toEqual([]);
  });

  it("a reset link works once and ends every session; a park admin cannot reset someone from other parks", async () => {
    const member = await plantMember(db, parkId, "viewer");
    const sid = await createSession(db, { userId: member });
    const issued = await callAs(ACCOUNT.admin, people.issuePasswordResetAction as never, { parkId, userId: member });
    const token = tokenOf((issued as unknown as { data: { path: string } }).data.path);
    const [row] = await db.select().from(passwordResets).where(eq(passwordResets.userId, member));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(3600_000 + 1000);
    const reset = () => callAs(null, resets.resetPasswordAction as never, { token, newPassword: PASSWORD, confirmPassword: PASSWORD });
    expect(await reset()).toEqual({ redirected: "/" });
    expect(await db.select().from(sessions).where(and(eq(sessions.userId, member), eq(sessions.id, sid)))).toEqual([]);
    expect(refusal(await reset()).message).toBe(INVALID_RESET);
    // The Ningbo officer belongs to two parks this admin does not run.
    const officer = await userIdOf(db, ACCOUNT.otherPark!);
    await db.insert(memberships).values({ userId: officer, parkId, role: "viewer" });
    expect(refusal(await callAs(ACCOUNT.admin, people.issuePasswordResetAction as never, { parkId, userId: officer })).message).toMatch(/parks you do not administer/);
    await db.delete(memberships).where(and(eq(memberships.userId, officer), eq(memberships.parkId, parkId)));
  });

  it("platform administrators deactivate and reactivate accounts; park admins cannot", async () => {
    const member = await plantMember(db, parkId, "viewer");
    const sid = await createSession(db, { userId: member });
    expect(refusal(await callAs(ACCOUNT.admin, adminUsers.setUserActiveAction as never, { userId: member, active: "false" })).message).toBe("You do not have access to this.");
    await db.update(users).set({ platformAdmin: true }).where(eq(users.email, ACCOUNT.viewer!));
    try {
      expect(refusal(await callAs(ACCOUNT.viewer, adminUsers.setUserActiveAction as never, { userId: await userIdOf(db, ACCOUNT.viewer!), active: "false" })).message).toMatch(/your own/);
      expect(await callAs(ACCOUNT.viewer, adminUsers.setUserActiveAction as never, { userId: member, active: "false" })).toMatchObject({ ok: true });
      expect(await getSessionViewer(db, { sessionId: sid })).toBeNull();
      expect(await callAs(ACCOUNT.viewer, adminUsers.setUserActiveAction as never, { userId: member, active: "true" })).toMatchObject({ ok: true });
      const [user] = await db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, member));
      expect(user!.deactivatedAt).toBeNull();
      const history = await db.select({ changes: auditEvents.changes }).from(auditEvents).where(and(eq(auditEvents.entity, "user"), eq(auditEvents.entityId, member)));
      expect(history.map((h) => h.changes)).toEqual(expect.arrayContaining([{ active: [true, false] }, { active: [false, true] }]));
    } finally {
      await db.update(users).set({ platformAdmin: false }).where(eq(users.email, ACCOUNT.viewer!));
    }
  });

  it("link attempts are limited per address", async () => {
    vi.stubEnv("PARKLINE_TOKEN_RATE_LIMIT", "3");
    try {
      await db.execute(sql`delete from rate_limit_hits`);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(refusal(await accept("B".repeat(43))).message);
      expect(answers.slice(0, 3)).toEqual([INVALID_INVITE, INVALID_INVITE, INVALID_INVITE]);
      expect(answers[3]).toMatch(/Too many attempts/);
    } finally {
      vi.unstubAllEnvs();
      await db.execute(sql`delete from rate_limit_hits`);
    }
  });

  describe("with a real SMTP server", () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    beforeAll(async () => {
      smtp = await startSmtp();
      vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${smtp.port}`);
      vi.stubEnv("MAIL_FROM", "Parkline <noreply@parkline.example>");
      vi.stubEnv("PARKLINE_BASE_URL", "https://parkline.example.gov.cn/");
    });
    afterAll(async () => {
      vi.unstubAllEnvs();
      await smtp.close();
    });

    it("an invitation arrives by mail with its link, and the link works", async () => {
      const email = fresh("mailed");
      const path = await invite(email);
      const mail = await waitFor(() => smtp.received.find((m) => m.to.includes(email)));
      expect(mail.raw).toContain(`https://parkline.example.gov.cn${path}`);
      expect(mail.raw).toMatch(/^Subject: Invitation to .* on Parkline/m);
      const linked = /https:\/\/parkline\.example\.gov\.cn\/invite\/([A-Za-z0-9_-]{43})/.exec(mail.raw)![1]!;
      expect(await accept(linked)).toEqual({ redirected: "/parks/ningxiang-htz" });
    });

    it("forgot password mails a one-hour link to a known address and answers the same for an unknown one", async () => {
      const known = await callAs(null, resets.forgotPasswordAction as never, { email: ACCOUNT.editor! });
      const unknown = await callAs(null, resets.forgotPasswordAction as never, { email: fresh("nobody") });
      expect(known).toEqual(unknown);
      const mail = await waitFor(() => smtp.received.find((m) => m.to.includes(ACCOUNT.editor!)));
      const token = /\/reset\/([A-Za-z0-9_-]{43})/.exec(mail.raw)![1]!;
      expect(await callAs(null, resets.resetPasswordAction as never, { token, newPassword: PASSWORD, confirmPassword: PASSWORD })).toEqual({ redirected: "/" });
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.received.filter((m) => m.to.some((to) => to.startsWith("nobody")))).toEqual([]);
    });
  });

  it("without SMTP, forgot password says to ask the park's admin, for any address", async () => {
    const a = await callAs(null, resets.forgotPasswordAction as never, { email: ACCOUNT.viewer! });
    const b = await callAs(null, resets.forgotPasswordAction as never, { email: fresh("nobody") });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: true, message: expect.stringMatching(/Ask your park's admin/) });
  });
});
