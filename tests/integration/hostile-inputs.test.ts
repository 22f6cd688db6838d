import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { getTableColumns, getTableName, sql, type Table } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { REDACTION_SECTIONS, type Redaction } from "@/lib/domain/share-schemas";
import { escapeHtml } from "@/lib/html";
import * as shareRoute from "@/pages/api/share/[token]";
import { createShareLink } from "@/db/queries/share-links";
import { apiTokens, users, capacities, parks, phases, problems, problemUpdates, productionLines, progressEntries, projects, regions, shareLinks, signInAttempts } from "@/db/schema";
import { seedDemoData } from "@/db/seed/seed";
import type { Db } from "@/db/types";
import { ACCOUNT, ACTION_ROWS, buildMatrixContext, ROUTE_ROWS, type ActionRow, type MatrixContext, type Role } from "../support/access-matrix";
import { callAs, formDataOf, snapshotTables, useDatabase, type ActionOutcome, type FormValues } from "../support/action-harness";
import { tokenForUser } from "../support/api-fixture";
import { flushShareViews } from "@/app/share/[token]/views";
import { createTestDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";
import { FILE_MARKER, hostileValues, MB, type Hostile } from "../support/hostile-values";
import { rowsOf, WriteWatch, writtenSince, type Changes } from "../support/write-watch";
import { upload } from "../support/ledger-calls";
import { csvOf } from "../support/ledger-files";
import { callPagesApi, loadRouteHandler } from "../support/pages-api";
import { MILESTONE_DATE_FIELDS, PROGRESS_LEDGER_FIELDS, PROJECT_LEDGER_FIELDS, fieldLabelKey, type LedgerField } from "@/app/_lib/ledger/columns";
import { en } from "@/lib/i18n/messages/en";

/**
 * Every write path (each field of each server action's form, the form as a whole, the arguments
 * themselves) and every route handler, fed hostile input. Each must be refused with nothing written,
 * or, where the field legitimately takes that text, store it exactly as typed; never throw or 5xx.
 */

vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual<object>()));
vi.mock("@/app/_lib/auth/config", async () => (await import("../support/access-matrix")).mockAuthConfigWithCredentials());
vi.mock("next-auth", async () => (await import("../support/access-matrix")).mockNextAuth());
vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());
vi.mock("@/app/_lib/page-cache/render", async () => (await import("../support/access-matrix")).mockAppRouterRendering());

// ---- what each field may do with them ----

type FieldKind =
  /** Free text: printable input is stored exactly as typed (trimmed); markup and SQL must be accepted literally. */
  | { kind: "text"; table: Table; column: string }
  /** A constrained identifier: whatever it accepts is stored exactly as typed. */
  | { kind: "identifier"; table: Table; column: string }
  /** A value of this shape is legitimate here (and stored); anything else must be refused. */
  | { kind: "value"; accepts: RegExp; why: string }
  /** May be accepted, but the value itself must not be stored anywhere. */
  | { kind: "ignored"; why: string };

const text = (table: Table, column: string): FieldKind => ({ kind: "text", table, column });
const ignored = (why: string): FieldKind => ({ kind: "ignored", why });
const CHECKBOX: FieldKind = { kind: "value", accepts: /^(|on|true|1|false|0)$/, why: "a checkbox takes on/true/1 or off/false/0; anything else is refused" };

const projectText = {
  code: { kind: "identifier", table: projects, column: "code" } as FieldKind,
  ...Object.fromEntries(["name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge"].map((c) => [c, text(projects, c)])),
};

