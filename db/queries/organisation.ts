import "server-only";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditEvents, parks, regions, users, type ParkCluster } from "../schema";
import type { Db, Executor } from "../types";
import { diffFields, listChangesSince, recordAudit } from "./audit";
import { Refusal } from "@/lib/refusal";
import { runWrite, type WriteOutcome } from "./outcomes";

/**
 * Platform administration of the organisation: regions (province → city) and parks. The caller (a
 * guarded action) has checked the platform-admin flag; `actorId` is who the audit history names.
 * Parks keep a copy of their region's names (parks.province/city…), written here and only here.
 */

const province = alias(regions, "province");

/** Every region, provinces first by name, each city after its province, with the parks in each. */
export async function listRegions(db: Executor) {
  return db
    .select({
      id: regions.id,
      parentId: regions.parentId,
      level: regions.level,
      name: regions.name,
      nameEn: regions.nameEn,
      parks: sql<number>`(select count(*) from ${parks} where ${parks.regionId} = ${regions.id})`.mapWith(Number),
    })
    .from(regions)
    .leftJoin(province, eq(province.id, regions.parentId))
    .orderBy(sql`coalesce(${province.name}, ${regions.name})`, sql`${regions.parentId} nulls first`, asc(regions.name));
}

export type RegionListItem = Awaited<ReturnType<typeof listRegions>>[number];

export async function getRegion(db: Executor, { regionId }: { regionId: string }) {
  const [row] = await db
    .select({ region: regions, provinceName: province.name, provinceNameEn: province.nameEn })
    .from(regions)
    .leftJoin(province, eq(province.id, regions.parentId))
    .where(eq(regions.id, regionId));
  return row ?? null;
}

export interface RegionFields {
  parentId?: string;
  name: string;
  nameEn: string | null;
}

const REGION_FIELDS = ["level", "parentId", "name", "nameEn"] as const;

/**
 * Creates a province (no parent) or a city (its province as parent), or renames one at the version
 * the admin read. A rename rewrites the copies its parks keep, in the same transaction.
 */
export function saveRegion(db: Db, { actorId }: { actorId: string }, input: RegionFields & { regionId?: string; version?: number }): Promise<WriteOutcome> {
  const audit = { parkId: null, actorId, entity: "region", projectId: null };
  return runWrite(() =>
    db.transaction(async (tx): Promise<WriteOutcome> => {
      if (!input.regionId) {
        if (input.parentId) {
          const [parent] = await tx.select({ level: regions.level }).from(regions).where(eq(regions.id, input.parentId));
          if (!parent || parent.level !== "province") throw Refusal.invalidField("parentId", "admin.region.parentInvalid");
        }
        const level = input.parentId ? ("city" as const) : ("province" as const);
        const [row] = await tx.insert(regions).values({ level, parentId: input.parentId ?? null, name: input.name, nameEn: input.nameEn }).returning();
        await recordAudit(tx, { ...audit, entityId: row!.id, action: "create", changes: diffFields(null, row!, REGION_FIELDS), entityVersion: row!.version });
        return { ok: true, value: { id: row!.id }, warnings: [] };
      }
      const [current] = await tx.select().from(regions).where(eq(regions.id, input.regionId)).for("update");
      if (!current) throw Refusal.notFound();
      if (input.version === undefined) throw Refusal.invalidField("version", "validation.invalid");
      if (current.version !== input.version) {
        return { ok: false, reason: "conflict", changes: await listChangesSince(tx, { parkId: null, entityId: current.id, sinceVersion: input.version }) };
      }
      const fields = { name: input.name, nameEn: input.nameEn };
      const changes = diffFields(current, fields, ["name", "nameEn"]);
      if (Object.keys(changes).length === 0) return { ok: true, value: { id: current.id }, warnings: [] };
      const [updated] = await tx
        .update(regions)
        .set({ ...fields, version: sql`${regions.version} + 1` })
        .where(eq(regions.id, current.id))
        .returning({ version: regions.version });
      await copyRegionNames(tx, current.level === "city" ? { cityId: current.id } : { provinceId: current.id });
      await recordAudit(tx, { ...audit, entityId: current.id, action: "update", changes, entityVersion: updated!.version });
      return { ok: true, value: { id: current.id }, warnings: [] };
    }),
  );
}

/** Writes the current names of each park's city and province into its copies (parks of one city, or of one province). */
async function copyRegionNames(tx: Executor, scope: { cityId: string } | { provinceId: string }) {
  const city = alias(regions, "city");
  const cityIds = tx
    .select({ id: city.id })
    .from(city)
    .where("cityId" in scope ? eq(city.id, scope.cityId) : eq(city.parentId, scope.provinceId));
  await tx.execute(sql`
    update ${parks} p set province = pr.name, province_en = pr.name_en, city = c.name, city_en = c.name_en, updated_at = now()
    from ${regions} c join ${regions} pr on pr.id = c.parent_id
    where p.region_id = c.id and c.id in (${cityIds})`);
}

/** Every park, archived ones too (the admin list is where they are un-archived), by name. */
export async function listParksForAdmin(db: Executor) {
  return db
    .select({
      id: parks.id,
      slug: parks.slug,
      name: parks.name,
      nameEn: parks.nameEn,
      province: parks.province,
      provinceEn: parks.provinceEn,
      city: parks.city,
      cityEn: parks.cityEn,
      archivedAt: parks.archivedAt,
      clusters: parks.clusters,
    })
    .from(parks)
    .orderBy(sql`${parks.archivedAt} is not null`, asc(parks.name), asc(parks.id));
}

export async function getParkForAdmin(db: Executor, { parkId }: { parkId: string }) {
  const [row] = await db.select().from(parks).where(eq(parks.id, parkId));
  return row ?? null;
}

