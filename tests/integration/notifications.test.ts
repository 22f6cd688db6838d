import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { countUnread, enqueueNotices, enqueueParkPosts, getPreferences, listNotifications } from "@/db/queries/notifications";
import { claimDueDeliveries, listOutbox, listRobotSettings } from "@/db/queries/outbox";
import { planMonthClose } from "@/db/queries/notify-plans";
import { listReportingRows } from "@/db/queries/reporting";
import { openDatabase } from "@/db/open";
import { memberships, notificationDeliveries, notifications, parkRobots, parks, progressEntries, projects, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { buildRollCall } from "@/lib/domain/reporting";
import { callAs, refusal, useDatabase } from "../support/action-harness";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { startRobotReceiver, startSmtp } from "../support/notify-fixtures";

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/access-matrix")).mockAuthConfigWithCredentials());
vi.mock("next-auth", async () => (await import("../support/access-matrix")).mockNextAuth());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());

const notifyActions = await import("@/app/_lib/actions/notifications");
const reportingActions = await import("@/app/_lib/actions/reporting");
const { deliverDue } = await import("@/app/_lib/notify/deliver");
const { runPlanner } = await import("@/app/_lib/notify/jobs");
const { createWorker } = await import("@/app/_lib/notify/worker");

const BASE = "https://parkline.test";
const ROOT = new URL("../..", import.meta.url).pathname;
let n = 0;
const fresh = (what: string) => `${what}-${++n}`;

/** A park of its own with a Chinese-reading officer, an English-reading admin, a viewer and three projects created long ago. */
async function plantPark(db: Db) {
  const slug = fresh("notify-park");
  const [park] = await db.insert(parks).values({ slug, name: `通知园区${n}`, nameEn: `Notify Park ${n}`, province: "湖南省", city: "长沙市" }).returning();
  const person = async (role: "admin" | "editor" | "viewer", locale: "zh" | "en") => {
    const email = `${fresh(role)}@notify.example`;
    const [user] = await db.insert(users).values({ email, name: fresh(`${role}-name`), passwordHash: "x", locale }).returning();
    await db.insert(memberships).values({ userId: user!.id, parkId: park!.id, role });
    return { id: user!.id, email };
  };
  const officer = await person("editor", "zh");
  const admin = await person("admin", "en");
  const viewer = await person("viewer", "zh");
  const longAgo = new Date("2025-01-01T00:00:00Z");
  const made = await db
    .insert(projects)
    .values(["A", "B", "C"].map((code, i) => ({
      parkId: park!.id, code, name: `项目${code}`, nameEn: `Project ${code}`, company: "企业", cluster: "新材料", createdAt: longAgo,
      officerId: i < 2 ? officer.id : admin.id,
    })))
    .returning();
  return { park: park!, officer, admin, viewer, projects: made };
}

async function report(db: Db, parkId: string, projectId: string, period: string, at: string) {
  await db.insert(progressEntries).values({ parkId, projectId, period, narrative: "进展", createdAt: new Date(at) });
}

