import { sql } from "drizzle-orm";
import { boolean, check, index, integer, numeric, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, yuan } from "./columns";
import { targetMetric } from "./enums";

/** An industrial park or high-tech zone: the tenant. Every tenant row carries its park_id. */
export const parks = pgTable(
  "parks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    province: text("province").notNull(),
    provinceEn: text("province_en"),
    city: text("city").notNull(),
    cityEn: text("city_en"),
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
