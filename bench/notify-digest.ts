// `npm run bench:notify`: the weekly digest for 500 parks × 20 people on PostgreSQL (target ≤ 60 s),
// planned, put in the inbox and outbox, and emailed to a local SMTP server by 4 workers at once.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:notify
// Creates and drops the database parkline_bench_notify. Checks that each message arrived exactly once.
import { performance } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { deliverDue } from "../app/_lib/notify/deliver";
import { runPlanner } from "../app/_lib/notify/jobs";
import { applyMigrations } from "../db/migrate";
import { openDatabase } from "../db/open";
import { memberships, parks, projects, users } from "../db/schema";

const PARKS = 500;
const PEOPLE = 20;
const PROJECTS = 5;
const WORKERS = 4;
const DB_NAME = "parkline_bench_notify";

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl?.startsWith("postgres")) throw new Error("set DATABASE_URL to a PostgreSQL server (the bench creates and drops parkline_bench_notify there)");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  const opened = await openDatabase({ kind: "postgres", url: url.toString() });
  const received = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, MAIL_FROM: "Parkline <bench@parkline.test>",
    PARKLINE_BASE_URL: "https://parkline.test", AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-of-at-least-thirty-two-characters",
  });
  try {
    const { db } = opened;
    await applyMigrations(db);
    const setupStart = performance.now();
    for (let p = 0; p < PARKS; p += 50) {
      const parkRows = await db.insert(parks).values(Array.from({ length: 50 }, (_, i) => ({ slug: `bench-${p + i}`, name: `基准园区${p + i}`, province: "湖南省", city: "长沙市" }))).returning({ id: parks.id });
      const people = await db
        .insert(users)
        .values(parkRows.flatMap((_, i) => Array.from({ length: PEOPLE }, (_, u) => ({ email: `p${p + i}-u${u}@bench.test`, name: `成员${u}`, passwordHash: "x", locale: u % 2 ? "en" : "zh" }))))
        .returning({ id: users.id });
      await db.insert(memberships).values(people.map((person, k) => ({ userId: person.id, parkId: parkRows[Math.floor(k / PEOPLE)]!.id, role: k % PEOPLE === 0 ? ("admin" as const) : ("viewer" as const) })));
      await db.insert(projects).values(parkRows.flatMap((park, i) => Array.from({ length: PROJECTS }, (_, j) => ({ parkId: park.id, code: `B-${j}`, name: `项目${p + i}-${j}`, company: "企业", cluster: "新材料" }))));
    }
    console.log(`setup: ${PARKS} parks × ${PEOPLE} people in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

    const start = performance.now();
    const planned = await runPlanner(db, "notify-weekly-digest");
    const plannedAt = performance.now();
    const runs = await Promise.all(Array.from({ length: WORKERS }, (_, w) => deliverDue(db, { workerId: `bench-${w}` })));
    const end = performance.now();
    const sent = runs.reduce((sum, r) => sum + r.sent, 0);
    const twice = [...received.values()].filter((count) => count > 1).length;
    console.log(`digest: ${planned.notices} notices planned and queued in ${((plannedAt - start) / 1000).toFixed(1)} s; ${sent} emails sent by ${WORKERS} workers in ${((end - plannedAt) / 1000).toFixed(1)} s`);
    console.log(`total: ${((end - start) / 1000).toFixed(1)} s (target ≤ 60 s); received ${received.size} distinct recipients, ${twice} more than once`);
    if (planned.notices !== PARKS * PEOPLE || received.size !== PARKS * PEOPLE || twice > 0) process.exitCode = 1;
    // Planning again adds nothing: the dedupe keys hold.
    const again = await runPlanner(db, "notify-weekly-digest");
    console.log(`second run: ${again.notices} new notices`);
    if (again.notices !== 0) process.exitCode = 1;
  } finally {
    await opened.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
}

void main();
