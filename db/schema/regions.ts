import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { regionLevel } from "./enums";

/**
 * Provinces and their cities, as platform admins keep them. A park sits in a city; a region role on
 * a province reads the parks of all its cities. Only two levels: a city's parent is a province.
 */
export const regions = pgTable(
  "regions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => regions.id, { onDelete: "restrict" }),
    level: regionLevel("level").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // A province has no parent and a city has one (that the parent is a province, the write checks).
    check("regions_level_parent_chk", sql`(${t.level} = 'province') = (${t.parentId} is null)`),
    // Two provinces, or two cities of a province, never share a name (nulls compare equal: provinces).
    unique("regions_parent_id_name_uq").on(t.parentId, t.name).nullsNotDistinct(),
    // "Cities of this province": the admin list and the region-role expansion in the viewer query.
    index("regions_parent_id_idx").on(t.parentId),
  ],
);

export type Region = typeof regions.$inferSelect;
