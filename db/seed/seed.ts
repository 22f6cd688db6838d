import { hash } from "@node-rs/argon2";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import {
  capacities,
  memberships,
  milestones,
  parks,
  phases,
  productionLines,
  progressEntries,
  projects,
  provenance,
  regionMemberships,
  regions,
  sources,
  targets,
  users,
} from "../schema";
import type { Executor, Tx, Db } from "../types";
import { rebuildMonthlyStats } from "../queries/rollup-maintenance";
import { chinaToday } from "../../lib/domain/china-day";
import { DEMO_ACCOUNTS, DEMO_PARK_ACTOR, DEMO_PASSWORD } from "./accounts";
import { demoData } from "./demo-data";
import { DEMO_PARK } from "./demo-park-catalog";
import { insertDemoPark, insertDemoParkActivity, type DemoShareToken } from "./demo-park-insert";
import type { DemoCapacity, DemoDataset, Provenance } from "./types";

export class SeedRefusedError extends Error {
  override name = "SeedRefusedError";
}

async function countRows(db: Executor) {
  const [p] = await db.select({ n: count() }).from(parks);
  const [u] = await db.select({ n: count() }).from(users);
  return { parks: p?.n ?? 0, users: u?.n ?? 0 };
}

/** Every table the seed writes, children first; `--force` empties them before seeding. */
const ALL_TABLES =
  "park_project_stats, park_capacity_stats, park_monthly_stats, park_health_rules, audit_events, provenance, sources, share_links, problem_updates, problems, progress_capacities, progress_entries, milestone_baselines, milestones, capacities, production_lines, phases, projects, targets, memberships, sessions, sign_in_attempts, sign_in_known_addresses, region_memberships, users, parks, regions";

/**
 * Loads the sourced parks of the demo dataset and the demonstration park generated for `today` (a
 * China day). Refuses a database that already holds data unless `force`, which wipes every Parkline
 * table first — all in one transaction, so a failure leaves the database as it was. Returns the
 * tokens of the demonstration park's share links (only their hashes are stored).
 */
export async function seedDemoData(db: Db, { force = false, dataset = demoData, today = chinaToday() } = {}): Promise<DemoShareToken[]> {
  return db.transaction(async (tx) => {
    const existing = await countRows(tx);
    if (existing.parks > 0 || existing.users > 0) {
      if (!force) {
        throw new SeedRefusedError(
          `The database already holds data (${existing.parks} parks, ${existing.users} users); nothing was changed. Re-run with --force to wipe it and load the demo data.`,
        );
      }
      await tx.execute(sql.raw(`truncate ${ALL_TABLES} restart identity cascade`));
    }
    await insertDataset(tx, dataset);
    const demo = await insertDemoPark(tx, today);
    // The demonstration park names its own province and city: they become regions like the others'.
    await tx.update(parks).set({ regionId: await cityRegion(tx, DEMO_PARK) }).where(eq(parks.id, demo.parkId));
    // Each park's industry clusters: those its projects name, by Chinese name.
    await tx.execute(sql`update ${parks} p set clusters = coalesce((
      select jsonb_agg(jsonb_build_object('name', c.cluster, 'nameEn', c.cluster_en) order by c.cluster)
      from (select distinct on (cluster) cluster, cluster_en from ${projects} where park_id = p.id order by cluster, cluster_en nulls last) c), '[]'::jsonb)`);
    await rebuildMonthlyStats(tx);
    await insertAccounts(tx);
    return insertDemoParkActivity(tx, { ...demo, actorEmail: DEMO_PARK_ACTOR });
  });
}

/** Used at the first start on the embedded database: seeds only a database with no parks and no users. */
export async function seedIfEmpty(db: Db, { today = chinaToday() } = {}): Promise<boolean> {
  const existing = await countRows(db);
  if (existing.parks > 0 || existing.users > 0) return false;
  await seedDemoData(db, { today });
  return true;
}

async function insertAccounts(tx: Tx) {
  const parkRows = await tx.select({ id: parks.id, slug: parks.slug }).from(parks);
  const parkIdBySlug = new Map(parkRows.map((p) => [p.slug, p.id]));
  // One hash for all: they share the published demo password, and argon2 is slow on purpose (~0.1 s each).
  const passwordHash = await hash(DEMO_PASSWORD);
  const userRows = await tx
    .insert(users)
    .values(DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name, locale: a.locale, passwordHash, platformAdmin: a.platformAdmin ?? false })))
    .returning({ id: users.id, email: users.email });
  const userIdByEmail = new Map(userRows.map((u) => [u.email, u.id]));
  // Region readers (a provincial department) read every park of the region without a membership per park.
  for (const account of DEMO_ACCOUNTS) {
    for (const regionName of account.regionReads ?? []) {
      const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.name, regionName));
      if (!region) throw new Error(`Demo account ${account.email} reads an unknown region ${regionName}`);
      await tx.insert(regionMemberships).values({ userId: userIdByEmail.get(account.email)!, regionId: region.id, role: "viewer" });
    }
  }
  const rows = DEMO_ACCOUNTS.flatMap((account) =>
    account.memberships.map((m) => {
      const parkId = parkIdBySlug.get(m.parkSlug);
      if (!parkId) throw new Error(`Demo account ${account.email} names an unknown park ${m.parkSlug}`);
      return { userId: userIdByEmail.get(account.email)!, parkId, role: m.role };
    }),
  );
  await tx.insert(memberships).values(rows);
}