export interface ParkFields {
  slug: string;
  name: string;
  nameEn: string | null;
  /** The city the park sits in. */
  regionId: string;
  clusters: ParkCluster[];
}

const PARK_FIELDS = ["slug", "name", "nameEn", "regionId", "province", "provinceEn", "city", "cityEn", "clusters"] as const;

/**
 * Creates a park, or edits one at the version the admin read. The city must be a city; the park's
 * province and city names are copied from it. A slug another park has is a field error ("taken").
 */
export function savePark(db: Db, { actorId }: { actorId: string }, input: ParkFields & { parkId?: string; version?: number }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx): Promise<WriteOutcome> => {
      const [place] = await tx
        .select({ level: regions.level, city: regions.name, cityEn: regions.nameEn, province: province.name, provinceEn: province.nameEn })
        .from(regions)
        .leftJoin(province, eq(province.id, regions.parentId))
        .where(eq(regions.id, input.regionId));
      if (!place || place.level !== "city" || place.province === null) throw Refusal.invalidField("regionId", "admin.park.cityRequired");
      const fields = {
        slug: input.slug, name: input.name, nameEn: input.nameEn, regionId: input.regionId, clusters: input.clusters,
        province: place.province, provinceEn: place.provinceEn, city: place.city, cityEn: place.cityEn,
      };
      if (!input.parkId) {
        const [row] = await tx.insert(parks).values(fields).returning();
        await recordAudit(tx, { parkId: row!.id, actorId, entity: "park", entityId: row!.id, projectId: null, action: "create", changes: diffFields(null, row!, PARK_FIELDS), entityVersion: row!.version });
        return { ok: true, value: { id: row!.id }, warnings: [] };
      }
      const [current] = await tx.select().from(parks).where(eq(parks.id, input.parkId)).for("update");
      if (!current) throw Refusal.notFound();
      if (input.version === undefined) throw Refusal.invalidField("version", "validation.invalid");
      if (current.version !== input.version) {
        return { ok: false, reason: "conflict", changes: await listChangesSince(tx, { parkId: current.id, entityId: current.id, sinceVersion: input.version }) };
      }
      // Clusters compare as JSON: the same list in the same order is no change.
      const changes = diffFields({ ...current, clusters: JSON.stringify(current.clusters) }, { ...fields, clusters: JSON.stringify(fields.clusters) }, PARK_FIELDS);
      if (changes.clusters) changes.clusters = [current.clusters, fields.clusters];
      if (Object.keys(changes).length === 0) return { ok: true, value: { id: current.id }, warnings: [] };
      const [updated] = await tx
        .update(parks)
        .set({ ...fields, version: sql`${parks.version} + 1` })
        .where(eq(parks.id, current.id))
        .returning({ version: parks.version });
      await recordAudit(tx, { parkId: current.id, actorId, entity: "park", entityId: current.id, projectId: null, action: "update", changes, entityVersion: updated!.version });
      return { ok: true, value: { id: current.id }, warnings: [] };
    }),
  );
}

/** Archives (read-only, out of lists, data kept) or un-archives a park at the version the admin read. */
export function setParkArchived(db: Db, { actorId }: { actorId: string }, input: { parkId: string; version: number; archived: boolean }): Promise<WriteOutcome> {
  return runWrite(() =>
    db.transaction(async (tx): Promise<WriteOutcome> => {
      const [current] = await tx.select().from(parks).where(eq(parks.id, input.parkId)).for("update");
      if (!current) throw Refusal.notFound();
      if (current.version !== input.version) {
        return { ok: false, reason: "conflict", changes: await listChangesSince(tx, { parkId: current.id, entityId: current.id, sinceVersion: input.version }) };
      }
      if ((current.archivedAt !== null) === input.archived) return { ok: true, value: { id: current.id }, warnings: [] };
      const [updated] = await tx
        .update(parks)
        .set({ archivedAt: input.archived ? sql`now()` : null, version: sql`${parks.version} + 1` })
        .where(eq(parks.id, current.id))
        .returning({ version: parks.version, archivedAt: parks.archivedAt });
      await recordAudit(tx, {
        parkId: current.id, actorId, entity: "park", entityId: current.id, projectId: null, action: "update",
        changes: { archivedAt: [current.archivedAt?.toISOString() ?? null, updated!.archivedAt?.toISOString() ?? null] }, entityVersion: updated!.version,
      });
      return { ok: true, value: { id: current.id }, warnings: [] };
    }),
  );
}

/** The parks a region holds: a city's own, or a province's cities' parks. */
export async function listParksOfRegion(db: Executor, { regionId }: { regionId: string }) {
  const cityIds = db.select({ id: regions.id }).from(regions).where(or(eq(regions.id, regionId), eq(regions.parentId, regionId)));
  return db
    .select({ id: parks.id, slug: parks.slug, name: parks.name, nameEn: parks.nameEn, archivedAt: parks.archivedAt })
    .from(parks)
    .where(inArray(parks.regionId, cityIds))
    .orderBy(asc(parks.name));
}

/** A park's own audit history (its names, region, clusters, archiving), newest first. */
export async function listParkHistory(db: Executor, { parkId }: { parkId: string }) {
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, actorName: users.name, entity: auditEvents.entity, action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.parkId, parkId), eq(auditEvents.entityId, parkId), eq(auditEvents.entity, "park")))
    .orderBy(desc(auditEvents.id))
    .limit(50);
}

/** A park's industry clusters, in the admin's order: the choices the project form offers. */
export async function listParkClusters(db: Executor, { parkId }: { parkId: string }): Promise<ParkCluster[]> {
  const [row] = await db.select({ clusters: parks.clusters }).from(parks).where(eq(parks.id, parkId));
  return row?.clusters ?? [];
}
