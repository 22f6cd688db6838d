import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/db/migrate";
import { createEmptyDatabase, TEST_TARGETS, type TestDatabase } from "../support/databases";

/** The regions migration's hand-written part: parks' province/city text becomes region rows, and each park points at its city. */

const REGIONS_TAG = "regions_region_roles_archived_parks";

const rowsOf = (result: unknown): Record<string, unknown>[] => (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows);

/** The committed migrations up to (not including) the regions migration, whatever number it has. */
function migrationsBeforeRegions(): string {
  const dir = mkdtempSync(join(tmpdir(), "parkline-before-regions-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const path = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(path, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(REGIONS_TAG));
  if (at < 0) throw new Error(`no migration ${REGIONS_TAG}`);
  writeFileSync(path, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return dir;
}

describe.each(TEST_TARGETS)("the regions migration on %s", (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it("makes a province per province, a city per province and city, and points every park at its city", async () => {
    database = await createEmptyDatabase(kind);
    const db = database.db;
    await applyMigrations(db, migrationsBeforeRegions());
    await db.execute(sql`insert into parks (slug, name, province, province_en, city, city_en) values
      ('a', '甲', '浙江省', 'Zhejiang', '宁波市', 'Ningbo'),
      ('b', '乙', '浙江省', null, '宁波市', null),
      ('c', '丙', '浙江省', 'Zhejiang', '杭州市', 'Hangzhou'),
      ('d', '丁', '湖南省', 'Hunan', '长沙市', 'Changsha'),
      ('e', '戊', '吉林省', null, '长春市', null)`);
    await applyMigrations(db);

    const regions = rowsOf(await db.execute(sql`select r.level::text, r.name, r.name_en, p.name as province from regions r left join regions p on p.id = r.parent_id order by r.level, r.name collate "C"`));
    expect(regions).toEqual([
      { level: "province", name: "吉林省", name_en: null, province: null },
      { level: "province", name: "浙江省", name_en: "Zhejiang", province: null },
      { level: "province", name: "湖南省", name_en: "Hunan", province: null },
      { level: "city", name: "宁波市", name_en: "Ningbo", province: "浙江省" },
      { level: "city", name: "杭州市", name_en: "Hangzhou", province: "浙江省" },
      { level: "city", name: "长春市", name_en: null, province: "吉林省" },
      { level: "city", name: "长沙市", name_en: "Changsha", province: "湖南省" },
    ]);
    const parks = rowsOf(await db.execute(sql`select p.slug, c.name as city, pr.name as province from parks p join regions c on c.id = p.region_id join regions pr on pr.id = c.parent_id order by p.slug`));
    expect(parks).toEqual([
      { slug: "a", city: "宁波市", province: "浙江省" },
      { slug: "b", city: "宁波市", province: "浙江省" },
      { slug: "c", city: "杭州市", province: "浙江省" },
      { slug: "d", city: "长沙市", province: "湖南省" },
      { slug: "e", city: "长春市", province: "吉林省" },
    ]);
  });
});