/** Fields not listed here are strict: every hostile value must be refused. */
const FIELD_KINDS: Record<string, Record<string, FieldKind>> = {
  createProjectAction: projectText,
  updateProjectAction: projectText,
  savePhaseAction: { name: text(phases, "name"), nameEn: text(phases, "nameEn") },
  saveLineAction: { name: text(productionLines, "name"), nameEn: text(productionLines, "nameEn") },
  saveCapacityAction: { product: text(capacities, "product"), productEn: text(capacities, "productEn") },
  saveMilestoneAction: {
    customLabel: ignored("kept only for a custom milestone; the form's type is topping_out"),
    rebaselineReason: ignored("kept only when an existing milestone's planned date moves"),
  },
  logProgressAction: {
    narrative: text(progressEntries, "narrative"),
    narrativeEn: text(progressEntries, "narrativeEn"),
    sourceRef: text(progressEntries, "sourceRef"),
    sourceUrl: { kind: "value", accepts: /^https?:\/\/\S+$/, why: "a source may be any web page" },
  },
  raiseProblemAction: { description: text(problems, "description"), owner: text(problems, "owner") },
  followUpProblemAction: { note: text(problemUpdates, "note"), close: CHECKBOX },
  createShareLinkAction: {
    label: text(shareLinks, "label"),
    ...Object.fromEntries(["investment", "contractAmounts", "milestones", "progress", "capacity", "problems", "contacts"].map((s) => [`show.${s}`, CHECKBOX])),
  },
  saveTargetAction: { statedGrowthPct: { kind: "value", accepts: /^-?\d+$/, why: "a stated growth rate may be negative" } },
  signInAction: { callbackUrl: ignored("only a same-site path is followed; anything else falls back to /") },
  createApiTokenAction: { label: text(apiTokens, "label") },
  // The organisation (platform admins): names are free text; a slug is an identifier; clusters are lines of text.
  saveRegionAction: { name: text(regions, "name"), nameEn: text(regions, "nameEn") },
  saveParkAction: {
    name: text(parks, "name"),
    nameEn: text(parks, "nameEn"),
    slug: { kind: "identifier", table: parks, column: "slug" },
    clusters: { kind: "value", accepts: /^[\s\S]*$/, why: "any line of text names a cluster (kept as JSON in parks.clusters)" },
  },
  // Deactivation is a yes/no: "true" and "false" are its two legitimate values.
  setUserActiveAction: { active: { kind: "value", accepts: /^(true|false)$/, why: "the account's new state, on or off" } },
  // A platform admin's scope is every park: another park's id is a legitimate target, not a tenant escape.
  setParkArchivedAction: {
    archived: CHECKBOX,
    parkId: { kind: "value", accepts: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, why: "a platform admin may archive any park" },
  },
  // The same for a platform admin's invitations and removals: any park is theirs to staff.
  adminInviteMemberAction: { parkId: { kind: "value", accepts: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, why: "a platform admin may invite into any park" } },
  adminRemoveMemberAction: { parkId: { kind: "value", accepts: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, why: "a platform admin may remove from any park" } },
  // A new account's name is free text; passwords are only ever stored hashed.
  acceptInvitationAction: {
    name: text(users, "name"),
    newPassword: ignored("stored only as its argon2 hash"),
    confirmPassword: ignored("compared with the new password, never stored"),
  },
  resetPasswordAction: { newPassword: ignored("stored only as its argon2 hash"), confirmPassword: ignored("compared with the new password, never stored") },
  updateProfileAction: { name: text(users, "name") },
  updateProblemAction: { ownerUnit: text(problems, "owner"), note: text(problemUpdates, "note") },
  // A robot's address is any web address the admin gives; its secret any printable run without spaces (never shown back).
  saveRobotAction: {
    webhookUrl: { kind: "value", accepts: /^https?:\/\/\S+$/, why: "a robot's webhook is a web address" },
    secret: { kind: "value", accepts: /^[\x21-\x7e]+$/, why: "a signing secret is printable ASCII without spaces" },
    clearSecret: CHECKBOX,
    enabled: CHECKBOX,
  },
};

/** Tables a refused call may legitimately write: a failed sign-in is counted (that is the rate limit). */
const REFUSAL_MAY_WRITE: Record<string, string[]> = {
  signInAction: ["sign_in_attempts"],
  // Every use of a one-time link is counted per address, refused or not (that is the rate limit).
  acceptInvitationAction: ["rate_limit_hits"],
  joinParkAction: ["rate_limit_hits"],
  resetPasswordAction: ["rate_limit_hits"],
  forgotPasswordAction: ["rate_limit_hits"],
};

