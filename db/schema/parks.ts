import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, yuan } from "./columns";
import { targetMetric } from "./enums";
import { regions } from "./regions";

/** One of a park's industry clusters (产业集群), in Chinese and optionally English. */
export interface ParkCluster {
  name: string;
  nameEn: string | null;
}

/** An industrial park or high-tech zone: the tenant. Every tenant row carries its park_id. */
export const parks = pgTable(
  "parks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    /**
     * The city the park sits in. Null only for parks written by plain SQL outside the admin pages
     * (test fixtures); the admin form requires it, and migration 0012 set it for every park then.
     */
    regionId: uuid("region_id").references(() => regions.id, { onDelete: "restrict" }),
    // Copies of the region's names, written with region_id by the park and region writes in one
    // transaction (db/queries/organisation.ts): every rollup, page and API reads them without a join.
    province: text("province").notNull(),
    provinceEn: text("province_en"),
    city: text("city").notNull(),
    cityEn: text("city_en"),
    /** The park's industry clusters, in the order the admin listed them. */
    clusters: jsonb("clusters").$type<ParkCluster[]>().notNull().default([]),
    /** An archived park is read-only for everyone and out of every list; its data stays. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** A demonstration park with generated, illustrative figures: every page showing its data says so. */
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("parks_slug_chk", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    // Region rollups group parks by province, then city.
    index("parks_province_city_idx").on(t.province, t.city),
    // Region roles: "parks of these cities" in the viewer query.
    index("parks_region_id_idx").on(t.regionId),
  ],
);

/** A park's target, e.g. output value over ¥100 bn by 2025 from a 2020 base. */
export const targets = pgTable(
  "targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parkId: uuid("park_id")
      .notNull()
      .references(() => parks.id, { onDelete: "cascade" }),
    metric: targetMetric("metric").notNull(),
    value: yuan("value").notNull(),
    year: integer("year").notNull(),
    baseYear: integer("base_year").notNull(),
    baseValue: yuan("base_value"),
    /** Average annual growth the park announced with the target, in percent. */
    statedGrowthPct: numeric("stated_growth_pct", { precision: 6, scale: 2 }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("targets_park_id_metric_year_uq").on(t.parkId, t.metric, t.year),
    check("targets_value_chk", sql`${t.value} >= 0 and (${t.baseValue} is null or ${t.baseValue} >= 0)`),
    check("targets_years_chk", sql`${t.baseYear} < ${t.year} and ${t.baseYear} between 1949 and 2200 and ${t.year} <= 2200`),
  ],
);

export type Park = typeof parks.$inferSelect;
export type Target = typeof targets.$inferSelect;
