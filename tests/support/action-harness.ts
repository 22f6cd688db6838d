import { sql } from "drizzle-orm";
import { vi } from "vitest";
import type { FormResult } from "@/app/_lib/guard";
import type { Viewer } from "@/app/_lib/auth/viewer";
import { asc, eq } from "drizzle-orm";
import { getUserByEmail, listEffectiveMemberships, type ParkMembership } from "@/db/queries/accounts";
import { memberships as membershipsTable, parks } from "@/db/schema";
import type { Db } from "@/db/types";

/**
 * Calls the real server actions as a given user against a real test database. The test file
 * registers the mocks (vi.mock is only reliably hoisted in test files) with the factories below:
 *
 *   vi.mock("@/db/client", async () => (await import("../support/action-harness")).mockDbClient());
 *   vi.mock("@/app/_lib/auth/viewer", async (actual) => (await import("../support/action-harness")).mockViewer(await actual()));
 *   vi.mock("@/app/_lib/auth/config", async () => (await import("../support/action-harness")).mockAuthConfig());
 *   vi.mock("next/headers", async () => (await import("../support/action-harness")).mockNextHeaders());
 *   vi.mock("next/cache", async () => (await import("../support/action-harness")).mockNextCache());
 *
 * This module must not import those modules (other than types), or the mocks would import themselves.
 */

const state: { db: Db | null; viewer: Viewer | null; acceptLanguage: string } = { db: null, viewer: null, acceptLanguage: "en" };

/** The database `getDb()` returns to the actions for the rest of the file. */
export function useDatabase(db: Db) {
  state.db = db;
}

/** The language the fake request asks for (English by default, so messages can be asserted in English). */
export function useLanguage(acceptLanguage: string) {
  state.acceptLanguage = acceptLanguage;
}

function requireDb(): Db {
  if (!state.db) throw new Error("action-harness: call useDatabase(db) before calling an action");
  return state.db;
}

// A fixed, syntactically valid session id: getViewer is mocked, so no session row is needed.
const FAKE_SESSION_ID = "00000000-0000-4000-8000-00000000c0de";

/** The viewer as getViewer would build it for this user, read from the database now (null = signed out). */
export async function viewerByEmail(db: Db, email: string | null): Promise<Viewer | null> {
  if (email === null) return null;
  const user = await getUserByEmail(db, { email });
  if (!user) throw new Error(`action-harness: no user ${email}`);
  // Without a session row (getSessionViewer needs one, and it would show in snapshotTables).
  return { userId: user.id, email: user.email, name: user.name, sessionId: FAKE_SESSION_ID, platformAdmin: user.platformAdmin, memberships: await listEffectiveMemberships(db, { userId: user.id }) };
}

/** A user's direct memberships as getSessionViewer should give them (no region roles), from a plain join of the two tables. */
export function membershipsOf(db: Db, userId: string): Promise<ParkMembership[]> {
  return db
    .select({
      parkId: parks.id, role: membershipsTable.role, slug: parks.slug, name: parks.name, nameEn: parks.nameEn,
      province: parks.province, provinceEn: parks.provinceEn, city: parks.city, cityEn: parks.cityEn,
      archived: sql<boolean>`(${parks.archivedAt} is not null)`,
      isDemo: parks.isDemo,
    })
    .from(membershipsTable)
    .innerJoin(parks, eq(parks.id, membershipsTable.parkId))
    .where(eq(membershipsTable.userId, userId))
    .orderBy(asc(parks.name), asc(parks.id));
}

// ---- mock factories (used from vi.mock in the test file) ----

export function mockDbClient() {
  return {
    getDb: async () => requireDb(),
    getDatabase: async () => ({ db: requireDb(), kind: "pglite" as const, close: async () => {} }),
  };
}

/**
 * Only who is asking is replaced: getViewer, and requireViewer (the pages' form of it, which calls the
 * module's own getViewer) with the same sign-in redirect; roleIn / hasRole / parkIdsOf stay the real ones.
 */
export function mockViewer<M extends object>(actual: M) {
  const requireViewer = async () => {
    if (state.viewer) return state.viewer;
    const { redirect } = await import("next/navigation");
    redirect("/signin");
  };
  return { ...actual, getViewer: async () => state.viewer, requireViewer };
}

/**
 * next-auth cannot be loaded outside Next (it imports "next/server" without an extension), and the
 * real viewer module imports it; with getViewer replaced nothing may call it, so every export throws.
 */
export function mockAuthConfig() {
  const unused = () => {
    throw new Error("action-harness: next-auth was called, but getViewer is mocked");
  };
  // signOut ends in a redirect, as next-auth's does; the session row itself is the data layer's job.
  const signOut = async (options?: { redirectTo?: string }) => {
    const { redirect } = await import("next/navigation");
    redirect(options?.redirectTo ?? "/");
  };
  return { signIn: unused, signOut, handlers: { GET: unused, POST: unused } };
}

export function mockNextHeaders() {
  const noCookies = {
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => {},
    delete: () => {},
  };
  return {
    cookies: async () => noCookies,
    headers: async () => new Headers({ "accept-language": state.acceptLanguage }),
  };
}

export function mockNextCache() {
  return { revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() };
}

// ---- calling actions ----

type ActionValue = string | number | boolean | null | undefined | readonly string[];
export type FormValues = Record<string, ActionValue>;

/** FormData as a browser would post it: null/undefined fields are left out, arrays repeat the key. */
export function formDataOf(values: FormValues): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) form.append(key, item);
    else form.append(key, String(value));
  }
  return form;
}

export type ActionOutcome = FormResult<{ id: string }> | { redirected: string };
type ServerAction = (previous: never, formData: FormData) => Promise<unknown>;

/** The URL of a NEXT_REDIRECT error (digest "NEXT_REDIRECT;type;url;status;"), or null for any other error. */
function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) return null;
  return digest.split(";").slice(2, -2).join(";");
}

/**
 * Runs a server action as `email` (null = signed out), the viewer read from the database as on a real
 * request. Returns the FormResult, or `{ redirected: url }` when the action redirected; anything else
 * it throws is rethrown (a test expecting a refusal then fails on the 500 it would have been).
 */
export async function callAs(email: string | null, action: ServerAction, values: FormValues): Promise<ActionOutcome> {
  state.viewer = await viewerByEmail(requireDb(), email);
  try {
    return (await action(null as never, formDataOf(values))) as FormResult<{ id: string }>;
  } catch (error) {
    const url = redirectTarget(error);
    if (url !== null) return { redirected: url };
    throw error;
  } finally {
    state.viewer = null;
  }
}

/** A refused FormResult, or a failed assertion naming what came back instead. */
export function refusal(outcome: ActionOutcome) {
  if ("redirected" in outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
  return outcome;
}

// ---- proving that nothing was written ----

export type DatabaseSnapshot = Record<string, { rows: number; digest: string }>;

/**
 * Row count and a digest of the contents of every table in the public schema, so a comparison
 * catches updates as well as inserts and deletes.
 */
export async function snapshotTables(db: Db): Promise<DatabaseSnapshot> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  const snapshot: DatabaseSnapshot = {};
  for (const { table_name: name } of tables) {
    const [row] = rowsOf<{ rows: number | string; digest: string | null }>(
      await db.execute(sql`select count(*) as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`),
    );
    snapshot[name] = { rows: Number(row!.rows), digest: row!.digest ?? "" };
  }
  return snapshot;
}

/** postgres.js returns the rows as an array, PGlite as `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** Only the row counts of a snapshot, e.g. to show which tables grew. */
export function rowCounts(snapshot: DatabaseSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([name, s]) => [name, s.rows]));
}
