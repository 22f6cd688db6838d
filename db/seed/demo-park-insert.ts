import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  auditEvents,
  capacities,
  milestoneBaselines,
  milestones,
  parkHealthRules,
  parks,
  phases,
  problemUpdates,
  problems,
  productionLines,
  progressCapacities,
  progressEntries,
  projects,
  shareLinks,
  targets,
  users,
} from "../schema";
import { DEFAULT_REDACTION } from "../../lib/domain/share-schemas";
import type { Tx } from "../types";
import { DEMO_PARK } from "./demo-park-catalog";
import { buildDemoPark, type DemoParkRows } from "./demo-park";

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table here. */
const CHUNK = 500;

async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: T["$inferInsert"][]) {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK));
}

/** A share link of the demo park: its token, shown once in the seed's output like any new link. */
export interface DemoShareToken {
  label: string;
  token: string;
}

/**
 * Writes the demonstration park for `today` (a China day) in one bulk statement per table: a few dozen
 * round trips for ~3,000 rows. Its history and share links follow once the demo accounts exist.
 */
export async function insertDemoPark(tx: Tx, today: string): Promise<{ parkId: string; rows: DemoParkRows }> {
  const [park] = await tx.insert(parks).values({ ...DEMO_PARK, isDemo: true }).returning({ id: parks.id });
  const parkId = park!.id;
  const rows = buildDemoPark(parkId, today);
  await insertAll(tx, projects, rows.projects);
  await insertAll(tx, phases, rows.phases);
  await insertAll(tx, productionLines, rows.lines);
  await insertAll(tx, capacities, rows.capacities);
  await insertAll(tx, milestones, rows.milestones);
  await insertAll(tx, milestoneBaselines, rows.baselines);
  await insertAll(tx, progressEntries, rows.entries);
  await insertAll(tx, progressCapacities, rows.reports);
  await insertAll(tx, problems, rows.problems);
  await insertAll(tx, problemUpdates, rows.problemUpdates);
  await insertAll(tx, targets, rows.targets);
  await tx.insert(parkHealthRules).values({ parkId });
  return { parkId, rows };
}

/** The demo park's history and share links, by a demo account (inserted after the park). */
export async function insertDemoParkActivity(tx: Tx, { parkId, rows, actorEmail }: { parkId: string; rows: DemoParkRows; actorEmail: string }): Promise<DemoShareToken[]> {
  const [actor] = await tx.select({ id: users.id }).from(users).where(eq(users.email, actorEmail));
  await insertAll(tx, auditEvents, rows.audit.map((e) => ({ ...e, parkId, actorId: actor?.id ?? null })));
  const tokens: DemoShareToken[] = [];
  for (const link of rows.shareTargets) {
    const token = randomBytes(32).toString("base64url");
    await tx.insert(shareLinks).values({
      parkId,
      projectId: link.projectId,
      scope: link.projectId ? "project" : "park",
      tokenHash: createHash("sha256").update(token, "utf8").digest(),
      label: link.label,
      redaction: DEFAULT_REDACTION,
      createdBy: actor?.id ?? null,
    });
    tokens.push({ label: link.label, token });
  }
  return tokens;
}