/** The text as the server receives it: FormData carries scalar values (a lone surrogate becomes U+FFFD); zod trims. */
function asReceived(value: string): string {
  const form = new FormData();
  form.append("v", value);
  return String(form.get("v")).trim();
}

async function isStored(db: Db, table: Table, column: string, value: string): Promise<boolean> {
  const col = getTableColumns(table)[column]!;
  const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from ${table} where ${col} = ${value}`));
  return Number(row!.n) > 0;
}

/** Whether a row written since `sinceXid` holds the value (values shorter than 8 characters are too common to tell). */
async function writtenAnywhere(db: Db, changes: Changes, needle: string): Promise<boolean> {
  const body = JSON.stringify(needle).slice(1, -1);
  if (body.length < 8) return false;
  for (const name of changes.tables) {
    const [row] = rowsOf<{ n: number | string }>(
      await db.execute(sql`select count(*) as n from ${sql.identifier(name)} t where ${writtenSince(changes.sinceXid)} and strpos(to_jsonb(t)::text, ${body}) > 0`),
    );
    if (Number(row!.n) > 0) return true;
  }
  return false;
}

/** Whitespace, or a file where text is expected: the same as leaving an optional field empty. */
const isBlank = (value: string | File) => typeof value !== "string" || value.trim() === "";

const SAME_SITE_PATH = /^\/(?![/\\])/;
const UNESCAPED_MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"];

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

type ServerAction = (previous: never, formData: FormData) => Promise<unknown>;

/** The real action of a row, imported by path like the matrix discovers it. */
async function actionOf(row: ActionRow): Promise<ServerAction> {
  return ((await import(join(ROOT, "app/_lib/actions", `${row.module}.ts`))) as Record<string, ServerAction>)[row.name]!;
}

/** The role that would succeed with the valid form: the editor where allowed, else the admin, else nobody signed in. */
const actingRole = (row: ActionRow): Role =>
  row.cells.editor === "allowed" ? "editor" : row.cells.admin === "allowed" ? "admin" : row.cells.platform === "allowed" ? "platform" : "signedOut";

describe.each(TEST_TARGETS)("hostile inputs on %s", (kind) => {
  let database: TestDatabase;
  let ctx: MatrixContext;
  let watch: WriteWatch;
  const tally = { tried: 0, refused: 0, refusedRowsChanged: 0, storedAsText: 0, ignored: 0, acceptedRowsChanged: 0, routeRequests: 0, route5xx: 0 };
  /** Markup and SQL that text fields stored as typed: the share page must show them escaped. */
  const literalTexts = new Set<string>();

  beforeAll(async () => {
    // Thousands of requests with one token: the per-token and per-address limits would answer first.
    process.env.PARKLINE_API_RATE_LIMIT = "1000000";
    process.env.PARKLINE_API_AUTH_FAILURE_LIMIT = "1000000";
    process.env.PARKLINE_TOKEN_RATE_LIMIT = "1000000";
    database = await createTestDatabase(kind);
    await seedDemoData(database.db);
    useDatabase(database.db);
    ctx = await buildMatrixContext(database.db);
    watch = new WriteWatch(database.db);
  });
  // Views the share pages count are written up to 200 ms later: write them before the next test
  // snapshots the tables, and before the database goes.
  afterEach(() => flushShareViews());
  afterAll(async () => {
    await flushShareViews();
    delete process.env.PARKLINE_API_RATE_LIMIT;
    delete process.env.PARKLINE_API_AUTH_FAILURE_LIMIT;
    delete process.env.PARKLINE_TOKEN_RATE_LIMIT;
    await database.drop();
  });

  /** `form` is what the request decoded as the action's second argument: normally FormData, but an attacker picks. */
  async function submit(role: Role, action: ServerAction, form: unknown): Promise<ActionOutcome | { threw: string }> {
    try {
      return await callAs(ACCOUNT[role], ((previous: never) => action(previous, form as FormData)) as never, {});
    } catch (error) {
      return { threw: error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error) };
    }
  }

  /**
   * Sends one input and judges it against what the field may do (`kind`; undefined = strict).
   * Returns whether it was accepted, and a failure description or null.
   */
  async function tryInput(row: ActionRow, form: unknown, kind: FieldKind | undefined, hostile: Hostile) {
    if (row.name === "signInAction") await ctx.db.delete(signInAttempts); // keep the rate limit from answering first
    await watch.mark();
    const outcome = await submit(actingRole(row), await actionOf(row), form);
    const changes = await watch.changes();
    tally.tried++;
    const judged = (accepted: boolean, failure: string | null) => ({ accepted, failure });
    if (({} as Record<string, unknown>).polluted !== undefined) return judged(true, "Object.prototype was polluted");
    if ("threw" in outcome) return judged(false, `threw ${outcome.threw}`);

    if (!("redirected" in outcome) && !outcome.ok) {
      tally.refused++;
      const wrote = changes.tables.filter((t) => !(REFUSAL_MAY_WRITE[row.name] ?? []).includes(t));
      if (wrote.length) {
        tally.refusedRowsChanged += changes.rows;
        return judged(false, `refused but wrote to ${wrote.join(", ")}`);
      }
      if (hostile.literal && kind?.kind === "text") return judged(false, `refused literal text: ${JSON.stringify(outcome.fieldErrors)}`);
      return judged(false, null);
    }

    tally.acceptedRowsChanged += changes.rows;
    const needle = typeof hostile.value === "string" ? asReceived(hostile.value) : FILE_MARKER;
    const dropped = async (why: string) => {
      tally.ignored++;
      if ("redirected" in outcome && !SAME_SITE_PATH.test(outcome.redirected)) return judged(true, `redirected off-site to ${outcome.redirected}`);
      return judged(true, (await writtenAnywhere(ctx.db, changes, needle)) ? `stored a value that should have been dropped (${why})` : null);
    };
    if (kind?.kind === "ignored") return dropped(kind.why);
    if (isBlank(hostile.value) && kind?.kind !== "text") return dropped("blank: an optional field left empty");
    if (kind?.kind === "value") {
      tally.storedAsText++;
      return judged(true, kind.accepts.test(needle) ? null : `accepted ${JSON.stringify(needle.slice(0, 40))}, which is not ${kind.why}`);
    }
    if (!kind) return judged(true, `accepted by a strict field: ${JSON.stringify(outcome).slice(0, 200)}`);
    if (typeof hostile.value !== "string") return dropped("a file where text is expected");
    tally.storedAsText++;
    if (needle === "") return judged(true, null); // whitespace in an optional text field: stored as empty
    if (hostile.literal) literalTexts.add(needle);
    const stored = await isStored(ctx.db, kind.table, kind.column, needle);
    return judged(true, stored ? null : `accepted but not stored as typed in ${getTableName(kind.table)}.${kind.column}`);
  }

  /** Attacks on the whole form rather than one field. */
  function wholeFormAttacks(form: FormValues): { hostile: Hostile; data: unknown; mustRefuse: boolean }[] {
    const fields = Object.keys(form);
    const extra = formDataOf(form);
    for (let i = 0; i < 10_000; i++) extra.append(`junk${i}`, `JUNK-VALUE-${i}-9e2f`);
    const prototypeKeys = formDataOf(form);
    for (const key of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "reached.__proto__", "online.constructor"]) {
      prototypeKeys.append(key, '{"polluted":"yes-polluted-4b1a"}');
    }
    // Server action arguments arrive in React's own encoding: the second one need not be a form at all.
    const notAForm = [undefined, null, "parkId=x", 42, Object.fromEntries(formDataOf(form)), [formDataOf(form)], new URLSearchParams(formDataOf(form) as never)];
    const attacks = [
      { hostile: { label: "10,000 extra fields", value: "JUNK-VALUE-1-9e2f" }, data: extra as unknown, mustRefuse: false },
      { hostile: { label: "prototype keys", value: "yes-polluted-4b1a" }, data: prototypeKeys, mustRefuse: false },
      ...notAForm.map((data) => ({ hostile: { label: `arguments: ${Array.isArray(data) ? "array" : data === null ? "null" : data?.constructor?.name ?? typeof data}`, value: "" }, data, mustRefuse: true })),
    ];
    if (fields.length === 0) return attacks;
    return [
      ...attacks,
      { hostile: { label: "every field empty", value: "" }, data: formDataOf(Object.fromEntries(fields.map((f) => [f, ""]))), mustRefuse: true },
      { hostile: { label: "every field 1 MB", value: "" }, data: formDataOf(Object.fromEntries(fields.map((f) => [f, "9".repeat(MB)]))), mustRefuse: true },
      { hostile: { label: "no fields at all", value: "" }, data: new FormData(), mustRefuse: true },
    ];
  }

  it("sees every kind of write that snapshotTables sees, and none when nothing was written", async () => {
    const seen = async (write: () => Promise<unknown>) => {
      await watch.mark();
      const before = await snapshotTables(ctx.db);
      await write();
      const after = await snapshotTables(ctx.db);
      const changed = Object.keys(after).filter((t) => after[t]!.digest !== before[t]!.digest);
      return { watch: (await watch.changes()).tables.sort(), snapshot: changed.sort() };
    };
    const inserted = await seen(() => ctx.db.insert(signInAttempts).values({ email: "watch@example.com", ip: "192.0.2.1" }));
    expect(inserted).toEqual({ watch: ["sign_in_attempts"], snapshot: ["sign_in_attempts"] });
    const updated = await seen(() => ctx.db.update(signInAttempts).set({ ip: "192.0.2.2" }));
    expect(updated).toEqual({ watch: ["sign_in_attempts"], snapshot: ["sign_in_attempts"] });
    const deleted = await seen(() => ctx.db.delete(signInAttempts));
    expect(deleted).toEqual({ watch: ["sign_in_attempts"], snapshot: ["sign_in_attempts"] });
    const nothing = await seen(() => ctx.db.select().from(signInAttempts));
    expect(nothing).toEqual({ watch: [], snapshot: [] });
  });

  it.each(ACTION_ROWS.map((row) => [row.name, row] as const))("%s: hostile values in every field are refused, or stored exactly as text", async (_name, row) => {
    const failures: string[] = [];
    let form = await row.form(ctx, actingRole(row));
    for (const field of Object.keys(form)) {
      for (const hostile of hostileValues(ctx)) {
        const data = formDataOf(form);
        data.set(field, hostile.value);
        const { accepted, failure } = await tryInput(row, data, FIELD_KINDS[row.name]?.[field], hostile);
        if (failure) failures.push(`${field} ← ${hostile.label}: ${failure}`);
        // An accepted form may have used up what it named (a version, a code, an open problem).
        if (accepted) form = await row.form(ctx, actingRole(row));
      }
    }
    for (const attack of wholeFormAttacks(await row.form(ctx, actingRole(row)))) {
      const kind = attack.mustRefuse ? undefined : ignored("extra fields are dropped");
      const { failure } = await tryInput(row, attack.data, kind, attack.hostile);
      if (failure) failures.push(`${attack.hostile.label}: ${failure}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("the public share page shows the accepted markup escaped, never as markup", async () => {
    expect(literalTexts.size).toBeGreaterThan(0);
    const link = await createShareLink(ctx.db, ctx.editor, {
      label: "hostile", scope: "park", projectId: null, expiresAt: null, snapshotAt: null,
      redaction: Object.fromEntries(REDACTION_SECTIONS.map((s) => [s, true])) as Redaction,
    });
    if (!link.ok) throw new Error("share link refused");
    const { token } = link.value;
    const response = await callPagesApi(shareRoute.default, new Request(`http://localhost/share/${token}`), { params: Promise.resolve({ token }) });
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(UNESCAPED_MARKUP.filter((markup) => body.includes(markup))).toEqual([]);
    expect(body).toContain(escapeHtml("<script>alert(1)</script>")); // a project was named that, and the page lists it
  });

  it("route handlers answer hostile paths, queries and headers without a 5xx or echoed markup", async () => {
    const failures: string[] = [];
    // URLs carry well-formed text only: a lone surrogate arrives as U+FFFD, as it would over HTTP.
    const strings = hostileValues(ctx).flatMap((h) => (typeof h.value === "string" ? [{ label: h.label, value: Buffer.from(h.value).toString() }] : []));
    for (const row of ROUTE_ROWS) {
      const handler = (await loadRouteHandler(ROOT, row.file, row.method))!;
      const { path, params, init } = row.request(ctx);
      // /api/v1 rows: the editor sends their token and the row's valid body, so hostile paths and headers reach past authentication.
      const api = row.api ? await row.api(ctx) : null;
      const editorToken = api ? await tokenForUser(ctx.db, ACCOUNT.editor!) : null;
      const cases: { label: string; path: string; params: Record<string, string>; headers?: Record<string, string>; badPath: boolean }[] = [];
      for (const name of Object.keys(params)) {
        for (const h of strings) {
          const hostilePath = path.replace(encodeURIComponent(params[name]!), encodeURIComponent(h.value));
          cases.push({ label: `${name} ← ${h.label}`, path: hostilePath, params: { ...params, [name]: h.value }, badPath: true });
        }
      }
      for (const h of strings) cases.push({ label: `?lang ← ${h.label}`, path: `${path}?lang=${encodeURIComponent(h.value)}`, params, badPath: false });
      const manyParams = Array.from({ length: 10_000 }, (_, i) => `p${i}=${i}`).join("&");
      cases.push({ label: "10,000 query parameters", path: `${path}?${manyParams}`, params, badPath: false });
      cases.push({ label: "prototype keys in the query", path: `${path}?__proto__[polluted]=1&constructor=x&lang=en&lang=zh`, params, badPath: false });
      for (const h of strings.filter((s) => /^[\x20-\x7e]*$/.test(s.value) && s.value.length < 10_000)) {
        const headers = { "accept-language": h.value, "x-forwarded-for": h.value, "content-type": "application/json", "x-forwarded-host": h.value };
        cases.push({ label: `headers ← ${h.label}`, path, params, headers, badPath: false });
      }
      for (const c of cases) {
        for (const role of ["editor", "signedOut"] as const) {
          tally.routeRequests++;
          let status: number;
          let body: string;
          let contentType: string;
          try {
            // Upload rows carry their file and Origin in `init`; /api/v1 rows their JSON body.
            const headers = new Headers({ ...init?.headers, ...api?.headers, ...c.headers });
            if (editorToken && role === "editor") headers.set("authorization", `Bearer ${editorToken}`);
            if (api?.json !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
            const json = api?.json === undefined ? undefined : JSON.stringify(api.json);
            const requestBody = json ?? (init?.body as BodyInit | undefined);
            const call = () => handler(new Request(`http://localhost${c.path}`, { method: row.method, headers, body: requestBody }), { params: Promise.resolve(c.params) });
            const response = (await callAs(ACCOUNT[role], call as never, {})) as unknown as Response;
            status = response.status;
            contentType = response.headers.get("content-type") ?? "";
            body = await response.text();
          } catch (error) {
            failures.push(`${row.file} ${c.label} as ${role}: threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
            continue;
          }
          if (status >= 500) tally.route5xx++;
          if (status >= 500) failures.push(`${row.file} ${c.label} as ${role}: ${status}`);
          // A cached page refuses a signed-out reader as the page does: with the sign-in redirect.
          else if (c.badPath && (status < 400 || status >= 500) && !(row.cachedPage && role === "signedOut" && status === 307)) {
            failures.push(`${row.file} ${c.label} as ${role}: ${status}, not a 4xx`);
          }
          // JSON carries stored text as data (projects may be named "<script>…" above); markup only matters where a browser renders it.
          const rendered = /^(text\/html|image\/svg\+xml)/.test(contentType);
          const echoed = rendered ? UNESCAPED_MARKUP.filter((markup) => body.includes(markup)) : [];
          if (echoed.length) failures.push(`${row.file} ${c.label} as ${role}: echoed ${echoed.join(", ")}`);
          // No content to type: not modified, no content, or a redirect with an empty body.
          const nothing = status === 304 || status === 204 || (status >= 300 && status < 400 && body === "");
          if (!rendered && !nothing && !/^(application\/(problem\+)?json|text\/csv|text\/plain|application\/pdf|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document)/.test(contentType)) failures.push(`${row.file} ${c.label} as ${role}: content-type ${contentType}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it.each(["projects", "progress"] as const)("the %s ledger upload: hostile cells are refused, or stored exactly as text; never a 5xx", async (ledger) => {
    const failures: string[] = [];
    const month = (i: number) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    // Per ledger: its columns, a valid row (i makes its key unique), the free-text columns and the table they land in.
    const config = {
      projects: {
        fields: PROJECT_LEDGER_FIELDS as readonly LedgerField[], table: projects, identifier: "code" as LedgerField | null,
        // A milestone column takes a date as parks write it (2026/01/01, 2026年1月), a plan marked as one, or an Excel serial.
        accepts: Object.fromEntries(Object.keys(MILESTONE_DATE_FIELDS).map((f) => [f, /^(计划|预计|planned\s*)?\s*(\d{4}([-/.]|年)\d{1,2}|\d{5}|\d{6,8})/i])) as Partial<Record<LedgerField, RegExp>>,
        references: {} as Partial<Record<LedgerField, Table>>,
        text: new Set<LedgerField>(["name", "nameEn", "company", "companyEn", "cluster", "clusterEn", "responsibleUnit", "leaderInCharge", "problem"]),
        // The problem column opens a problem: its text lands in problems.description.
        storedIn: { problem: [problems, "description"] } as Partial<Record<LedgerField, [Table, string]>>,
        row: (field: LedgerField, i: number): Record<string, string> => ({
          code: `HX-${field}-${i}`, name: "台账项目", nameEn: "", company: "台账企业", companyEn: "", cluster: "新材料", clusterEn: "", responsibleUnit: "",
          leaderInCharge: "", health: "", plannedInvestment: "1亿", contractedInvestment: "", inPlaceInvestment: "", completedInvestment: "",
          stage: "", signedDate: "", landSupplyDate: "", approvalDate: "", constructionStartDate: "", toppingOutDate: "", productionDate: "",
          fullCapacityDate: "", aboveDesignatedSizeDate: "", problem: "", park: "",
        }),
      },
      progress: {
        fields: PROGRESS_LEDGER_FIELDS as readonly LedgerField[], table: progressEntries, identifier: null,
        // A source may be any web page; a month may be written as a date in it (2026/01/01).
        accepts: { sourceUrl: /^https?:\/\/\S+$/i, period: /^\d{4}([-/.]|年)\d{1,2}/ } as Partial<Record<LedgerField, RegExp>>,
        // A code names a project of the park (the projects ledger above may have created one so named).
        references: { code: projects } as Partial<Record<LedgerField, Table>>,
        text: new Set<LedgerField>(["narrative", "narrativeEn", "sourceRef"]),
        storedIn: {} as Partial<Record<LedgerField, [Table, string]>>,
        row: (_field: LedgerField, i: number): Record<string, string> => ({
          code: ctx.projectCode, period: month(i), narrative: "台账进展", narrativeEn: "", investmentCompleted: "", outputValue: "", sourceUrl: "", sourceRef: "",
        }),
      },
    }[ledger];
    const header = config.fields.map((f) => en[fieldLabelKey(f)]);
    // Control characters make the whole file "not text": each is sent alone and must be refused as a file.
    const strings = hostileValues(ctx).flatMap((h) => (typeof h.value === "string" ? [{ ...h, value: h.value }] : []));
    const control = strings.filter((h) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(h.value));
    const cells = strings.filter((h) => !control.includes(h));
    const send = async (rows: Record<string, string>[], mode: "preview" | "commit", token?: string) => {
      await watch.mark();
      const file = csvOf([header, ...rows.map((r) => config.fields.map((f) => r[f]!))]);
      const answer = await upload(ACCOUNT.editor!, file, { parkId: ctx.parkId, kind: ledger, name: "hostile.csv", mode, token });
      tally.routeRequests++;
      if (answer.status >= 500) tally.route5xx++;
      // Counting the upload against the editor's limit is not a write of the file.
      return { ...answer, changes: await watch.changes(["rate_limit_hits"]) };
    };
    // Far more files than a person sends: the per-user limit (its own test: ledger-bad-files) is lifted.
    vi.stubEnv("PARKLINE_IMPORT_RATE_LIMIT", "1000000");
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    for (const field of config.fields) {
      const rows = cells.map((h, i) => ({ ...config.row(field, i), [field]: h.value }));
      const preview = await send(rows, "preview");
      if (preview.status !== 200 || preview.changes.rows) failures.push(`${field}: preview answered ${preview.status}, wrote ${preview.changes.rows} rows`);
      const refusedRows = new Set((preview.body.problems ?? []).map((p) => p.row));
      const accepted = rows.filter((_, i) => !refusedRows.has(i + 2));
      for (const [i, h] of cells.entries()) {
        tally.tried++;
        const typed = asReceived(h.value);
        const table = config.references[field];
        if (refusedRows.has(i + 2)) {
          tally.refused++;
          if (h.literal && config.text.has(field)) failures.push(`${field} ← ${h.label}: refused literal text`);
        } else if (table) {
          if (!(await isStored(ctx.db, table, field, typed))) failures.push(`${field} ← ${h.label}: accepted, but names nothing`);
        } else if (config.accepts[field]) {
          if (typed && !config.accepts[field]!.test(typed)) failures.push(`${field} ← ${h.label}: accepted, but not of the accepted shape`);
        } else if (!config.text.has(field) && field !== config.identifier && typed !== "") failures.push(`${field} ← ${h.label}: accepted by a strict column`);
      }
      if (!accepted.length) continue;
      const again = await send(accepted, "preview");
      const commit = await send(accepted, "commit", again.body.token);
      if (commit.status !== 200) failures.push(`${field}: import of the accepted rows answered ${commit.status} ${JSON.stringify(commit.body).slice(0, 200)}`);
      tally.acceptedRowsChanged += commit.changes.rows;
      for (const row of accepted) {
        const typed = asReceived(row[field]!);
        if (!(config.text.has(field) || field === config.identifier) || typed === "") continue;
        tally.storedAsText++;
        const [table, column] = config.storedIn[field] ?? [config.table, field];
        if (!(await isStored(ctx.db, table, column, typed))) failures.push(`${field} ← ${JSON.stringify(typed.slice(0, 40))}: accepted but not stored as typed`);
      }
    }
    for (const h of control) {
      const [textField] = [...config.text];
      const answer = await send([{ ...config.row("code", 0), [textField!]: h.value }], "preview");
      tally.tried++;
      if (answer.status !== 422 || answer.changes.rows) failures.push(`control ← ${h.label}: ${answer.status}, wrote ${answer.changes.rows} rows`);
      else tally.refused++;
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("tried every input", () => {
    const { tried, refused, refusedRowsChanged, storedAsText, ignored: dropped, acceptedRowsChanged, routeRequests, route5xx } = tally;
    console.log(`hostile inputs: ${tried} tried, ${refusedRowsChanged} rows changed (${kind})`);
    console.log(
      `hostile inputs (${kind}): ${refused} refused with 0 rows changed; ${storedAsText} stored exactly as text and ${dropped} accepted with the hostile value dropped ` +
        `(${acceptedRowsChanged} rows written by those); ${routeRequests} hostile requests to route handlers, ${route5xx} answered 5xx`,
    );
    expect(tried).toBeGreaterThanOrEqual(200);
    expect(refusedRowsChanged).toBe(0);
  });
});