async function waitFor<T>(find: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(TEST_TARGETS)("notifications on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let robots: Awaited<ReturnType<typeof startRobotReceiver>>;
  const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedDemoData(db);
    useDatabase(db);
    smtp = await startSmtp();
    robots = await startRobotReceiver();
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("MAIL_FROM", "Parkline <noreply@parkline.test>");
    vi.stubEnv("PARKLINE_BASE_URL", BASE);
    vi.stubEnv("AUTH_SECRET", "notifications-test-secret-at-least-32-chars");
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await smtp.close();
    await robots.close();
    await database.drop();
  });

  it("counts a month's reports on time, late and missing, per park and per officer", async () => {
    const p = await plantPark(db);
    const [a, b, c] = p.projects;
    await report(db, p.park.id, a!.id, "2026-03-01", "2026-03-25T15:00:00Z"); // 23:00 on the 25th in China: on time
    await report(db, p.park.id, b!.id, "2026-03-01", "2026-03-25T16:30:00Z"); // 00:30 on the 26th in China: late
    await report(db, p.park.id, b!.id, "2026-03-01", "2026-03-27T00:00:00Z"); // a second entry does not move the first
    await report(db, p.park.id, c!.id, "2026-02-01", "2026-02-10T00:00:00Z");
    const rows = await listReportingRows(db, { parkIds: [p.park.id], from: "2026-02-01", to: "2026-03-01" });
    const rc = buildRollCall(rows, "2026-03-28");
    expect(rc.byPark.get(p.park.id)).toEqual({ expected: 3, reported: 2, late: 1, missing: 1 });
    expect(rc.months.find((m) => m.period === "2026-02-01")?.count).toEqual({ expected: 3, reported: 1, late: 0, missing: 2 });
    expect(rc.byOfficer.map((o) => [o.officerId, o.count.reported, o.count.expected])).toEqual(
      expect.arrayContaining([[p.officer.id, 2, 2], [p.admin.id, 0, 1]]),
    );
    expect(rc.notReported.map((r) => r.code)).toEqual(["C"]);
    expect(rc.late.map((r) => r.code)).toEqual(["B"]);
    // Another park's roll-call holds none of it.
    const [other] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, "ningxiang-htz"));
    const otherRows = await listReportingRows(db, { parkIds: [other!.id], from: "2026-03-01", to: "2026-03-01" });
    expect(otherRows.length).toBeGreaterThan(0);
    expect(otherRows.filter((r) => r.parkId === p.park.id)).toEqual([]);
  });

  it("reminds each officer once, in the inbox and by email in their language, with a working link and unsubscribe link", async () => {
    const p = await plantPark(db);
    const today = "2026-03-23"; // deadline 25, reminders from the 22nd
    const first = await runPlanner(db, "notify-reminders", today);
    const again = await runPlanner(db, "notify-reminders", today);
    expect(again).toEqual({ notices: 0, posts: 0 });
    expect(first.notices).toBeGreaterThanOrEqual(2);
    expect(await countUnread(db, { userId: p.officer.id })).toBe(1);
    expect(await countUnread(db, { userId: p.admin.id })).toBe(1);
    expect(await countUnread(db, { userId: p.viewer.id })).toBe(0);

    const run = await deliverDue(db, { workerId: "w-mail" });
    expect(run.dead).toBe(0);
    const [zh] = mailTo(p.officer.email);
    const [en] = mailTo(p.admin.email);
    expect(mailTo(p.officer.email)).toHaveLength(1);
    expect(zh!.subject).toBe(`通知园区${p.park.name.replace("通知园区", "")}：2 个项目须在 2026-03-25 前报送`);
    expect(zh!.text).toContain("2026-03 月进展须在 2026-03-25 前报送");
    expect(en!.subject).toBe(`${p.park.nameEn}: 1 project to report by 2026-03-25`);
    expect(en!.text).toContain("The 2026-03 progress of 1 project you report for");
    // The link opens the park's roll-call page, which exists.
    const link = en!.text.match(/Open in Parkline: (\S+)/)![1]!;
    expect(link).toBe(`${BASE}/parks/${p.park.slug}/reporting`);
    expect(existsSync(`${ROOT}app/(app)/parks/[slug]/reporting/page.tsx`)).toBe(true);
    expect(en!.headers.get("list-unsubscribe")).toMatch(new RegExp(`^<${BASE}/unsubscribe/`));

    // The unsubscribe link works signed out, and only for the kind it names.
    const token = decodeURIComponent(en!.text.match(/Stop these emails: \S+\/unsubscribe\/(\S+)/)![1]!);
    expect(refusal(await callAs(null, notifyActions.unsubscribeAction, { token: token.replace(/.$/, (ch) => (ch === "A" ? "B" : "A")) })).fieldErrors.token).toBeTruthy();
    const done = await callAs(null, notifyActions.unsubscribeAction, { token });
    expect(done).toMatchObject({ ok: true, message: "Unsubscribed: you will no longer receive “Reporting reminders”." });
    expect(await getPreferences(db, { userId: p.admin.id })).toEqual({ emailEnabled: true, mutedKinds: ["report_reminder"] });
    // Muted: next month's reminder reaches the officer only.
    const next = await runPlanner(db, "notify-reminders", "2026-04-24");
    expect(next.notices).toBeGreaterThanOrEqual(1);
    expect(await countUnread(db, { userId: p.admin.id })).toBe(1);
    expect(await countUnread(db, { userId: p.officer.id })).toBe(2);
  });

  it("closes a month by sending the park's leaders the month's report", async () => {
    const p = await plantPark(db);
    const plan = await planMonthClose(db, { today: "2026-04-02" });
    const notices = plan.notices.filter((n) => n.parkId === p.park.id);
    expect(notices.map((n) => n.recipientId).sort()).toEqual([p.admin.id, p.viewer.id].sort());
    expect(notices[0]!.link).toBe(`/api/parks/${p.park.slug}/report?month=2026-03&format=pdf`);
    expect(existsSync(`${ROOT}app/api/parks/[slug]/report/route.ts`)).toBe(true);
    expect(notices[0]!.params).toMatchObject({ month: "2026-03", expected: 3, reported: 0 });
    // Only in the month's first days.
    expect((await planMonthClose(db, { today: "2026-04-10" })).notices).toEqual([]);
  });

  it("marks one's own notices read, refuses another's, and marks all read", async () => {
    const p = await plantPark(db);
    await runPlanner(db, "notify-reminders", "2026-05-25");
    const [notice] = await listNotifications(db, { userId: p.officer.id });
    // Someone else (the park's own admin, and a signed-out caller) cannot mark the officer's notice.
    expect(refusal(await callAs(p.admin.email, notifyActions.markNotificationReadAction, { notificationId: notice!.id })).message).toBe("Not found.");
    expect(refusal(await callAs(null, notifyActions.markNotificationReadAction, { notificationId: notice!.id })).message).toBe("Please sign in.");
    expect(await countUnread(db, { userId: p.officer.id })).toBe(1);
    expect(await callAs(p.officer.email, notifyActions.markNotificationReadAction, { notificationId: notice!.id })).toMatchObject({ ok: true });
    expect(await countUnread(db, { userId: p.officer.id })).toBe(0);
    await runPlanner(db, "notify-reminders", "2026-06-25");
    expect(await countUnread(db, { userId: p.officer.id })).toBe(1);
    expect(await callAs(p.officer.email, notifyActions.markAllNotificationsReadAction, {})).toMatchObject({ ok: true });
    expect(await countUnread(db, { userId: p.officer.id })).toBe(0);
    // Email off: the inbox still gets notices, no email is queued.
    expect(await callAs(p.officer.email, notifyActions.saveNotificationPreferencesAction, {})).toMatchObject({ ok: true });
    await runPlanner(db, "notify-reminders", "2026-07-25");
    const queued = await db.select().from(notificationDeliveries).where(and(eq(notificationDeliveries.recipientId, p.officer.id), sql`${notificationDeliveries.params}->>'month' = '2026-07'`));
    expect(queued).toEqual([]);
    expect(await countUnread(db, { userId: p.officer.id })).toBe(1);
  });

  it("posts to DingTalk with a valid signature and to WeCom as markdown; the secret is never read back", async () => {
    const p = await plantPark(db);
    const saved = await callAs(p.admin.email, reportingActions.saveRobotAction, {
      parkId: p.park.id, kind: "dingtalk", webhookUrl: `${robots.base}/dingtalk?access_token=tok-${p.park.slug}`, secret: "SECsigning-secret", enabled: "on",
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await callAs(p.admin.email, reportingActions.saveRobotAction, { parkId: p.park.id, kind: "wecom", webhookUrl: `${robots.base}/wecom?key=key-${p.park.slug}`, enabled: "on" })).toMatchObject({ ok: true });
    // Another park's admin and this park's editor cannot set this park's robots.
    expect(refusal(await callAs("admin@ningxiang.demo", reportingActions.saveRobotAction, { parkId: p.park.id, kind: "wecom", webhookUrl: "https://evil.example/x", enabled: "on" })).message).toBe("You do not have access to this.");
    expect(refusal(await callAs(p.officer.email, reportingActions.saveRobotAction, { parkId: p.park.id, kind: "wecom", webhookUrl: "https://evil.example/x", enabled: "on" })).message).toBe("You do not have access to this.");
    const shown = await listRobotSettings(db, { parkId: p.park.id });
    expect(JSON.stringify(shown)).not.toContain("SECsigning-secret");
    expect(shown.find((r) => r.kind === "dingtalk")).toMatchObject({ hasSecret: true });
    // Saving again with an empty secret keeps it.
    await callAs(p.admin.email, reportingActions.saveRobotAction, { parkId: p.park.id, kind: "dingtalk", webhookUrl: `${robots.base}/dingtalk?access_token=tok-${p.park.slug}`, secret: "", enabled: "on" });
    const [stored] = await db.select().from(parkRobots).where(and(eq(parkRobots.parkId, p.park.id), eq(parkRobots.kind, "dingtalk")));
    expect(stored!.secret).toBe("SECsigning-secret");

    await runPlanner(db, "notify-weekly-digest", "2026-03-23");
    const before = Date.now();
    await deliverDue(db, { workerId: "w-robots" });
    const ding = robots.received.filter((r) => r.query.get("access_token") === `tok-${p.park.slug}`);
    const wecom = robots.received.filter((r) => r.query.get("key") === `key-${p.park.slug}`);
    expect(ding).toHaveLength(1);
    expect(wecom).toHaveLength(1);
    const timestamp = ding[0]!.query.get("timestamp")!;
    expect(Math.abs(Number(timestamp) - before)).toBeLessThan(60_000);
    const expected = createHmac("sha256", "SECsigning-secret").update(`${timestamp}\nSECsigning-secret`).digest("base64");
    expect(ding[0]!.query.get("sign")).toBe(expected);
    expect(ding[0]!.body.msgtype).toBe("markdown");
    expect(ding[0]!.body.markdown!.title).toBe(`${p.park.name}：2026-03-23 当周简报`);
    expect(ding[0]!.body.markdown!.text).toContain(`(${BASE}/parks/${p.park.slug})`);
    expect(wecom[0]!.body).toMatchObject({ msgtype: "markdown" });
    expect(wecom[0]!.body.markdown!.content).toContain("本月 3 个项目中已报送 0 个");
  });

  it("two workers on one database send each notice exactly once", async () => {
    const second = kind === "postgres" ? await openDatabase({ kind: "postgres", url: database.url! }) : null;
    try {
      const people = await db
        .insert(users)
        .values(Array.from({ length: 40 }, () => ({ email: `${fresh("twice")}@notify.example`, name: "收件人", passwordHash: "x" })))
        .returning({ id: users.id, email: users.email });
      const key = fresh("once");
      await enqueueNotices(db, people.map((u) => ({ recipientId: u.id, parkId: null, kind: "weekly_digest" as const, params: { park: "并发", week: key, reported: 0, expected: 0, lateMilestones: 0, openProblems: 0 }, link: "/", dedupeKey: key })), { email: true });
      const runs = await Promise.all([
        deliverDue(db, { workerId: "worker-a", batch: 3 }),
        deliverDue(second?.db ?? db, { workerId: "worker-b", batch: 3 }),
        deliverDue(second?.db ?? db, { workerId: "worker-c", batch: 3 }),
      ]);
      expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBeGreaterThanOrEqual(40);
      for (const u of people) expect(mailTo(u.email)).toHaveLength(1);
      const rows = await db.select({ status: notificationDeliveries.status }).from(notificationDeliveries).where(inArray(notificationDeliveries.recipientId, people.map((u) => u.id)));
      expect(rows.map((r) => r.status)).toEqual(Array(40).fill("sent"));
    } finally {
      await second?.close();
    }
  });

  it("a worker that dies after claiming sends nothing twice; the outbox shows the rows interrupted and an admin retries them", async () => {
    const p = await plantPark(db);
    await runPlanner(db, "notify-reminders", "2026-08-24");
    const claimed = await claimDueDeliveries(db, { limit: 100, workerId: "dies-now" }); // and never sends
    const mine = claimed.filter((d) => d.parkId === p.park.id);
    expect(mine.length).toBe(2);
    await deliverDue(db, { workerId: "survivor" });
    expect(mailTo(p.officer.email)).toHaveLength(0);
    // Ten minutes later the outbox calls them interrupted.
    await db.update(notificationDeliveries).set({ claimedAt: sql`now() - interval '11 minutes'` }).where(eq(notificationDeliveries.claimedBy, "dies-now"));
    const outbox = await listOutbox(db, { parkId: p.park.id });
    expect(outbox.filter((r) => r.stuck)).toHaveLength(2);
    const row = outbox.find((r) => r.email === p.officer.email)!;
    expect(refusal(await callAs(p.officer.email, reportingActions.retryDeliveryAction, { parkId: p.park.id, deliveryId: row.id })).message).toBe("You do not have access to this.");
    expect(await callAs(p.admin.email, reportingActions.retryDeliveryAction, { parkId: p.park.id, deliveryId: row.id })).toMatchObject({ ok: true });
    await deliverDue(db, { workerId: "survivor" });
    expect(mailTo(p.officer.email)).toHaveLength(1);
    // Sent is final: retrying it again is refused.
    expect(refusal(await callAs(p.admin.email, reportingActions.retryDeliveryAction, { parkId: p.park.id, deliveryId: row.id })).fieldErrors.deliveryId).toBe("Only a failed or interrupted delivery can be retried.");
  });

  it("retries an unreachable SMTP server and a failing robot with backoff, then gives up and shows why", async () => {
    const p = await plantPark(db);
    await db.insert(parkRobots).values({ parkId: p.park.id, kind: "wecom", webhookUrl: `${robots.base}/fail?key=x` });
    await enqueueNotices(db, [{ recipientId: p.viewer.id, parkId: p.park.id, kind: "month_close", params: { park: "失败", month: "2026-02", reported: 0, expected: 0, late: 0 }, link: "/", dedupeKey: fresh("fail") }], { email: true });
    await enqueueParkPosts(db, [{ parkId: p.park.id, kind: "month_close", params: { park: "失败", month: "2026-02", reported: 0, expected: 0, late: 0 }, link: "/", dedupeKey: fresh("fail") }]);
    const env = { ...process.env, SMTP_URL: "smtp://127.0.0.1:1" };
    const first = await deliverDue(db, { workerId: "w-fail", env, baseBackoffMs: 60_000 });
    expect(first.retried).toBeGreaterThanOrEqual(2);
    // Not due again before the backoff: a second pass sends nothing.
    expect(await deliverDue(db, { workerId: "w-fail", env })).toEqual({ sent: 0, retried: 0, dead: 0 });
    for (let attempt = 2; attempt <= 5; attempt++) {
      await db.update(notificationDeliveries).set({ nextAttemptAt: sql`now()` }).where(and(eq(notificationDeliveries.parkId, p.park.id), eq(notificationDeliveries.status, "pending")));
      await deliverDue(db, { workerId: "w-fail", env, baseBackoffMs: 0 });
    }
    const outbox = await listOutbox(db, { parkId: p.park.id });
    expect(outbox.map((r) => [r.channel, r.status, r.attempts])).toEqual(expect.arrayContaining([["email", "dead", 5], ["wecom", "dead", 5]]));
    expect(outbox.find((r) => r.channel === "email")!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(outbox.find((r) => r.channel === "wecom")!.lastError).toBe("robot answered HTTP 500: robot down");
    // Another park's admin cannot retry it; this park's admin can.
    const dead = outbox.find((r) => r.channel === "email")!;
    expect(refusal(await callAs("admin@ningxiang.demo", reportingActions.retryDeliveryAction, { parkId: p.park.id, deliveryId: dead.id })).message).toBe("You do not have access to this.");
    expect(await callAs(p.admin.email, reportingActions.retryDeliveryAction, { parkId: p.park.id, deliveryId: dead.id })).toMatchObject({ ok: true });
    await deliverDue(db, { workerId: "w-fail" }); // the real SMTP server now
    expect(mailTo(p.viewer.email)).toHaveLength(1);
  });

  it("sets a project's officer to a member of its park only, by its editors", async () => {
    const p = await plantPark(db);
    const [project] = p.projects;
    const outsider = (await db.select({ id: users.id }).from(users).where(eq(users.email, "editor@ningxiang.demo")))[0]!.id;
    expect(refusal(await callAs(p.officer.email, reportingActions.setProjectOfficerAction, { parkId: p.park.id, projectId: project!.id, officerId: outsider })).fieldErrors.officerId).toBe("Choose a member of this park.");
    expect(refusal(await callAs(p.viewer.email, reportingActions.setProjectOfficerAction, { parkId: p.park.id, projectId: project!.id, officerId: p.viewer.id })).message).toBe("You do not have access to this.");
    expect(await callAs(p.officer.email, reportingActions.setProjectOfficerAction, { parkId: p.park.id, projectId: project!.id, officerId: p.viewer.id })).toMatchObject({ ok: true });
    const [row] = await db.select({ officerId: projects.officerId }).from(projects).where(eq(projects.id, project!.id));
    expect(row!.officerId).toBe(p.viewer.id);
    expect(refusal(await callAs(p.admin.email, reportingActions.saveReportingSettingsAction, { parkId: p.park.id, deadlineDay: "31", remindDaysBefore: "3" })).fieldErrors.deadlineDay).toBe("Enter a day from 1 to 28.");
  });

  it("runs a scheduled planner through pg-boss on this database and delivers what it planned", async () => {
    const p = await plantPark(db);
    const boss = await createWorker({ db, kind: kind === "postgres" ? "postgres" : "pglite-memory", connectionString: database.url ?? undefined, workerId: "boss-test", deliverCron: "0 0 1 1 *" });
    try {
      await boss.send("notify-weekly-digest", {});
      await waitFor(() => (mailTo(p.admin.email).length && mailTo(p.viewer.email).length ? true : undefined), 60_000);
      expect(mailTo(p.admin.email)[0]!.subject).toMatch(/^Notify Park \d+: the week of \d{4}-\d{2}-\d{2}$/);
      const digests = await db.select().from(notifications).where(and(eq(notifications.recipientId, p.viewer.id), eq(notifications.kind, "weekly_digest")));
      expect(digests).toHaveLength(1);
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    }
  }, 90_000);
});