/** The park's city region, created (with its province) the first time a park names it. */
async function cityRegion(tx: Tx, park: { province: string; provinceEn: string | null; city: string; cityEn: string | null }): Promise<string> {
  const findOrCreate = async (parentId: string | null, name: string, nameEn: string | null) => {
    const [found] = await tx.select({ id: regions.id }).from(regions).where(and(parentId ? eq(regions.parentId, parentId) : isNull(regions.parentId), eq(regions.name, name)));
    if (found) return found.id;
    const [row] = await tx.insert(regions).values({ parentId, level: parentId ? "city" : "province", name, nameEn }).returning({ id: regions.id });
    return row!.id;
  };
  return findOrCreate(await findOrCreate(null, park.province, park.provinceEn), park.city, park.cityEn);
}

async function insertDataset(tx: Tx, dataset: DemoDataset) {
  const sourceRows = await tx
    .insert(sources)
    .values(
      dataset.sources.map((s) => ({
        key: s.key,
        title: s.title,
        publisher: s.publisher,
        publishedOn: s.publishedOn,
        publishedOnEstimated: s.publishedOnEstimated,
        note: s.note ?? null,
      })),
    )
    .returning({ id: sources.id, key: sources.key });
  const sourceIdByKey = new Map(sourceRows.map((s) => [s.key, s.id]));

  for (const park of dataset.parks) {
    const [parkRow] = await tx
      .insert(parks)
      .values({
        regionId: await cityRegion(tx, park),
        slug: park.slug,
        name: park.name,
        nameEn: park.nameEn,
        province: park.province,
        provinceEn: park.provinceEn,
        city: park.city,
        cityEn: park.cityEn,
      })
      .returning({ id: parks.id });
    const parkId = parkRow!.id;
    const cite = async (entity: string, entityId: string, field: string, p: Provenance) => {
      const sourceId = sourceIdByKey.get(p.source);
      if (!sourceId) throw new Error(`Unknown source ${p.source} for ${entity}.${field}`);
      await tx.insert(provenance).values({ parkId, entity, entityId, field, sourceId, estimated: p.estimated ?? false, quote: p.quote });
    };

    for (const target of park.targets) {
      const [row] = await tx
        .insert(targets)
        .values({
          parkId,
          metric: target.metric,
          value: target.value,
          year: target.year,
          baseYear: target.baseYear,
          baseValue: target.baseValue ?? null,
          statedGrowthPct: target.statedGrowthPct ?? null,
        })
        .returning({ id: targets.id });
      await cite("target", row!.id, "value", target.provenance);
    }

    for (const project of park.projects) {
      const [projectRow] = await tx
        .insert(projects)
        .values({
          parkId,
          code: project.code,
          name: project.name,
          nameEn: project.nameEn,
          company: project.company,
          companyEn: project.companyEn,
          cluster: project.cluster,
          clusterEn: project.clusterEn,
          stage: project.stage,
          health: project.health,
          responsibleUnit: project.responsibleUnit ?? null,
          leaderInCharge: project.leaderInCharge ?? null,
          plannedInvestment: project.plannedInvestment ?? "0",
          contractedInvestment: project.contractedInvestment ?? "0",
          inPlaceInvestment: project.inPlaceInvestment ?? "0",
          completedInvestment: project.completedInvestment ?? "0",
        })
        .returning({ id: projects.id });
      const projectId = projectRow!.id;
      await cite("project", projectId, "record", project.provenance);
      for (const [field, p] of Object.entries(project.investmentProvenance ?? {})) {
        if (p) await cite("project", projectId, `${field}Investment`, p);
      }

      const addCapacities = async (list: DemoCapacity[], phaseId: string | null, lineId: string | null) => {
        for (const c of list) {
          const [row] = await tx
            .insert(capacities)
            .values({
              parkId,
              projectId,
              phaseId,
              lineId,
              product: c.product,
              productEn: c.productEn,
              unit: c.unit,
              period: c.period,
              designed: c.designed,
              online: c.online,
            })
            .returning({ id: capacities.id });
          await cite("capacity", row!.id, "designed", c.provenance);
        }
      };
      await addCapacities(project.capacities, null, null);

      for (const [phaseIndex, phase] of project.phases.entries()) {
        const [phaseRow] = await tx
          .insert(phases)
          .values({ parkId, projectId, seq: phaseIndex + 1, name: phase.name, nameEn: phase.nameEn, stage: phase.stage })
          .returning({ id: phases.id });
        const phaseId = phaseRow!.id;
        await addCapacities(phase.capacities, phaseId, null);
        for (const [lineIndex, line] of phase.lines.entries()) {
          const [lineRow] = await tx
            .insert(productionLines)
            .values({ parkId, projectId, phaseId, seq: lineIndex + 1, name: line.name, nameEn: line.nameEn })
            .returning({ id: productionLines.id });
          await addCapacities(line.capacities, phaseId, lineRow!.id);
        }
      }

      for (const m of project.milestones) {
        const [row] = await tx
          .insert(milestones)
          .values({
            parkId,
            projectId,
            type: m.type,
            customLabel: m.customLabel ?? null,
            plannedDate: m.planned ?? null,
            forecastDate: m.forecast ?? null,
            actualDate: m.actual ?? null,
          })
          .returning({ id: milestones.id });
        await cite("milestone", row!.id, "dates", m.provenance);
      }

      for (const e of project.progress) {
        const [row] = await tx
          .insert(progressEntries)
          .values({
            parkId,
            projectId,
            period: e.period,
            narrative: e.narrative,
            narrativeEn: e.narrativeEn,
            investmentCompleted: e.investmentCompleted ?? null,
            outputValue: e.outputValue ?? null,
          })
          .returning({ id: progressEntries.id });
        await cite("progress_entry", row!.id, "record", e.provenance);
      }
    }
  }
}
